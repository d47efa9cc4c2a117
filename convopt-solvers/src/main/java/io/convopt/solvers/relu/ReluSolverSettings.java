package io.convopt.solvers.relu;

/**
 * Immutable solver configuration; change with the {@code withX} methods.
 *
 * @param tolerance stop when the relative duality gap (and for RELU the relative stationarity and
 *     complementarity) is at most this (default 1e-6)
 * @param feasibilityTolerance cone violation allowed at the returned point when it cannot be made
 *     exactly feasible: RELU patterns without gates (the cone projection has no interior point to
 *     shift towards) and the robust program. With gates the returned point is restored into its
 *     cones exactly and this is not consulted for stopping; the augmented Lagrangian also uses it
 *     as the target of its penalty growth (default 1e-10, so the recovered network reproduces the
 *     convex objective to ~1e-9)
 * @param maxIterations budget of R-FISTA iterations in total (default 500 000)
 * @param maxOuterIterations budget of augmented-Lagrangian outer iterations (default 200)
 * @param checkEvery R-FISTA iterations between certificate checks (default 10)
 * @param initialPenalty initial augmented-Lagrangian penalty for cones and loss splitting (10)
 * @param timeLimitSeconds wall-clock budget of one solve, checked where the solver evaluates its
 *     certificate; when passed the solver returns its best certified point so far with {@link
 *     StopReason#TIME_LIMIT} (default: unlimited, {@code Double.POSITIVE_INFINITY})
 */
public record ReluSolverSettings(
    double tolerance,
    double feasibilityTolerance,
    int maxIterations,
    int maxOuterIterations,
    int checkEvery,
    double initialPenalty,
    double timeLimitSeconds) {

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
    if (!(timeLimitSeconds > 0)) {
      throw new IllegalArgumentException(
          "timeLimitSeconds: must be > 0 (infinity for none), got " + timeLimitSeconds);
    }
  }

  /** Without a time limit (the settings before the time limit existed). */
  public ReluSolverSettings(
      double tolerance,
      double feasibilityTolerance,
      int maxIterations,
      int maxOuterIterations,
      int checkEvery,
      double initialPenalty) {
    this(
        tolerance,
        feasibilityTolerance,
        maxIterations,
        maxOuterIterations,
        checkEvery,
        initialPenalty,
        Double.POSITIVE_INFINITY);
  }

  /** Same settings with a wall-clock budget per solve, in seconds (> 0; infinity for none). */
  public ReluSolverSettings withTimeLimit(double seconds) {
    return new ReluSolverSettings(
        tolerance,
        feasibilityTolerance,
        maxIterations,
        maxOuterIterations,
        checkEvery,
        initialPenalty,
        seconds);
  }

  /** Whether the time limit has passed for a solve that started at {@code startNanos}. */
  public boolean timeUp(long startNanos) {
    return (System.nanoTime() - startNanos) * 1e-9 >= timeLimitSeconds;
  }

  /** Defaults listed above. */
  public static ReluSolverSettings defaults() {
    return new ReluSolverSettings(1e-6, 1e-10, 500_000, 200, 10, 10.0);
  }

  public ReluSolverSettings withTolerance(double t) {
    return new ReluSolverSettings(
        t,
        feasibilityTolerance,
        maxIterations,
        maxOuterIterations,
        checkEvery,
        initialPenalty,
        timeLimitSeconds);
  }

  public ReluSolverSettings withFeasibilityTolerance(double t) {
    return new ReluSolverSettings(
        tolerance,
        t,
        maxIterations,
        maxOuterIterations,
        checkEvery,
        initialPenalty,
        timeLimitSeconds);
  }

  public ReluSolverSettings withMaxIterations(int m) {
    return new ReluSolverSettings(
        tolerance,
        feasibilityTolerance,
        m,
        maxOuterIterations,
        checkEvery,
        initialPenalty,
        timeLimitSeconds);
  }

  public ReluSolverSettings withMaxOuterIterations(int m) {
    return new ReluSolverSettings(
        tolerance,
        feasibilityTolerance,
        maxIterations,
        m,
        checkEvery,
        initialPenalty,
        timeLimitSeconds);
  }

  public ReluSolverSettings withCheckEvery(int c) {
    return new ReluSolverSettings(
        tolerance,
        feasibilityTolerance,
        maxIterations,
        maxOuterIterations,
        c,
        initialPenalty,
        timeLimitSeconds);
  }

  public ReluSolverSettings withInitialPenalty(double p) {
    return new ReluSolverSettings(
        tolerance,
        feasibilityTolerance,
        maxIterations,
        maxOuterIterations,
        checkEvery,
        p,
        timeLimitSeconds);
  }
}
