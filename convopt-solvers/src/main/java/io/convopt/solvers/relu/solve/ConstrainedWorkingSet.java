package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.Certificate;
import io.convopt.solvers.relu.ConvexReluSolver;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.ProgressListener;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.certificate.Deadline;
import io.convopt.solvers.relu.certificate.Evaluator;
import io.convopt.solvers.relu.certificate.ProjectedCertificate;
import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Working sets of patterns for the constrained program (CR) with many patterns and a smooth loss:
 * ADMM ({@link AdmmSolver}) solves the program restricted to a subset S of the patterns (2|S|
 * blocks), warm-started from the previous round; the restricted solution, zero on every other
 * block, is feasible for the full program, so the {@link ProjectedCertificate} of the <b>full</b>
 * program at that point (all 2P blocks: the primal value and the dual bound from the negative loss
 * gradient, projected onto every block's cone) is a valid certificate of the full program. Each
 * round then adds the patterns outside S whose blocks' dual residuals {@code ||sign_j X^T D_p(j)
 * z||} are largest and above beta (a block whose norm is at most beta cannot violate its dual
 * constraint), at least {@link #MIN_ADDED} and at most |S| per round; when none is above beta the
 * next round tightens the restricted solve's tolerance instead.
 *
 * <p>Start: the {@link #INITIAL_PATTERNS} patterns with the largest dual residual at u = 0 (z =
 * minus the loss gradient at 0). Restricted solves get a tolerance of a tenth of the last full gap
 * (at least the requested tolerance, at most 1e-2) and a third of the remaining time, and start
 * from the previous round's final penalty. Stops when the full certificate is at most the tolerance
 * (CONVERGED), at the time limit (TIME_LIMIT: the best certified point so far), after {@code
 * maxOuterIterations} rounds, or when the listener says stop. {@code iterations()} sums the ADMM
 * iterations, {@code outerIterations()} counts rounds. Immutable and thread-safe (all state per
 * solve).
 */
public final class ConstrainedWorkingSet implements ConvexReluSolver {
  /** Patterns in the first working set. */
  static final int INITIAL_PATTERNS = 50;

  /** Fewest patterns added per round (when that many violate). */
  static final int MIN_ADDED = 20;

  private final AdmmSolver inner;

  /** Restricted solves by {@code inner} (its settings: tolerance, time limit, rounds). */
  public ConstrainedWorkingSet(AdmmSolver inner) {
    if (inner == null) {
      throw new IllegalArgumentException("inner: missing");
    }
    this.inner = inner;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public ReluSolverSettings settings() {
    return inner.settings();
  }

  @Override
  public ReluSolution solve(
      ReluProblem problem, ReluSolution warmStart, ProgressListener progress) {
    if (problem == null || problem.formulation() != Formulation.RELU) {
      throw new IllegalArgumentException("problem: working sets need the relu formulation");
    }
    if (!problem.loss().isSmooth()) {
      throw new IllegalArgumentException("problem: working sets need a smooth loss");
    }
    if (progress == null) {
      throw new IllegalArgumentException("listener: missing (use ProgressListener.none())");
    }
    ReluSolverSettings settings = inner.settings();
    long t0 = System.nanoTime();
    Deadline deadline = Deadline.after(t0, settings.timeLimitSeconds());
    PatternOperator op = problem.operator();
    int pats = op.patterns;
    int d = op.d;
    ProjectedCertificate pcert = new ProjectedCertificate(op, problem);
    double[] full = ConvexReluSolver.initialBlocks(problem, warmStart, op.blocks * d);
    double[] dualNorms = patternDualNorms(problem, op, full);
    List<Integer> set = new ArrayList<>();
    for (int i : byDecreasing(dualNorms, new boolean[pats], Double.NEGATIVE_INFINITY)) {
      if (set.size() >= Math.min(INITIAL_PATTERNS, pats)) {
        break;
      }
      set.add(i);
    }
    // warm start: keep its non-zero patterns in the set
    for (int i = 0; i < pats; i++) {
      if (!set.contains(i) && (nonZero(full, i, d) || nonZero(full, pats + i, d))) {
        set.add(i);
      }
    }
    ProjectedCertificate.Result best = null;
    ReluSolution sub = null;
    ReluProblem subProblem = null;
    double subTol = 1e-2;
    double penalty = inner.penalty();
    int iterations = 0;
    int rounds = 0;
    StopReason reason = StopReason.MAX_OUTER_ITERATIONS;
    while (rounds < settings.maxOuterIterations()) {
      rounds++;
      ReluProblem q = restricted(problem, set);
      ReluSolution start =
          sub == null
              ? restrictedStart(full, set, q, pats, d)
              : WarmStarts.withAddedPatterns(sub, q);
      double left = deadline.secondsLeft();
      ReluSolverSettings s =
          settings
              .withTolerance(Math.max(settings.tolerance(), subTol))
              .withTimeLimit(Double.isInfinite(left) ? left : Math.max(left / 3, 1e-3));
      // the penalty carries over between rounds (each change refactors the n x n Woodbury matrix)
      double[] rho = {penalty};
      AdmmSolver admm =
          inner
              .withSettings(s)
              .withPenalty(penalty)
              .withListener(
                  pr -> {
                    rho[0] = pr.penalty();
                    return AdmmListener.Action.CONTINUE;
                  });
      sub = admm.solve(q, start, ProgressListener.none());
      penalty = rho[0];
      subProblem = q;
      iterations += sub.iterations();
      double[] w = embed(sub.blockView(), set, pats, d);
      ProjectedCertificate.Result r = pcert.evaluate(w, null, null, deadline);
      if (best == null || r.complete()) {
        best = best == null ? r : ProjectedCertificate.better(best, r);
      }
      Certificate c = best.certificate();
      if (c.relativeGap() <= settings.tolerance()) {
        reason = StopReason.CONVERGED;
        break;
      }
      double seconds = (System.nanoTime() - t0) * 1e-9;
      ProgressListener.Progress report =
          new ProgressListener.Progress(name(), iterations, c.primal(), c.relativeGap(), seconds);
      if (progress.progress(report) == ProgressListener.Action.STOP) {
        reason = StopReason.STOPPED_BY_LISTENER;
        break;
      }
      if (deadline.passed()) {
        reason = StopReason.TIME_LIMIT;
        break;
      }
      subTol = Math.min(1e-2, Math.max(settings.tolerance(), 0.1 * c.relativeGap()));
      boolean[] in = new boolean[pats];
      for (int i : set) {
        in[i] = true;
      }
      double[] norms = patternDualNorms(problem, op, r.w());
      int room = Math.max(MIN_ADDED, set.size());
      int added = 0;
      for (int i : byDecreasing(norms, in, problem.beta())) {
        if (added >= room) {
          break;
        }
        set.add(i);
        added++;
      }
      if (added == 0) {
        // no block outside the set can violate its dual constraint: solve the set more exactly
        subTol = Math.max(settings.tolerance(), 0.01 * c.relativeGap());
      }
    }
    double[] w = best.w();
    Evaluator ev = new Evaluator(op, problem);
    double data = ev.dataTerm(w);
    Certificate cert = best.certificate();
    if (reason != StopReason.STOPPED_BY_LISTENER) {
      progress.progress(
          new ProgressListener.Progress(
              name(),
              iterations,
              cert.primal(),
              cert.relativeGap(),
              (System.nanoTime() - t0) * 1e-9));
    }
    return new ReluSolution(
        problem,
        w,
        ev.yhat,
        data,
        ev.penalty(w),
        cert,
        iterations,
        rounds,
        (System.nanoTime() - t0) * 1e-9,
        reason,
        name(),
        settings);
  }

  private static boolean nonZero(double[] u, int j, int d) {
    for (int c = j * d; c < (j + 1) * d; c++) {
      if (u[c] != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Per pattern, the larger of its two blocks' dual residual norms {@code ||sign_j X^T D_p(j) z||}
   * with z the negative loss gradient at u (one masked adjoint).
   */
  private static double[] patternDualNorms(ReluProblem problem, PatternOperator op, double[] u) {
    Evaluator ev = new Evaluator(op, problem);
    ev.dataTerm(u);
    double[] z = new double[op.n];
    problem.loss().gradient(ev.yhat, problem.yView(), z);
    double[] g = new double[op.blocks * op.d];
    op.maskedAdjoint(z, g);
    double[] norms = new double[op.patterns];
    for (int i = 0; i < op.patterns; i++) {
      norms[i] =
          Math.max(
              PatternOperator.blockNorm(g, i, op.d),
              PatternOperator.blockNorm(g, op.patterns + i, op.d));
    }
    return norms;
  }

  /** Patterns not in {@code skip} with a norm above {@code floor}, by decreasing norm. */
  private static int[] byDecreasing(double[] norms, boolean[] skip, double floor) {
    Integer[] order = new Integer[norms.length];
    int m = 0;
    for (int i = 0; i < norms.length; i++) {
      if (!skip[i] && norms[i] > floor) {
        order[m++] = i;
      }
    }
    Integer[] kept = Arrays.copyOf(order, m);
    Arrays.sort(kept, (a, b) -> Double.compare(norms[b], norms[a]));
    int[] out = new int[m];
    for (int i = 0; i < m; i++) {
      out[i] = kept[i];
    }
    return out;
  }

  /** The program over the patterns of {@code set}, in that order. */
  private static ReluProblem restricted(ReluProblem problem, List<Integer> set) {
    ActivationPatterns all = problem.patterns();
    int n = problem.samples();
    int m = set.size();
    int[][] d01 = new int[n][m];
    for (int k = 0; k < n; k++) {
      for (int q = 0; q < m; q++) {
        d01[k][q] = all.active(k, set.get(q)) ? 1 : 0;
      }
    }
    double[][] gates = null;
    if (all.hasGates()) {
      gates = new double[problem.dimension()][m];
      for (int q = 0; q < m; q++) {
        double[] g = all.gate(set.get(q));
        for (int c = 0; c < g.length; c++) {
          gates[c][q] = g[c];
        }
      }
    }
    double[][] x = problem.features();
    return new ReluProblem(
        x,
        problem.targets(),
        ActivationPatterns.of(x, d01, gates),
        problem.beta(),
        problem.loss(),
        Formulation.RELU);
  }

  /** Full blocks (2P) from restricted ones (2|S|), zero outside the set. */
  private static double[] embed(double[] sub, List<Integer> set, int pats, int d) {
    int m = set.size();
    double[] w = new double[2 * pats * d];
    for (int q = 0; q < m; q++) {
      int i = set.get(q);
      System.arraycopy(sub, q * d, w, i * d, d);
      System.arraycopy(sub, (m + q) * d, w, (pats + i) * d, d);
    }
    return w;
  }

  /** The restricted start from full blocks (null when they are zero on the set). */
  private static ReluSolution restrictedStart(
      double[] full, List<Integer> set, ReluProblem q, int pats, int d) {
    int m = set.size();
    double[] u = new double[2 * m * d];
    boolean any = false;
    for (int k = 0; k < m; k++) {
      int i = set.get(k);
      System.arraycopy(full, i * d, u, k * d, d);
      System.arraycopy(full, (pats + i) * d, u, (m + k) * d, d);
      any |= nonZero(full, i, d) || nonZero(full, pats + i, d);
    }
    if (!any) {
      return null;
    }
    Evaluator ev = new Evaluator(q.operator(), q);
    double data = ev.dataTerm(u);
    Certificate none =
        new Certificate(
            data + ev.penalty(u),
            Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY,
            0,
            Double.NaN,
            Double.NaN,
            Double.NaN);
    return new ReluSolution(
        q,
        u,
        ev.yhat,
        data,
        ev.penalty(u),
        none,
        0,
        0,
        0.0,
        StopReason.MAX_ITERATIONS,
        "warm start",
        ReluSolverSettings.defaults());
  }
}
