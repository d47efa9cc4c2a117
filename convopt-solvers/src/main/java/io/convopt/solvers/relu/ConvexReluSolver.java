package io.convopt.solvers.relu;

/**
 * A solver of the convex ReLU programs. Implementations are immutable and thread-safe. The default
 * choice for a problem is {@code io.convopt.solvers.relu.solve.ReluSolvers#forProblem}.
 */
public interface ConvexReluSolver {
  /** Short name ("fista", "al"). */
  String name();

  /** The settings in force. */
  ReluSolverSettings settings();

  /** Solves from zero weights. */
  default ReluSolution solve(ReluProblem problem) {
    return solve(problem, null);
  }

  /**
   * Solves, starting from {@code warmStart}'s weights when it is non-null and has the same
   * formulation and shape (regularisation paths); otherwise from zero.
   */
  default ReluSolution solve(ReluProblem problem, ReluSolution warmStart) {
    return solve(problem, warmStart, ProgressListener.none());
  }

  /**
   * As {@link #solve(ReluProblem, ReluSolution)}, reporting to {@code listener} wherever the solver
   * evaluates its certificate (see {@link ProgressListener}); the solve also ends when the
   * settings' time limit has passed ({@link StopReason#TIME_LIMIT}).
   */
  ReluSolution solve(ReluProblem problem, ReluSolution warmStart, ProgressListener listener);

  /** Initial block weights from a compatible warm start, else zeros. */
  static double[] initialBlocks(ReluProblem problem, ReluSolution warmStart, int length) {
    if (warmStart != null
        && warmStart.formulation() == problem.formulation()
        && warmStart.blockView().length == length
        && warmStart.dimension() == problem.dimension()) {
      return warmStart.blockView().clone();
    }
    return new double[length];
  }
}
