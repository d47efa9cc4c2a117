package io.convopt.solvers.relu;

/**
 * Immutable solver configuration; change with the {@code withX} methods.
 *
 * @param tolerance stop when the relative duality gap (and for RELU the relative stationarity and
 *     complementarity) is at most this (default 1e-6)
 * @param feasibilityTolerance cone violation allowed at the returned point when it cannot be
 *     made exactly feasible: RELU patterns without gates (the cone projection has no interior
 *     point to shift towards) and the robust program. With gates the returned point is restored
 *     into its cones exactly and this is not consulted for stopping; the augmented Lagrangian
 *     also uses it as the target of its penalty growth (default 1e-10, so the recovered network
 *     reproduces the convex objective to ~1e-9)
 * @param maxIterations budget of R-FISTA iterations in total (default 500 000)
 * @param maxOuterIterations budget of augmented-Lagrangian outer iterations (default 200)
 * @param checkEvery R-FISTA iterations between certificate checks (default 10)
 * @param initialPenalty initial augmented-Lagrangian penalty for cones and loss splitting (10)
 */
public record ReluSolverSettings(
    double tolerance,
    double feasibilityTolerance,
    int maxIterations,
    int maxOuterIterations,
    int checkEvery,
    double initialPenalty) {

  public ReluSolverSettings {
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("tolerance: must be > 0, got " + tolerance);
    }
    if (!(feasibilityTolerance > 0)) {
      throw new IllegalArgumentException(
          "feasibilityTolerance: must be > 0, got " + feasibilityTolerance);
    }
    if (maxIterations <= 0 || maxOuterIterations <= 0 || checkEvery <= 0) {
      throw new IllegalArgumentException("iteration budgets and checkEvery must be positive");
    }
    if (!(initialPenalty > 0) || !Double.isFinite(initialPenalty)) {
      throw new IllegalArgumentException("initialPenalty: must be finite and > 0");
    }
  }

  /** Defaults listed above. */
  public static ReluSolverSettings defaults() {
    return new ReluSolverSettings(1e-6, 1e-10, 500_000, 200, 10, 10.0);
  }

  public ReluSolverSettings withTolerance(double t) {
    return new ReluSolverSettings(
        t, feasibilityTolerance, maxIterations, maxOuterIterations, checkEvery, initialPenalty);
  }

  public ReluSolverSettings withFeasibilityTolerance(double t) {
    return new ReluSolverSettings(
        tolerance, t, maxIterations, maxOuterIterations, checkEvery, initialPenalty);
  }

  public ReluSolverSettings withMaxIterations(int m) {
    return new ReluSolverSettings(
        tolerance, feasibilityTolerance, m, maxOuterIterations, checkEvery, initialPenalty);
  }

  public ReluSolverSettings withMaxOuterIterations(int m) {
    return new ReluSolverSettings(
        tolerance, feasibilityTolerance, maxIterations, m, checkEvery, initialPenalty);
  }

  public ReluSolverSettings withCheckEvery(int c) {
    return new ReluSolverSettings(
        tolerance, feasibilityTolerance, maxIterations, maxOuterIterations, c, initialPenalty);
  }

  public ReluSolverSettings withInitialPenalty(double p) {
    return new ReluSolverSettings(
        tolerance, feasibilityTolerance, maxIterations, maxOuterIterations, checkEvery, p);
  }
}
