package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.ConvexReluSolver;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.ipm.InteriorPointSolver;
import java.util.List;
import java.util.Locale;

/**
 * The one place where convex ReLU solvers are chosen: the default choice for a problem ({@link
 * #forProblem}, the {@link AutoSolver}) and the choice by name ({@link #choose}, {@link #byName})
 * that the commands and the trainer façade use. Stateless.
 */
public final class ReluSolvers {
  /** The default choice's name: {@link #choose} with it gives an {@link AutoSolver}. */
  public static final String AUTO = "auto";

  /** Every name {@link #choose} accepts, in the order shown to users. */
  public static final List<String> NAMES = List.of(AUTO, "fista", "al", "admm", "ipm");

  private ReluSolvers() {}

  /**
   * A solver and why it was chosen.
   *
   * @param solver the solver
   * @param reason one sentence for the user ("requested by name" for an explicit name)
   */
  public record Choice(ConvexReluSolver solver, String reason) {}

  /**
   * The default solver for a problem: {@link AutoSolver}, the interior-point method where it fits
   * and a first-order method otherwise (formerly R-FISTA for GATED with a smooth loss, else AL).
   */
  public static ConvexReluSolver forProblem(ReluProblem problem, ReluSolverSettings settings) {
    return choose(AUTO, problem, settings).solver();
  }

  /**
   * The solver called {@code name} (case-insensitive) with the reason: {@code auto} (the {@link
   * AutoSolver}; the reason is its choice for this problem), {@code fista}, {@code al}, {@code
   * admm} or {@code ipm}.
   *
   * @throws IllegalArgumentException for an unknown name, naming the allowed ones
   */
  public static Choice choose(String name, ReluProblem problem, ReluSolverSettings settings) {
    ConvexReluSolver s = byName(name, settings);
    if (s instanceof AutoSolver) {
      return new Choice(s, "default: " + AutoSolver.choose(problem).reason());
    }
    return new Choice(s, "requested by name");
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
    if (settings == null) {
      throw new IllegalArgumentException("settings: missing");
    }
    String s = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    switch (s) {
      case AUTO:
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
            "solver: unknown name '"
                + name
                + "' (expected one of "
                + String.join(", ", NAMES)
                + ")");
    }
  }
}
