package io.convopt.solvers.relu;

import io.convopt.solvers.relu.linalg.PatternOperator;

/**
 * Immutable result of a convex ReLU solve: the weights (U for GATED; V and W for RELU, each d x P
 * with block i in column i), the objective and its two parts, the {@link Certificate}, iteration
 * counts, wall time, stopping reason, solver name and settings, and the pattern seed (-1 when the
 * patterns were not sampled here).
 */
public final class ReluSolution {
  private final Formulation formulation;
  private final Loss loss;
  private final double beta;
  private final int d;
  private final int patterns;
  private final double[] blocks; // B x d
  private final double[] yhat;
  private final double objective;
  private final double dataTerm;
  private final double penalty;
  private final Certificate certificate;
  private final int iterations;
  private final int outerIterations;
  private final double wallSeconds;
  private final StopReason stopReason;
  private final String solver;
  private final ReluSolverSettings settings;
  private final long seed;

  /** A solution as a solver reports it (solvers call this; users get solutions from solvers). */
  public ReluSolution(
      ReluProblem problem,
      double[] blocks,
      double[] yhat,
      double dataTerm,
      double penalty,
      Certificate certificate,
      int iterations,
      int outerIterations,
      double wallSeconds,
      StopReason stopReason,
      String solver,
      ReluSolverSettings settings) {
    this.formulation = problem.formulation();
    this.loss = problem.loss();
    this.beta = problem.beta();
    this.d = problem.dimension();
    this.patterns = problem.patterns().count();
    this.blocks = blocks.clone();
    this.yhat = yhat.clone();
    this.dataTerm = dataTerm;
    this.penalty = penalty;
    this.objective = dataTerm + penalty;
    this.certificate = certificate;
    this.iterations = iterations;
    this.outerIterations = outerIterations;
    this.wallSeconds = wallSeconds;
    this.stopReason = stopReason;
    this.solver = solver;
    this.settings = settings;
    this.seed = problem.patterns().seed();
  }

  public Formulation formulation() {
    return formulation;
  }

  public Loss loss() {
    return loss;
  }

  public double beta() {
    return beta;
  }

  public double objective() {
    return objective;
  }

  public double dataTerm() {
    return dataTerm;
  }

  public double penalty() {
    return penalty;
  }

  public Certificate certificate() {
    return certificate;
  }

  /** Total R-FISTA iterations. */
  public int iterations() {
    return iterations;
  }

  /** Augmented-Lagrangian outer iterations (1 for plain R-FISTA). */
  public int outerIterations() {
    return outerIterations;
  }

  public double wallSeconds() {
    return wallSeconds;
  }

  public StopReason stopReason() {
    return stopReason;
  }

  public String solver() {
    return solver;
  }

  public ReluSolverSettings settings() {
    return settings;
  }

  public long seed() {
    return seed;
  }

  /** Predictions on the training data. */
  public double[] trainingPredictions() {
    return yhat.clone();
  }

  /** Number of blocks with non-zero weights. */
  public int activeBlocks() {
    int c = 0;
    for (int j = 0; j < blocks.length / d; j++) {
      if (PatternOperator.blockNorm(blocks, j, d) > 0) {
        c++;
      }
    }
    return c;
  }

  /** GATED: U (d x P). */
  public double[][] u() {
    requireFormulation(Formulation.GATED);
    return matrix(0);
  }

  /** RELU: V (d x P), the blocks with output sign +1. */
  public double[][] v() {
    requireFormulation(Formulation.RELU);
    return matrix(0);
  }

  /** RELU: W (d x P), the blocks with output sign -1. */
  public double[][] w() {
    requireFormulation(Formulation.RELU);
    return matrix(patterns);
  }

  /** Number of patterns P. */
  public int patternCount() {
    return patterns;
  }

  /** Input dimension d. */
  public int dimension() {
    return d;
  }

  /** The block weights, shared (not a copy): callers must not write to them. */
  public double[] blockView() {
    return blocks;
  }

  private void requireFormulation(Formulation f) {
    if (formulation != f) {
      throw new IllegalStateException("solution is " + formulation.id() + ", not " + f.id());
    }
  }

  private double[][] matrix(int first) {
    double[][] m = new double[d][patterns];
    for (int i = 0; i < patterns; i++) {
      for (int c = 0; c < d; c++) {
        m[c][i] = blocks[(first + i) * d + c];
      }
    }
    return m;
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "ReluSolution[%s %s, objective=%.12g, relGap=%.3g, violation=%.3g, it=%d, outer=%d, %.3fs,"
            + " %s]",
        formulation.id(),
        solver,
        objective,
        certificate.relativeGap(),
        certificate.constraintViolation(),
        iterations,
        outerIterations,
        wallSeconds,
        stopReason);
  }
}
