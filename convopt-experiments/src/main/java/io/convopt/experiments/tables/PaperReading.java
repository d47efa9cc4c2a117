package io.convopt.experiments.tables;

import io.convopt.solvers.conv.ZigzagAxisOrder;
import io.convopt.solvers.conv.ZigzagShift;
import io.convopt.solvers.conv.ZigzagUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * How the paper's algorithms are read where the paper leaves a detail open (its algorithm boxes
 * were lost): zigzag1's iteration unit and axis order, where the zigzag walks take their lift's
 * shift, how many directions zigzag2 samples per iteration, and the power N of Table 2 (not
 * printed). {@link #DEFAULT} is the reading every table run uses unless a calibration says
 * otherwise; an algorithmic reading is reported like a functional reconstruction.
 *
 * @param zigzag1Unit what one zigzag1 iteration is
 * @param axisOrder which axis zigzag1 visits first
 * @param zigzagShift the zigzag walks' shift source; null = the solvers' own default choice
 * @param zigzag2Directions directions zigzag2 samples per iteration (M)
 * @param table2Power N for Table 2's rows
 */
public record PaperReading(
    ZigzagUnit zigzag1Unit,
    ZigzagAxisOrder axisOrder,
    ZigzagShift zigzagShift,
    int zigzag2Directions,
    int table2Power) {

  /** Our documented defaults: full cycle, x first, the solvers' shift choice, M = 8, N = 3. */
  public static final PaperReading DEFAULT =
      new PaperReading(
          ZigzagUnit.FULL_CYCLE, ZigzagAxisOrder.ASCENDING, null, 8, PaperAlgorithms.TABLE2_POWER);

  /**
   * The reading shipped with the function definitions ({@code functions.json}, entry "_reading",
   * keys zigzag1Unit, axisOrder, zigzagShift, zigzag2Directions, table2Power; absent keys keep
   * {@link #DEFAULT}'s values).
   */
  public static PaperReading shipped() {
    java.util.Map<String, String> m =
        io.convopt.experiments.functions.PaperFunctions.shippedReading();
    PaperReading d = DEFAULT;
    try {
      return new PaperReading(
          m.containsKey("zigzag1Unit") ? ZigzagUnit.valueOf(m.get("zigzag1Unit")) : d.zigzag1Unit(),
          m.containsKey("axisOrder") ? ZigzagAxisOrder.valueOf(m.get("axisOrder")) : d.axisOrder(),
          m.containsKey("zigzagShift")
              ? ZigzagShift.valueOf(m.get("zigzagShift"))
              : d.zigzagShift(),
          m.containsKey("zigzag2Directions")
              ? Integer.parseInt(m.get("zigzag2Directions"))
              : d.zigzag2Directions(),
          m.containsKey("table2Power") ? Integer.parseInt(m.get("table2Power")) : d.table2Power());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "functions.json \"_reading\" " + m + " is invalid: " + e.getMessage(), e);
    }
  }

  public PaperReading {
    Objects.requireNonNull(zigzag1Unit, "zigzag1 unit");
    Objects.requireNonNull(axisOrder, "axis order");
    if (zigzag2Directions < 1) {
      throw new IllegalArgumentException(
          "zigzag2 directions M must be >= 1, got " + zigzag2Directions);
    }
    if (table2Power < 1) {
      throw new IllegalArgumentException("Table 2 power N must be >= 1, got " + table2Power);
    }
  }

  /** One line for provenance, e.g. "unit=FULL_CYCLE order=ASCENDING shift=auto M=8 N2=3". */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "unit=%s order=%s shift=%s M=%d N2=%d",
        zigzag1Unit,
        axisOrder,
        zigzagShift == null ? "auto" : zigzagShift.name(),
        zigzag2Directions,
        table2Power);
  }
}
