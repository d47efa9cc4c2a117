package io.convopt.solvers.api;

/**
 * A maximiser of box-constrained problems. Implementations are immutable configurations; a call to
 * {@link #optimize} keeps all of its state local, so one instance may serve several threads.
 */
public interface Solver {

  /** A short name for tables and logs, e.g. "alg1", "zigzag2", "cmaes". */
  String name();

  /**
   * Runs the solver from {@code start} (global methods that need no start may ignore it, and say so
   * in their documentation).
   *
   * @throws IllegalArgumentException if the start lies outside the box or has the wrong dimension
   */
  Optimum optimize(Problem problem, double[] start);
}
