package io.convopt.solvers.conv;

/**
 * The power lift in normalised (log-safe) form: w = ((f + C) / (f_max + C))^N, which is (f + C)^N
 * divided by the positive constant (f_max + C)^N. Dividing by a positive constant changes neither
 * the minimiser of F nor the sign of any slope, and it keeps N in the hundreds from overflowing
 * (the largest coarse weight is 1; smaller ones may underflow to 0, i.e. carry no mass).
 *
 * <p>Values below the shift (f + C &lt; 0, possible for samples found after C was fixed) are
 * lifted to 0. A constant f (f_max + C = 0) gets uniform weights.
 */
final class LiftScale {

  final double shift;
  final double power;
  private final double scale;

  LiftScale(double sampledMin, double sampledMax, ShiftRule rule, double power) {
    this.shift = rule.shift(sampledMin);
    this.power = power;
    double s = sampledMax + shift;
    this.scale = s > 0 ? s : 0;
  }

  double weight(double f) {
    if (scale == 0) {
      return 1.0;
    }
    double r = (f + shift) / scale;
    if (!(r > 0)) {
      return 0.0;
    }
    double w = Math.pow(r, power);
    if (w == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("power lift overflow: ((f + C) / (f_max + C))^N with f = " + f
          + ", C = " + shift + ", N = " + power + " exceeds the double range; f far above every coarse sample"
          + " (a pole?) — use a smaller N or a finer coarse grid");
    }
    return w;
  }
}
