package io.convopt.kernel;

/**
 * How the shift C of the power lift (f + C)<sup>N</sup> is chosen (the paper: "increase f by a
 * large enough constant" so that f + C ≥ 0; its constant is not given).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface ShiftRule {

  /** The shift for the given finite reference samples (non-empty; checked by the caller). */
  double shift(double[] samples);

  /**
   * C = −min(samples) + margin (the project's default with margin 0). With margin 0 the lowest
   * sample gets weight 0. Points outside the reference samples (e.g. fine-window points between
   * coarse grid points) can have f + C &lt; 0; give a margin or fit on a sample set that covers
   * them.
   *
   * @throws IllegalArgumentException if margin is negative, NaN or infinite
   */
  static ShiftRule minShift(double margin) {
    Checks.finite("margin", margin);
    if (margin < 0) {
      throw new IllegalArgumentException("margin = " + margin + " is not allowed: it must be >= 0");
    }
    return new ShiftRule() {
      @Override
      public double shift(double[] samples) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < samples.length; i++) {
          min = Math.min(min, samples[i]);
        }
        return -min + margin;
      }

      @Override
      public String toString() {
        return "minShift(margin=" + margin + ")";
      }
    };
  }

  /**
   * A fixed C, whatever the samples.
   *
   * @throws IllegalArgumentException if c is NaN or infinite
   */
  static ShiftRule fixed(double c) {
    Checks.finite("c", c);
    return new ShiftRule() {
      @Override
      public double shift(double[] samples) {
        return c;
      }

      @Override
      public String toString() {
        return "fixed(" + c + ")";
      }
    };
  }
}
