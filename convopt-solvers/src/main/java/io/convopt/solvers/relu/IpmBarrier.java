package io.convopt.solvers.relu;

/**
 * The barrier objective of {@link InteriorPointSolver} at one point, its gradient, its Newton
 * system and the line-search quantities [derived]. Variables: block weights u (B x d, the layout of
 * {@link PatternOperator}), epigraph variables t (B) and, for the hinge loss, slacks xi (n):
 *
 * <pre>
 *   f(u, t, xi) = tau (L + beta sum_j t_j) - sum_j log(t_j^2 - ||u_j||^2) - sum_{k,j} log c_kj
 *                 [- sum_k log xi_k - sum_k log r_k],
 *   c_kj = (2 D_kp(j) - 1) x_k . u_j  (RELU only),   r_k = xi_k - 1 + y_k yhat_k  (hinge only),
 * </pre>
 *
 * with {@code L = L(yhat)} for the smooth losses and {@code L = sum_k xi_k} for the hinge;
 * {@code yhat = F u = sum_j sign_j D_p(j) X u_j}. Barrier parameter {@code nu = 2B + m B + 2n}
 * (m the number of non-zero rows of X for RELU, 2n only for the hinge).
 *
 * <p><b>Newton matrix.</b> {@code K = blockdiag(H_j) + F^T W F} after eliminating xi, where H_j is
 * the (d+1) x (d+1) Hessian of the SOC barrier plus {@code sum_k a_k a_k^T / c_k^2} (a_k the signed
 * rows), and W is {@code tau L''} (squared: tau; logistic: {@code tau p (1 - p)}) or, for the hinge,
 * the Schur complement of the diagonal xi block: {@code W_k = 1 / (xi_k^2 + r_k^2)}, with the
 * right-hand side reduced by {@code F^T (c g_xi / h)}, {@code c_k = y_k / r_k^2}, {@code h_k =
 * 1/xi_k^2 + 1/r_k^2}. Within a block, t is eliminated too: with {@code H_j = [[A, b], [b^T, h]]}
 * only the d x d Schur complement {@code G_j = A - b b^T / h = (2/s)(I - 2 u u^T / (t^2 + ||u||^2))
 * + sum_k a_k a_k^T / c_k^2} (s = t^2 - ||u||^2, closed form, no cancellation) is factored,
 * {@code G_j = R_j R_j^T}.
 *
 * <p><b>Woodbury.</b> {@code K^{-1} = H^{-1} - H^{-1} F^T W^{1/2} C^{-1} W^{1/2} F H^{-1}} with the
 * n x n capacitance {@code C = I + W^{1/2} M M^T W^{1/2}}, {@code M = [M_1 ... M_B]}, {@code M_j = D_j
 * X R_j^{-T}} (so {@code M_j M_j^T = D_j X (H_j^{-1})_uu X^T D_j}): one n x Bd x n product (lower
 * triangle) and one n x n Cholesky per Newton step. When {@code B (d+1) < n} the (B(d+1))-size
 * matrix K is assembled and factored densely instead. Every solve is followed by up to two steps of
 * iterative refinement against the matrix-free product with K (the IPM's K gets badly
 * conditioned near the optimum; refinement keeps the direction accurate).
 *
 * <p>Cost per Newton step: O(n B d^2) for the blocks, O(n^2 B d + n^3/3) for C, O(n B d) per
 * product with F; memory O(n B (d + 1) + n^2). Not thread-safe; one instance per solve.
 */
final class IpmBarrier {
  /** How the reduced Newton system is solved. */
  enum Mode {
    /** Dense when B (d+1) < n, else Woodbury. */
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
  double tau;

  // the point and what is derived from it
  final double[] u;
  final double[] t;
  final double[] xi;
  final double[] xu;
  final double[] c;
  final double[] yhat;
  final double[] s;
  final double[] r;

  // Newton-system data
  private final double[] gmat; // B x d x d Schur complements G_j
  private final double[] rchol; // B x d x d lower Cholesky factors of G_j
  private final double[] bvec; // B x d
  private final double[] hval; // B
  private final double[] dyy; // n: loss Hessian (tau L'' or 1/r^2)
  private final double[] dcross; // n: hinge y/r^2
  private final double[] dxixi; // n: hinge 1/xi^2 + 1/r^2
  private final double[] wdiag; // n: W
  private CholeskyFactor capacitance;
  private CholeskyFactor dense;
  private boolean useDense;

