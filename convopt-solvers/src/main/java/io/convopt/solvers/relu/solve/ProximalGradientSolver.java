package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.Certificate;
import io.convopt.solvers.relu.ConvexReluSolver;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.ProgressListener;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.linalg.BlockedPatternOperator;
import io.convopt.solvers.relu.linalg.PatternMaps;
import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.linalg.Precision;

/**
 * R-FISTA on the gated ReLU program (CG) with a smooth loss (squared or logistic): a plain group
 * Lasso, {@code min_U L(sum_i D_i X u_i) + beta sum_i ||u_i||}. Each iteration costs at least three
 * n x d x P products (gradient at the extrapolated point, value at the candidate, and its adjoint)
 * plus one more per line-search backtrack, through {@link PatternMaps}: the blocked GEMM operator
 * with fused masking ({@link BlockedPatternOperator}, memory O(nd + dP + rows P)) when n d P is at
 * least {@link PatternOperator#ND4J_THRESHOLD}, plain loops below. Stops when the relative duality
 * gap of {@link Certificate} is at most {@code settings.tolerance()} (checked every {@code
 * checkEvery} iterations at the current iterate, where the listener is told), which bounds {@code
 * (F(U) - F*) / F(U)}, or at the time limit (see {@link GatedProximalGradient}).
 *
 * <p>With many patterns (at least {@link #WORKING_SET_PATTERNS}) and beta > 0 it solves on working
 * sets of patterns by block coordinate descent with per-pattern steps and Anderson extrapolation,
 * and certifies on all patterns ({@link GatedWorkingSet}): the optimum uses a fraction of the
 * patterns, and the restricted program has cheaper sweeps and far larger steps. The iterations
 * reported are then block-descent sweeps (each about one product and one adjoint of the working
 * set). {@link #withWorkingSets} forces either way.
 *
 * <p>Immutable and thread-safe (each solve allocates its own state).
 */
public final class ProximalGradientSolver implements ConvexReluSolver {
  /** Patterns from which working sets are used by default (below, plain R-FISTA). */
  public static final int WORKING_SET_PATTERNS = 200;

  /** Whether working sets are used: by the number of patterns, always, never. */
  private enum WorkingSets {
    BY_SIZE,
    ALWAYS,
    NEVER
  }

  private final ReluSolverSettings settings;
  private final Precision precision;
  private final int blockRows;
  private final WorkingSets workingSets;

  public ProximalGradientSolver(ReluSolverSettings settings) {
    this(settings, Precision.FLOAT64, 0, WorkingSets.BY_SIZE);
  }

  private ProximalGradientSolver(
      ReluSolverSettings settings, Precision precision, int blockRows, WorkingSets workingSets) {
    if (settings == null || precision == null) {
      throw new IllegalArgumentException("settings and precision: missing");
    }
    if (blockRows < 0) {
      throw new IllegalArgumentException("blockRows: must be >= 0 (0 = default), got " + blockRows);
    }
    this.settings = settings;
    this.precision = precision;
    this.blockRows = blockRows;
    this.workingSets = workingSets;
  }

  /**
   * Precision of the products (FLOAT32 runs them in single precision through the blocked GEMM
   * operator; the certificate is then only as accurate as single precision, ~1e-6 relative).
   */
  public ProximalGradientSolver withPrecision(Precision p) {
    return new ProximalGradientSolver(settings, p, blockRows, workingSets);
  }

  /**
   * Rows per block of the blocked GEMM operator (0, the default: about 2^20 / P rows, and the
   * blocked operator only when n d P is at least {@link PatternOperator#ND4J_THRESHOLD}; a positive
   * value forces the blocked operator).
   */
  public ProximalGradientSolver withBlockRows(int rows) {
    return new ProximalGradientSolver(settings, precision, rows, workingSets);
  }

  /**
   * Working sets always (true) or never (false, plain R-FISTA on all patterns); by default they are
   * used when there are at least {@link #WORKING_SET_PATTERNS} patterns and beta > 0.
   */
  public ProximalGradientSolver withWorkingSets(boolean on) {
    return new ProximalGradientSolver(
        settings, precision, blockRows, on ? WorkingSets.ALWAYS : WorkingSets.NEVER);
  }

  /** Whether a solve of {@code problem} uses working sets. */
  public boolean usesWorkingSets(ReluProblem problem) {
    switch (workingSets) {
      case ALWAYS:
        return true;
      case NEVER:
        return false;
      default:
        return problem.beta() > 0 && problem.patterns().count() >= WORKING_SET_PATTERNS;
    }
  }

  public ProximalGradientSolver() {
    this(ReluSolverSettings.defaults());
  }

  @Override
  public String name() {
    return "fista";
  }

  @Override
  public ReluSolverSettings settings() {
    return settings;
  }

  @Override
  public ReluSolution solve(
      ReluProblem problem, ReluSolution warmStart, ProgressListener listener) {
    if (problem.formulation() != Formulation.GATED || !problem.loss().isSmooth()) {
      throw new IllegalArgumentException(
          "solver fista: handles the gated formulation with a smooth loss only (got "
              + problem.formulation().id()
              + " with "
              + problem.loss().name().toLowerCase()
              + "); use the augmented-Lagrangian solver (al)");
    }
    if (listener == null) {
      throw new IllegalArgumentException("listener: missing (use ProgressListener.none())");
    }
    int len = problem.patterns().count() * problem.dimension();
    double[] u0 = ConvexReluSolver.initialBlocks(problem, warmStart, len);
    double noise = precision == Precision.FLOAT64 ? 1e-9 : 1e-5;
    if (usesWorkingSets(problem)) {
      return GatedWorkingSet.solve(
          problem,
          problem.operator(false),
          precision,
          blockRows,
          u0,
          settings,
          listener,
          name(),
          noise);
    }
    PatternMaps maps = PatternMaps.of(problem.operator(false), precision, blockRows);
    return GatedProximalGradient.solve(problem, maps, u0, settings, listener, name(), noise);
  }
}
