package io.convopt.solvers.relu.certificate;

import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.linalg.PolyhedralCone;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import java.util.ArrayList;
import java.util.List;

/**
 * Dual certificate of global optimality for the non-convex two-layer network: evaluates the dual
 * constraint {@code max_{u in K_j, ||u|| <= 1} |z^T D_j X u|} on every pattern of a complete set
 * (e.g. {@link ActivationPatterns#enumerate}) and compares it with beta; see {@link
 * GlobalOptimalityReport} for the bound it yields.
 *
 * <p>RELU: for each pattern, with {@code g = X^T D_j z} and {@code A_j = (2 D_j - I) X}, the value
 * is {@code max(||Pi_K(g)||, ||Pi_K(-g)||)} ({@link PolyhedralCone}). GATED: {@code ||g||}. Why the
 * complete set suffices: every first-layer weight w lies in the closed cone of some
 * full-dimensional chamber D with {@code (X w)_+ = D X w}, so the supremum over all ||u|| ≤ 1 of
 * {@code |z^T (X u)_+|} is the maximum over chambers. If the given set misses chambers (data not in
 * general position, see {@link ActivationPatterns#enumerate}), the verdict is only about the given
 * set.
 *
 * <p>Smooth losses only (squared, logistic); hinge needs a subgradient choice and is rejected.
 * Cost: O(P_all (n d + NNLS(n, d))). Stateless, thread-safe.
 */
public final class GlobalOptimalityCheck {
  private GlobalOptimalityCheck() {}

  /**
   * @param problem the (sampled) problem the solution belongs to
   * @param solution its solution
   * @param all a complete pattern set on the same X
   * @param tolerance relative-gap tolerance for the verdict, in (0, 1)
   * @throws IllegalArgumentException for the hinge loss, the robust formulation, mismatched sizes
   *     or a tolerance outside (0, 1)
   */
  public static GlobalOptimalityReport check(
      ReluProblem problem, ReluSolution solution, ActivationPatterns all, double tolerance) {
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance: must be in (0, 1), got " + tolerance);
    }
    if (problem.loss() == Loss.HINGE) {
      throw new IllegalArgumentException(
          "loss: the global-optimality certificate needs a smooth loss (squared or logistic), got"
              + " hinge");
    }
    if (problem.formulation() == Formulation.RELU_ROBUST) {
      throw new IllegalArgumentException("formulation: expected gated or relu, got relu_robust");
    }
    if (all.samples() != problem.samples()) {
      throw new IllegalArgumentException(
          "all: patterns for " + all.samples() + " samples, problem has " + problem.samples());
    }
    if (solution.patternCount() != problem.patterns().count()
        || solution.formulation() != problem.formulation()) {
      throw new IllegalArgumentException("solution: does not belong to this problem");
    }
    double[][] x = problem.features();
    double[] y = problem.targets();
    double[] yhat = solution.trainingPredictions();
    int n = x.length;
    double[] z = new double[n];
    problem.loss().gradient(yhat, y, z);
    for (int k = 0; k < n; k++) {
      z[k] = -z[k];
    }
    boolean cones = problem.formulation() == Formulation.RELU;
    double beta = problem.beta();
    double sampledMax = 0;
    ActivationPatterns sp = problem.patterns();
    for (int j = 0; j < sp.count(); j++) {
      sampledMax = Math.max(sampledMax, value(x, z, sp, j, cones));
    }
    double allMax = 0;
    List<double[]> viol = new ArrayList<>();
    for (int j = 0; j < all.count(); j++) {
      double v = value(x, z, all, j, cones);
      allMax = Math.max(allMax, v);
      if (v > beta) {
        viol.add(new double[] {j, v});
      }
    }
    viol.sort((a, b) -> Double.compare(b[1], a[1]));
    int[] idx = new int[viol.size()];
    double[] vals = new double[viol.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = (int) viol.get(i)[0];
      vals[i] = viol.get(i)[1];
    }
    double s = allMax > beta ? beta / allMax : 1.0;
    double[] zs = new double[n];
    for (int k = 0; k < n; k++) {
      zs[k] = s * z[k];
    }
    double lower = problem.loss().dualValue(zs, y);
    double primal = solution.objective();
    double rel = (primal - lower) / Math.max(Math.abs(primal), 1e-300);
    return new GlobalOptimalityReport(
        beta,
        sampledMax,
        allMax,
        primal,
        lower,
        rel,
        all.count(),
        idx,
        vals,
        tolerance,
        rel <= tolerance);
  }

  /** The dual-constraint value of pattern j of {@code pats} at z. */
  static double value(double[][] x, double[] z, ActivationPatterns pats, int j, boolean cones) {
    int n = x.length;
    int d = x[0].length;
    double[] g = new double[d];
    for (int k = 0; k < n; k++) {
      if (pats.active(k, j)) {
        for (int c = 0; c < d; c++) {
          g[c] += x[k][c] * z[k];
        }
      }
    }
    if (!cones) {
      return PolyhedralCone.norm(g);
    }
    double[][] a = new double[n][d];
    for (int k = 0; k < n; k++) {
      double sgn = pats.active(k, j) ? 1 : -1;
      for (int c = 0; c < d; c++) {
        a[k][c] = sgn * x[k][c];
      }
    }
    double plus = PolyhedralCone.support(a, g);
    for (int c = 0; c < d; c++) {
      g[c] = -g[c];
    }
    return Math.max(plus, PolyhedralCone.support(a, g));
  }
}
