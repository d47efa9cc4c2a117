package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.ConvexReluSolver;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.ipm.InteriorPointSolver;
import java.util.Locale;

/** The convex ReLU solvers by name, and the default choice. */
public final class ReluSolvers {
  private ReluSolvers() {}

  /** The names {@link #byName} accepts. */
  public static final String NAMES = "auto, fista, al, admm or ipm";

  /**
   * The default solver for a problem: {@link AutoSolver}, which picks the interior-point method
   * where it fits and a first-order method otherwise (see there). Formerly R-FISTA for GATED with a
   * smooth loss and the AL method otherwise.
   */
  public static ConvexReluSolver forProblem(ReluProblem problem, ReluSolverSettings settings) {
    return new AutoSolver(settings);
  }

  /**
   * A solver by name: {@code auto} ({@link AutoSolver}), {@code fista} ({@link
   * ProximalGradientSolver}), {@code al} ({@link AugmentedLagrangianSolver}), {@code admm} ({@link
   * AdmmSolver}) or {@code ipm} ({@link InteriorPointSolver}); case and surrounding blanks are
   * ignored.
   *
   * @throws IllegalArgumentException for any other name, listing the allowed ones
   */
  public static ConvexReluSolver byName(String name, ReluSolverSettings settings) {
    String s = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    switch (s) {
      case "auto":
        return new AutoSolver(settings);
      case "fista":
        return new ProximalGradientSolver(settings);
      case "al":
        return new AugmentedLagrangianSolver(settings);
      case "admm":
        return new AdmmSolver(settings);
      case "ipm":
        return new InteriorPointSolver(settings);
      default:
        throw new IllegalArgumentException(
            "solver: unknown name '" + name + "' (expected " + NAMES + ")");
    }
  }
}
