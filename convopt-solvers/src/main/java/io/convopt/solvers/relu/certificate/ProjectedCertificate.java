package io.convopt.solvers.relu.certificate;

import io.convopt.solvers.relu.Certificate;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.linalg.PolyhedralCone;
import io.convopt.solvers.relu.linalg.SignedDataRows;

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
 * masked n x d x B product per candidate and the cone projections (Lawson–Hanson NNLS with n rows
 * and at most d passive columns) of the blocks visited by decreasing norm until no block can raise
 * the maximum. Memory: O(n d + B d) besides the operator's row block (the signed rows of one
 * pattern at a time, no n x B array); the KKT fields, which need the cone multipliers, are computed
 * (with n x B scratch) only when the caller passes them, and are NaN for the constrained program
 * otherwise.
 *
 * <p><b>Deadline.</b> {@link #evaluate(double[], double[], double[], Deadline)} checks a deadline
 * before each block's projection, in the restoration and in the dual bound. Past it, the
 * restoration defers the remaining blocks to a cheap feasible move (see {@link ConeRestoration})
 * and the dual bound takes the next block's norm for the rest (both valid, looser); the result is
 * then marked incomplete ({@link Result#complete()} false), so that a solver can drop it in favour
 * of an earlier complete one. The work after the deadline is a few row-block passes (masked
 * products), no projection. Not thread-safe (scratch arrays); one instance per solve.
 */
public final class ProjectedCertificate {
  private final PatternOperator op;
  private final ReluProblem problem;
  private final Evaluator ev;
  private final double[] g;

  /** Signed rows of one pattern at a time over the shared data, made on demand. */
  private SignedDataRows signedRows;

  /**
   * Feasible point, its certificate, whether w was actually made feasible, and whether the
   * evaluation finished before its deadline (an incomplete one is valid but looser).
   */
  public record Result(double[] w, Certificate certificate, boolean restored, boolean complete) {
    /** A complete result. */
    public Result(double[] w, Certificate certificate, boolean restored) {
      this(w, certificate, restored, true);
    }
  }

  /** Set by {@link #maxSupport} when the deadline cut the projections short. */
  private boolean interrupted;

  public ProjectedCertificate(PatternOperator op, ReluProblem problem) {
    this.op = op;
    this.problem = problem;
    this.ev = new Evaluator(op, problem);
    this.g = new double[op.blocks * op.d];
  }

  /** The signed rows of pattern i (a view over the shared data). */
  private SignedDataRows signedRows(int i) {
    if (signedRows == null) {
      signedRows = new SignedDataRows(op.n, op.d, op.x);
    }
    signedRows.usePattern(op.mask, op.patterns, i);
    return signedRows;
  }

  /**
   * @param u iterate (B x d blocks), not modified
   * @param multiplier extra dual candidate (length n, e.g. minus the loss-splitting multiplier), or
   *     null
   * @param gamma cone multipliers for the reported KKT residuals (n x B), or null (constrained
   *     program: KKT fields NaN)
   */
  public Result evaluate(double[] u, double[] multiplier, double[] gamma) {
    return evaluate(u, multiplier, gamma, Deadline.none());
  }

  /**
   * As {@link #evaluate(double[], double[], double[])}, stopping the projections when the deadline
   * passes (see the class comment); the result is then incomplete but valid.
   */
  public Result evaluate(double[] u, double[] multiplier, double[] gamma, Deadline deadline) {
    double[] w = u.clone();
    boolean restored = true;
    boolean complete = true;
    interrupted = false;
    if (op.constrained) {
      ConeRestoration.Outcome o = ConeRestoration.restore(op, problem.patterns(), w, deadline);
      restored = o.applicable();
      complete = o.deferred() == 0;
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
      double worst = maxSupport(z, deadline);
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
    // (skipped for the constrained program without cone multipliers: they would need n x B arrays)
    Certificate kkt = op.constrained && gamma == null ? null : ev.certificate(w, multiplier, gamma);
    double gap = primal - bestDual;
    Certificate cert =
        new Certificate(
            primal,
            bestDual,
            gap,
            gap / Math.max(Math.abs(primal), 1e-300),
            bestScale,
            violation(w),
            kkt == null ? Double.NaN : kkt.stationarity(),
            kkt == null ? Double.NaN : kkt.complementarity());
    return new Result(w, cert, restored, complete && !interrupted);
  }

  /**
   * Cone projections per evaluation of the dual bound, at least; more while their work (each about
   * n d^2 multiply-adds) stays within {@link #PROJECTION_WORK}, so that small problems with
   * thousands of blocks (pattern refinement) keep the exact bound.
   */
  static final int MAX_PROJECTIONS = 128;

  /** Multiply-adds spent on cone projections per evaluation before the bound turns looser. */
  static final double PROJECTION_WORK = 0x1p30;

  /**
   * An upper estimate of {@code max_j ||Pi_{K_j}(sign_j X^T D_p(j) z)||} (GATED: the plain norm).
   * The support is at most the block's norm, so blocks are visited by decreasing norm and the scan
   * stops at the first whose norm cannot raise the maximum; after {@link #MAX_PROJECTIONS}
   * projections (more on small n d^2) the next block's norm bounds the rest (exact until then,
   * looser after, valid always).
   */
  private double maxSupport(double[] z, Deadline deadline) {
    op.maskedAdjoint(z, g);
    int d = op.d;
    int blocks = op.blocks;
    double[] norms = new double[blocks];
    double worst = 0;
    for (int j = 0; j < blocks; j++) {
      norms[j] = PatternOperator.blockNorm(g, j, d);
      worst = Math.max(worst, norms[j]);
    }
    if (!op.constrained) {
      return worst;
    }
    Integer[] order = new Integer[blocks];
    for (int j = 0; j < blocks; j++) {
      order[j] = j;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(norms[b], norms[a]));
    // the signed rows are rebuilt only when the visited block's pattern changes
    worst = 0;
    double[] cj = new double[d];
    long maxProjections =
        (long) Math.max(MAX_PROJECTIONS, PROJECTION_WORK / ((double) op.n * d * d));
    for (int q = 0; q < blocks; q++) {
      int j = order[q];
      if (norms[j] <= worst) {
        break;
      }
      if (q == maxProjections || deadline.passed()) {
        // every remaining block's support is at most its norm: a valid, looser bound
        interrupted |= q < maxProjections;
        return norms[j];
      }
      System.arraycopy(g, j * d, cj, 0, d);
      double[] p = PolyhedralCone.project(signedRows(op.pattern(j)), cj);
      worst = Math.max(worst, PolyhedralCone.norm(p));
    }
    return worst;
  }

  /** Scaled cone violation of w (0 for GATED), by one pass over row blocks. */
  private double violation(double[] w) {
    if (!op.constrained) {
      return 0;
    }
    double[] acc = new double[2]; // worst violation, largest |slack|
    int blocks = op.blocks;
    int pats = op.patterns;
    op.rowBlocks(
        w,
        (r0, rows, blk) -> {
          for (int k = 0; k < rows; k++) {
            int ro = k * blocks;
            int mo = (r0 + k) * pats;
            for (int j = 0; j < blocks; j++) {
              double ci = op.mask[mo + (j < pats ? j : j - pats)] ? blk[ro + j] : -blk[ro + j];
              acc[0] = Math.max(acc[0], -ci);
              acc[1] = Math.max(acc[1], Math.abs(ci));
            }
          }
        },
        null);
    return acc[1] > 0 ? acc[0] / acc[1] : 0;
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
        p.restored(),
        a.complete() && b.complete());
  }
}
