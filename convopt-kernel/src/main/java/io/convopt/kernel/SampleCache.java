package io.convopt.kernel;

import java.util.Arrays;
import java.util.HashMap;
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

  private final ToDoubleFunction<double[]> f;
  private final int dimension;
  private final Map<Key, Double> values = new HashMap<>();
  private long evaluations;

  private SampleCache(ToDoubleFunction<double[]> f, int dimension) {
    if (f == null) {
      throw new IllegalArgumentException("f must not be null");
    }
    if (dimension < 1) {
      throw new IllegalArgumentException(
          "dimension = " + dimension + " is not allowed: it must be >= 1");
    }
    this.f = f;
    this.dimension = dimension;
  }

  /** A cache for an n-D target. */
  public static SampleCache of(ToDoubleFunction<double[]> f, int dimension) {
    return new SampleCache(f, dimension);
  }

  /** A cache for a 1-D target. */
  public static SampleCache of1D(DoubleUnaryOperator f) {
    if (f == null) {
      throw new IllegalArgumentException("f must not be null");
    }
    return new SampleCache(x -> f.applyAsDouble(x[0]), 1);
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
          "f(x) = " + fx + " at x = " + Arrays.toString(x)
              + ": f must be finite at every sample point (offset the grid away from poles)");
    }
    values.put(key, fx);
    return fx;
  }

  /** f(x) for a 1-D target. */
  public double value(double x) {
    return value(new double[] {x});
  }

  /** f at every point of the set, in order. */
  public double[] values(PointSet points) {
    Checks.sameLength("points dimension", points.dimension(), "dimension", dimension);
    double[] out = new double[points.size()];
    double[] p = new double[dimension];
    double[][] c = points.raw();
    for (int k = 0; k < out.length; k++) {
      for (int i = 0; i < dimension; i++) {
        p[i] = c[i][k];
      }
      out[k] = value(p);
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
