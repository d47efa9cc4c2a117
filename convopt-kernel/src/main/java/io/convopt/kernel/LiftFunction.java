package io.convopt.kernel;

/**
 * A fitted lift: a fixed map from a target value f to a weight w ≥ 0.
 *
 * <p>The weight returned is the true lifted value multiplied by exp(−{@link #logScale()}): a
 * positive constant factor that changes neither the minimisers of F nor the signs of its
 * derivatives. Plain lifts have logScale 0.
 *
 * <p>{@link #weight} throws {@link IllegalArgumentException} for a NaN/±∞ value, for a value the
 * lift is not defined at (e.g. f + C &lt; 0) and when the weight would overflow; callers that know
 * the sample's location should add it to the message (as {@link LiftedSamples} does).
 */
public interface LiftFunction {

  /** The (scaled) weight of one target value; O(1). */
  double weight(double f);

  /** Natural log of the factor the true weights were divided by (0 for a plain lift). */
  double logScale();

  /**
   * Applies {@link #weight} to every value.
   *
   * @param out receives the weights (same length as f); null allocates
   * @return {@code out}
   */
  default double[] weights(double[] f, double[] out) {
    double[] w = out == null ? new double[f.length] : out;
    Checks.sameLength("out", w.length, "f", f.length);
    for (int i = 0; i < f.length; i++) {
      w[i] = weight(f[i]);
    }
    return w;
  }
}
