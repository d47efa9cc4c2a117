package io.convopt.kernel;

/**
 * The power lift w = (f + C)<sup>N</sup>, the paper's lift, with C from a {@link ShiftRule}.
 *
 * <p><b>Plain mode</b> computes {@code Math.pow(f + C, N)}; it throws when the result overflows to
 * +∞ (for N in the hundreds this happens as soon as f + C exceeds about 10<sup>308/N</sup>) and
 * suggests the log-domain mode.
 *
 * <p><b>Log-domain mode</b> stores ℓ(f) = N·ln(f + C) and returns exp(ℓ(f) − ℓ<sub>max</sub>) where
 * ℓ<sub>max</sub> = N·ln(max<sub>ref</sub> f + C) comes from the reference samples of {@link #fit}.
 * Reference weights are then in [0, 1] and never overflow; weights far below the maximum underflow
 * to 0 only where they are below 10<sup>−308</sup> of the largest weight, which cannot change any
 * sum at double precision. The true weights are exp(ℓ<sub>max</sub>) times larger ({@link
 * LiftFunction#logScale()} = ℓ<sub>max</sub>); the factor changes neither minimisers nor signs.
 *
 * <p>Errors ({@link IllegalArgumentException}): N not finite or ≤ 0; a NaN/±∞ value; f + C &lt; 0
 * (the power of a negative base is not a lift) unless {@link #zeroBelowShift()} is set; overflow in
 * plain mode. f + C = 0 gives weight 0. Immutable and thread-safe; {@link #fit} is O(samples),
 * {@link LiftFunction#weight} O(1).
 */
public final class PowerLift implements Lift {

  private final double power;
  private final ShiftRule shiftRule;
  private final boolean logDomain;
  private final boolean zeroBelow;

  private PowerLift(double power, ShiftRule shiftRule, boolean logDomain) {
    this(power, shiftRule, logDomain, false);
  }

  private PowerLift(double power, ShiftRule shiftRule, boolean logDomain, boolean zeroBelow) {
    this.zeroBelow = zeroBelow;
    this.power = Checks.positive("N", power);
    if (shiftRule == null) {
      throw new IllegalArgumentException("shiftRule must not be null");
    }
    this.shiftRule = shiftRule;
    this.logDomain = logDomain;
  }

  /** Plain (f + C)<sup>N</sup>. */
  public static PowerLift of(double n, ShiftRule shiftRule) {
    return new PowerLift(n, shiftRule, false);
  }

  /** Log-domain (f + C)<sup>N</sup> / (max f + C)<sup>N</sup>; safe for N in the hundreds. */
  public static PowerLift logDomain(double n, ShiftRule shiftRule) {
    return new PowerLift(n, shiftRule, true);
  }

  /**
   * This lift with weight 0 instead of an error where f + C &lt; 0, i.e. w = max(f + C,
   * 0)<sup>N</sup> (scaled as before in log-domain mode). The positive part keeps the lift
   * non-negative and non-decreasing, so F stays convex (Lemma 1 needs only w ≥ 0); it is what a
   * solver wants when C is fitted on coarse samples and points sampled later (fine windows, lines)
   * may fall below the coarse minimum: they carry no mass, exactly like the lowest coarse sample
   * with {@code ShiftRule.minShift(0)}. NaN/±∞ values and overflow still throw.
   */
  public PowerLift zeroBelowShift() {
    return new PowerLift(power, shiftRule, logDomain, true);
  }

  /** Whether f + C &lt; 0 gives weight 0 (see {@link #zeroBelowShift()}) rather than an error. */
  public boolean isZeroBelowShift() {
    return zeroBelow;
  }

  /** The power N. */
  public double power() {
    return power;
  }

  /** The shift rule. */
  public ShiftRule shiftRule() {
    return shiftRule;
  }

  /** Whether this lift works in the log domain. */
  public boolean isLogDomain() {
    return logDomain;
  }

  @Override
  public LiftFunction fit(double[] samples) {
    checkSamples(samples);
    double c = shiftRule.shift(samples);
    if (!Double.isFinite(c)) {
      throw new IllegalArgumentException(
          "shift C = " + c + " from " + shiftRule + " is not finite");
    }
    if (!logDomain) {
      return new Plain(power, c, zeroBelow);
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < samples.length; i++) {
      max = Math.max(max, samples[i]);
    }
    double top = max + c;
    if (!(top > 0)) {
      throw new IllegalArgumentException(
          "max f + C = "
              + top
              + " (max f = "
              + max
              + ", C = "
              + c
              + ") must be > 0 for the log-domain lift: every weight would be 0");
    }
    return new Log(power, c, power * Math.log(top), zeroBelow);
  }

  static void checkSamples(double[] samples) {
    if (samples == null || samples.length == 0) {
      throw new IllegalArgumentException("samples must hold at least one value");
    }
    Checks.finiteVector("samples", samples);
  }

  private static double base(double f, double c, boolean zeroBelow) {
    if (!Double.isFinite(f)) {
      throw new IllegalArgumentException(
          "f = " + f + " is not allowed: the lift needs a finite value");
    }
    double s = f + c;
    if (s < 0 && zeroBelow) {
      return 0;
    }
    if (s < 0) {
      throw new IllegalArgumentException(
          "f + C = "
              + s
              + " < 0 (f = "
              + f
              + ", C = "
              + c
              + "): the power lift needs f + C >= 0;"
              + " choose a larger shift (e.g. ShiftRule.minShift with a margin, fitted on samples"
              + " that cover this point)");
    }
    return s;
  }

  private static final class Plain implements LiftFunction {
    private final double n;
    private final double c;
    private final boolean zeroBelow;

    Plain(double n, double c, boolean zeroBelow) {
      this.n = n;
      this.c = c;
      this.zeroBelow = zeroBelow;
    }

    @Override
    public double weight(double f) {
      double s = base(f, c, zeroBelow);
      double w = Math.pow(s, n);
      if (w == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "(f + C)^N overflows: f + C = "
                + s
                + ", N = "
                + n
                + " (largest double is 1.8e308); use PowerLift.logDomain(N, shiftRule)");
      }
      return w;
    }

    @Override
    public double logScale() {
      return 0;
    }

    @Override
    public String toString() {
      return "PowerLift[N=" + n + ", C=" + c + (zeroBelow ? ", zeroBelowShift" : "") + "]";
    }
  }

  private static final class Log implements LiftFunction {
    private final double n;
    private final double c;
    private final double ref;
    private final boolean zeroBelow;

    Log(double n, double c, double ref, boolean zeroBelow) {
      this.n = n;
      this.c = c;
      this.ref = ref;
      this.zeroBelow = zeroBelow;
    }

    @Override
    public double weight(double f) {
      double s = base(f, c, zeroBelow);
      if (s == 0) {
        return 0;
      }
      double w = Math.exp(n * Math.log(s) - ref);
      if (w == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "scaled weight overflows: f + C = "
                + s
                + " is far above the reference maximum;"
                + " fit the lift on samples that include this point");
      }
      return w;
    }

    @Override
    public double logScale() {
      return ref;
    }

    @Override
    public String toString() {
      return "PowerLift.logDomain[N="
          + n
          + ", C="
          + c
          + ", logScale="
          + ref
          + (zeroBelow ? ", zeroBelowShift" : "")
          + "]";
    }
  }
}
