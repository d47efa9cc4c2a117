package io.convopt.solvers.relu.ipm;

import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.linalg.CholeskyFactor;
import io.convopt.solvers.relu.linalg.PatternOperator;

/**
 * The barrier objective of {@link InteriorPointSolver} at one point, its gradient, its Newton
 * system and the line-search quantities [derived].
 *
 * <p><b>Barrier problem.</b> With epigraph variables {@code t_j >= ||u_j||} for the group norm, the
 * cone constraints {@code c_kj = (2 D_kp(j) - 1) x_k . u_j > 0} (RELU) and, for the hinge loss,
 * slacks {@code xi_k > 0} with {@code r_k = xi_k - 1 + y_k yhat_k > 0},
 *
 * <pre>
 *   min tau (L + beta sum_j t_j) - sum_j log(t_j^2 - ||u_j||^2) - sum_{k,j} log c_kj
 *       [- sum_k log xi_k - sum_k log r_k],
 * </pre>
 *
 * {@code L = L(yhat)} for the smooth losses, {@code L = sum_k xi_k} for the hinge, {@code yhat = F
 * u = sum_j sign_j D_p(j) X u_j}. Barrier parameter {@code nu = 2B + m B + 2n} (m the number of
 * non-zero rows of X, RELU only; 2n for the hinge only): the central point for tau is within {@code
 * nu / tau} of the optimum.
 *
 * <p><b>t eliminated.</b> For fixed u_j the best t_j is {@code t = (1 + q) / p}, {@code p = tau
 * beta}, {@code q = sqrt(1 + p^2 ||u_j||^2)}, which leaves the smooth radial term (same central
 * path; partial minimisation keeps self-concordance)
 *
 * <pre>
 *   phi(u_j) = 1 + q - log(2 (1 + q) / p^2),   grad = p^2 u / (1 + q),
 *   Hessian = p^2/(1+q) (I - e e^T) + p^2/(q (1+q)) e e^T,   e = u / ||u||.
 * </pre>
 *
 * A Newton method in (u, t) creeps when an active block has to rotate (t - ||u|| ~ 1/tau allows
 * only tiny tangential steps); in u alone it does not, and u has no cone of its own to stay in.
 *
 * <p><b>Newton matrix.</b> {@code K = blockdiag(G_j) + F^T W F} after eliminating xi, with {@code
 * G_j = Hess phi_j + sum_k a_k a_k^T / c_kj^2} (a_k the signed rows of X; in the solver the
 * primal-dual weight {@code lam_kj / c_kj} replaces {@code 1 / c_kj^2}, see {@link #lam}) and W =
 * {@code tau L''} (squared: tau; logistic: {@code tau p(1-p)}) or, for the hinge, the Schur
 * complement of the diagonal xi block, {@code W_k = 1 / (xi_k^2 + r_k^2)}, with the right-hand side
 * reduced by {@code F^T (y g_xi / (r^2 h))}, {@code h_k = 1/xi_k^2 + 1/r_k^2}. Each {@code G_j =
 * R_j R_j^T} is factored by Givens row updates of {@code [Hess phi_j^{1/2}; a_k / c_kj]} taken in
 * order of decreasing norm (a Cholesky of the assembled G_j loses its moderate eigenvalues next to
 * {@code 1/c^2 ~ tau^2}).
 *
 * <p><b>Woodbury, augmented form.</b> With {@code M_j = D_j X R_j^{-T}} (so {@code M M^T = F G^{-1}
 * F^T}) the n x n matrix {@code C = W^{-1} + M M^T} is formed (one n x Bd x n product, lower
 * triangle) and factored, and {@code [[G, F^T], [F, -W^{-1}]] (o; q) = (r; 0)} is solved by {@code
 * C q = F G^{-1} r}, {@code o = G^{-1}(r - F^T q)}, followed by up to two steps of iterative
 * refinement on that augmented system (on the reduced one, W ~ tau^2 at hinge margin points makes
 * the residual meaningless). When {@code B d < n} the (Bd)-size matrix K is assembled and factored
 * densely instead.
 *
 * <p>Cost per Newton step: O(n B d^2) for the blocks, O(n^2 B d + n^3/3) for C, O(n B d) per
 * product with F; memory O(n B d + n^2). Not thread-safe; one instance per solve.
 */
final class IpmBarrier {
  /** How the reduced Newton system is solved. */
  enum Mode {
    /** Dense when B d < n, else Woodbury. */
    AUTO,
    WOODBURY,
    DENSE
  }

