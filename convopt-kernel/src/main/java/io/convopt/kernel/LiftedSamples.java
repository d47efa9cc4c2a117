package io.convopt.kernel;

/**
 * Points with their lifted weights w<sub>j</sub> = φ(f(x<sub>j</sub>)) ≥ 0 and the cell volume h:
 * the input of every Riemann sum in {@link ConvolutionSums}. Weights are scaled by exp(−{@link
 * #logScale()}) as explained in {@link LiftFunction}. Immutable; accessors copy.
 */
public final class LiftedSamples {

  private final PointSet points;
  private final double[] weights;
  private final double logScale;

  private LiftedSamples(PointSet points, double[] weights, double logScale) {
    this.points = points;
    this.weights = weights;
    this.logScale = logScale;
  }

  /**
   * Lifts target values given at the points.
   *
   * @throws IllegalArgumentException on a length mismatch, or when the lift rejects a value (the
   *     message then names the point x)
   */
  public static LiftedSamples of(PointSet points, double[] values, LiftFunction lift) {
    Checks.sameLength("values", values.length, "points", points.size());
    double[] w = new double[values.length];
    for (int k = 0; k < w.length; k++) {
      try {
        w[k] = lift.weight(values[k]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "at x = " + java.util.Arrays.toString(points.point(k)) + ": " + e.getMessage(), e);
      }
    }
    return new LiftedSamples(points, w, lift.logScale());
  }

  /** Evaluates f through the cache at every point and lifts the values. */
  public static LiftedSamples of(PointSet points, SampleCache cache, LiftFunction lift) {
    return of(points, cache.values(points), lift);
  }

  /**
   * Points with given weights.
   *
   * @throws IllegalArgumentException on a length mismatch or a weight that is negative, NaN or ∞
   */
  public static LiftedSamples ofWeights(PointSet points, double[] weights, double logScale) {
    Checks.sameLength("weights", weights.length, "points", points.size());
    Checks.finite("logScale", logScale);
    for (int k = 0; k < weights.length; k++) {
      if (!(weights[k] >= 0) || weights[k] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "weights["
                + k
                + "] = "
                + weights[k]
                + " is not allowed: weights must be finite and >= 0");
      }
    }
    return new LiftedSamples(points, weights.clone(), logScale);
  }

  /** The points. */
  public PointSet points() {
    return points;
  }

  /** The number of points. */
  public int size() {
    return weights.length;
  }

  /** Weight k. */
  public double weight(int k) {
    return weights[k];
  }

  /** A copy of the weights. */
  public double[] weights() {
    return weights.clone();
  }

  /** See {@link LiftFunction#logScale()}. */
  public double logScale() {
    return logScale;
  }

  double[] rawWeights() {
    return weights;
  }
}
