package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.linalg.CholeskyFactor;
import io.convopt.solvers.relu.linalg.PatternMaps;

/**
 * Newton steps of a gated program on its active blocks, for the ill-conditioned end of a solve that
 * first-order steps only crawl through. With the support fixed (blocks with {@code u_j != 0}) the
 * objective {@code F(u) = L(sum_j D_j X u_j) + beta sum_j ||u_j||} is smooth, with gradient {@code
 * g_j = X^T D_j L'(yhat) + beta u_j / ||u_j||} and Hessian-vector product {@code (H v)_j = X^T D_j
 * W sum_i D_i X v_i + beta / ||u_j|| (v_j - uhat_j uhat_j^T v_j)}, W the loss curvature per row.
 * The direction solves {@code H p = -g} by preconditioned conjugate gradients (block-Jacobi: per
 * block {@code c X^T D_j X + beta / ||u_j|| (I - uhat uhat^T)}, c the loss's curvature bound, the
 * Gram matrices cached per pattern); a backtracking line search on F (predictions move along the
 * precomputed {@code A p}, so a trial costs O(n)) keeps every step a descent step. The gradient and
 * every Hessian-vector product go through the masked maps of the support ({@link PatternMaps}:
 * row-blocked ND4J GEMMs at scale, plain loops when small), rebuilt only when the support changes.
 * Blocks that should vanish are left to the block-descent sweeps around it.
 *
 * <p>Not thread-safe (scratch per instance); one instance per working set.
 */
final class ActiveSetNewton {
  /** Conjugate-gradient iterations per Newton step at most. */
  static final int CG_ITERATIONS = 60;

  private final double[] x;
  private final int d;
  private final int[][] rows;
  private final int[] global;
  private final double[][] grams;
  private final Loss loss;
  private final double curvature;
  private final double[] y;
  private final double beta;

  /** The maps of the last support (its blocks in {@link #mapsSupport}), reused while it holds. */
  private PatternMaps maps;

  private int[] mapsSupport;

  /**
   * @param rows rows of each working-set block
   * @param global pattern index of each block in the full program
   * @param grams per pattern of the full program, {@code X^T D_j X} (d x d) or null; filled in and
   *     shared across working sets
   */
  ActiveSetNewton(
      double[] x,
      int d,
      int[][] rows,
      int[] global,
      double[][] grams,
      Loss loss,
      double[] y,
      double beta) {
    this.x = x;
    this.d = d;
    this.rows = rows;
    this.global = global;
    this.grams = grams;
    this.loss = loss;
    this.curvature = loss == Loss.LOGISTIC ? 0.25 : 1.0;
    this.y = y;
    this.beta = beta;
  }

  /**
   * One damped Newton step on the non-zero blocks of u (W x d, updated in place), yhat the
   * predictions at u (updated alike). Returns whether the objective decreased.
   */
  boolean step(double[] u, double[] yhat) {
    int w = global.length;
    int n = y.length;
    int[] act = new int[w];
    int m = 0;
    for (int i = 0; i < w; i++) {
      if (norm(u, i) > 0) {
        act[m++] = i;
      }
    }
    if (m == 0) {
      return false;
    }
    double[] rowGrad = new double[n];
    double[] rowCurv = new double[n];
    for (int k = 0; k < n; k++) {
      rowGrad[k] = loss == Loss.SQUARED ? yhat[k] - y[k] : -y[k] * Loss.sigmoid(-y[k] * yhat[k]);
      if (loss == Loss.SQUARED) {
        rowCurv[k] = 1.0;
      } else {
        double s = Loss.sigmoid(y[k] * yhat[k]);
        rowCurv[k] = s * (1 - s);
      }
    }
    act = java.util.Arrays.copyOf(act, m);
    supportMaps(act);
    double[] g = new double[m * d];
    maps.adjoint(rowGrad, g);
    CholeskyFactor[] pre = new CholeskyFactor[m];
    double[] a = new double[d * d];
    for (int t = 0; t < m; t++) {
      int i = act[t];
      int go = t * d;
      double nu = norm(u, i);
      for (int c = 0; c < d; c++) {
        g[go + c] += beta * u[i * d + c] / nu;
      }
      double[] gram = gram(i);
      double f = beta / nu;
      for (int r = 0; r < d; r++) {
        double ur = u[i * d + r] / nu;
        for (int c = 0; c < d; c++) {
          double uc = u[i * d + c] / nu;
          a[r * d + c] = curvature * gram[r * d + c] + f * ((r == c ? 1 : 0) - ur * uc);
        }
        a[r * d + r] += 1e-12 * (curvature * gram[r * d + r] + f) + Double.MIN_NORMAL;
      }
      try {
        pre[t] = new CholeskyFactor(a, d);
      } catch (ArithmeticException e) {
        return false;
      }
    }
    double gg = dot(g, g);
    if (!(gg > 0)) {
      return false;
    }
    // preconditioned CG on H p = -g
    double[] p = new double[m * d];
    double[] res = new double[m * d];
    for (int i = 0; i < res.length; i++) {
      res[i] = -g[i];
    }
    double[] z = precondition(pre, res, m);
    double[] dir = z.clone();
    double rz = dot(res, z);
    double stop = Math.min(0.1, Math.sqrt(Math.sqrt(gg))) * Math.sqrt(gg);
    double[] hd = new double[m * d];
    double[] scratch = new double[n];
    for (int it = 0; it < CG_ITERATIONS; it++) {
      hessian(act, m, u, rowCurv, dir, hd, scratch);
      double dhd = dot(dir, hd);
      if (!(dhd > 0)) {
        break;
      }
      double alpha = rz / dhd;
      for (int i = 0; i < p.length; i++) {
        p[i] += alpha * dir[i];
        res[i] -= alpha * hd[i];
      }
      if (Math.sqrt(dot(res, res)) <= stop) {
        break;
      }
      z = precondition(pre, res, m);
      double rzNew = dot(res, z);
      double beta2 = rzNew / rz;
      rz = rzNew;
      for (int i = 0; i < dir.length; i++) {
        dir[i] = z[i] + beta2 * dir[i];
      }
    }
    double slope = dot(g, p);
    if (!(slope < 0)) {
      return false;
    }
    // predictions move along q = A p
    double[] q = new double[n];
    maps.predict(p, q);
    double f0 = objective(u, yhat, act, m, p, q, 0.0, scratch);
    double t = 1.0;
    for (int ls = 0; ls < 30; ls++) {
      double ft = objective(u, yhat, act, m, p, q, t, scratch);
      if (ft <= f0 + 1e-4 * t * slope) {
        for (int s = 0; s < m; s++) {
          int uo = act[s] * d;
          for (int c = 0; c < d; c++) {
            u[uo + c] += t * p[s * d + c];
          }
        }
        for (int k = 0; k < n; k++) {
          yhat[k] += t * q[k];
        }
        return ft < f0;
      }
      t *= 0.5;
    }
    return false;
  }