  final PatternOperator op;
  final int n;
  final int d;
  final int blocks;
  final boolean cons;
  final boolean hinge;
  final Loss loss;
  final double[] y;
  final double beta;
  final double nu;
  private final Mode mode;

  /** Rows with x_k != 0 (a zero row makes c_kj = 0 identically; its constraint is dropped). */
  final boolean[] rowUsed;

  /** Barrier parameter (weight of the objective against the barriers). */
  private double tau;

  // the point and what is derived from it
  final double[] u;
  final double[] xi;
  final double[] xu;
  final double[] c;
  final double[] yhat;
  final double[] r;
  private final double[] unorm2; // ||u_j||^2

  // Newton-system data
  private final double[] gmat; // B x d x d: G_j
  private final double[] rchol; // B x d x d: lower R_j, G_j = R_j R_j^T
  private final double[] dyy; // n: loss Hessian (tau L'' or 1/r^2)
  private final double[] dcross; // n: hinge y/r^2
  private final double[] dxixi; // n: hinge 1/xi^2 + 1/r^2
  private final double[] wdiag; // n: W
  private CholeskyFactor capacitance;
  private CholeskyFactor dense;
  private boolean useDense;

  // direction and its images (line search)
  final double[] du;
  final double[] dxi;
  private final double[] dxu;
  private final double[] dc;
  private final double[] dyhat;
  private final double[] dr;

  // scratch
  private final double[] scrXu;
  private final double[] scrM;
  private final double[] scrN;
  private final double[] scrBd;
  private final double[] scrBd2;
  private final double[] rScratch;
  private final double[] vScratch;
  private double[] rowBuf;
  private double[] rowNorm;
  private long[] rowOrder;

  IpmBarrier(PatternOperator op, ReluProblem problem, Mode mode) {
    this.op = op;
    this.n = op.n;
    this.d = op.d;
    this.blocks = op.blocks;
    this.cons = op.constrained;
    this.loss = problem.loss();
    this.hinge = !loss.isSmooth();
    this.y = problem.yView();
    this.beta = problem.beta();
    this.mode = mode;
    this.rowUsed = new boolean[n];
    int used = 0;
    for (int k = 0; k < n; k++) {
      for (int a = 0; a < d; a++) {
        if (op.x[k * d + a] != 0) {
          rowUsed[k] = true;
        }
      }
      if (rowUsed[k]) {
        used++;
      }
    }
    this.nu = 2.0 * blocks + (cons ? (double) used * blocks : 0) + (hinge ? 2.0 * n : 0);
    int nb = n * blocks;
    int bd = blocks * d;
    this.u = new double[bd];
    this.xi = new double[hinge ? n : 0];
    this.xu = new double[nb];
    this.c = new double[cons ? nb : 0];
    this.yhat = new double[n];
    this.r = new double[hinge ? n : 0];
    this.unorm2 = new double[blocks];
    this.gmat = new double[blocks * d * d];
    this.rchol = new double[blocks * d * d];
    this.dyy = new double[n];
    this.dcross = new double[n];
    this.dxixi = new double[n];
    this.wdiag = new double[n];
    this.du = new double[bd];
    this.dxi = new double[hinge ? n : 0];
    this.dxu = new double[nb];
    this.dc = new double[cons ? nb : 0];
    this.dyhat = new double[n];
    this.dr = new double[hinge ? n : 0];
    this.scrXu = new double[nb];
    this.scrM = new double[nb];
    this.scrN = new double[n];
    this.scrBd = new double[bd];
    this.scrBd2 = new double[bd];
    this.rScratch = new double[d * d];
    this.vScratch = new double[d];
  }

  /**
   * Moves to (u, xi) (xi ignored unless hinge) and computes the derived quantities.
   *
   * @return whether the point is strictly inside the domain of the barrier
   */
  boolean setPoint(double[] u0, double[] xi0) {
    System.arraycopy(u0, 0, u, 0, u.length);
    if (hinge) {
      System.arraycopy(xi0, 0, xi, 0, n);
    }
    return refresh();
  }

