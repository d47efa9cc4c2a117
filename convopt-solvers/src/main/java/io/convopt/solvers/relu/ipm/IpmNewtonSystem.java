package io.convopt.solvers.relu.ipm;

import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.barrier.NormEpigraph;
import io.convopt.solvers.relu.barrier.RefinedCholesky;
import io.convopt.solvers.relu.linalg.CholeskyFactor;
import io.convopt.solvers.relu.linalg.PatternOperator;

/**
 * The Newton system of an {@link IpmBarrier} at its current point, factored, and its solution
 * [derived].
 *
 * <p><b>Newton matrix.</b> {@code K = blockdiag(G_j) + F^T W F} after eliminating xi, with {@code
 * G_j = Hess phi_j + sum_k w_kj a_k a_k^T} (a_k the signed rows of X, w_kj the barrier's cone
 * weight: {@code 1 / c_kj^2}, or the primal-dual {@code lam_kj / c_kj}) and W = {@code tau L''}
 * (squared: tau; logistic: {@code tau p(1-p)}) or, for the hinge, the Schur complement of the
 * diagonal xi block, {@code W_k = 1 / (xi_k^2 + r_k^2)}, with the right-hand side reduced by {@code
 * F^T (y g_xi / (r^2 h))}, {@code h_k = 1/xi_k^2 + 1/r_k^2}. Each {@code G_j = R_j R_j^T} is
 * factored by {@link GivensBlockFactor} (a Cholesky of the assembled G_j loses its moderate
 * eigenvalues next to {@code 1/c^2 ~ tau^2}).
 *
 * <p><b>Woodbury, augmented form.</b> With {@code M_j = D_j X R_j^{-T}} (so {@code M M^T = F G^{-1}
 * F^T}) the n x n matrix {@code C = W^{-1} + M M^T} is formed ({@link GramKernels}, lower triangle)
 * and factored, and {@code [[G, F^T], [F, -W^{-1}]] (o; q) = (r; 0)} is solved by {@code C q = F
 * G^{-1} r}, {@code o = G^{-1}(r - F^T q)}, followed by up to two steps of iterative refinement on
 * that augmented system (on the reduced one, W ~ tau^2 at hinge margin points makes the residual
 * meaningless). When {@code B d < n} the (Bd)-size matrix K is assembled and factored densely
 * instead ({@link RefinedCholesky}, two rounds against the matrix-free product).
 *
 * <p>Cost per factorisation: O(n B d^2) for the blocks, O(n^2 B d + n^3/3) for C; O(n B d) per
 * product with F; memory O(n B d + n^2). Not thread-safe; one instance per solve, refactored at
 * every Newton step.
 */
final class IpmNewtonSystem {
  /** How the reduced Newton system is solved. */
  enum Mode {
    /** Dense when B d < n, else Woodbury. */
    AUTO,
    WOODBURY,
    DENSE
  }

  private final IpmBarrier bar;
  private final PatternOperator op;
  private final OutputMap fmap;
  private final Mode mode;
  private final int n;
  private final int d;
  private final int blocks;

  private final GivensBlockFactor blockFactor;
  private final double[] gmat; // B x d x d: G_j (dense mode only)
  private final double[] dyy; // n: loss Hessian (tau L'' or 1/r^2)
  private final double[] dcross; // n: hinge y/r^2
  private final double[] dxixi; // n: hinge 1/xi^2 + 1/r^2
  private final double[] wdiag; // n: W
  private CholeskyFactor capacitance;
  private CholeskyFactor dense;
  private boolean useDense;

  private final double[] scrN;
  private final double[] scrBd;
  private final double[] scrBd2;

  IpmNewtonSystem(IpmBarrier bar, Mode mode) {
    this.bar = bar;
    this.op = bar.op;
    this.fmap = new OutputMap(op);
    this.mode = mode;
    this.n = op.n;
    this.d = op.d;
    this.blocks = op.blocks;
    this.blockFactor = new GivensBlockFactor(op, bar.rowUsed);
    this.gmat = new double[blocks * d * d];
    this.dyy = new double[n];
    this.dcross = new double[n];
    this.dxixi = new double[n];
    this.wdiag = new double[n];
    this.scrN = new double[n];
    this.scrBd = new double[blocks * d];
    this.scrBd2 = new double[blocks * d];
  }