  /** F at u + t p (on the active blocks), predictions yhat + t q. */
  private double objective(
      double[] u, double[] yhat, int[] act, int m, double[] p, double[] q, double t, double[] yt) {
    for (int k = 0; k < yt.length; k++) {
      yt[k] = yhat[k] + t * q[k];
    }
    double pen = 0;
    boolean[] isActive = new boolean[global.length];
    for (int s = 0; s < m; s++) {
      isActive[act[s]] = true;
      int uo = act[s] * d;
      double sq = 0;
      for (int c = 0; c < d; c++) {
        double v = u[uo + c] + t * p[s * d + c];
        sq += v * v;
      }
      pen += Math.sqrt(sq);
    }
    for (int i = 0; i < global.length; i++) {
      if (!isActive[i]) {
        pen += norm(u, i);
      }
    }
    return loss.value(yt, y) + beta * pen;
  }

  private void hessian(
      int[] act, int m, double[] u, double[] rowCurv, double[] v, double[] out, double[] t) {
    maps.predict(v, t);
    for (int k = 0; k < t.length; k++) {
      t[k] *= rowCurv[k];
    }
    maps.adjoint(t, out);
    for (int s = 0; s < m; s++) {
      int i = act[s];
      int oo = s * d;
      double nu = norm(u, i);
      double proj = 0;
      for (int c = 0; c < d; c++) {
        proj += u[i * d + c] * v[oo + c];
      }
      proj /= nu * nu;
      double f = beta / nu;
      for (int c = 0; c < d; c++) {
        out[oo + c] += f * (v[oo + c] - proj * u[i * d + c]);
      }
    }
  }

  /**
   * Makes {@link #maps} those of the blocks act (m of them, in order): {@code sum_s D_s X v_s} and
   * its adjoint, as blocked GEMMs at scale (plain loops when small), so that the gradient and each
   * Hessian-vector product cost one GEMM pair over the support only.
   */
  private void supportMaps(int[] act) {
    if (java.util.Arrays.equals(act, mapsSupport)) {
      return;
    }
    maps = PatternMaps.ofRowLists(x, y.length, d, rows, act);
    mapsSupport = act;
  }

  private double[] precondition(CholeskyFactor[] pre, double[] r, int m) {
    double[] z = r.clone();
    for (int s = 0; s < m; s++) {
      pre[s].solveInPlace(z, s * d);
    }
    return z;
  }

  /** {@code X^T D_j X} of working-set block i, cached per pattern. */
  private double[] gram(int i) {
    double[] gm = grams[global[i]];
    if (gm != null) {
      return gm;
    }
    gm = new double[d * d];
    for (int k : rows[i]) {
      int xo = k * d;
      for (int r = 0; r < d; r++) {
        double xr = x[xo + r];
        if (xr == 0) {
          continue;
        }
        int go = r * d;
        for (int c = 0; c <= r; c++) {
          gm[go + c] += xr * x[xo + c];
        }
      }
    }
    for (int r = 0; r < d; r++) {
      for (int c = 0; c < r; c++) {
        gm[c * d + r] = gm[r * d + c];
      }
    }
    grams[global[i]] = gm;
    return gm;
  }

  private double norm(double[] u, int i) {
    double s = 0;
    int o = i * d;
    for (int c = 0; c < d; c++) {
      s += u[o + c] * u[o + c];
    }
    return Math.sqrt(s);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
