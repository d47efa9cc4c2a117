package io.convopt.experiments.compare;

import io.convopt.solvers.relu.ConvexReluSolver;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.ipm.InteriorPointSolver;
import io.convopt.solvers.relu.solve.AugmentedLagrangianSolver;
import io.convopt.solvers.relu.solve.AutoSolver;

/**
 * The solver of the constrained ReLU program (CR) in {@code compare-training} (option {@code
 * --cr-solver}; lower-case constants are the CLI and CSV spelling, as in {@code relu-solve
 * --solver}). CG is always solved by R-FISTA.
 *
 * <ul>
 *   <li>{@link #auto} (default): {@link AutoSolver}, the IPM where β &gt; 0 and its Newton step is
 *       affordable, else ADMM; an iteration is a Newton step or an ADMM iteration.
 *   <li>{@link #ipm}: {@link InteriorPointSolver}; an iteration is a Newton step (20–100 to a
 *       certified 10⁻⁶ gap); needs β &gt; 0.
 *   <li>{@link #al}: {@link AugmentedLagrangianSolver}; an iteration is an inner R-FISTA iteration.
 * </ul>
 */
public enum CrSolver {
  auto,
  al,
  ipm;

  /**
   * The solver with these settings ({@code maxIterations}: R-FISTA iterations for al, Newton steps
   * for ipm).
   */
  ConvexReluSolver create(ReluSolverSettings settings) {
    if (this == auto) {
      return new AutoSolver(settings);
    }
    return this == ipm
        ? new InteriorPointSolver(settings)
        : new AugmentedLagrangianSolver(settings);
  }

  /** What one solver iteration is, for the outputs' descriptions. */
  public String iterationUnit() {
    if (this == auto) {
      return "Newton steps or ADMM iterations";
    }
    return this == ipm ? "Newton steps" : "R-FISTA iterations";
  }

  /** A one-line description for the summary and the provenance file. */
  public String describe() {
    if (this == auto) {
      return "auto (io.convopt.solvers.relu.solve.AutoSolver: interior point where it fits,"
          + " else ADMM)";
    }
    return this == ipm
        ? "ipm (interior-point method, io.convopt.solvers.relu.InteriorPointSolver)"
        : "al (augmented Lagrangian, io.convopt.solvers.relu.AugmentedLagrangianSolver)";
  }
}
