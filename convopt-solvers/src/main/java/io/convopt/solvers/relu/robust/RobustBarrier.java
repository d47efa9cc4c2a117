package io.convopt.solvers.relu.robust;

import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.barrier.LinearSlacks;
import io.convopt.solvers.relu.barrier.NewtonBarrier;
import io.convopt.solvers.relu.barrier.NormEpigraph;
import io.convopt.solvers.relu.barrier.RefinedCholesky;
import io.convopt.solvers.relu.linalg.CholeskyFactor;

/**
 * The log-barrier problem of {@link RobustInteriorPointSolver} at one point: value changes,
 * gradient, Newton direction (by block elimination) and the barrier multipliers [derived].
 *
 * <p><b>Variables.</b> Blocks j = 0..B-1 (B = 2P; block j has pattern p = j mod P and output sign
 * +1 for j &lt; P, -1 after): the weights u_j (d) and l_1 epigraph variables s_j &gt;= |u_j[J]| (m
 * = |J|). Samples k: epigraph variables e_k &gt;= |z_k[J]| (m) and a loss epigraph xi_k. With eps =
 * 0 the l_1 variables are left out (m = 0). Every constraint is linear, kept positive by a
 * logarithmic barrier:
 *
 * <pre>
 *   c_kj  = (2 D_kp - 1) x_k . u_j - eps sum_c s_jc                 (robust cone, all k)
 *   s_jc - u_j[J_c],  s_jc + u_j[J_c]                                  (l_1 epigraph of u_j)
 *   e_kc - z_kc,  e_kc + z_kc                                          (l_1 epigraph of z_k)
 *   g_ki  = xi_k + h_ki yhat_k - epsE_i sum_c e_kc + b_ki,  i = 0, 1   (loss epigraph)
 * </pre>
 *
 * hinge: {@code g_k0 = xi_k}, {@code g_k1 = xi_k - 1 + y_k yhat_k - eps E_k}, loss xi_k; squared:
 * {@code g_k0 = xi_k - eps E_k - y_k + yhat_k}, {@code g_k1 = xi_k - eps E_k + y_k - yhat_k}, loss
 * xi_k^2 / 2. The group norm enters through {@code t_j >= ||u_j||} eliminated in closed form
 * ({@link NormEpigraph}, shared with the interior-point method for the non-robust programs). The
 * barrier objective is {@code tau sum_k loss(xi_k) + sum_j phi(u_j) - sum log(constraints)}; its
 * parameter nu (the number of logarithms, 2 per norm cone) bounds the gap of a central point by
 * {@code nu / tau}.
 *
 * <p><b>Newton system by elimination.</b> The sample variables (e_k, xi_k) touch u only through
 * {@code w_k = (yhat_k, z_k) = Q_k u}; their (m+1) x (m+1) Hessian A_k is factored and eliminated
 * (Schur complement {@code S_k = C_k - B_k^T A_k^{-1} B_k} on w_k). The s_j are eliminated inside
 * their block ({@code G_ss = diag + rho 1 1^T}, inverted by Sherman-Morrison). What is left is the
 * (B d) x (B d) matrix {@code blockdiag(G~_j) + sum_k Q_k^T S_k Q_k}, assembled per pattern pair
 * ({@code sum_k D_kp D_kq L_k^T S_k L_k}, {@code L_k = [x_k; e_J]}) and factored by Cholesky; one
 * step of iterative refinement on the reduced system follows ({@link RefinedCholesky}). Blocks
 * whose robust cone is {0} ({@code live[j] == false}) are fixed at zero and carry no constraint
 * (their slacks are held at 1 with direction 0, where they add nothing to the barrier). Step bounds
 * and barrier changes of the linear slacks are {@link LinearSlacks}'.
 *
 * <p>Cost per Newton step: O(n B (d + m)^2 + n P^2 d^2 + (B d)^3 / 3 + n m^3). Not thread-safe; one
 * instance per solve.
 */
