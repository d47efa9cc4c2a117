package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.Certificate;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ProgressListener;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.linalg.PatternMaps;
import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.linalg.Precision;
import java.util.Arrays;

/**
 * The gated program with a smooth loss solved on working sets of patterns and certified on all of
 * them. With thousands of gates the optimum uses a fraction of the patterns, and a full R-FISTA
 * step pays for all of them twice: in the products, and in its step size, which the global
 * Lipschitz constant of all P correlated patterns keeps about P times below a single pattern's. So
 * each outer round
 *
 * <ol>
 *   <li>evaluates the duality gap on all P patterns at the current point: one full adjoint (the
 *       blocked GEMMs of {@link PatternMaps}) gives the constraint norms {@code c_j = ||X^T D_j
 *       z||} of the dual candidate {@code z = -grad L(yhat)}; {@link GatedDual} scales z to its
 *       best feasible point and keeps the best bound so far. The last round's extrapolated dual
 *       candidate ({@link DualExtrapolation}) is scaled on all P patterns and offered too (one more
 *       adjoint): residuals lag the primal objective, and the extrapolation estimates their limit.
 *       The listener hears it, and the solve stops when the relative gap is at most the tolerance;
 *   <li>chooses the working set: the patterns with non-zero weights and, to fill it to twice their
 *       number (at least {@link #MIN_SIZE}, never fewer than the last round's size), the others
 *       with the largest {@code c_j} (the most violated dual constraints: a zero block is optimal
 *       only while {@code c_j <= beta});
 *   <li>solves the program restricted to the working set by {@link GatedBlockDescent} (per-pattern
 *       steps, Anderson extrapolation, Newton steps on a settled support), warm-started, until its
 *       own duality gap is at most {@code max(tol / 2, 0.3 x the full relative gap)} or {@link
 *       #ROUND_SWEEPS} sweeps.
 * </ol>
 *
 * Patterns outside the working set keep zero weights, so the restricted point is a point of the
 * full program with the same objective, and the certificate is always that of the full program.
 * When the restricted program is solved and no pattern outside violates its constraint, the full
 * gap equals the restricted one. This is the working-set strategy of Celer / Blitz for the Lasso,
 * here with group blocks.
 *
 * <p>Not thread-safe as a routine (one call per solve allocates its own state).
 */
final class GatedWorkingSet {
  /** Smallest working set, in patterns. */
  static final int MIN_SIZE = 50;

  /** Block-descent sweeps per round at most (then the full gap is checked, the set renewed). */
  static final int ROUND_SWEEPS = 200;

  private GatedWorkingSet() {}