  private boolean refresh() {
    op.products(u, xu);
    op.predict(xu, yhat);
    boolean ok = true;
    for (int j = 0; j < blocks; j++) {
      double s = 0;
      for (int a = 0; a < d; a++) {
        s += u[j * d + a] * u[j * d + a];
      }
      unorm2[j] = s;
      ok &= Double.isFinite(s);
    }
    if (cons) {
      op.slacks(xu, c);
      for (int k = 0; k < n; k++) {
        if (!rowUsed[k]) {
          continue;
        }
        int ro = k * blocks;
        for (int j = 0; j < blocks; j++) {
          ok &= c[ro + j] > 0;
        }
      }
    }
    if (hinge) {
      for (int k = 0; k < n; k++) {
        r[k] = xi[k] - 1 + y[k] * yhat[k];
        ok &= xi[k] > 0 && r[k] > 0;
      }
    }
    return ok;
  }

  /** Data term of the barrier problem (unscaled): L(yhat), or sum xi for the hinge. */
  double lossPart() {
    if (!hinge) {
      return loss.value(yhat, y);
    }
    double v = 0;
    for (int k = 0; k < n; k++) {
      v += xi[k];
    }
    return v;
  }

  /** The barrier objective f at the current point (t eliminated; +infinity outside the domain). */
  double value() {
    double p = tau * beta;
    double bar = 0;
    for (int j = 0; j < blocks; j++) {
      double q = Math.sqrt(1 + p * p * unorm2[j]);
      bar += 1 + q - Math.log(2 * (1 + q) / (p * p));
    }
    if (cons) {
      for (int k = 0; k < n; k++) {
        if (rowUsed[k]) {
          for (int j = 0; j < blocks; j++) {
            bar -= Math.log(c[k * blocks + j]);
          }
        }
      }
    }
    if (hinge) {
      for (int k = 0; k < n; k++) {
        bar -= Math.log(xi[k]) + Math.log(r[k]);
      }
    }
    double v = tau * lossPart() + bar;
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }

  /** Gradient of f at the current point (gxi ignored unless hinge). */
  void gradient(double[] gu, double[] gxi) {
    double[] a = scrN;
    if (hinge) {
      for (int k = 0; k < n; k++) {
        a[k] = -y[k] / r[k];
      }
    } else {
      loss.gradient(yhat, y, a);
      for (int k = 0; k < n; k++) {
        a[k] *= tau;
      }
    }
    double[] b = null;
    if (cons) {
      b = scrXu;
      for (int k = 0; k < n; k++) {
        int ro = k * blocks;
        for (int j = 0; j < blocks; j++) {
          b[ro + j] = rowUsed[k] ? -1.0 / c[ro + j] : 0.0;
        }
      }
    }
    op.combine(a, b, scrM);
    op.adjoint(scrM, gu);
    double p2 = tau * beta * tau * beta;
    for (int j = 0; j < blocks; j++) {
      double f = p2 / (1 + Math.sqrt(1 + p2 * unorm2[j]));
      for (int q = 0; q < d; q++) {
        gu[j * d + q] += f * u[j * d + q];
      }
    }
    if (hinge) {
      for (int k = 0; k < n; k++) {
        gxi[k] = tau - 1.0 / xi[k] - 1.0 / r[k];
      }
    }
  }

