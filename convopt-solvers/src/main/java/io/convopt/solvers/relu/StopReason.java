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
  STOPPED_BY_LISTENER
}