  /**
   * Solves the gated program of {@code op} (all P patterns) from u0 (P x d, not modified).
   *
   * @param precision format of the products (as for {@link PatternMaps#of})
   * @param blockRows rows per block of the blocked operator (0: default)
   * @param valueNoise relative rounding level of the objective (see {@code RestartedFista})
   */
  static ReluSolution solve(
      ReluProblem problem,
      PatternOperator op,
      Precision precision,
      int blockRows,
      double[] u0,
      ReluSolverSettings settings,
      ProgressListener listener,
      String name,
      double valueNoise) {
    long t0 = System.nanoTime();
    int d = problem.dimension();
    int n = problem.samples();
    int patterns = op.patterns;
    Loss loss = problem.loss();
    double[] y = problem.yView();
    double beta = problem.beta();
    double tol = settings.tolerance();
    PatternMaps full = PatternMaps.of(op, precision, blockRows);
    GatedDual dual = new GatedDual(loss, y, beta);
    double[] u = u0.clone();
    double[] yhat = new double[n];
    full.predict(u, yhat);
    double[] z = new double[n];
    double[] corr = new double[patterns * d];
    double[] norms = new double[patterns];
    double[] scratch = new double[patterns * d];
    double[] extrapolated = null;
    double[] lipschitz = new double[patterns];
    Arrays.fill(lipschitz, Double.NaN);
    double[][] grams = new double[patterns][];
    int iterations = 0;
    int rounds = 0;
    int size = 0;
    StopReason reason;
    Certificate cert;
    while (true) {
      double penalty = beta * GatedProximalGradient.groupNorm(u, d);
      double primal = loss.value(yhat, y) + penalty;
      loss.gradient(yhat, y, z);
      for (int k = 0; k < n; k++) {
        z[k] = -z[k];
      }
      loss.projectDual(z, y);
      full.adjoint(z, corr);
      double maxNorm = 0;
      for (int j = 0; j < patterns; j++) {
        norms[j] = PatternOperator.blockNorm(corr, j, d);
        maxNorm = Math.max(maxNorm, norms[j]);
      }
      double best = dual.offer(z, maxNorm);
      if (extrapolated != null) {
        // the restricted solve's extrapolated candidate, scaled to feasibility on all P patterns
        full.adjoint(extrapolated, scratch);
        double accNorm = 0;
        for (int j = 0; j < patterns; j++) {
          accNorm = Math.max(accNorm, PatternOperator.blockNorm(scratch, j, d));
        }
        best = dual.offer(extrapolated, accNorm);
      }
      cert = GatedProximalGradient.certificate(primal, best, dual.lastScale());
      double seconds = (System.nanoTime() - t0) * 1e-9;
      if (cert.relativeGap() <= tol) {
        reason = StopReason.CONVERGED;
        listener.progress(
            new ProgressListener.Progress(
                name, iterations, cert.primal(), cert.relativeGap(), seconds));
        break;
      }
      ProgressListener.Action a =
          listener.progress(
              new ProgressListener.Progress(
                  name, iterations, cert.primal(), cert.relativeGap(), seconds));
      if (a == ProgressListener.Action.STOP) {
        reason = StopReason.STOPPED_BY_LISTENER;
        break;
      }
      if (seconds >= settings.timeLimitSeconds()) {
        reason = StopReason.TIME_LIMIT;
        break;
      }
      if (iterations >= settings.maxIterations()) {
        reason = StopReason.MAX_ITERATIONS;
        break;
      }
      int[] set = workingSet(u, norms, d, size);
      size = set.length;
      double[] uw = new double[size * d];
      for (int i = 0; i < size; i++) {
        System.arraycopy(u, set[i] * d, uw, i * d, d);
      }
      GatedBlockDescent bcd =
          new GatedBlockDescent(op.x, d, op.mask, patterns, set, lipschitz, grams, loss, y, beta);
      GatedBlockDescent.Result r =
          bcd.run(
              uw,
              yhat,
              Math.max(0.5 * tol, 0.3 * cert.relativeGap()),
              Math.min(ROUND_SWEEPS, settings.maxIterations() - iterations),
              settings.checkEvery(),
              t0,
              settings.timeLimitSeconds());
      Arrays.fill(u, 0.0);
      for (int i = 0; i < size; i++) {
        System.arraycopy(uw, i * d, u, set[i] * d, d);
      }
      iterations += r.sweeps();
      rounds++;
      extrapolated = r.extrapolated();
    }
    double seconds = (System.nanoTime() - t0) * 1e-9;
    double penalty = beta * GatedProximalGradient.groupNorm(u, d);
    return new ReluSolution(
        problem,
        u,
        yhat,
        cert.primal() - penalty,
        penalty,
        cert,
        iterations,
        rounds,
        seconds,
        reason,
        name,
        settings);
  }

  /**
   * The patterns with non-zero blocks in u, filled up with the others in decreasing order of their
   * constraint norms to {@code max(2 x active, MIN_SIZE, lastSize)} patterns (at most all),
   * ascending.
   */
  static int[] workingSet(double[] u, double[] norms, int d, int lastSize) {
    int patterns = norms.length;
    boolean[] in = new boolean[patterns];
    int active = 0;
    for (int j = 0; j < patterns; j++) {
      if (PatternOperator.blockNorm(u, j, d) > 0) {
        in[j] = true;
        active++;
      }
    }
    int size = Math.min(patterns, Math.max(Math.max(2 * active, MIN_SIZE), lastSize));
    Integer[] rest = new Integer[patterns - active];
    int r = 0;
    for (int j = 0; j < patterns; j++) {
      if (!in[j]) {
        rest[r++] = j;
      }
    }
    // decreasing norm, ties by index (deterministic)
    Arrays.sort(
        rest,
        (a, b) -> {
          int c = Double.compare(norms[b], norms[a]);
          return c != 0 ? c : Integer.compare(a, b);
        });
    for (int i = 0; i < size - active; i++) {
      in[rest[i]] = true;
    }
    int[] set = new int[size];
    int k = 0;
    for (int j = 0; j < patterns; j++) {
      if (in[j]) {
        set[k++] = j;
      }
    }
    return set;
  }
}
