package io.convopt.solvers.relu;

/** Why a solver stopped. */
public enum StopReason {
  /** The certificate met the requested tolerances. */
  CONVERGED,
  /** The budget of (inner) iterations was used up. */
  MAX_ITERATIONS,
  /** The budget of augmented-Lagrangian outer iterations was used up. */
  MAX_OUTER_ITERATIONS,
  /** An iteration listener asked the solver to stop. */
  STOPPED_BY_LISTENER,
  /** The time limit ({@link ReluSolverSettings#timeLimitSeconds()}) was reached. */
  TIME_LIMIT,
  /**
   * The method could not make further progress (a factorisation failed or the line search found no
   * decrease, e.g. at the limit of floating-point accuracy); the result is the best certified point
   * so far.
   */
  STALLED
}