final class RobustBarrier implements NewtonBarrier {
  final int n;
  final int d;
  final int m;
  final int patterns;
  final int blocks;
  final double eps;
  final double beta;
  final boolean hinge;
  final double nu;
  private double tau;

  private final RobustMaps maps;
  private final double[] x; // n x d
  private final double[] predScratch; // n x (m + 1)
  private final double[] dxu; // n x B
  private final double[] y;
  private final boolean[] mask; // n x P
  private final int[] jcol; // m perturbed columns
  final boolean[] live; // B
  private final int[] slot; // B: position of a live block in the reduced system, -1 if fixed
  private final int liveCount;
  private final double[] h; // n x 2
  private final double[] bc; // n x 2
  private final double[] epsE; // 2

  // the point
  final double[] u; // B x d
  final double[] s; // B x m
  final double[] e; // n x m
  final double[] xi; // n
  // derived
  private final double[] xu; // n x B
  final double[] c; // n x B
  private final double[] sp; // B x m
  private final double[] sm;
  final double[] yhat; // n
  final double[] z; // n x m
  private final double[] ep; // n x m
  private final double[] em;
  private final double[] g; // n x 2

  // direction
  final double[] du;
  final double[] ds;
  final double[] de;
  final double[] dxi;
  private final double[] dc;
  private final double[] dsp;
  private final double[] dsm;
  private final double[] dyhat;
  private final double[] dz;
  private final double[] dep;
  private final double[] dem;
  private final double[] dg;

  // elimination data kept between the factorisation and the back substitution
  private final int ml; // m + 1
  private final double[] sampleA; // n x ml: A^{-1} g_l
  // A_k = diag(a0) + rankOmega_k p p^T, p = (-eps 1_m, 1); B_k given by be, bxi, bz
  private final double[] a0; // n x ml
  private final double[] bz; // n x m
  private final double[] sampleBe; // n
  private final double[] sampleBxi; // n
  private final double[] rankOmega; // n
  private final double[] blockY; // B x m x d: G_ss^{-1} G_su
  private final double[] blockR; // B x m: G_ss^{-1} g_s

