package io.convopt.solvers.relu.train;

import io.convopt.solvers.relu.Certificate;
import io.convopt.solvers.relu.StopReason;

/**
 * How a {@link ConvexReluModel} was fitted: the convex program's objective in the convention {@code
 * L(yhat, y) + beta sum_i ||u_i||} with the loss summed over rows (squared: {@code (1/2) sum (yhat
 * - y)^2}, no 1/n), its certificate, the solver and its effort. Immutable.
 *
 * @param rows training rows n
 * @param patterns distinct activation patterns P of the program (at most the gates drawn/given)
 * @param gatesDrawn gates sampled or given before duplicates and the all-zero pattern were dropped
 * @param seed the gate-sampling seed, or -1 for explicit gates
 * @param objective objective at the solution
 * @param dataTerm its loss part
 * @param penalty its group-norm part
 * @param certificate the solver's optimality certificate (relative gap, and for the constrained
 *     program the KKT residuals)
 * @param solver the solver's short name ("fista", "al", "admm", "ipm")
 * @param solverReason why that solver was used
 * @param iterations the solver's iterations (its own unit)
 * @param outerIterations outer iterations (augmented Lagrangian) or 1
 * @param seconds wall-clock seconds of the solve
 * @param stopReason why the solver stopped
 * @param tolerance the requested relative tolerance
 */
public record FitSummary(
    int rows,
    int patterns,
    int gatesDrawn,
    long seed,
    double objective,
    double dataTerm,
    double penalty,
    Certificate certificate,
    String solver,
    String solverReason,
    int iterations,
    int outerIterations,
    double seconds,
    StopReason stopReason,
    double tolerance) {

  /** Validates counts and presence of the references. */
  public FitSummary {
    if (rows < 1 || patterns < 1 || gatesDrawn < patterns) {
      throw new IllegalArgumentException(
          "fit summary: rows "
              + rows
              + ", patterns "
              + patterns
              + ", gates drawn "
              + gatesDrawn
              + " (need rows, patterns >= 1 and gates >= patterns)");
    }
    if (certificate == null || solver == null || solverReason == null || stopReason == null) {
      throw new IllegalArgumentException("fit summary: certificate, solver and stop reason needed");
    }
  }

  /** The certificate's relative duality gap. */
  public double relativeGap() {
    return certificate.relativeGap();
  }

  /** True when the solver stopped because the certificate met the tolerance. */
  public boolean converged() {
    return stopReason == StopReason.CONVERGED;
  }
}
