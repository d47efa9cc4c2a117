package io.convopt.solvers.relu.certificate;

import io.convopt.solvers.relu.Certificate;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.linalg.PolyhedralCone;

/**
 * Certified duality gap for an approximate solution of the constrained program (CR) that need not
 * be feasible. Two valid bounds on the optimum p* are combined:
 *
 * <ul>
 *   <li><b>Upper bound.</b> The iterate u is moved into its cones by {@link ConeRestoration}
 *       (Euclidean projection of each violating block, then the gate shift), giving a feasible
 *       point w; {@code F(w) >= p*}.
 *   <li><b>Lower bound.</b> For any dual candidate z in the loss's dual domain and any cone
 *       multipliers {@code gamma_j >= 0}, {@code -L*(-z) <= p*} provided {@code ||c_j + A_j^T
 *       gamma_j|| <= beta} for every block, where {@code c_j = sign_j X^T D_p(j) z} and {@code A_j
 *       = (2D_p(j) - I) X}. The best multipliers make the left side {@code ||Pi_{K_j}(c_j)||}, the
 *       support of c_j on the unit ball of the cone; it is computed by {@link
 *       PolyhedralCone#project}, whose output is {@code c_j + A_j^T mu} with {@code mu >= 0} at
 *       every stage, so its norm is an upper estimate of the support even if the active-set
 *       iteration stops early, and the bound stays valid. The candidate is then scaled by {@code s
 *       = min(1, beta / max_j ||Pi_{K_j}(c_j)||)} (the dual domains are star-shaped about 0).
 * </ul>
 *
 * <p>Candidates tried: the negative loss gradient at w and at u (smooth losses) and an optional
 * solver multiplier (the loss-splitting multiplier for the hinge); the largest dual value is kept.
 * Then {@code 0 <= F(w) - p* <= gap = F(w) - max dual}, an exact certificate with no tolerance on
 * the constraint violation. GATED problems take {@code ||c_j||} (no cone) and w = u.
 *
 * <p>The {@link Certificate}'s KKT fields are those of w with the multipliers the caller passes
 * (reported, not used for stopping); its violation is the measured one of w (0 up to rounding when
 * the problem has gates; without gates the restoration cannot run and w = u, whose violation is
 * then reported and the primal value is not an upper bound).
 *
 * <p>Cost per evaluation: the restoration (a few Hildreth sweeps over the violated blocks) plus one
 * n x d x B product per candidate and B cone projections (Lawson–Hanson NNLS with n rows and at
 * most d passive columns). Not thread-safe (scratch arrays); one instance per solve.
 */
public final class ProjectedCertificate {
  private final PatternOperator op;
  private final ReluProblem problem;
  private final Evaluator ev;
  private final double[][][] signedRows; // per pattern: (2 D_ki - 1) x_k, n x d
  private final double[] m;
  private final double[] g;
  private final double[] xu;
  private final double[] c;

  /** Feasible point, its certificate, and whether w was actually made feasible. */
  public record Result(double[] w, Certificate certificate, boolean restored) {}

  public ProjectedCertificate(PatternOperator op, ReluProblem problem) {
    this.op = op;
    this.problem = problem;
    this.ev = new Evaluator(op, problem);
    int n = op.n;
    int d = op.d;
    this.signedRows = op.constrained ? new double[op.patterns][n][d] : null;
    if (op.constrained) {
      for (int i = 0; i < op.patterns; i++) {
        for (int k = 0; k < n; k++) {
          double sg = op.mask[k * op.patterns + i] ? 1.0 : -1.0;
          for (int col = 0; col < d; col++) {
            signedRows[i][k][col] = sg * op.x[k * d + col];
          }
        }
      }
    }
    this.m = new double[n * op.blocks];
    this.g = new double[op.blocks * d];
    this.xu = new double[n * op.blocks];
    this.c = new double[n * op.blocks];
  }

