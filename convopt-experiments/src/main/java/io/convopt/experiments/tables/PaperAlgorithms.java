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

  /** N for Table 2, whose N the paper does not print (ours: as Table 1's LOG2 rows; see data/paper/README.md). */
  public static final int TABLE2_POWER = 3;

  private PaperAlgorithms() {}

  public static ConvolutionSettings settingsFor(PublishedRow row, TestFunction f, long seed) {
    double power = row.power().isPresent() ? row.power().getAsInt() : TABLE2_POWER;
    ConvolutionSettings s = ConvolutionSettings.of(row.eta(), power).withSeed(seed).withTrajectory(true);
    if (row.steps().isPresent()) {
      s = s.withIterations(row.steps().getAsInt());
    }
    return s;
  }

  public static Solver solverFor(PublishedRow row, TestFunction f, long seed) {
    ConvolutionSettings s = settingsFor(row, f, seed);
    return switch (row.algorithm()) {
      case "alg1" -> new SignDescent1D(s);
      case "alg2" -> new ConvolutionDescent(s);
      case "zigzag1" -> new ZigzagCyclic(s);
      case "zigzag2" -> new ZigzagSampled(s);
      default -> throw new IllegalArgumentException("table " + row.table() + " row " + row.row()
          + ": unknown algorithm '" + row.algorithm() + "'");
    };
  }
}
