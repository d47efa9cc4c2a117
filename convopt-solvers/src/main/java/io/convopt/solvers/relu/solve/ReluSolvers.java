package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.ConvexReluSolver;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.ipm.InteriorPointSolver;
import java.util.List;
import java.util.Locale;

/**
 * The one place where convex ReLU solvers are chosen: the default choice for a problem ({@link
 * #forProblem}) and the choice by name ({@link #choose}) that the commands and the trainer façade
 * use. Stateless.
 */
public final class ReluSolvers {
  /** The default choice's name: {@link #choose} with it is {@link #forProblem}. */
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

  /** The right solver for a problem: R-FISTA for GATED with a smooth loss, else the AL method. */
  public static ConvexReluSolver forProblem(ReluProblem problem, ReluSolverSettings settings) {
    return choose(AUTO, problem, settings).solver();
  }

  /**
   * The solver called {@code name} (case-insensitive): {@code auto} (the default choice for the
   * problem), {@code fista} (restarted FISTA: gated program, smooth loss), {@code al}
   * (augmented Lagrangian), {@code admm} or {@code ipm} (interior point, beta &gt; 0).
   *
   * @throws IllegalArgumentException for an unknown name, naming the allowed ones
   */
  public static Choice choose(String name, ReluProblem problem, ReluSolverSettings settings) {
    if (settings == null) {
      throw new IllegalArgumentException("settings: missing");
    }
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    switch (key) {
      case AUTO:
        if (problem.formulation() == Formulation.GATED && problem.loss().isSmooth()) {
          return new Choice(new ProximalGradientSolver(settings),
              "default: gated program with a smooth loss, solved by restarted FISTA");
        }
        return new Choice(new AugmentedLagrangianSolver(settings),
            "default: constrained program or hinge loss, solved by the augmented Lagrangian");
      case "fista":
        return new Choice(new ProximalGradientSolver(settings), "requested by name");
      case "al":
        return new Choice(new AugmentedLagrangianSolver(settings), "requested by name");
      case "admm":
        return new Choice(new AdmmSolver(settings), "requested by name");
      case "ipm":
        return new Choice(new InteriorPointSolver(settings), "requested by name");
      default:
        throw new IllegalArgumentException(
            "solver: unknown name '" + name + "' (expected one of " + String.join(", ", NAMES)
                + ")");
    }
  }
}
