package io.convopt.experiments.tables;

import io.convopt.experiments.functions.TestFunction;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.conv.ConvolutionDescent;
import io.convopt.solvers.conv.ConvolutionSettings;
import io.convopt.solvers.conv.SignDescent1D;
import io.convopt.solvers.conv.ZigzagCyclic;
import io.convopt.solvers.conv.ZigzagSampled;

/**
 * The solver a published row ran, with the row's η, N and T and our documented defaults for what
 * the paper does not print (δ = η; Table 2: N = 3; Table 1: T = ⌈box side/η⌉ + 50).
 */
public final class PaperAlgorithms {

  /**
   * N for Table 2, whose N the paper does not print (ours: as Table 1's LOG2 rows; see
   * data/paper/README.md).
   */
  public static final int TABLE2_POWER = 3;

  private PaperAlgorithms() {}

  public static ConvolutionSettings settingsFor(PublishedRow row, TestFunction f, long seed) {
    return settingsFor(row, f, seed, PaperReading.DEFAULT);
  }

  /** The row's settings under an algorithmic reading (which sets N where the row prints none). */
  public static ConvolutionSettings settingsFor(
      PublishedRow row, TestFunction f, long seed, PaperReading reading) {
    double power = row.power().isPresent() ? row.power().getAsInt() : reading.table2Power();
    ConvolutionSettings s =
        ConvolutionSettings.of(row.eta(), power).withSeed(seed).withTrajectory(true);
    if (row.steps().isPresent()) {
      s = s.withIterations(row.steps().getAsInt());
    }
    return s;
  }

  public static Solver solverFor(PublishedRow row, TestFunction f, long seed) {
    return solverFor(row, f, seed, PaperReading.DEFAULT);
  }

  /** The row's solver under an algorithmic reading of the zigzag walks. */
  public static Solver solverFor(
      PublishedRow row, TestFunction f, long seed, PaperReading reading) {
    ConvolutionSettings s = settingsFor(row, f, seed, reading);
    return switch (row.algorithm()) {
      case "alg1" -> new SignDescent1D(s);
      case "alg2" -> new ConvolutionDescent(s);
      case "zigzag1" ->
          new ZigzagCyclic(s)
              .withUnit(reading.zigzag1Unit())
              .withAxisOrder(reading.axisOrder())
              .withShiftSource(reading.zigzagShift());
      case "zigzag2" ->
          new ZigzagSampled(s)
              .withDirections(reading.zigzag2Directions())
              .withShiftSource(reading.zigzagShift());
      default ->
          throw new IllegalArgumentException(
              "table "
                  + row.table()
                  + " row "
                  + row.row()
                  + ": unknown algorithm '"
                  + row.algorithm()
                  + "'");
    };
  }
}