  // direction and its images (line search)
  final double[] du;
  final double[] dt;
  final double[] dxi;
  private final double[] dxu;
  private final double[] dc;
  private final double[] dyhat;
  private final double[] dr;

  // scratch
  private final double[] scrXu;
  private final double[] scrM;
  private final double[] scrN;
  private final double[] scrN2;
  private final double[] scrBd;
  private final double[] scrBd2;
  private final double[] scrB;
  private final double[] scrB2;
  private final double[] scrXi;

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
    this.t = new double[blocks];
    this.xi = new double[hinge ? n : 0];
    this.xu = new double[nb];
    this.c = new double[cons ? nb : 0];
    this.yhat = new double[n];
    this.s = new double[blocks];
    this.r = new double[hinge ? n : 0];
    this.gmat = new double[blocks * d * d];
    this.rchol = new double[blocks * d * d];
    this.bvec = new double[bd];
    this.hval = new double[blocks];
    this.dyy = new double[n];
    this.dcross = new double[n];
    this.dxixi = new double[n];
    this.wdiag = new double[n];
    this.du = new double[bd];
    this.dt = new double[blocks];
    this.dxi = new double[hinge ? n : 0];
    this.dxu = new double[nb];
    this.dc = new double[cons ? nb : 0];
    this.dyhat = new double[n];
    this.dr = new double[hinge ? n : 0];
    this.scrXu = new double[nb];
    this.scrM = new double[nb];
    this.scrN = new double[n];
    this.scrN2 = new double[n];
    this.scrBd = new double[bd];
    this.scrBd2 = new double[bd];
    this.scrB = new double[blocks];
    this.scrB2 = new double[blocks];
    this.scrXi = new double[hinge ? n : 0];
    this.rScratch = new double[d * d];
    this.vScratch = new double[d];
  }

  /** Length of u. */
  int uLength() {
    return blocks * d;
  }