  RobustBarrier(RobustReluProblem p, RobustMaps maps, boolean[] live) {
    this.maps = maps;
    double[][] xr = p.xView();
    n = p.samples();
    d = p.dimension();
    patterns = p.patterns().count();
    blocks = 2 * patterns;
    eps = p.eps();
    beta = p.beta();
    hinge = p.loss() == Loss.HINGE;
    boolean[] pert = p.perturbedView();
    int mm = 0;
    for (boolean b : pert) {
      mm += b ? 1 : 0;
    }
    m = eps > 0 ? mm : 0;
    jcol = new int[m];
    for (int c = 0, i = 0; c < d && i < m; c++) {
      if (pert[c]) {
        jcol[i++] = c;
      }
    }
    x = new double[n * d];
    for (int k = 0; k < n; k++) {
      System.arraycopy(xr[k], 0, x, k * d, d);
    }
    y = p.yView().clone();
    mask = new boolean[n * patterns];
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < patterns; i++) {
        mask[k * patterns + i] = p.patterns().active(k, i);
      }
    }
    this.live = live.clone();
    h = new double[2 * n];
    bc = new double[2 * n];
    epsE = new double[2];
    for (int k = 0; k < n; k++) {
      if (hinge) {
        h[2 * k + 1] = y[k];
        bc[2 * k + 1] = -1;
      } else {
        h[2 * k] = 1;
        bc[2 * k] = -y[k];
        h[2 * k + 1] = -1;
        bc[2 * k + 1] = y[k];
      }
    }
    epsE[0] = hinge ? 0 : eps;
    epsE[1] = eps;
    int nLive = 0;
    slot = new int[blocks];
    for (int j = 0; j < blocks; j++) {
      slot[j] = live[j] ? nLive++ : -1;
    }
    liveCount = nLive;
    nu = nLive * (2.0 + n + 2.0 * m) + n * (2.0 * m + 2);
    u = new double[blocks * d];
    s = new double[blocks * m];
    e = new double[n * m];
    xi = new double[n];
    xu = new double[n * blocks];
    c = new double[n * blocks];
    sp = new double[blocks * m];
    sm = new double[blocks * m];
    yhat = new double[n];
    z = new double[n * m];
    ep = new double[n * m];
    em = new double[n * m];
    g = new double[2 * n];
    du = new double[u.length];
    ds = new double[s.length];
    de = new double[e.length];
    dxi = new double[n];
    dc = new double[c.length];
    dsp = new double[sp.length];
    dsm = new double[sm.length];
    dyhat = new double[n];
    dz = new double[z.length];
    dep = new double[ep.length];
    dem = new double[em.length];
    dg = new double[g.length];
    ml = m + 1;
    sampleA = new double[n * ml];
    a0 = new double[n * ml];
    bz = new double[n * m];
    sampleBe = new double[n];
    sampleBxi = new double[n];
    rankOmega = new double[n];
    blockY = new double[blocks * m * d];
    blockR = new double[blocks * m];
    predScratch = new double[n * (mm + 1)];
    dxu = new double[n * blocks];
  }

  int pattern(int j) {
    return j % patterns;
  }

  double sign(int j) {
    return j < patterns ? 1.0 : -1.0;
  }

  boolean active(int k, int p) {
    return mask[k * patterns + p];
  }

  double x(int k, int a) {
    return x[k * d + a];
  }

  double target(int k) {
    return y[k];
  }

  int perturbedColumn(int c) {
    return jcol[c];
  }

  /** Sets the point (arrays copied) and its derived values; false if a constraint is not > 0. */
  boolean setPoint(double[] u0, double[] s0, double[] e0, double[] xi0) {
    System.arraycopy(u0, 0, u, 0, u.length);
    System.arraycopy(s0, 0, s, 0, s.length);
    System.arraycopy(e0, 0, e, 0, e.length);
    System.arraycopy(xi0, 0, xi, 0, n);
    return derive();
  }

  /** yhat and z (n x m) of arbitrary weights (the l_1 part only when m > 0). */
  void forward(double[] uu, double[] yh, double[] zz) {
    maps.pred(uu, predScratch);
    int q = maps.q;
    for (int k = 0; k < n; k++) {
      yh[k] = predScratch[k * q];
      for (int cc = 0; cc < m; cc++) {
        zz[k * m + cc] = predScratch[k * q + 1 + cc];
      }
    }
  }

  private boolean derive() {
    boolean ok = true;
    maps.products(u, xu); // blocks that are not live are 0
    for (int j = 0; j < blocks; j++) {
      if (!live[j]) {
        java.util.Arrays.fill(sp, j * m, (j + 1) * m, 1.0);
        java.util.Arrays.fill(sm, j * m, (j + 1) * m, 1.0);
        for (int k = 0; k < n; k++) {
          c[k * blocks + j] = 1.0;
        }
        continue;
      }
      double ssum = 0;
      for (int cc = 0; cc < m; cc++) {
        double sv = s[j * m + cc];
        double uv = u[j * d + jcol[cc]];
        sp[j * m + cc] = sv - uv;
        sm[j * m + cc] = sv + uv;
        ssum += sv;
        ok &= sp[j * m + cc] > 0 && sm[j * m + cc] > 0;
      }
      int p = pattern(j);
      for (int k = 0; k < n; k++) {
        double v = (active(k, p) ? 1 : -1) * xu[k * blocks + j] - eps * ssum;
        c[k * blocks + j] = v;
        ok &= v > 0;
      }
    }
    forward(u, yhat, z);
    for (int k = 0; k < n; k++) {
      double esum = 0;
      for (int cc = 0; cc < m; cc++) {
        int i = k * m + cc;
        ep[i] = e[i] - z[i];
        em[i] = e[i] + z[i];
        esum += e[i];
        ok &= ep[i] > 0 && em[i] > 0;
      }
      for (int i = 0; i < 2; i++) {
        double v = xi[k] + h[2 * k + i] * yhat[k] - epsE[i] * esum + bc[2 * k + i];
        g[2 * k + i] = v;
        ok &= v > 0;
      }
    }
    return ok;
  }

  private double lossPrime(double v) {
    return hinge ? 1 : v;
  }

  private double lossSecond() {
    return hinge ? 0 : 1;
  }

  /**
   * Computes the Newton direction at the current point into du, ds, de, dxi and their images;
   * returns the squared Newton decrement {@code -grad . direction}.
   *
   * @throws ArithmeticException when the reduced matrix is not numerically positive definite
   */
  @Override
  public double newtonDirection() {
    int bu = blocks * d;
    int bd = liveCount * d; // K and its right-hand side hold the live blocks only
    double[] k = new double[bd * bd];
    double[] rhs = new double[bd];
    double[] gu = new double[bu]; // own gradient of the blocks (phi, cones, l_1 epigraphs)
    double[] gs = new double[s.length];
    double[] gl = new double[n * ml];
    double[] gw = new double[n * ml];
    double p2 = tau * beta * tau * beta;
    // blocks
    double[] guu = new double[d * d];
    double[] gus = new double[d * m];
    double[] dg0 = new double[m];
    double[] vus = new double[d];
    for (int j = 0; j < blocks; j++) {
      int o = j * d;
      if (!live[j]) {
        continue;
      }
      int ko = slot[j] * d;
      double nu2 = 0;
      for (int a = 0; a < d; a++) {
        nu2 += u[o + a] * u[o + a];
      }
      double f1 = NormEpigraph.tangential(p2, nu2);
      double f2 = NormEpigraph.rankOne(p2, nu2);
      for (int a = 0; a < d; a++) {
        gu[o + a] = f1 * u[o + a];
        for (int b = 0; b < d; b++) {
          guu[a * d + b] = (a == b ? f1 : 0) + f2 * u[o + a] * u[o + b];
        }
      }
      java.util.Arrays.fill(vus, 0);
      double rho = 0;
      double cinv = 0;
      int pj = pattern(j);
      for (int kk = 0; kk < n; kk++) {
        double cv = c[kk * blocks + j];
        double sg = active(kk, pj) ? 1 : -1;
        double w1 = 1 / cv;
        double w2 = w1 * w1;
        cinv += w1;
        rho += w2;
        int xo = kk * d;
        for (int a = 0; a < d; a++) {
          double xa = x[xo + a];
          gu[o + a] -= sg * xa * w1;
          vus[a] += sg * xa * w2;
          double t = xa * w2;
          for (int b = 0; b <= a; b++) {
            guu[a * d + b] += t * x[xo + b];
          }
        }
      }
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < a; b++) {
          guu[b * d + a] = guu[a * d + b];
        }
      }
      rho *= eps * eps;
      for (int a = 0; a < d; a++) {
        for (int cc = 0; cc < m; cc++) {
          gus[a * m + cc] = -eps * vus[a];
        }
      }
      for (int cc = 0; cc < m; cc++) {
        int i = j * m + cc;
        int a = jcol[cc];
        double ip = 1 / sp[i];
        double im = 1 / sm[i];
        gu[o + a] += ip - im;
        gs[i] = eps * cinv - ip - im;
        guu[a * d + a] += ip * ip + im * im;
        gus[a * m + cc] += -ip * ip + im * im;
        dg0[cc] = ip * ip + im * im;
      }
      // eliminate s_j: Y = G_ss^{-1} G_su (m x d), r = G_ss^{-1} g_s
      double[] col = new double[m];
      for (int a = 0; a < d; a++) {
        for (int cc = 0; cc < m; cc++) {
          col[cc] = gus[a * m + cc];
        }
        shermanMorrison(dg0, rho, col);
        for (int cc = 0; cc < m; cc++) {
          blockY[(j * m + cc) * d + a] = col[cc];
        }
      }
      for (int cc = 0; cc < m; cc++) {
        col[cc] = gs[j * m + cc];
      }
      shermanMorrison(dg0, rho, col);
      System.arraycopy(col, 0, blockR, j * m, m);
      for (int a = 0; a < d; a++) {
        double r = -gu[o + a];
        for (int cc = 0; cc < m; cc++) {
          r += gus[a * m + cc] * blockR[j * m + cc];
        }
        rhs[ko + a] = r;
        for (int b = 0; b < d; b++) {
          double v = guu[a * d + b];
          for (int cc = 0; cc < m; cc++) {
            v -= gus[a * m + cc] * blockY[(j * m + cc) * d + b];
          }
          k[(ko + a) * bd + ko + b] = v;
        }
      }
    }
    // samples: S_k = C - B^T A^{-1} B and ghat = g_w - B^T A^{-1} g_l, with A applied by Woodbury
    double[] t = new double[n * d * d];
    double[] sk = new double[ml * ml];
    double[] ghat = new double[ml];
    double[] col = new double[ml];
    for (int kk = 0; kk < n; kk++) {
      int lo = kk * ml;
      double gxi = tau * lossPrime(xi[kk]);
      double gy = 0;
      double axi = tau * lossSecond();
      double cyy = 0;
      double bxi = 0;
      double be = 0;
      double om = 0;
      for (int i = 0; i < 2; i++) {
        double gi = 1 / g[2 * kk + i];
        double gi2 = gi * gi;
        double hi = h[2 * kk + i];
        double ei = epsE[i];
        gxi -= gi;
        gy -= hi * gi;
        cyy += hi * hi * gi2;
        bxi += hi * gi2;
        be -= ei * hi * gi2;
        for (int cc = 0; cc < m; cc++) {
          gl[lo + cc] += ei * gi;
        }
        if (ei != 0 && m > 0) {
          om += gi2; // p = (-eps 1, 1): both losses share this one direction
        } else {
          axi += gi2; // p = e_xi: diagonal
        }
      }
      rankOmega[kk] = om;
      gl[lo + m] = gxi;
      gw[lo] = gy;
      for (int cc = 0; cc < m; cc++) {
        int i = kk * m + cc;
        double ip = 1 / ep[i];
        double im = 1 / em[i];
        gl[lo + cc] += -ip - im;
        gw[lo + 1 + cc] = ip - im;
        a0[lo + cc] = ip * ip + im * im;
        bz[i] = -ip * ip + im * im;
      }
      a0[lo + m] = axi;
      sampleBe[kk] = be;
      sampleBxi[kk] = bxi;
      System.arraycopy(gl, lo, col, 0, ml);
      applyAinv(kk, col);
      System.arraycopy(col, 0, sampleA, lo, ml);
      double bt = be * sumOf(col, m) + bxi * col[m];
      ghat[0] = gw[lo] - bt;
      for (int cc = 0; cc < m; cc++) {
        ghat[1 + cc] = gw[lo + 1 + cc] - bz[kk * m + cc] * col[cc];
      }
      // S column by column: X_b = A^{-1} B_b, S_ab = C_ab - B_a . X_b
      for (int bcol = 0; bcol < ml; bcol++) {
        java.util.Arrays.fill(col, 0);
        if (bcol == 0) {
          for (int cc = 0; cc < m; cc++) {
            col[cc] = be;
          }
          col[m] = bxi;
        } else {
          col[bcol - 1] = bz[kk * m + bcol - 1];
        }
        applyAinv(kk, col);
        sk[bcol] = (bcol == 0 ? cyy : 0) - (be * sumOf(col, m) + bxi * col[m]);
        for (int cc = 0; cc < m; cc++) {
          sk[(1 + cc) * ml + bcol] = (bcol == 1 + cc ? a0[lo + cc] : 0) - bz[kk * m + cc] * col[cc];
        }
      }
      // T = L^T S L with L = [x_k; e_J]
      int to = kk * d * d;
      int xo = kk * d;
      double[] lts = new double[d * ml]; // L^T S
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < ml; b++) {
          lts[a * ml + b] = x[xo + a] * sk[b];
        }
      }
      for (int cc = 0; cc < m; cc++) {
        int a = jcol[cc];
        for (int b = 0; b < ml; b++) {
          lts[a * ml + b] += sk[(1 + cc) * ml + b];
        }
      }
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          t[to + a * d + b] = lts[a * ml] * x[xo + b];
        }
        for (int cc = 0; cc < m; cc++) {
          t[to + a * d + jcol[cc]] += lts[a * ml + 1 + cc];
        }
      }
      // reduced right-hand side: - Q_k^T ghat
      for (int j = 0; j < blocks; j++) {
        if (!live[j] || !active(kk, pattern(j))) {
          continue;
        }
        double sg = sign(j);
        int o = slot[j] * d;
        for (int a = 0; a < d; a++) {
          rhs[o + a] -= sg * x[xo + a] * ghat[0];
        }
        for (int cc = 0; cc < m; cc++) {
          rhs[o + jcol[cc]] -= sg * ghat[1 + cc];
        }
      }
    }
    // pattern pairs
    double[] mpq = new double[d * d];
    for (int p = 0; p < patterns; p++) {
      for (int q = p; q < patterns; q++) {
        if (!live[p] || !live[q]) {
          continue; // a pattern's two blocks are live together; fixed blocks have no rows in K
        }
        java.util.Arrays.fill(mpq, 0);
        boolean any = false;
        for (int kk = 0; kk < n; kk++) {
          if (active(kk, p) && active(kk, q)) {
            any = true;
            int to = kk * d * d;
            for (int i = 0; i < d * d; i++) {
              mpq[i] += t[to + i];
            }
          }
        }
        if (!any) {
          continue;
        }
        for (int bi : new int[] {p, p + patterns}) {
          for (int bj : new int[] {q, q + patterns}) {
            if (!live[bi] || !live[bj]) {
              continue;
            }
            double sg = sign(bi) * sign(bj);
            int oi = slot[bi] * d;
            int oj = slot[bj] * d;
            for (int a = 0; a < d; a++) {
              for (int b = 0; b < d; b++) {
                double v = sg * mpq[a * d + b];
                k[(oi + a) * bd + oj + b] += v;
                if (p != q) {
                  k[(oj + b) * bd + oi + a] += v;
                }
              }
            }
          }
        }
      }
    }
    double[] sol = new double[bd];
    RefinedCholesky.solve(new CholeskyFactor(k, bd), (v, out) -> multiply(k, v, out), rhs, sol, 1);
    java.util.Arrays.fill(du, 0);
    for (int j = 0; j < blocks; j++) {
      if (live[j]) {
        System.arraycopy(sol, slot[j] * d, du, j * d, d);
      }
    }
    // back substitution
    for (int j = 0; j < blocks; j++) {
      for (int cc = 0; cc < m; cc++) {
        int i = j * m + cc;
        if (!live[j]) {
          ds[i] = 0;
          continue;
        }
        double v = -blockR[i];
        for (int a = 0; a < d; a++) {
          v -= blockY[i * d + a] * du[j * d + a];
        }
        ds[i] = v;
      }
    }
    forward(du, dyhat, dz);
    double[] back = new double[ml];
    for (int kk = 0; kk < n; kk++) {
      int lo = kk * ml;
      // delta l = -A^{-1} g_l - A^{-1} B delta w
      for (int cc = 0; cc < m; cc++) {
        back[cc] = sampleBe[kk] * dyhat[kk] + bz[kk * m + cc] * dz[kk * m + cc];
      }
      back[m] = sampleBxi[kk] * dyhat[kk];
      applyAinv(kk, back);
      for (int cc = 0; cc < m; cc++) {
        de[kk * m + cc] = -sampleA[lo + cc] - back[cc];
      }
      dxi[kk] = -sampleA[lo + m] - back[m];
    }
    images();
    // decrement: -grad . direction (the u-gradient of the samples enters through w = Q u)
    double lam2 = 0;
    for (int i = 0; i < bu; i++) {
      lam2 -= gu[i] * du[i];
    }
    for (int i = 0; i < s.length; i++) {
      lam2 -= gs[i] * ds[i];
    }
    for (int kk = 0; kk < n; kk++) {
      int lo = kk * ml;
      lam2 -= gw[lo] * dyhat[kk];
      for (int cc = 0; cc < m; cc++) {
        lam2 -= gw[lo + 1 + cc] * dz[kk * m + cc] + gl[lo + cc] * de[kk * m + cc];
      }
      lam2 -= gl[lo + m] * dxi[kk];
    }
    return lam2;
  }

  private void images() {
    maps.products(du, dxu);
    for (int kk = 0; kk < n; kk++) {
      for (int j = 0; j < blocks; j++) {
        if (!live[j]) {
          continue;
        }
        double v = dxu[kk * blocks + j];
        double dss = 0;
        for (int cc = 0; cc < m; cc++) {
          dss += ds[j * m + cc];
        }
        dc[kk * blocks + j] = (active(kk, pattern(j)) ? 1 : -1) * v - eps * dss;
      }
    }
    for (int j = 0; j < blocks; j++) {
      for (int cc = 0; cc < m; cc++) {
        int i = j * m + cc;
        double dv = du[j * d + jcol[cc]];
        dsp[i] = ds[i] - dv;
        dsm[i] = ds[i] + dv;
      }
    }
    for (int kk = 0; kk < n; kk++) {
      double desum = 0;
      for (int cc = 0; cc < m; cc++) {
        int i = kk * m + cc;
        dep[i] = de[i] - dz[i];
        dem[i] = de[i] + dz[i];
        desum += de[i];
      }
      for (int i = 0; i < 2; i++) {
        dg[2 * kk + i] = dxi[kk] + h[2 * kk + i] * dyhat[kk] - epsE[i] * desum;
      }
    }
  }

  /** Largest step along the direction that keeps every constraint positive (may be +inf). */
  @Override
  public double maxStep() {
    double a = Double.POSITIVE_INFINITY;
    for (double[][] sl : slacks()) {
      a = LinearSlacks.maxStep(a, sl[0], sl[1]);
    }
    return a;
  }

  /** The linear slacks and their direction images, (value, direction) pairs. */
  private double[][][] slacks() {
    return new double[][][] {{c, dc}, {sp, dsp}, {sm, dsm}, {ep, dep}, {em, dem}, {g, dg}};
  }

  /** Change of the barrier objective for a step alpha, summed term by term. */
  @Override
  public double valueChange(double alpha) {
    double sum = 0;
    for (int kk = 0; kk < n; kk++) {
      double dv = alpha * dxi[kk];
      sum += tau * (hinge ? dv : xi[kk] * dv + 0.5 * dv * dv);
    }
    double p2 = tau * beta * tau * beta;
    for (int j = 0; j < blocks; j++) {
      if (!live[j]) {
        continue;
      }
      double nu2 = 0;
      double ud = 0;
      double dd = 0;
      for (int a = 0; a < d; a++) {
        double uv = u[j * d + a];
        double dv = du[j * d + a];
        nu2 += uv * uv;
        ud += uv * dv;
        dd += dv * dv;
      }
      sum += NormEpigraph.valueChange(p2, nu2, ud, dd, alpha);
    }
    for (double[][] sl : slacks()) {
      sum += LinearSlacks.logChange(alpha, sl[0], sl[1]);
    }
    return sum;
  }

  /** Moves the point by alpha along the direction; false if it left the domain. */
  @Override
  public boolean move(double alpha) {
    for (int i = 0; i < u.length; i++) {
      u[i] += alpha * du[i];
    }
    for (int i = 0; i < s.length; i++) {
      s[i] += alpha * ds[i];
    }
    for (int i = 0; i < e.length; i++) {
      e[i] += alpha * de[i];
    }
    for (int i = 0; i < n; i++) {
      xi[i] += alpha * dxi[i];
    }
    return derive();
  }

  @Override
  public double nu() {
    return nu;
  }

  @Override
  public double tau() {
    return tau;
  }

  @Override
  public void setTau(double next) {
    tau = next;
  }

  /** out = K v for the row-major square matrix K. */
  private static void multiply(double[] k, double[] v, double[] out) {
    int size = v.length;
    for (int a = 0; a < size; a++) {
      double s = 0;
      for (int b = 0; b < size; b++) {
        s += k[a * size + b] * v[b];
      }
      out[a] = s;
    }
  }

  /**
   * Barrier multipliers {@code 1 / (tau v)} of the cone constraints (n x B) and the loss dual
   * (nuYhat: n, zeta: n x m) derived from those of the loss epigraph; with {@code corrected} each
   * multiplier is taken to first order along the last Newton direction, {@code (1 / (tau v)) (1 -
   * dv / v)}, accurate to O(decrement^2) instead of O(decrement).
   */
  void multipliers(boolean corrected, double[] gamma, double[] nuYhat, double[] zeta) {
    for (int j = 0; j < blocks; j++) {
      for (int kk = 0; kk < n; kk++) {
        int i = kk * blocks + j;
        gamma[i] = live[j] ? mult(c[i], dc[i], corrected) : 0;
      }
    }
    for (int kk = 0; kk < n; kk++) {
      double v = 0;
      for (int i = 0; i < 2; i++) {
        v -= h[2 * kk + i] * mult(g[2 * kk + i], dg[2 * kk + i], corrected);
      }
      nuYhat[kk] = v;
      for (int cc = 0; cc < m; cc++) {
        int i = kk * m + cc;
        zeta[i] = mult(ep[i], dep[i], corrected) - mult(em[i], dem[i], corrected);
      }
    }
  }

  private double mult(double v, double dv, boolean corrected) {
    double l = 1 / (tau * v);
    return corrected ? Math.max(0, l * (1 - dv / v)) : l;
  }

  /**
   * v := A_k^{-1} v for {@code A = diag(alpha_1..alpha_m, delta) + omega p p^T} with {@code p =
   * (-eps 1, 1)}: xi is eliminated first (pivot {@code delta + omega}), which leaves {@code
   * diag(alpha) + rho 1 1^T} on e with {@code rho = eps^2 / (1 / delta + 1 / omega)} (no
   * cancellation however large omega is), solved by Sherman-Morrison.
   */
  private void applyAinv(int kk, double[] v) {
    int lo = kk * ml;
    double om = rankOmega[kk];
    double delta = a0[lo + m];
    if (m == 0 || om == 0) {
      for (int l = 0; l < ml; l++) {
        v[l] /= a0[lo + l];
      }
      return;
    }
    double piv = delta + om;
    double f = eps * om / piv; // -c / a_xi with c = -eps omega
    double rho = eps * eps / (1 / delta + 1 / om);
    double s1 = 0;
    double s2 = 0;
    for (int cc = 0; cc < m; cc++) {
      double r = (v[cc] + f * v[m]) / a0[lo + cc];
      v[cc] = r;
      s1 += r;
      s2 += 1 / a0[lo + cc];
    }
    double sx = s1 / (1 + rho * s2); // 1^T x_e
    for (int cc = 0; cc < m; cc++) {
      v[cc] -= rho * sx / a0[lo + cc];
    }
    v[m] = (v[m] + eps * om * sx) / piv;
  }

  private static double sumOf(double[] v, int len) {
    double s = 0;
    for (int i = 0; i < len; i++) {
      s += v[i];
    }
    return s;
  }

  /** Solves (D + rho 1 1^T) w = v in place (D diagonal, positive; rho >= 0). */
  private static void shermanMorrison(double[] dg, double rho, double[] v) {
    int len = v.length;
    double s1 = 0;
    double s2 = 0;
    for (int i = 0; i < len; i++) {
      v[i] /= dg[i];
      s1 += v[i];
      s2 += 1 / dg[i];
    }
    double f = rho * s1 / (1 + rho * s2);
    for (int i = 0; i < len; i++) {
      v[i] -= f / dg[i];
    }
  }
}
