package io.convopt.solvers.relu.robust;

import io.convopt.solvers.relu.StopReason;
import java.util.Locale;

/**
 * Immutable result of a robust solver ({@link RobustInteriorPointSolver} or {@link
 * RobustAdmmSolver}): V and W (d x P, block i in column i), the objective (robust data term +
 * penalty, an upper bound on the optimum at a feasible point), the duality-gap certificate (dual
 * bound, gap, relative gap), the scaled robust-cone violation {@code max_{k,j} (eps ||x_j[J]||_1 -
 * (2D-1) x_k . x_j)_+ / max |x_k . x_j|}, the final ADMM residuals (NaN for the interior-point
 * method), iterations (ADMM iterations or Newton steps), wall time, stop reason, the solver's name
 * and its tolerance.
 */
public final class RobustSolution {
  private final double[][] v;
  private final double[][] w;
  private final double objective;
  private final double dataTerm;
  private final double penalty;
  private final double dualBound;
  private final double violation;
  private final double primalResidual;
  private final double dualResidual;
  private final int iterations;
  private final double wallSeconds;
  private final StopReason stopReason;
  private final RobustAdmmSolver.Settings settings;
  private final String solver;
  private final double tolerance;

  RobustSolution(
      double[][] v,
      double[][] w,
      double dataTerm,
      double penalty,
      double dualBound,
      double violation,
      double primalResidual,
      double dualResidual,
      int iterations,
      double wallSeconds,
      StopReason stopReason,
      RobustAdmmSolver.Settings settings) {
    this(
        v,
        w,
        dataTerm,
        penalty,
        dualBound,
        violation,
        primalResidual,
        dualResidual,
        iterations,
        wallSeconds,
        stopReason,
        settings,
        "admm",
        settings.tolerance());
  }

  RobustSolution(
      double[][] v,
      double[][] w,
      double dataTerm,
      double penalty,
      double dualBound,
      double violation,
      double primalResidual,
      double dualResidual,
      int iterations,
      double wallSeconds,
      StopReason stopReason,
      RobustAdmmSolver.Settings settings,
      String solver,
      double tolerance) {
    this.v = v;
    this.w = w;
    this.dataTerm = dataTerm;
    this.penalty = penalty;
    this.objective = dataTerm + penalty;
    this.dualBound = dualBound;
    this.violation = violation;
    this.primalResidual = primalResidual;
    this.dualResidual = dualResidual;
    this.iterations = iterations;
    this.wallSeconds = wallSeconds;
    this.stopReason = stopReason;
    this.settings = settings;
    this.solver = solver;
    this.tolerance = tolerance;
  }

  /** V (d x P), output sign +1. */
  public double[][] v() {
    return copy(v);
  }

  /** W (d x P), output sign -1. */
  public double[][] w() {
    return copy(w);
  }

  public double objective() {
    return objective;
  }

  /** Sum of the closed-form robust losses. */
  public double dataTerm() {
    return dataTerm;
  }

  public double penalty() {
    return penalty;
  }

  /** Lower bound on the optimum from the scaled ADMM multipliers (valid up to the violation). */
  public double dualBound() {
    return dualBound;
  }

  public double gap() {
    return objective - dualBound;
  }

  public double relativeGap() {
    return gap() / Math.max(Math.abs(objective), 1e-300);
  }

  /** Scaled robust-cone violation (0 when feasible). */
  public double constraintViolation() {
    return violation;
  }

  public double primalResidual() {
    return primalResidual;
  }

  public double dualResidual() {
    return dualResidual;
  }

  public int iterations() {
    return iterations;
  }

  public double wallSeconds() {
    return wallSeconds;
  }

  public StopReason stopReason() {
    return stopReason;
  }

  /**
   * The ADMM settings, or null when another solver produced this result.
   *
   * @deprecated use {@link #solver()} and {@link #tolerance()}
   */
  @Deprecated
  public RobustAdmmSolver.Settings settings() {
    return settings;
  }

  /** Name of the solver that produced this result ({@code ipm} or {@code admm}). */
  public String solver() {
    return solver;
  }

  /** Relative duality gap the solver was asked to reach. */
  public double tolerance() {
    return tolerance;
  }

  private static double[][] copy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "RobustSolution[%s, objective=%.12g, relGap=%.3g, violation=%.3g, r=%.3g, s=%.3g, it=%d,"
            + " %.3fs, %s]",
        solver,
        objective,
        relativeGap(),
        violation,
        primalResidual,
        dualResidual,
        iterations,
        wallSeconds,
        stopReason);
  }
}
