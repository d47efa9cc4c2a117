package io.convopt.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Evaluates a target f once per distinct point and counts the evaluations.
 *
 * <p>Points are keyed by their exact bits (−0.0 is treated as +0.0): grids of this package compute
 * every point as origin + index·step, so the same grid point always has the same key. f receives a
 * fresh copy of the point.
 *
 * <p><b>Poles.</b> If f returns NaN or ±∞ the cache throws {@link IllegalArgumentException} naming
 * the point and the value, and caches nothing. It does not cap or skip: the solver layer handles
 * poles (for instance of log-singular targets) by offsetting its grid so that no grid point hits
 * the pole.
 *
 * <p>Not thread-safe (one cache per solver run). Lookups are O(n) expected.
 */
public final class SampleCache {

  /**
   * Evaluates f at many points in one call: {@code out[k] = f(points[k])}. The cache hands a whole
   * grid's missing points to it at once, so a vectorised or parallel objective can use its own
   * batch path (see {@link #of(ToDoubleFunction, Batch, int)}).
   */
  @FunctionalInterface
  public interface Batch {
    void evaluate(double[][] points, double[] out);
  }

  private final ToDoubleFunction<double[]> f;
  private final Batch batch;
  private final int dimension;
  private final Map<Key, Double> values = new HashMap<>();
  private long evaluations;

  private SampleCache(ToDoubleFunction<double[]> f, Batch batch, int dimension) {
    if (f == null || batch == null) {
      throw new IllegalArgumentException("f and its batch form must not be null");
    }
    if (dimension < 1) {
      throw new IllegalArgumentException(
          "dimension = " + dimension + " is not allowed: it must be >= 1");
    }
    this.f = f;
    this.batch = batch;
    this.dimension = dimension;
  }

  /** A cache for an n-D target; grids are evaluated point by point. */
  public static SampleCache of(ToDoubleFunction<double[]> f, int dimension) {
    if (f == null) {
      throw new IllegalArgumentException("f must not be null");
    }
    return new SampleCache(
        f,
        (points, out) -> {
          for (int k = 0; k < points.length; k++) {
            out[k] = f.applyAsDouble(points[k]);
          }
        },
        dimension);
  }

  /**
   * A cache for an n-D target with a batch form: {@link #values(PointSet)} passes all of a grid's
   * not-yet-cached points (each distinct point once) to {@code batch} in one call; single lookups
   * use {@code f}. Both must compute the same function.
   */
  public static SampleCache of(ToDoubleFunction<double[]> f, Batch batch, int dimension) {
    return new SampleCache(f, batch, dimension);
  }

  /** A cache for a 1-D target. */
  public static SampleCache of1D(DoubleUnaryOperator f) {
    if (f == null) {
      throw new IllegalArgumentException("f must not be null");
    }
    return of(x -> f.applyAsDouble(x[0]), 1);
  }

  /** The dimension of the points. */
  public int dimension() {
    return dimension;
  }

  /** How many times f has been called. */
  public long evaluations() {
    return evaluations;
  }

  /** How many distinct points are stored. */
  public int size() {
    return values.size();
  }

  /** f(x), evaluated at most once per distinct x. */
  public double value(double[] x) {
    Checks.sameLength("x", x.length, "dimension", dimension);
    Key key = new Key(x);
    Double v = values.get(key);
    if (v != null) {
      return v;
    }
    double fx = f.applyAsDouble(x.clone());
    evaluations++;
    if (!Double.isFinite(fx)) {
      throw new IllegalArgumentException(
          "f(x) = "
              + fx
              + " at x = "
              + Arrays.toString(x)
              + ": f must be finite at every sample point (offset the grid away from poles)");
    }
    values.put(key, fx);
    return fx;
  }

  /** f(x) for a 1-D target. */
  public double value(double x) {
    return value(new double[] {x});
  }

  /**
   * f at every point of the set, in order. The points not yet cached are evaluated in one batch
   * call (each distinct point once); if any of them gives NaN or ±∞ nothing of the batch is cached
   * and the error names the first such point.
   */
  public double[] values(PointSet points) {
    Checks.sameLength("points dimension", points.dimension(), "dimension", dimension);
    int n = points.size();
    double[] out = new double[n];
    double[][] c = points.raw();
    Map<Key, Integer> pending = new HashMap<>(); // missing point -> its slot in the batch
    int[] slot = new int[n]; // -1: cached; else the batch slot
    List<double[]> missing = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      double[] p = new double[dimension];
      for (int i = 0; i < dimension; i++) {
        p[i] = c[i][k];
      }
      Key key = new Key(p);
      Double v = values.get(key);
      if (v != null) {
        out[k] = v;
        slot[k] = -1;
        continue;
      }
      Integer s = pending.get(key);
      if (s == null) {
        s = missing.size();
        pending.put(key, s);
        missing.add(p);
      }
      slot[k] = s;
    }
    if (missing.isEmpty()) {
      return out;
    }
    double[][] batchPoints = new double[missing.size()][];
    for (int m = 0; m < batchPoints.length; m++) {
      batchPoints[m] = missing.get(m).clone(); // f receives copies, as in value(x)
    }
    double[] fresh = new double[batchPoints.length];
    batch.evaluate(batchPoints, fresh);
    evaluations += batchPoints.length;
    for (int m = 0; m < fresh.length; m++) {
      if (!Double.isFinite(fresh[m])) {
        throw new IllegalArgumentException(
            "f(x) = "
                + fresh[m]
                + " at x = "
                + Arrays.toString(missing.get(m))
                + ": f must be finite at every sample point (offset the grid away from poles)");
      }
    }
    for (Map.Entry<Key, Integer> e : pending.entrySet()) {
      values.put(e.getKey(), fresh[e.getValue()]);
    }
    for (int k = 0; k < n; k++) {
      if (slot[k] >= 0) {
        out[k] = fresh[slot[k]];
      }
    }
    return out;
  }

  private static final class Key {
    private final long[] bits;
    private final int hash;

    Key(double[] x) {
      bits = new long[x.length];
      for (int i = 0; i < x.length; i++) {
        bits[i] = Double.doubleToLongBits(x[i] + 0.0);
      }
      hash = Arrays.hashCode(bits);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key && Arrays.equals(bits, ((Key) o).bits);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
