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
 * <p>Immutable and thread-safe (each solve allocates its own state).
 */
public final class ProximalGradientSolver implements ConvexReluSolver {
  private final ReluSolverSettings settings;
  private final Precision precision;
  private final int blockRows;

  public ProximalGradientSolver(ReluSolverSettings settings) {
    this(settings, Precision.FLOAT64, 0);
  }

  private ProximalGradientSolver(ReluSolverSettings settings, Precision precision, int blockRows) {
    if (settings == null || precision == null) {
      throw new IllegalArgumentException("settings and precision: missing");
    }
    if (blockRows < 0) {
      throw new IllegalArgumentException("blockRows: must be >= 0 (0 = default), got " + blockRows);
    }
    this.settings = settings;
    this.precision = precision;
    this.blockRows = blockRows;
  }

  /**
   * Precision of the products (FLOAT32 runs them in single precision through the blocked GEMM
   * operator; the certificate is then only as accurate as single precision, ~1e-6 relative).
   */
  public ProximalGradientSolver withPrecision(Precision p) {
    return new ProximalGradientSolver(settings, p, blockRows);
  }

  /**
   * Rows per block of the blocked GEMM operator (0, the default: about 2^20 / P rows, and the
   * blocked operator only when n d P is at least {@link PatternOperator#ND4J_THRESHOLD}; a positive
   * value forces the blocked operator).
   */
  public ProximalGradientSolver withBlockRows(int rows) {
    return new ProximalGradientSolver(settings, precision, rows);
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
    PatternMaps maps = PatternMaps.of(problem.operator(false), precision, blockRows);
    int len = problem.patterns().count() * problem.dimension();
    double[] u0 = ConvexReluSolver.initialBlocks(problem, warmStart, len);
    return GatedProximalGradient.solve(
        problem,
        maps,
        u0,
        settings,
        listener,
        name(),
        precision == Precision.FLOAT64 ? 1e-9 : 1e-5);
  }
}
