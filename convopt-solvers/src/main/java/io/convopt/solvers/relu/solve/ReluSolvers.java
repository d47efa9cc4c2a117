package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.ConvexReluSolver;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolverSettings;

/** The default choice of convex ReLU solver for a problem. */
public final class ReluSolvers {
  private ReluSolvers() {}

  /** The right solver for a problem: R-FISTA for GATED with a smooth loss, else the AL method. */
  public static ConvexReluSolver forProblem(ReluProblem problem, ReluSolverSettings settings) {
    if (problem.formulation() == Formulation.GATED && problem.loss().isSmooth()) {
      return new ProximalGradientSolver(settings);
    }
    return new AugmentedLagrangianSolver(settings);
  }
}