  /**
   * Moves to (u, t, xi) (xi ignored unless hinge) and computes the derived quantities.
   *
   * @return whether the point is strictly inside the domain of the barrier
   */
  boolean setPoint(double[] u0, double[] t0, double[] xi0) {
    System.arraycopy(u0, 0, u, 0, u.length);
    System.arraycopy(t0, 0, t, 0, blocks);
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
      double nu2 = 0;
      for (int a = 0; a < d; a++) {
        double v = u[j * d + a];
        nu2 += v * v;
      }
      s[j] = (t[j] - Math.sqrt(nu2)) * (t[j] + Math.sqrt(nu2));
      ok &= t[j] > 0 && s[j] > 0;
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

  /** The barrier objective f at the current point (+infinity outside the domain). */
  double value() {
    double sumT = 0;
    double bar = 0;
    for (int j = 0; j < blocks; j++) {
      sumT += t[j];
      bar -= Math.log(s[j]);
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
    double v = tau * (lossPart() + beta * sumT) + bar;
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }

  /** Gradient of f at the current point (gxi ignored unless hinge). */
  void gradient(double[] gu, double[] gt, double[] gxi) {
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
    for (int j = 0; j < blocks; j++) {
      double f = 2.0 / s[j];
      for (int q = 0; q < d; q++) {
        gu[j * d + q] += f * u[j * d + q];
      }
      gt[j] = tau * beta - f * t[j];
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
    // loss curvature
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
        double p = Loss.sigmoid(-y[k] * yhat[k]);
        dyy[k] = tau * p * (1 - p);
        wdiag[k] = dyy[k];
      }
    }
    // blocks: G_j, b_j, h_j and the Cholesky factor of G_j
    double[] x = op.x;
    for (int j = 0; j < blocks; j++) {
      int go = j * d * d;
      int uo = j * d;
      double nu2 = 0;
      for (int a = 0; a < d; a++) {
        nu2 += u[uo + a] * u[uo + a];
      }
      double sj = s[j];
      double tj = t[j];
      // (2/s)(I - e e^T) + 2/(t^2 + ||u||^2) e e^T, e = u/||u||: the two eigenvalues separately,
      // so that the small one is not lost when t ~ ||u|| (2/s huge)
      double f1 = 2.0 / sj;
      double f2 = nu2 > 0 ? (2.0 / (tj * tj + nu2) - f1) / nu2 : 0.0;
      for (int a = 0; a < d; a++) {
        for (int b = 0; b <= a; b++) {
          gmat[go + a * d + b] = f2 * u[uo + a] * u[uo + b] + (a == b ? f1 : 0);
        }
        bvec[uo + a] = -4.0 * tj * u[uo + a] / (sj * sj);
      }
      hval[j] = 2.0 * (tj * tj + nu2) / (sj * sj);
      if (cons) {
        for (int k = 0; k < n; k++) {
          if (!rowUsed[k]) {
            continue;
          }
          double ck = c[k * blocks + j];
          double w = 1.0 / (ck * ck);
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
      factorBlock(j, f1, nu2 > 0 ? 2.0 / (tj * tj + nu2) : f1, nu2);
    }
    useDense = mode == Mode.DENSE || mode == Mode.AUTO && (long) blocks * (d + 1) < n;
    if (useDense) {
      factorDense();
      capacitance = null;
    } else {
      factorCapacitance();
      dense = null;
    }
  }

  /** Whether the last {@link #factor} used the dense (B(d+1))-size Cholesky. */
  boolean usedDense() {
    return useDense;
  }

  /**
   * Lower factor R_j of {@code G_j = R_j R_j^T} by orthogonal (Givens) row updates of the rows of
   * {@code [V; a_k / c_k]}, {@code V = sqrt(2/s)(I - e e^T) + sqrt(lamSmall) e e^T} the symmetric
   * square root of the SOC part, the rows taken in order of decreasing norm. Unlike a Cholesky of
   * the assembled G_j (whose moderate eigenvalues are lost to rounding next to 1/c^2 ~ 1e20 near
   * the optimum), this is accurate row by row.
   */
  private void factorBlock(int j, double lamBig, double lamSmall, double nu2) {
    int uo = j * d;
    int go = j * d * d;
    int rows = d + (cons ? n : 0);
    if (rowBuf == null || rowBuf.length < rows * d) {
      rowBuf = new double[rows * d];
      rowNorm = new double[rows];
      rowOrder = new Integer[rows];
    }
    double sb = Math.sqrt(lamBig);
    double ss = Math.sqrt(lamSmall);
    double inv = nu2 > 0 ? 1.0 / nu2 : 0.0;
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
        double ic = 1.0 / c[k * blocks + j];
        double nr = 0;
        for (int b = 0; b < d; b++) {
          double v = x[k * d + b] * ic;
          rowBuf[m * d + b] = v;
          nr += v * v;
        }
        rowNorm[m++] = nr;
      }
    }
    for (int i = 0; i < m; i++) {
      rowOrder[i] = i;
    }
    final double[] rn = rowNorm;
    java.util.Arrays.sort(rowOrder, 0, m, (p, q) -> Double.compare(rn[q], rn[p]));
    // R upper (d x d) in scratch, then stored transposed (lower) in rchol
    double[] rr = rScratch;
    java.util.Arrays.fill(rr, 0.0);
    double[] v = vScratch;
    for (int q = 0; q < m; q++) {
      int ro = rowOrder[q] * d;
      System.arraycopy(rowBuf, ro, v, 0, d);
      for (int i = 0; i < d; i++) {
        double vi = v[i];
        if (vi == 0) {
          continue;
        }
        double rii = rr[i * d + i];
        double h = Math.hypot(rii, vi);
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

  private double[] rowBuf;
  private double[] rowNorm;
  private Integer[] rowOrder;
  private double[] rScratch;
  private double[] vScratch;

  private static void cholesky(double[] a, double[] l, int o, int m, int block) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j <= i; j++) {
        double v = a[o + i * m + j];
        for (int k = 0; k < j; k++) {
          v -= l[o + i * m + k] * l[o + j * m + k];
        }
        if (i == j) {
          if (!(v > 0)) {
            throw new ArithmeticException(
                "Cholesky of block " + block + ": pivot " + i + " is " + v);
          }
          l[o + i * m + i] = Math.sqrt(v);
        } else {
          l[o + i * m + j] = v / l[o + j * m + j];
        }
      }
      for (int j = i + 1; j < m; j++) {
        l[o + i * m + j] = 0;
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
        for (int a = 0; a < d; a++) {
          mm[mo + j * d + a] = yv[a];
        }
      }
    }
    double[] cap = lowerGram(mm, n, m);
    for (int k = 0; k < n; k++) {
      cap[k * n + k] += winv(k);
    }
    capacitance = new CholeskyFactor(cap, n);
  }

  /** Lower triangle of {@code M M^T} (n x n row-major), M n x m row-major. */
  static double[] lowerGram(double[] mm, int n, int m) {
    if ((long) n * n * m >= GRAM_ND4J_THRESHOLD) {
      return Nd4jProducts.gram(mm, n, m);
    }
    double[] out = new double[n * n];
    int k = 0;
    for (; k + 1 < n; k += 2) {
      int r0 = k * m;
      int r1 = r0 + m;
      int l = 0;
      for (; l + 1 <= k; l += 2) {
        int q0 = l * m;
        int q1 = q0 + m;
        double s00 = 0;
        double s01 = 0;
        double s10 = 0;
        double s11 = 0;
        for (int i = 0; i < m; i++) {
          double a0 = mm[r0 + i];
          double a1 = mm[r1 + i];
          double b0 = mm[q0 + i];
          double b1 = mm[q1 + i];
          s00 += a0 * b0;
          s01 += a0 * b1;
          s10 += a1 * b0;
          s11 += a1 * b1;
        }
        out[k * n + l] = s00;
        out[k * n + l + 1] = s01;
        out[(k + 1) * n + l] = s10;
        out[(k + 1) * n + l + 1] = s11;
      }
      for (; l <= k + 1; l++) {
        int q = l * m;
        double s0 = 0;
        double s1 = 0;
        for (int i = 0; i < m; i++) {
          double b = mm[q + i];
          s0 += mm[r0 + i] * b;
          s1 += mm[r1 + i] * b;
        }
        if (l <= k) {
          out[k * n + l] = s0;
        }
        out[(k + 1) * n + l] = s1;
      }
    }
    for (; k < n; k++) {
      int r0 = k * m;
      for (int l = 0; l <= k; l++) {
        int q = l * m;
        double s0 = 0;
        for (int i = 0; i < m; i++) {
          s0 += mm[r0 + i] * mm[q + i];
        }
        out[k * n + l] = s0;
      }
    }
    return out;
  }

  /** n^2 m above which the capacitance product goes to ND4J (no fixture reaches it). */
  static final long GRAM_ND4J_THRESHOLD = 400_000_000L;

  private void factorDense() {
    int e = d + 1;
    int size = blocks * e;
    double[] k = new double[size * size];
    for (int j = 0; j < blocks; j++) {
      int go = j * d * d;
      int base = j * e;
      double h = hval[j];
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          k[(base + a) * size + base + b] =
              gmat[go + a * d + b] + bvec[j * d + a] * bvec[j * d + b] / h;
        }
        k[(base + a) * size + base + d] = bvec[j * d + a];
        k[(base + d) * size + base + a] = bvec[j * d + a];
      }
      k[(base + d) * size + base + d] = h;
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
              k[(i * e + a) * size + j * e + b] += wa * x[xo + b];
            }
          }
        }
      }
    }
    dense = new CholeskyFactor(k, size);
  }

  /** y (n) = F v, v of length B d. */
  void forward(double[] v, double[] out) {
    op.products(v, scrXu);
    op.predict(scrXu, out);
  }

  /** out (B d) = F^T a. */
  void adjointF(double[] a, double[] out) {
    op.combine(a, null, scrM);
    op.adjoint(scrM, out);
  }

  /** Blockwise H^{-1} on (ru, rt) into (ou, ot); ou may alias ru, ot may alias rt. */
  private void applyBlockInverse(double[] ru, double[] rt, double[] ou, double[] ot) {
    double[] v = new double[d];
    for (int j = 0; j < blocks; j++) {
      int uo = j * d;
      int go = j * d * d;
      double rtj = rt[j];
      double h = hval[j];
      for (int a = 0; a < d; a++) {
        v[a] = ru[uo + a] - bvec[uo + a] * rtj / h;
      }
      // G x = v with G = R R^T
      for (int a = 0; a < d; a++) {
        double w = v[a];
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
      double bx = 0;
      for (int a = 0; a < d; a++) {
        ou[uo + a] = v[a];
        bx += bvec[uo + a] * v[a];
      }
      ot[j] = (rtj - bx) / h;
    }
  }

  /** Solves the reduced system (blockdiag(H) + F^T W F) (ou, ot) = (ru, rt). */
  private void solveReduced(double[] ru, double[] rt, double[] ou, double[] ot) {
    if (useDense) {
      int e = d + 1;
      double[] v = new double[blocks * e];
      for (int j = 0; j < blocks; j++) {
        System.arraycopy(ru, j * d, v, j * e, d);
        v[j * e + d] = rt[j];
      }
      dense.solveInPlace(v);
      for (int j = 0; j < blocks; j++) {
        System.arraycopy(v, j * e, ou, j * d, d);
        ot[j] = v[j * e + d];
      }
      return;
    }
    // augmented (quasi-definite) form [[H, F^T], [F, -W^{-1}]] (o; q) = (r; 0), refined on that
    // system: the reduced matrix H + F^T W F is far worse conditioned when W is huge (hinge margin
    // samples: W ~ tau^2), and the Woodbury difference w - H^{-1} F^T q loses all digits there
    double[] q = new double[n];
    double[] e2 = new double[n];
    augmentedSolve(ru, rt, e2, ou, ot, q);
    double[] e1u = new double[ru.length];
    double[] e1t = new double[blocks];
    double[] cu = new double[ru.length];
    double[] ct = new double[blocks];
    double[] cq = new double[n];
    for (int round = 0; round < 2; round++) {
      // e1 = r - H o - F^T q,  e2 = -(F o - W^{-1} q)
      applyBlocks(ou, ot, e1u, e1t);
      adjointF(q, cu);
      double rn = 0;
      double en = 0;
      for (int i = 0; i < e1u.length; i++) {
        e1u[i] = ru[i] - e1u[i] - cu[i];
        rn += ru[i] * ru[i];
        en += e1u[i] * e1u[i];
      }
      for (int j = 0; j < blocks; j++) {
        e1t[j] = rt[j] - e1t[j];
        rn += rt[j] * rt[j];
        en += e1t[j] * e1t[j];
      }
      forward(ou, e2);
      for (int k = 0; k < n; k++) {
        e2[k] = -(e2[k] - winv(k) * q[k]);
        en += e2[k] * e2[k];
      }
      if (!(en > 1e-30 * rn)) {
        break;
      }
      augmentedSolve(e1u, e1t, e2, cu, ct, cq);
      for (int i = 0; i < ou.length; i++) {
        ou[i] += cu[i];
      }
      for (int j = 0; j < blocks; j++) {
        ot[j] += ct[j];
      }
      for (int k = 0; k < n; k++) {
        q[k] += cq[k];
      }
    }
  }

  /** 1 / W_k (floored so that a vanishing logistic curvature stays finite). */
  private double winv(int k) {
    return 1.0 / Math.max(wdiag[k], 1e-250);
  }

  /**
   * One solve of {@code [[H, F^T], [F, -W^{-1}]] (o; q) = (r; e2)} through {@code (W^{-1} + F H^{-1}
   * F^T) q = F H^{-1} r - e2}, {@code o = H^{-1} (r - F^T q)}.
   */
  private void augmentedSolve(
      double[] ru, double[] rt, double[] e2, double[] ou, double[] ot, double[] q) {
    applyBlockInverse(ru, rt, ou, ot);
    forward(ou, q);
    for (int k = 0; k < n; k++) {
      q[k] -= e2[k];
    }
    capacitance.solveInPlace(q);
    double[] g = scrBd2;
    adjointF(q, g);
    for (int i = 0; i < g.length; i++) {
      g[i] = ru[i] - g[i];
    }
    applyBlockInverse(g, rt, ou, ot);
  }

  /** blockdiag(H) (vu, vt) into (ou, ot). */
  private void applyBlocks(double[] vu, double[] vt, double[] ou, double[] ot) {
    for (int j = 0; j < blocks; j++) {
      int uo = j * d;
      int go = j * d * d;
      double h = hval[j];
      double bv = 0;
      for (int a = 0; a < d; a++) {
        bv += bvec[uo + a] * vu[uo + a];
      }
      for (int a = 0; a < d; a++) {
        double acc = 0;
        for (int b = 0; b < d; b++) {
          acc += gmat[go + a * d + b] * vu[uo + b];
        }
        ou[uo + a] = acc + bvec[uo + a] * (bv / h + vt[j]);
      }
      ot[j] = bv + h * vt[j];
    }
  }

  /** One solve of the full Newton system (xi eliminated for the hinge), no refinement. */
  private void solveOnce(
      double[] ru, double[] rt, double[] rxi, double[] ou, double[] ot, double[] oxi) {
    if (!hinge) {
      solveReduced(ru, rt, ou, ot);
      return;
    }
    double[] a = scrN;
    for (int k = 0; k < n; k++) {
      a[k] = dcross[k] * rxi[k] / dxixi[k];
    }
    double[] ru2 = scrBd;
    adjointF(a, ru2);
    for (int i = 0; i < ru2.length; i++) {
      ru2[i] = ru[i] - ru2[i];
    }
    solveReduced(ru2, rt, ou, ot);
    double[] fy = scrN;
    forward(ou, fy);
    for (int k = 0; k < n; k++) {
      oxi[k] = (rxi[k] - dcross[k] * fy[k]) / dxixi[k];
    }
  }

  /**
   * Solves {@code K (ou, ot, oxi) = (ru, rt, rxi)} with the full Newton matrix K of f (after
   * {@link #factor}). The reduced system is solved in augmented form with up to two steps of
   * iterative refinement on that form.
   *
   * @return the relative residual {@code ||K o - r|| / ||r||} of the result when {@link
   *     #checkResidual} is set, else NaN
   */
  double solve(double[] ru, double[] rt, double[] rxi, double[] ou, double[] ot, double[] oxi) {
    solveOnce(ru, rt, rxi, ou, ot, oxi);
    if (!checkResidual) {
      return Double.NaN;
    }
    double[] eu = new double[ru.length];
    double[] et = new double[blocks];
    double[] exi = new double[hinge ? n : 0];
    applyHessian(ou, ot, oxi, eu, et, exi);
    for (int i = 0; i < eu.length; i++) {
      eu[i] = ru[i] - eu[i];
    }
    for (int j = 0; j < blocks; j++) {
      et[j] = rt[j] - et[j];
    }
    for (int k = 0; k < exi.length; k++) {
      exi[k] = rxi[k] - exi[k];
    }
    return norm(eu, et, exi) / Math.max(norm(ru, rt, rxi), 1e-300);
  }

  /** Whether {@link #solve} measures its residual (diagnostics and tests; costs one product). */
  boolean checkResidual;

  private static double norm(double[] a, double[] b, double[] c) {
    double s = 0;
    for (double v : a) {
      s += v * v;
    }
    for (double v : b) {
      s += v * v;
    }
    if (c != null) {
      for (double v : c) {
        s += v * v;
      }
    }
    return Math.sqrt(s);
  }

  /** The full Hessian of f (after {@link #factor}) times (vu, vt, vxi). */
  void applyHessian(
      double[] vu, double[] vt, double[] vxi, double[] ou, double[] ot, double[] oxi) {
    double[] fy = new double[n];
    forward(vu, fy);
    double[] q = new double[n];
    for (int k = 0; k < n; k++) {
      q[k] = dyy[k] * fy[k] + (hinge ? dcross[k] * vxi[k] : 0);
    }
    adjointF(q, ou);
    for (int j = 0; j < blocks; j++) {
      int uo = j * d;
      int go = j * d * d;
      double h = hval[j];
      double bv = 0;
      for (int a = 0; a < d; a++) {
        bv += bvec[uo + a] * vu[uo + a];
      }
      for (int a = 0; a < d; a++) {
        double acc = 0;
        for (int b = 0; b < d; b++) {
          acc += gmat[go + a * d + b] * vu[uo + b];
        }
        ou[uo + a] += acc + bvec[uo + a] * (bv / h + vt[j]);
      }
      ot[j] = bv + h * vt[j];
    }
    if (hinge) {
      for (int k = 0; k < n; k++) {
        oxi[k] = dcross[k] * fy[k] + dxixi[k] * vxi[k];
      }
    }
  }

  // ---------------------------------------------------------------- line search

  /**
   * Stores the direction (du, dt, dxi, already filled by the caller) and returns the largest step
   * that stays strictly inside the domain (+infinity if unbounded).
   */
  double prepareDirection() {
    op.products(du, dxu);
    op.predict(dxu, dyhat);
    double amax = Double.POSITIVE_INFINITY;
    int argSoc = -1;
    for (int j = 0; j < blocks; j++) {
      double sj = socStep(j);
      if (sj < amax) {
        amax = sj;
        argSoc = j;
      }
    }
    if (InteriorPointSolver.DEBUG && argSoc >= 0) {
      int j = argSoc;
      double nu2 = 0;
      for (int a = 0; a < d; a++) {
        nu2 += u[j * d + a] * u[j * d + a];
      }
      System.err.printf("    soc limit block %d: alpha %.3e t %.3e |u| %.3e dt %.3e%n", j, amax, t[j],
          Math.sqrt(nu2), dt[j]);
    }
    if (cons) {
      op.slacks(dxu, dc);
      for (int k = 0; k < n; k++) {
        if (!rowUsed[k]) {
          continue;
        }
        int ro = k * blocks;
        for (int j = 0; j < blocks; j++) {
          double v = dc[ro + j];
          if (v < 0 && -c[ro + j] / v < amax) {
            amax = -c[ro + j] / v;
            if (InteriorPointSolver.DEBUG) {
              System.err.printf("    cone limit k %d block %d: alpha %.3e c %.3e dc %.3e%n", k, j, amax,
                  c[ro + j], v);
            }
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

  /** Largest alpha keeping (u_j, t_j) + alpha (du_j, dt_j) inside the second-order cone. */
  private double socStep(int j) {
    int uo = j * d;
    double uu = 0;
    double udu = 0;
    double dd = 0;
    for (int a = 0; a < d; a++) {
      uu += u[uo + a] * u[uo + a];
      udu += u[uo + a] * du[uo + a];
      dd += du[uo + a] * du[uo + a];
    }
    double qa = dt[j] * dt[j] - dd;
    double qb = 2 * (t[j] * dt[j] - udu);
    double qc = s[j];
    double best = Double.POSITIVE_INFINITY;
    if (dt[j] < 0) {
      best = -t[j] / dt[j];
    }
    if (qa == 0) {
      if (qb < 0) {
        best = Math.min(best, -qc / qb);
      }
      return best;
    }
    double disc = qb * qb - 4 * qa * qc;
    if (disc < 0) {
      return best;
    }
    double sq = Math.sqrt(disc);
    double q = -0.5 * (qb + (qb >= 0 ? sq : -sq));
    double r1 = q / qa;
    double r2 = q != 0 ? qc / q : Double.POSITIVE_INFINITY;
    if (r1 > 0) {
      best = Math.min(best, r1);
    }
    if (r2 > 0) {
      best = Math.min(best, r2);
    }
    return best;
  }

  /**
   * {@code f(x + alpha dx) - f(x)}, summed term by term from the stored direction images (no
   * cancellation between large values of f); +infinity outside the domain.
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
    double sumDt = 0;
    for (int j = 0; j < blocks; j++) {
      sumDt += dt[j];
    }
    double v = tau * (lossDiff + beta * alpha * sumDt);
    double bar = 0;
    for (int j = 0; j < blocks; j++) {
      int uo = j * d;
      double udu = 0;
      double dd = 0;
      for (int a = 0; a < d; a++) {
        udu += u[uo + a] * du[uo + a];
        dd += du[uo + a] * du[uo + a];
      }
      double ds = alpha * (2 * (t[j] * dt[j] - udu) + alpha * (dt[j] * dt[j] - dd));
      double arg = ds / s[j];
      if (!(arg > -1) || t[j] + alpha * dt[j] <= 0) {
        return Double.POSITIVE_INFINITY;
      }
      bar -= Math.log1p(arg);
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
          bar -= Math.log1p(arg);
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
        bar -= Math.log1p(a1) + Math.log1p(a2);
      }
    }
    double out = v + bar;
    return Double.isNaN(out) ? Double.POSITIVE_INFINITY : out;
  }

  /**
   * Takes the step: x += alpha dx.
   *
   * @return whether the new point is strictly inside the domain (recomputed from scratch)
   */
  boolean move(double alpha) {
    for (int i = 0; i < u.length; i++) {
      u[i] += alpha * du[i];
    }
    for (int j = 0; j < blocks; j++) {
      t[j] += alpha * dt[j];
    }
    if (hinge) {
      for (int k = 0; k < n; k++) {
        xi[k] += alpha * dxi[k];
      }
    }
    return refresh();
  }

  /** Cone multipliers {@code gamma_kj = 1 / (tau c_kj)} (n x B; 0 on zero rows), or null (GATED). */
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
   * Hinge loss dual candidate {@code z_k = y_k / (tau r_k)} (the multiplier of r_k >= 0; at a
   * central point {@code y_k z_k = 1 - 1/(tau xi_k)} lies in [0, 1]), or null for smooth losses.
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
