package io.convopt.solvers.conv;

/**
 * How the shift C of the power lift (f + C)^N is chosen. The paper only says "increase f by a
 * large enough constant"; the shift changes the answer a lot (spec §5), so it is explicit here.
 *
 * <ul>
 *   <li>{@link #sampledMinimum()} (default): C = −min f over the solver's own coarse samples
 *       (counted), so the lowest sample gets weight 0. Samples found later below that minimum are
 *       lifted to 0.
 *   <li>{@link #fixed(double)}: a user-given C; values with f + C &lt; 0 are lifted to 0.
 * </ul>
 */
public final class ShiftRule {

  private final boolean sampled;
  private final double c;

  private ShiftRule(boolean sampled, double c) {
    this.sampled = sampled;
    this.c = c;
  }

  public static ShiftRule sampledMinimum() {
    return new ShiftRule(true, Double.NaN);
  }

  public static ShiftRule fixed(double c) {
    if (!Double.isFinite(c)) {
      throw new IllegalArgumentException("shift C must be finite, got " + c);
    }
    return new ShiftRule(false, c);
  }

  public boolean isSampledMinimum() {
    return sampled;
  }

  /** The shift given the minimum of the samples seen. */
  public double shift(double sampledMin) {
    return sampled ? -sampledMin : c;
  }

  @Override
  public String toString() {
    return sampled ? "sampled-min" : "fixed(" + c + ")";
  }
}