  /**
   * @param u iterate (B x d blocks), not modified
   * @param multiplier extra dual candidate (length n, e.g. minus the loss-splitting multiplier), or
   *     null
   * @param gamma cone multipliers for the reported KKT residuals (n x B), or null
   */
  public Result evaluate(double[] u, double[] multiplier, double[] gamma) {
    double[] w = u.clone();
    boolean restored = true;
    if (op.constrained) {
      restored = ConeRestoration.restore(op, problem.patterns(), w) >= 0;
    }
    Loss loss = problem.loss();
    double[] y = problem.yView();
    double beta = problem.beta();
    double primal = ev.dataTerm(w) + ev.penalty(w);
    double bestDual = Double.NEGATIVE_INFINITY;
    double bestScale = 0;
    double[] bestZ = null;
    int candidates = 3;
    for (int cand = 0; cand < candidates; cand++) {
      double[] z;
      if (cand == 2) {
        if (multiplier == null) {
          continue;
        }
        z = multiplier.clone();
      } else {
        if (!loss.isSmooth()) {
          continue;
        }
        z = new double[op.n];
        ev.dataTerm(cand == 0 ? w : u);
        loss.gradient(ev.yhat, y, z);
        for (int k = 0; k < op.n; k++) {
          z[k] = -z[k];
        }
      }
      loss.projectDual(z, y);
      double worst = maxSupport(z);
      double s = worst <= beta ? 1.0 : beta / worst;
      for (int k = 0; k < op.n; k++) {
        z[k] *= s;
      }
      double dual = loss.dualValue(z, y);
      if (dual > bestDual) {
        bestDual = dual;
        bestScale = s;
        bestZ = z;
      }
    }
    if (bestZ == null) {
      // no candidate (hinge without a multiplier): the trivial dual point z = 0
      bestZ = new double[op.n];
      bestDual = loss.dualValue(bestZ, y);
      bestScale = 0;
    }
    // KKT residuals of w with the caller's multipliers (the unscaled candidate is not kept; the
    // scaled one differs from it by the factor bestScale, close to 1 near the optimum)
    double[] zk = multiplier != null ? multiplier : null;
    Certificate kkt = ev.certificate(w, zk, gamma);
    double gap = primal - bestDual;
    Certificate cert =
        new Certificate(
            primal,
            bestDual,
            gap,
            gap / Math.max(Math.abs(primal), 1e-300),
            bestScale,
            violation(w),
            kkt.stationarity(),
            kkt.complementarity());
    return new Result(w, cert, restored);
  }

  /** {@code max_j ||Pi_{K_j}(sign_j X^T D_p(j) z)||} (GATED: the plain norm). */
  private double maxSupport(double[] z) {
    op.combine(z, null, m);
    op.adjoint(m, g);
    int d = op.d;
    double worst = 0;
    double[] cj = new double[d];
    for (int j = 0; j < op.blocks; j++) {
      double nj = PatternOperator.blockNorm(g, j, d);
      if (!op.constrained || nj <= worst) {
        // the support is at most the norm, so this block cannot raise the maximum
        worst = Math.max(worst, op.constrained ? 0 : nj);
        continue;
      }
      System.arraycopy(g, j * d, cj, 0, d);
      double[] p = PolyhedralCone.project(signedRows[op.pattern(j)], cj);
      double s = 0;
      for (int col = 0; col < d; col++) {
        s += p[col] * p[col];
      }
      worst = Math.max(worst, Math.sqrt(s));
    }
    return worst;
  }

  /** Scaled cone violation of w (0 for GATED). */
  private double violation(double[] w) {
    if (!op.constrained) {
      return 0;
    }
    op.products(w, xu);
    op.slacks(xu, c);
    double worst = 0;
    double scale = 0;
    for (double ci : c) {
      worst = Math.max(worst, -ci);
      scale = Math.max(scale, Math.abs(ci));
    }
    return scale > 0 ? worst / scale : 0;
  }

  /**
   * Combines two evaluations: the feasible point with the smaller objective (and its KKT fields),
   * and the larger of the two valid dual bounds.
   */
  public static Result better(Result a, Result b) {
    boolean aOk = a.restored();
    boolean bOk = b.restored();
    Result p =
        aOk != bOk ? (aOk ? a : b) : a.certificate().primal() <= b.certificate().primal() ? a : b;
    Certificate ca = a.certificate();
    Certificate cb = b.certificate();
    Certificate cp = p.certificate();
    double dual = Math.max(ca.dual(), cb.dual());
    double scale = ca.dual() >= cb.dual() ? ca.dualScale() : cb.dualScale();
    double gap = cp.primal() - dual;
    return new Result(
        p.w(),
        new Certificate(
            cp.primal(),
            dual,
            gap,
            gap / Math.max(Math.abs(cp.primal()), 1e-300),
            scale,
            cp.constraintViolation(),
            cp.stationarity(),
            cp.complementarity()),
        p.restored());
  }
}