  /**
   * Builds and factors the Newton system at the barrier's current point.
   *
   * @throws ArithmeticException when a factorisation fails (not numerically positive definite)
   */
  void factor() {
    boolean hinge = bar.hinge;
    double tau = bar.tau();
    double[] y = bar.y;
    for (int k = 0; k < n; k++) {
      if (hinge) {
        double r = bar.r[k];
        double xi = bar.xi[k];
        double ir2 = 1.0 / (r * r);
        dyy[k] = ir2;
        dcross[k] = y[k] * ir2;
        dxixi[k] = 1.0 / (xi * xi) + ir2;
        wdiag[k] = 1.0 / (xi * xi + r * r);
      } else if (bar.loss == Loss.SQUARED) {
        dyy[k] = tau;
        wdiag[k] = tau;
      } else {
        double pr = Loss.sigmoid(-y[k] * bar.yhat[k]);
        dyy[k] = tau * pr * (1 - pr);
        wdiag[k] = dyy[k];
      }
    }
    useDense = mode == Mode.DENSE || mode == Mode.AUTO && (long) blocks * d < n;
    double p2 = bar.p2();
    for (int j = 0; j < blocks; j++) {
      double nu2 = bar.blockNorm2(j);
      blockFactor.factor(j, bar.u, nu2, p2, bar::coneWeight);
      if (useDense) {
        assembleBlock(j, p2, nu2);
      }
    }
    if (useDense) {
      factorDense();
      capacitance = null;
    } else {
      factorCapacitance();
      dense = null;
    }
  }

  /** Whether the last {@link #factor} used the dense (Bd)-size Cholesky. */
  boolean usedDense() {
    return useDense;
  }

