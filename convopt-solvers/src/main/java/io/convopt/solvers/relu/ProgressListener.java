package io.convopt.solvers.relu;

/**
 * Observer of a convex ReLU solve, called at every point where the solver evaluates its certificate
 * (R-FISTA: every {@code checkEvery} iterations; ADMM: every certificate evaluation, which starts
 * once its residuals are small; AL: every outer iteration; IPM: every centring), and once at the
 * end with the returned point (unless it asked to stop). It returns whether to go on, like an ODE
 * event handler; a STOP ends the solve with {@link StopReason#STOPPED_BY_LISTENER}. Implementations
 * must be cheap; they run on the solver's thread.
 */
@FunctionalInterface
public interface ProgressListener {
  /** What the solver does next. */
  enum Action {
    CONTINUE,
    STOP
  }

  /**
   * One report.
   *
   * @param solver the solver's short name ("fista", "admm", "al", "ipm")
   * @param iteration iterations so far in the solver's own unit (R-FISTA or ADMM iterations, Newton
   *     steps)
   * @param objective objective at the reported point
   * @param certificate the certificate's relative gap there (NaN where none was evaluated)
   * @param seconds wall-clock seconds since the solve started
   */
  record Progress(
      String solver, long iteration, double objective, double certificate, double seconds) {}

  /** Called at every report. */
  Action progress(Progress progress);

  /** A listener that never stops the solver. */
  static ProgressListener none() {
    return p -> Action.CONTINUE;
  }
}
