package io.convopt.kernel;

/**
 * A lift φ that turns target values f into non-negative weights w = φ(f) whose convolution with
 * g<sub>δ</sub> is minimised (φ increasing and convex, as the paper asks; the power lift (f +
 * C)<sup>N</sup> is the baseline).
 *
 * <p>Lifts may depend on the data (the shift C = −min f, or a log-domain reference = the largest
 * lifted value), so a lift is first {@linkplain #fit fitted} to a reference sample set and the
 * resulting {@link LiftFunction} is then applied to every point (coarse grid, fine window, line
 * samples) with the same constants. Implementations are immutable and thread-safe.
 */
public interface Lift {

  /**
   * Fixes the data-dependent constants from reference samples (typically the coarse grid values).
   *
   * @param samples finite target values, at least one
   * @throws IllegalArgumentException if samples is empty or holds NaN/±∞ (naming the index)
   */
  LiftFunction fit(double[] samples);
}