  /** G_j assembled into gmat (for the dense matrix K). */
  private void assembleBlock(int j, double p2, double nu2) {
    int go = j * d * d;
    int uo = j * d;
    double[] u = bar.u;
    double tangential = NormEpigraph.tangential(p2, nu2);
    double f2 = NormEpigraph.rankOne(p2, nu2);
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        gmat[go + a * d + b] = f2 * u[uo + a] * u[uo + b] + (a == b ? tangential : 0);
      }
    }
    if (op.constrained) {
      double[] x = op.x;
      for (int k = 0; k < n; k++) {
        if (!bar.rowUsed[k]) {
          continue;
        }
        double w = bar.coneWeight(k * blocks + j);
        int xo = k * d;
        for (int a = 0; a < d; a++) {
          double wa = w * x[xo + a];
          for (int b = 0; b <= a; b++) {
            gmat[go + a * d + b] += wa * x[xo + b];
          }
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < a; b++) {
        gmat[go + b * d + a] = gmat[go + a * d + b];
      }
    }
  }

  private void factorCapacitance() {
    int m = blocks * d;
    double[] mm = new double[n * m];
    double[] yv = new double[d];
    for (int k = 0; k < n; k++) {
      int mo = k * m;
      for (int j = 0; j < blocks; j++) {
        if (op.active(k, j)) {
          blockFactor.forwardSolve(j, op.x, k * d, yv); // row k of M_j
          System.arraycopy(yv, 0, mm, mo + j * d, d);
        }
      }
    }
    double[] cap = GramKernels.lowerGram(mm, n, m);
    for (int k = 0; k < n; k++) {
      cap[k * n + k] += winv(k);
    }
    capacitance = new CholeskyFactor(cap, n);
  }

  private void factorDense() {
    int size = blocks * d;
    double[] k = new double[size * size];
    for (int j = 0; j < blocks; j++) {
      int go = j * d * d;
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          k[(j * d + a) * size + j * d + b] = gmat[go + a * d + b];
        }
      }
    }
    double[] x = op.x;
    for (int i = 0; i < blocks; i++) {
      for (int j = 0; j <= i; j++) {
        double sg = op.sign(i) * op.sign(j);
        for (int q = 0; q < n; q++) {
          if (!op.active(q, i) || !op.active(q, j)) {
            continue;
          }
          double w = sg * wdiag[q];
          int xo = q * d;
          for (int a = 0; a < d; a++) {
            double wa = w * x[xo + a];
            for (int b = 0; b < d; b++) {
              k[(i * d + a) * size + j * d + b] += wa * x[xo + b];
            }
          }
        }
      }
    }
    dense = new CholeskyFactor(k, size);
  }

  /** 1 / W_k (floored so that a vanishing logistic curvature stays finite). */
  private double winv(int k) {
    return 1.0 / Math.max(wdiag[k], 1e-250);
  }

  /**
   * blockdiag(G) v into o, matrix-free from the data: {@code G_j v_j = Hess phi_j v_j + sum_k w_kj
   * a_k (a_k . v_j)}. Unlike the assembled G_j (entries ~ 1/c^2 ~ tau^2, whose product with a
   * vector in a free direction cancels catastrophically), this is accurate to the rounding of its
   * terms, which the iterative refinement needs.
   */
  private void applyBlocks(double[] v, double[] o) {
    double p2 = bar.p2();
    double[] x = op.x;
    double[] u = bar.u;
    for (int j = 0; j < blocks; j++) {
      int uo = j * d;
      double nu2 = bar.blockNorm2(j);
      double tangential = NormEpigraph.tangential(p2, nu2);
      double uv = 0;
      for (int a = 0; a < d; a++) {
        uv += u[uo + a] * v[uo + a];
      }
      double f = NormEpigraph.rankOne(p2, nu2) * uv;
      for (int a = 0; a < d; a++) {
        o[uo + a] = tangential * v[uo + a] + f * u[uo + a];
      }
    }
    if (op.constrained) {
      for (int k = 0; k < n; k++) {
        if (!bar.rowUsed[k]) {
          continue;
        }
        int xo = k * d;
        int ro = k * blocks;
        for (int j = 0; j < blocks; j++) {
          int uo = j * d;
          double av = 0;
          for (int a = 0; a < d; a++) {
            av += x[xo + a] * v[uo + a];
          }
          av *= bar.coneWeight(ro + j);
          for (int a = 0; a < d; a++) {
            o[uo + a] += av * x[xo + a];
          }
        }
      }
    }
  }

  /** The reduced matrix {@code blockdiag(G) + F^T W F} times v (matrix-free). */
  private void applyReduced(double[] v, double[] o) {
    applyBlocks(v, o);
    double[] fy = new double[n];
    fmap.forward(v, fy);
    for (int k = 0; k < n; k++) {
      fy[k] *= wdiag[k];
    }
    fmap.adjoint(fy, scrBd2);
    for (int i = 0; i < o.length; i++) {
      o[i] += scrBd2[i];
    }
  }

  /**
   * One solve of {@code [[G, F^T], [F, -W^{-1}]] (o; q) = (r; e2)} through {@code (W^{-1} + F
   * G^{-1} F^T) q = F G^{-1} r - e2}, {@code o = G^{-1} (r - F^T q)}.
   */
  private void augmentedSolve(double[] rv, double[] e2, double[] ov, double[] q) {
    blockFactor.applyInverse(rv, ov);
    fmap.forward(ov, q);
    for (int k = 0; k < n; k++) {
      q[k] -= e2[k];
    }
    capacitance.solveInPlace(q);
    double[] g = scrBd2;
    fmap.adjoint(q, g);
    for (int i = 0; i < g.length; i++) {
      g[i] = rv[i] - g[i];
    }
    blockFactor.applyInverse(g, ov);
  }

  /** Solves the reduced system (blockdiag(G) + F^T W F) o = r. */
  private void solveReduced(double[] rv, double[] ov) {
    if (useDense) {
      RefinedCholesky.solve(dense, this::applyReduced, rv, ov, 2);
      return;
    }
    double[] q = new double[n];
    double[] e2 = new double[n];
    augmentedSolve(rv, e2, ov, q);
    double[] e1 = new double[rv.length];
    double[] cu = new double[rv.length];
    double[] cq = new double[n];
    for (int round = 0; round < 2; round++) {
      // e1 = r - G o - F^T q,  e2 = -(F o - W^{-1} q)
      applyBlocks(ov, e1);
      fmap.adjoint(q, cu);
      double rn = 0;
      double en = 0;
      for (int i = 0; i < e1.length; i++) {
        e1[i] = rv[i] - e1[i] - cu[i];
        rn += rv[i] * rv[i];
        en += e1[i] * e1[i];
      }
      fmap.forward(ov, e2);
      for (int k = 0; k < n; k++) {
        e2[k] = -(e2[k] - winv(k) * q[k]);
        en += e2[k] * e2[k];
      }
      if (!(en > 1e-26 * rn)) {
        break;
      }
      augmentedSolve(e1, e2, cu, cq);
      for (int i = 0; i < ov.length; i++) {
        ov[i] += cu[i];
      }
      for (int k = 0; k < n; k++) {
        q[k] += cq[k];
      }
    }
  }

  /**
   * Solves {@code K (ou, oxi) = (ru, rxi)} with the full Newton matrix K of the barrier (after
   * {@link #factor}; xi eliminated for the hinge; rxi, oxi ignored otherwise).
   */
  void solve(double[] ru, double[] rxi, double[] ou, double[] oxi) {
    if (!bar.hinge) {
      solveReduced(ru, ou);
      return;
    }
    double[] a = scrN;
    for (int k = 0; k < n; k++) {
      a[k] = dcross[k] * rxi[k] / dxixi[k];
    }
    double[] ru2 = scrBd;
    fmap.adjoint(a, ru2);
    for (int i = 0; i < ru2.length; i++) {
      ru2[i] = ru[i] - ru2[i];
    }
    solveReduced(ru2, ou);
    double[] fy = scrN;
    fmap.forward(ou, fy);
    for (int k = 0; k < n; k++) {
      oxi[k] = (rxi[k] - dcross[k] * fy[k]) / dxixi[k];
    }
  }

  /**
   * The relative residual {@code ||K o - r|| / ||r||} of a solution (ou, oxi) of {@link #solve}
   * (diagnostics and tests; costs one Hessian product).
   */
  double residual(double[] ru, double[] rxi, double[] ou, double[] oxi) {
    double[] eu = new double[ru.length];
    double[] exi = new double[bar.hinge ? n : 0];
    applyHessian(ou, oxi, eu, exi);
    double en = 0;
    double rn = 0;
    for (int i = 0; i < eu.length; i++) {
      en += (ru[i] - eu[i]) * (ru[i] - eu[i]);
      rn += ru[i] * ru[i];
    }
    for (int k = 0; k < exi.length; k++) {
      en += (rxi[k] - exi[k]) * (rxi[k] - exi[k]);
      rn += rxi[k] * rxi[k];
    }
    return Math.sqrt(en / Math.max(rn, 1e-300));
  }

  /** The full Hessian of the barrier (after {@link #factor}) times (vu, vxi). */
  void applyHessian(double[] vu, double[] vxi, double[] ou, double[] oxi) {
    boolean hinge = bar.hinge;
    double[] fy = new double[n];
    fmap.forward(vu, fy);
    double[] q = new double[n];
    for (int k = 0; k < n; k++) {
      q[k] = dyy[k] * fy[k] + (hinge ? dcross[k] * vxi[k] : 0);
    }
    fmap.adjoint(q, ou);
    double[] g = new double[vu.length];
    applyBlocks(vu, g);
    for (int i = 0; i < g.length; i++) {
      ou[i] += g[i];
    }
    if (hinge) {
      for (int k = 0; k < n; k++) {
        oxi[k] = dcross[k] * fy[k] + dxixi[k] * vxi[k];
      }
    }
  }
}
