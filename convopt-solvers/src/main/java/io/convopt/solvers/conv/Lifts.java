package io.convopt.solvers.conv;

import io.convopt.kernel.LiftFunction;
import io.convopt.kernel.PowerLift;
import io.convopt.kernel.ShiftRule;

/**
 * The lift every convolution solver uses: the kernel's log-domain power lift w = ((f +
 * C)/(f<sub>max</sub> + C))<sup>N</sup> with C from the settings' {@link ShiftRule}, fitted on the
 * minimum and maximum of the solver's coarse samples, and weight 0 where f + C &lt; 0 ({@link
 * PowerLift#zeroBelowShift()}: fine or line samples found below the coarse minimum carry no mass).
 * Dividing by (f<sub>max</sub> + C)<sup>N</sup> changes neither minimisers nor slope signs and
 * keeps N in the thousands from overflowing.
 *
 * <p>Degenerate case: when no sample lies above the shift (f<sub>max</sub> + C ≤ 0, e.g. a constant
 * f with C = −min f) the log-domain lift has no scale; the solvers then use uniform weights 1 (the
 * surrogate's minimiser is the box's median point), as they always did.
 */
final class Lifts {

  /** w ≡ 1: the lift used when no sample lies above the shift. */
  private static final LiftFunction UNIFORM =
      new LiftFunction() {
        @Override
        public double weight(double f) {
          if (!Double.isFinite(f)) {
            throw new IllegalArgumentException(
                "f = " + f + " is not allowed: the lift needs a finite value");
          }
          return 1.0;
        }

        @Override
        public double logScale() {
          return 0;
        }

        @Override
        public String toString() {
          return "uniform";
        }
      };

  private Lifts() {}

  /** The lift for samples with the given minimum and maximum. */
  static LiftFunction fit(ShiftRule rule, double power, double min, double max) {
    double[] extremes = {min, max};
    if (!(max + rule.shift(extremes) > 0)) {
      return UNIFORM;
    }
    return PowerLift.logDomain(power, rule).zeroBelowShift().fit(extremes);
  }

  /** The shift C the rule gives for samples with this minimum and maximum (for provenance). */
  static double shift(ShiftRule rule, double min, double max) {
    return rule.shift(new double[] {min, max});
  }

  static double min(double[] a) {
    double m = Double.POSITIVE_INFINITY;
    for (int i = 0; i < a.length; i++) {
      m = Math.min(m, a[i]);
    }
    return m;
  }

  static double max(double[] a) {
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, a[i]);
    }
    return m;
  }
}
