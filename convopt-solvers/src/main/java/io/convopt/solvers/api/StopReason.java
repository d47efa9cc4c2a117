package io.convopt.solvers.api;

/** Why a run ended. Never "global optimum found": no solver here can know that. */
public enum StopReason {
  /** The iteration budget T was used up. */
  ITERATION_BUDGET,
  /** The function-evaluation budget was used up. */
  EVALUATION_BUDGET,
  /**
   * Sign descent returned to the iterate of two steps ago: it oscillates within ±η of a fixed
   * point.
   */
  TWO_CYCLE,
  /** The step (or the change of the iterate) fell below the tolerance. */
  STEP_BELOW_TOLERANCE,
  /** An inner method reported convergence on its own criterion (e.g. Weiszfeld, CMA-ES). */
  CONVERGED,
  /** The wall-clock limit was reached. */
  WALL_CLOCK,
  /** An iteration listener asked to stop. */
  LISTENER
}