  /**
   * Builds and factors the Newton system at the current point.
   *
   * @throws ArithmeticException when a factorisation fails (not numerically positive definite)
   */
  void factor() {
    for (int k = 0; k < n; k++) {
      if (hinge) {
        double ir2 = 1.0 / (r[k] * r[k]);
        dyy[k] = ir2;
        dcross[k] = y[k] * ir2;
        dxixi[k] = 1.0 / (xi[k] * xi[k]) + ir2;
        wdiag[k] = 1.0 / (xi[k] * xi[k] + r[k] * r[k]);
      } else if (loss == Loss.SQUARED) {
        dyy[k] = tau;
        wdiag[k] = tau;
      } else {
        double pr = Loss.sigmoid(-y[k] * yhat[k]);
        dyy[k] = tau * pr * (1 - pr);
        wdiag[k] = dyy[k];
      }
    }
    double[] x = op.x;
    double p2 = tau * beta * tau * beta;
    for (int j = 0; j < blocks; j++) {
      int go = j * d * d;
      int uo = j * d;
      double nu2 = unorm2[j];
      double q = Math.sqrt(1 + p2 * nu2);
      double tangential = p2 / (1 + q);
      double radial = tangential / q;
      double f2 = nu2 > 0 ? (radial - tangential) / nu2 : 0.0;
      for (int a = 0; a < d; a++) {
        for (int b = 0; b <= a; b++) {
          gmat[go + a * d + b] = f2 * u[uo + a] * u[uo + b] + (a == b ? tangential : 0);
        }
      }
      if (cons) {
        for (int k = 0; k < n; k++) {
          if (!rowUsed[k]) {
            continue;
          }
          double ck = c[k * blocks + j];
          double w = coneWeight(k * blocks + j);
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
      factorBlock(j, tangential, radial);
    }
    useDense = mode == Mode.DENSE || mode == Mode.AUTO && (long) blocks * d < n;
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

  /**
   * Lower factor R_j of {@code G_j = R_j R_j^T} by Givens row updates of the rows of {@code [V; a_k
   * / c_kj]}, {@code V = sqrt(tangential) (I - e e^T) + sqrt(radial) e e^T} the symmetric square
   * root of the radial term's Hessian, rows in order of decreasing norm.
   */
  private void factorBlock(int j, double tangential, double radial) {
    int uo = j * d;
    int go = j * d * d;
    int rows = d + (cons ? n : 0);
    if (rowBuf == null || rowBuf.length < rows * d) {
      rowBuf = new double[rows * d];
      rowNorm = new double[rows];
      rowOrder = new long[rows];
    }
    double sb = Math.sqrt(tangential);
    double ss = Math.sqrt(radial);
    double inv = unorm2[j] > 0 ? 1.0 / unorm2[j] : 0.0;
    int m = 0;
    for (int a = 0; a < d; a++) {
      double nr = 0;
      for (int b = 0; b < d; b++) {
        double e = u[uo + a] * u[uo + b] * inv;
        double v = (ss - sb) * e + (a == b ? sb : 0);
        rowBuf[m * d + b] = v;
        nr += v * v;
      }
      rowNorm[m++] = nr;
    }
    if (cons) {
      double[] x = op.x;
      for (int k = 0; k < n; k++) {
        if (!rowUsed[k]) {
          continue;
        }
        double ic = Math.sqrt(coneWeight(k * blocks + j));
        double nr = 0;
        for (int b = 0; b < d; b++) {
          double v = x[k * d + b] * ic;
          rowBuf[m * d + b] = v;
          nr += v * v;
        }
        rowNorm[m++] = nr;
      }
    }
    // order by decreasing norm: sort (float bits of the norm, index) packed in a long (the bits
    // of a non-negative float order like the float)
    for (int i = 0; i < m; i++) {
      rowOrder[i] = ((long) Float.floatToRawIntBits((float) rowNorm[i]) << 32) | i;
    }
    java.util.Arrays.sort(rowOrder, 0, m);
    double[] rr = rScratch; // upper triangular, G = rr^T rr
    java.util.Arrays.fill(rr, 0.0);
    double[] v = vScratch;
    for (int q = m - 1; q >= 0; q--) {
      System.arraycopy(rowBuf, (int) rowOrder[q] * d, v, 0, d);
      for (int i = 0; i < d; i++) {
        double vi = v[i];
        if (vi == 0) {
          continue;
        }
        double rii = rr[i * d + i];
        double h = Math.sqrt(rii * rii + vi * vi);
        double cs = rii / h;
        double sn = vi / h;
        rr[i * d + i] = h;
        for (int l = i + 1; l < d; l++) {
          double a = rr[i * d + l];
          double b = v[l];
          rr[i * d + l] = cs * a + sn * b;
          v[l] = -sn * a + cs * b;
        }
      }
    }
    for (int a = 0; a < d; a++) {
      if (!(rr[a * d + a] > 0) || !Double.isFinite(rr[a * d + a])) {
        throw new ArithmeticException(
            "factor of block " + j + ": diagonal " + a + " is " + rr[a * d + a]);
      }
      for (int b = 0; b < d; b++) {
        rchol[go + a * d + b] = b <= a ? rr[b * d + a] : 0.0;
      }
    }
  }

  private void factorCapacitance() {
    int m = blocks * d;
    double[] mm = new double[n * m];
    double[] x = op.x;
    double[] yv = new double[d];
    for (int k = 0; k < n; k++) {
      int xo = k * d;
      int mo = k * m;
      for (int j = 0; j < blocks; j++) {
        if (!op.active(k, j)) {
          continue;
        }
        int go = j * d * d;
        // R_j y = x_k (forward substitution); row k of M_j is y^T
        for (int a = 0; a < d; a++) {
          double v = x[xo + a];
          for (int b = 0; b < a; b++) {
            v -= rchol[go + a * d + b] * yv[b];
          }
          yv[a] = v / rchol[go + a * d + a];
        }
        System.arraycopy(yv, 0, mm, mo + j * d, d);
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

  /** out (n) = F v, v of length B d. */
  void forward(double[] v, double[] out) {
    op.products(v, scrXu);
    op.predict(scrXu, out);
  }

  /** out (B d) = F^T a. */
  void adjointF(double[] a, double[] out) {
    op.combine(a, null, scrM);
    op.adjoint(scrM, out);
  }

  /** 1 / W_k (floored so that a vanishing logistic curvature stays finite). */
  private double winv(int k) {
    return 1.0 / Math.max(wdiag[k], 1e-250);
  }

  /** Blockwise G^{-1} r into o (o may alias r). */
  private void applyBlockInverse(double[] rv, double[] ov) {
    double[] v = vScratch;
    for (int j = 0; j < blocks; j++) {
      int uo = j * d;
      int go = j * d * d;
      for (int a = 0; a < d; a++) {
        double w = rv[uo + a];
        for (int b = 0; b < a; b++) {
          w -= rchol[go + a * d + b] * v[b];
        }
        v[a] = w / rchol[go + a * d + a];
      }
      for (int a = d - 1; a >= 0; a--) {
        double w = v[a];
        for (int b = a + 1; b < d; b++) {
          w -= rchol[go + b * d + a] * v[b];
        }
        v[a] = w / rchol[go + a * d + a];
      }
      System.arraycopy(v, 0, ov, uo, d);
    }
  }

  /**
   * blockdiag(G) v into o, matrix-free from the data: {@code G_j v_j = Hess phi_j v_j + sum_k a_k
   * (a_k . v_j) / c_kj^2}. Unlike the assembled G_j (entries ~ 1/c^2 ~ tau^2, whose product with a
   * vector in a free direction cancels catastrophically), this is accurate to the rounding of its
   * terms, which the iterative refinement needs.
   */
  private void applyBlocks(double[] v, double[] o) {
    double p2 = tau * beta * tau * beta;
    double[] x = op.x;
    for (int j = 0; j < blocks; j++) {
      int uo = j * d;
      double nu2 = unorm2[j];
      double q = Math.sqrt(1 + p2 * nu2);
      double tangential = p2 / (1 + q);
      double radial = tangential / q;
      double uv = 0;
      for (int a = 0; a < d; a++) {
        uv += u[uo + a] * v[uo + a];
      }
      double f = nu2 > 0 ? (radial - tangential) * uv / nu2 : 0.0;
      for (int a = 0; a < d; a++) {
        o[uo + a] = tangential * v[uo + a] + f * u[uo + a];
      }
    }
    if (cons) {
      for (int k = 0; k < n; k++) {
        if (!rowUsed[k]) {
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
          double ck = c[ro + j];
          av *= coneWeight(ro + j);
          for (int a = 0; a < d; a++) {
            o[uo + a] += av * x[xo + a];
          }
        }
      }
    }
  }

  /**
   * One solve of {@code [[G, F^T], [F, -W^{-1}]] (o; q) = (r; e2)} through {@code (W^{-1} + F
   * G^{-1} F^T) q = F G^{-1} r - e2}, {@code o = G^{-1} (r - F^T q)}.
   */
  private void augmentedSolve(double[] rv, double[] e2, double[] ov, double[] q) {
    applyBlockInverse(rv, ov);
    forward(ov, q);
    for (int k = 0; k < n; k++) {
      q[k] -= e2[k];
    }
    capacitance.solveInPlace(q);
    double[] g = scrBd2;
    adjointF(q, g);
    for (int i = 0; i < g.length; i++) {
      g[i] = rv[i] - g[i];
    }
    applyBlockInverse(g, ov);
  }

  /** Solves the reduced system (blockdiag(G) + F^T W F) o = r. */
  private void solveReduced(double[] rv, double[] ov) {
    if (useDense) {
      System.arraycopy(rv, 0, ov, 0, rv.length);
      dense.solveInPlace(ov);
      // refinement against the matrix-free product (the assembled K loses the moderate
      // eigenvalues next to 1/c^2 ~ tau^2)
      double[] e = new double[rv.length];
      double[] fy = new double[n];
      for (int round = 0; round < 2; round++) {
        applyBlocks(ov, e);
        forward(ov, fy);
        for (int k = 0; k < n; k++) {
          fy[k] *= wdiag[k];
        }
        adjointF(fy, scrBd2);
        for (int i = 0; i < e.length; i++) {
          e[i] = rv[i] - e[i] - scrBd2[i];
        }
        dense.solveInPlace(e);
        for (int i = 0; i < e.length; i++) {
          ov[i] += e[i];
        }
      }
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
      adjointF(q, cu);
      double rn = 0;
      double en = 0;
      for (int i = 0; i < e1.length; i++) {
        e1[i] = rv[i] - e1[i] - cu[i];
        rn += rv[i] * rv[i];
        en += e1[i] * e1[i];
      }
      forward(ov, e2);
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
   * Solves {@code K (ou, oxi) = (ru, rxi)} with the full Newton matrix K of f (after {@link
   * #factor}; xi eliminated for the hinge).
   */
  void solve(double[] ru, double[] rxi, double[] ou, double[] oxi) {
    if (!hinge) {
      solveReduced(ru, ou);
    } else {
      double[] a = scrN;
      for (int k = 0; k < n; k++) {
        a[k] = dcross[k] * rxi[k] / dxixi[k];
      }
      double[] ru2 = scrBd;
      adjointF(a, ru2);
      for (int i = 0; i < ru2.length; i++) {
        ru2[i] = ru[i] - ru2[i];
      }
      solveReduced(ru2, ou);
      double[] fy = scrN;
      forward(ou, fy);
      for (int k = 0; k < n; k++) {
        oxi[k] = (rxi[k] - dcross[k] * fy[k]) / dxixi[k];
      }
    }
  }

  /**
   * The relative residual {@code ||K o - r|| / ||r||} of a solution (ou, oxi) of {@link #solve}
   * (diagnostics and tests; costs one Hessian product).
   */
  double residual(double[] ru, double[] rxi, double[] ou, double[] oxi) {
    double[] eu = new double[ru.length];
    double[] exi = new double[hinge ? n : 0];
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

  /** The full Hessian of f (after {@link #factor}) times (vu, vxi). */
  void applyHessian(double[] vu, double[] vxi, double[] ou, double[] oxi) {
    double[] fy = new double[n];
    forward(vu, fy);
    double[] q = new double[n];
    for (int k = 0; k < n; k++) {
      q[k] = dyy[k] * fy[k] + (hinge ? dcross[k] * vxi[k] : 0);
    }
    adjointF(q, ou);
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

  // ---------------------------------------------------------------- line search

  /**
   * Stores the images of the direction (du, dxi, filled by the caller) and returns the largest step
   * that stays strictly inside the domain (+infinity if unbounded).
   */
  double prepareDirection() {
    op.products(du, dxu);
    op.predict(dxu, dyhat);
    double amax = Double.POSITIVE_INFINITY;
    if (cons) {
      op.slacks(dxu, dc);
      for (int k = 0; k < n; k++) {
        if (!rowUsed[k]) {
          continue;
        }
        int ro = k * blocks;
        for (int j = 0; j < blocks; j++) {
          double v = dc[ro + j];
          if (v < 0) {
            amax = Math.min(amax, -c[ro + j] / v);
          }
        }
      }
    }
    if (hinge) {
      for (int k = 0; k < n; k++) {
        dr[k] = dxi[k] + y[k] * dyhat[k];
        if (dxi[k] < 0) {
          amax = Math.min(amax, -xi[k] / dxi[k]);
        }
        if (dr[k] < 0) {
          amax = Math.min(amax, -r[k] / dr[k]);
        }
      }
    }
    return amax;
  }

  /**
   * {@code f(x + alpha dx) - f(x)}, summed term by term from the stored direction images (no
   * cancellation between the large values of f); +infinity outside the domain.
   */
  double valueChange(double alpha) {
    double lossDiff = 0;
    if (hinge) {
      for (int k = 0; k < n; k++) {
        lossDiff += dxi[k];
      }
      lossDiff *= alpha;
    } else if (loss == Loss.SQUARED) {
      for (int k = 0; k < n; k++) {
        double res = yhat[k] - y[k];
        lossDiff += alpha * dyhat[k] * (res + 0.5 * alpha * dyhat[k]);
      }
    } else {
      for (int k = 0; k < n; k++) {
        double m0 = -y[k] * yhat[k];
        double m1 = m0 - alpha * y[k] * dyhat[k];
        lossDiff += Loss.softplus(m1) - Loss.softplus(m0);
      }
    }
    double v = tau * lossDiff;
    double p2 = tau * beta * tau * beta;
    for (int j = 0; j < blocks; j++) {
      int uo = j * d;
      double udu = 0;
      double dd = 0;
      for (int a = 0; a < d; a++) {
        udu += u[uo + a] * du[uo + a];
        dd += du[uo + a] * du[uo + a];
      }
      double q0 = Math.sqrt(1 + p2 * unorm2[j]);
      double dn2 = alpha * (2 * udu + alpha * dd); // ||u + alpha du||^2 - ||u||^2
      double q1 = Math.sqrt(Math.max(1.0, 1 + p2 * (unorm2[j] + dn2)));
      double dq = p2 * dn2 / (q0 + q1);
      v += dq - Math.log1p(dq / (1 + q0));
    }
    if (cons) {
      for (int k = 0; k < n; k++) {
        if (!rowUsed[k]) {
          continue;
        }
        int ro = k * blocks;
        for (int j = 0; j < blocks; j++) {
          double arg = alpha * dc[ro + j] / c[ro + j];
          if (!(arg > -1)) {
            return Double.POSITIVE_INFINITY;
          }
          v -= Math.log1p(arg);
        }
      }
    }
    if (hinge) {
      for (int k = 0; k < n; k++) {
        double a1 = alpha * dxi[k] / xi[k];
        double a2 = alpha * dr[k] / r[k];
        if (!(a1 > -1) || !(a2 > -1)) {
          return Double.POSITIVE_INFINITY;
        }
        v -= Math.log1p(a1) + Math.log1p(a2);
      }
    }
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }

  /**
   * Takes the step x += alpha dx.
   *
   * @return whether the new point is strictly inside the domain (recomputed from scratch)
   */
  boolean move(double alpha) {
    if (lam != null) {
      // dual step: lam c = 1 linearised, lam + dl = 1/c - (lam/c) dc
      double ad = 1.0;
      double[] dl = scrM;
      for (int k = 0; k < n; k++) {
        if (!rowUsed[k]) {
          continue;
        }
        int ro = k * blocks;
        for (int j = 0; j < blocks; j++) {
          int i = ro + j;
          double v = 1.0 / c[i] - lam[i] - lam[i] / c[i] * dc[i];
          dl[i] = v;
          if (v < 0) {
            ad = Math.min(ad, -0.99 * lam[i] / v); // dual fraction to the boundary
          }
        }
      }
      for (int k = 0; k < n; k++) {
        if (rowUsed[k]) {
          int ro = k * blocks;
          for (int j = 0; j < blocks; j++) {
            lam[ro + j] += ad * dl[ro + j];
          }
        }
      }
    }
    for (int i = 0; i < u.length; i++) {
      u[i] += alpha * du[i];
    }
    if (hinge) {
      for (int k = 0; k < n; k++) {
        xi[k] += alpha * dxi[k];
      }
    }
    // the slacks are carried along the (linear) steps instead of being recomputed: near the
    // optimum c_kj and r_k are ~1/tau, and x_k . u_j or xi_k - 1 + y_k yhat_k would give them
    // with an absolute error of ~1e-16 |terms|, i.e. a large relative one
    double[] cOld = cons ? c.clone() : null;
    double[] rOld = hinge ? r.clone() : null;
    refresh();
    boolean ok = true;
    for (int j = 0; j < blocks; j++) {
      ok &= Double.isFinite(unorm2[j]);
    }
    if (cons) {
      for (int k = 0; k < n; k++) {
        if (!rowUsed[k]) {
          continue;
        }
        int ro = k * blocks;
        for (int j = 0; j < blocks; j++) {
          c[ro + j] = cOld[ro + j] + alpha * dc[ro + j];
          ok &= c[ro + j] > 0;
        }
      }
    }
    if (hinge) {
      for (int k = 0; k < n; k++) {
        r[k] = rOld[k] + alpha * dr[k];
        ok &= xi[k] > 0 && r[k] > 0;
      }
    }
    if (lam != null && ok) {
      clampDuals();
    }
    return ok;
  }

  /**
   * Primal-dual Hessian for the cone constraints: weight {@code lam_kj / c_kj} instead of the
   * primal {@code 1 / c_kj^2}, with duals lam (scaled: {@code lam c = 1} on the central path)
   * updated by the linearised centrality condition after every step (own fraction-to-boundary
   * step), multiplied by the growth of tau when tau grows (the unscaled duals lam / tau converge),
   * and kept in {@code [1/DUAL_SPREAD, DUAL_SPREAD] / c}. The right-hand side is still the primal
   * barrier gradient and the line search still the primal barrier objective, so every step remains
   * a descent step; on the squared-loss CR fixtures this halves the number of Newton steps. Used
   * for the smooth losses only (with the hinge, small random instances stalled more often).
   */
  static final boolean PRIMAL_DUAL = true;

  /** Bound on how far lam c may leave 1. */
  static final double DUAL_SPREAD = 1e3;

  double[] lam;

  /** Hessian weight of cone row i: {@code lam_i / c_i}, or {@code 1 / c_i^2} without duals. */
  private double coneWeight(int i) {
    double ci = c[i];
    return lam != null ? lam[i] / ci : 1.0 / (ci * ci);
  }

  /** Keeps lam c in [1/DUAL_SPREAD, DUAL_SPREAD] (first call: lam = 1/c). */
  void clampDuals() {
    if (lam == null) {
      lam = new double[n * blocks];
      java.util.Arrays.fill(lam, Double.NaN);
    }
    for (int k = 0; k < n; k++) {
      if (rowUsed[k]) {
        int ro = k * blocks;
        for (int j = 0; j < blocks; j++) {
          double ic = 1.0 / c[ro + j];
          double v = lam[ro + j];
          lam[ro + j] =
              Double.isNaN(v) ? ic : Math.min(DUAL_SPREAD * ic, Math.max(ic / DUAL_SPREAD, v));
        }
      }
    }
  }

  /** The barrier parameter tau. */
  double tau() {
    return tau;
  }

  /** Sets the first tau of the path (before any {@link #raiseTau}). */
  void startPath(double tau0) {
    tau = tau0;
  }

  /** Raises tau to {@code next} and scales the duals by the same factor. */
  void raiseTau(double next) {
    double old = tau;
    tau = next;
    scaleDuals(tau / old);
  }

  /** Scales the duals by f (tau multiplied by f: the unscaled duals lam / tau stay). */
  private void scaleDuals(double f) {
    if (lam != null) {
      for (int i = 0; i < lam.length; i++) {
        lam[i] *= f;
      }
      clampDuals();
    }
  }

  /**
   * Cone multipliers {@code gamma_kj = 1 / (tau c_kj)} (n x B; 0 on zero rows), or null (GATED).
   */
  double[] coneMultipliers() {
    if (!cons) {
      return null;
    }
    double[] g = new double[n * blocks];
    for (int k = 0; k < n; k++) {
      if (!rowUsed[k]) {
        continue;
      }
      int ro = k * blocks;
      for (int j = 0; j < blocks; j++) {
        g[ro + j] = 1.0 / (tau * c[ro + j]);
      }
    }
    return g;
  }

  /**
   * Loss dual candidate after the Newton step (du, dxi) from the current point, to first order:
   * {@code z = -grad L(yhat + F du)} for smooth losses, {@code z_k = y_k (1 - dr_k / r_k) / (tau
   * r_k)} (the linearised multiplier of r_k >= 0) for the hinge. Any z is a valid dual candidate
   * (the certificate maps it into the dual domain and scales it); this one is the more accurate the
   * smaller the Newton decrement.
   */
  double[] correctedLossMultiplier() {
    double[] fy = new double[n];
    forward(du, fy);
    double[] z = new double[n];
    if (hinge) {
      for (int k = 0; k < n; k++) {
        double drk = dxi[k] + y[k] * fy[k];
        z[k] = y[k] * (1 - drk / r[k]) / (tau * r[k]);
      }
      return z;
    }
    double[] yh = new double[n];
    for (int k = 0; k < n; k++) {
      yh[k] = yhat[k] + fy[k];
    }
    loss.gradient(yh, y, z);
    for (int k = 0; k < n; k++) {
      z[k] = -z[k];
    }
    return z;
  }

  /**
   * Hinge dual candidate {@code z_k = y_k / (tau r_k)} (the multiplier of r_k >= 0; at a central
   * point {@code y_k z_k = 1 - 1/(tau xi_k)} lies in [0, 1]), or null for smooth losses.
   */
  double[] lossMultiplier() {
    if (!hinge) {
      return null;
    }
    double[] z = new double[n];
    for (int k = 0; k < n; k++) {
      z[k] = y[k] / (tau * r[k]);
    }
    return z;
  }
}
