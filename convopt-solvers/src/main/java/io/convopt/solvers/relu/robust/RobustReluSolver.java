package io.convopt.solvers.relu.robust;

/**
 * A solver of the convex adversarial-training program ({@link RobustReluProblem}). Every
 * implementation returns a {@link RobustSolution} with the same certificate semantics: its
 * objective is evaluated at the returned weights (a feasible point up to the reported scaled
 * violation, hence an upper bound on the optimum) and its dual bound comes from a dual-feasible
 * point (a lower bound). {@link #defaultSolver(double, int)} is the one to use unless there is a
 * reason not to.
 */
public interface RobustReluSolver {
  /** Short name ({@code ipm}, {@code admm}). */
  String name();

  /** Solves the program from the solver's own start. */
  RobustSolution solve(RobustReluProblem problem);

  /**
   * The default robust solver: the interior-point method with the given certified relative gap and
   * Newton-step budget (it reaches 1e-6 on every robust fixture, where the ADMM needs up to 10^5
   * iterations or more).
   */
  static RobustReluSolver defaultSolver(double tolerance, int maxIterations) {
    return new RobustInteriorPointSolver(
        RobustInteriorPointSolver.Settings.defaults()
            .withTolerance(tolerance)
            .withMaxIterations(maxIterations));
  }
}
