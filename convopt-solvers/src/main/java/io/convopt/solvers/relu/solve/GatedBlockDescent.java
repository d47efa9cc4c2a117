package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.Certificate;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.linalg.GroupSoftThreshold;

/**
 * Cyclic proximal block coordinate descent on a gated program restricted to a few patterns: {@code
 * min_U L(sum_j D_j X u_j) + beta sum_j ||u_j||} with a smooth loss. Block j takes the step {@code
 * u_j <- prox(u_j - X^T D_j L'(yhat) / L_j)} with its own Lipschitz constant {@code L_j = c
 * lambda_max(X^T D_j X)} (c the loss curvature: 1 squared, 1/4 logistic), and yhat is updated on
 * the rows of pattern j only. Per-block steps are what a global step cannot be: with thousands of
 * correlated patterns the global constant is about their number times the block one.
 *
 * <p>{@code L_j} comes from power iterations (cached per pattern across calls); if a step shows
 * curvature above it ({@code c ||D_j X delta||^2 > L_j ||delta||^2}) the step is undone and {@code
 * L_j} raised, so every accepted step decreases the objective. Every {@code checkEvery} sweeps the
 * duality gap of the restricted program is evaluated ({@link GatedDual}); the call stops when it is
 * at most the tolerance, at the deadline, or after the sweep budget.
 *
 * <p>Plain loops over the rows of each pattern (index lists, n/2 per pattern on average); not
 * thread-safe (one instance per working set).
 */
final class GatedBlockDescent {
  private static final int POWER_ITERATIONS = 12;

  private final double[] x;
  private final int d;
  private final int[][] rows;
  private final int[] global;
  private final double[] lipschitz;
  private final Loss loss;
  private final double curvature;
  private final double[] y;
  private final double beta;

  /**
   * The restricted program on the patterns {@code global} of a program with mask {@code
   * mask[k*patterns + i]}.
   *
   * @param x row-major n x d, shared
   * @param lipschitz per pattern of the full program, NaN where unknown; filled in and shared
   */
  GatedBlockDescent(
      double[] x,
      int d,
      boolean[] mask,
      int patterns,
      int[] global,
      double[] lipschitz,
      Loss loss,
      double[] y,
      double beta) {
    this.x = x;
    this.d = d;
    this.global = global;
    this.lipschitz = lipschitz;
    this.loss = loss;
    this.curvature = loss == Loss.LOGISTIC ? 0.25 : 1.0;
    this.y = y;
    this.beta = beta;
    int n = y.length;
    int w = global.length;
    int[] count = new int[w];
    for (int k = 0; k < n; k++) {
      int o = k * patterns;
      for (int i = 0; i < w; i++) {
        if (mask[o + global[i]]) {
          count[i]++;
        }
      }
    }
    this.rows = new int[w][];
    for (int i = 0; i < w; i++) {
      rows[i] = new int[count[i]];
      count[i] = 0;
    }
    for (int k = 0; k < n; k++) {
      int o = k * patterns;
      for (int i = 0; i < w; i++) {
        if (mask[o + global[i]]) {
          rows[i][count[i]++] = k;
        }
      }
    }
    for (int i = 0; i < w; i++) {
      if (Double.isNaN(lipschitz[global[i]])) {
        lipschitz[global[i]] = curvature * largestEigenvalue(rows[i]) * 1.02;
      }
    }
  }

  /** Sweeps used, the restricted certificate at the end and why it stopped. */
  record Result(int sweeps, Certificate certificate, StopReason reason) {}

  /**
   * Descends from u (W x d, updated in place); yhat is overwritten with the predictions at the
   * returned u.
   */
  Result run(
      double[] u,
      double[] yhat,
      double tolerance,
      int maxSweeps,
      int checkEvery,
      long t0,
      double limitSeconds) {
    int w = global.length;
    double[] g = new double[d];
    double[] v = new double[d];
    double[] deriv = new double[y.length];
    GatedDual dual = new GatedDual(loss, y, beta);
    predict(u, yhat);
    Anderson anderson = new Anderson(u.length, yhat.length);
    anderson.record(u, yhat);
    int sweeps = 0;
    StopReason reason = StopReason.MAX_ITERATIONS;
    Certificate cert = null;
    while (true) {
      if (sweeps % checkEvery == 0 || sweeps >= maxSweeps) {
        predict(u, yhat);
        cert = certificate(u, yhat, deriv, g, dual);
        if (cert.relativeGap() <= tolerance) {
          reason = StopReason.CONVERGED;
          break;
        }
        if ((System.nanoTime() - t0) * 1e-9 >= limitSeconds) {
          reason = StopReason.TIME_LIMIT;
          break;
        }
        if (sweeps >= maxSweeps) {
          break;
        }
      }
      for (int i = 0; i < w; i++) {
        step(i, u, yhat, g, v);
      }
      sweeps++;
      anderson.record(u, yhat);
    }
    return new Result(sweeps, cert, reason);
  }

  /**
   * Anderson extrapolation of the sweeps (as Bertrand and Massias do for coordinate descent): after
   * {@link #DEPTH} + 1 recorded points u_0..u_K, the combination {@code sum_i c_i u_i} (i = 1..K)
   * with {@code sum c_i = 1} that minimises the norm of the combined differences {@code sum_i c_i
   * (u_i - u_{i-1})}; it replaces the current point only if its objective is lower (so the descent
   * stays monotone). yhat is linear in u, so it is combined alike, without another product.
   */
  private final class Anderson {
    static final int DEPTH = 5;
    private final double[][] us;
    private final double[][] ys;
    private int count;

    Anderson(int len, int n) {
      us = new double[DEPTH + 1][len];
      ys = new double[DEPTH + 1][n];
    }

    void record(double[] u, double[] yhat) {
      System.arraycopy(u, 0, us[count], 0, u.length);
      System.arraycopy(yhat, 0, ys[count], 0, yhat.length);
      count++;
      if (count == DEPTH + 1) {
        extrapolate(u, yhat);
        count = 0;
        System.arraycopy(u, 0, us[0], 0, u.length);
        System.arraycopy(yhat, 0, ys[0], 0, yhat.length);
        count = 1;
      }
    }

    private void extrapolate(double[] u, double[] yhat) {
      int k = DEPTH;
      double[][] m = new double[k][k + 1];
      for (int a = 0; a < k; a++) {
        for (int b = a; b < k; b++) {
          double s = 0;
          double[] ua1 = us[a + 1];
          double[] ua = us[a];
          double[] ub1 = us[b + 1];
          double[] ub = us[b];
          for (int t = 0; t < ua.length; t++) {
            s += (ua1[t] - ua[t]) * (ub1[t] - ub[t]);
          }
          m[a][b] = s;
          m[b][a] = s;
        }
        m[a][k] = 1.0;
      }
      double[] c = solve(m, k);
      if (c == null) {
        return;
      }
      double[] ue = new double[u.length];
      double[] ye = new double[yhat.length];
      for (int a = 0; a < k; a++) {
        double ca = c[a];
        double[] ua = us[a + 1];
        double[] ya = ys[a + 1];
        for (int t = 0; t < ue.length; t++) {
          ue[t] += ca * ua[t];
        }
        for (int t = 0; t < ye.length; t++) {
          ye[t] += ca * ya[t];
        }
      }
      double now = loss.value(yhat, y) + beta * GatedProximalGradient.groupNorm(u, d);
      double then = loss.value(ye, y) + beta * GatedProximalGradient.groupNorm(ue, d);
      if (then < now) {
        System.arraycopy(ue, 0, u, 0, u.length);
        System.arraycopy(ye, 0, yhat, 0, yhat.length);
      }
    }
  }

  /**
   * Solves the k x k system in the first k columns of m (right-hand side in column k) by Gaussian
   * elimination with partial pivoting, with a tiny ridge; returns the solution scaled to sum 1, or
   * null when singular or not finite.
   */
  static double[] solve(double[][] m, int k) {
    double trace = 0;
    for (int a = 0; a < k; a++) {
      trace += m[a][a];
    }
    if (!(trace > 0) || !Double.isFinite(trace)) {
      return null;
    }
    for (int a = 0; a < k; a++) {
      m[a][a] += 1e-12 * trace;
    }
    for (int col = 0; col < k; col++) {
      int piv = col;
      for (int r = col + 1; r < k; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
          piv = r;
        }
      }
      double[] tmp = m[col];
      m[col] = m[piv];
      m[piv] = tmp;
      if (m[col][col] == 0) {
        return null;
      }
      for (int r = col + 1; r < k; r++) {
        double f = m[r][col] / m[col][col];
        for (int c = col; c <= k; c++) {
          m[r][c] -= f * m[col][c];
        }
      }
    }
    double[] x = new double[k];
    for (int r = k - 1; r >= 0; r--) {
      double s = m[r][k];
      for (int c = r + 1; c < k; c++) {
        s -= m[r][c] * x[c];
      }
      x[r] = s / m[r][r];
    }
    double sum = 0;
    for (int a = 0; a < k; a++) {
      sum += x[a];
    }
    if (!(Math.abs(sum) > 0) || !Double.isFinite(sum)) {
      return null;
    }
    for (int a = 0; a < k; a++) {
      x[a] /= sum;
    }
    return x;
  }

  /** One proximal step on block i. */
  private void step(int i, double[] u, double[] yhat, double[] g, double[] v) {
    int[] r = rows[i];
    int uo = i * d;
    java.util.Arrays.fill(g, 0.0);
    for (int t = 0; t < r.length; t++) {
      int k = r[t];
      double gk = derivative(yhat[k], y[k]);
      if (gk == 0) {
        continue;
      }
      int xo = k * d;
      for (int c = 0; c < d; c++) {
        g[c] += gk * x[xo + c];
      }
    }
    while (true) {
      double lj = lipschitz[global[i]];
      for (int c = 0; c < d; c++) {
        v[c] = u[uo + c] - g[c] / lj;
      }
      GroupSoftThreshold.apply(v, d, beta / lj);
      double dd = 0;
      for (int c = 0; c < d; c++) {
        v[c] -= u[uo + c];
        dd += v[c] * v[c];
      }
      if (dd == 0) {
        return;
      }
      double q = shift(r, v, yhat, 1.0);
      if (curvature * q <= lj * dd * (1 + 1e-9)) {
        for (int c = 0; c < d; c++) {
          u[uo + c] += v[c];
        }
        return;
      }
      // curvature above the estimate: undo and retry with the observed one
      shift(r, v, yhat, -1.0);
      lipschitz[global[i]] = 1.05 * curvature * q / dd;
    }
  }

  /** yhat_k += sign (x_k . delta) on rows r; returns sum_k (x_k . delta)^2. */
  private double shift(int[] r, double[] delta, double[] yhat, double sign) {
    double q = 0;
    for (int t = 0; t < r.length; t++) {
      int k = r[t];
      int xo = k * d;
      double s = 0;
      for (int c = 0; c < d; c++) {
        s += x[xo + c] * delta[c];
      }
      yhat[k] += sign * s;
      q += s * s;
    }
    return q;
  }

  /** yhat = sum_j D_j X u_j, exactly (no drift from the incremental updates). */
  void predict(double[] u, double[] yhat) {
    java.util.Arrays.fill(yhat, 0.0);
    for (int i = 0; i < global.length; i++) {
      int uo = i * d;
      boolean zero = true;
      for (int c = 0; c < d && zero; c++) {
        zero = u[uo + c] == 0;
      }
      if (zero) {
        continue;
      }
      int[] r = rows[i];
      for (int t = 0; t < r.length; t++) {
        int k = r[t];
        int xo = k * d;
        double s = 0;
        for (int c = 0; c < d; c++) {
          s += x[xo + c] * u[uo + c];
        }
        yhat[k] += s;
      }
    }
  }

  /** The restricted duality gap at u with predictions yhat. */
  private Certificate certificate(
      double[] u, double[] yhat, double[] z, double[] g, GatedDual dual) {
    double penalty = beta * GatedProximalGradient.groupNorm(u, d);
    double primal = loss.value(yhat, y) + penalty;
    loss.gradient(yhat, y, z);
    for (int k = 0; k < z.length; k++) {
      z[k] = -z[k];
    }
    loss.projectDual(z, y);
    double maxNorm = 0;
    for (int i = 0; i < global.length; i++) {
      java.util.Arrays.fill(g, 0.0);
      int[] r = rows[i];
      for (int t = 0; t < r.length; t++) {
        int k = r[t];
        double zk = z[k];
        int xo = k * d;
        for (int c = 0; c < d; c++) {
          g[c] += zk * x[xo + c];
        }
      }
      double s = 0;
      for (int c = 0; c < d; c++) {
        s += g[c] * g[c];
      }
      maxNorm = Math.max(maxNorm, Math.sqrt(s));
    }
    return GatedProximalGradient.certificate(primal, dual.offer(z, maxNorm), dual.lastScale());
  }

  private double derivative(double yh, double yk) {
    return loss == Loss.SQUARED ? yh - yk : -yk * Loss.sigmoid(-yk * yh);
  }

  /** lambda_max(X^T D X) over the rows r by power iterations from the all-ones direction. */
  private double largestEigenvalue(int[] r) {
    double[] v = new double[d];
    double[] w = new double[d];
    java.util.Arrays.fill(v, 1.0 / Math.sqrt(d));
    double lam = 0;
    for (int it = 0; it < POWER_ITERATIONS; it++) {
      java.util.Arrays.fill(w, 0.0);
      for (int t = 0; t < r.length; t++) {
        int xo = r[t] * d;
        double s = 0;
        for (int c = 0; c < d; c++) {
          s += x[xo + c] * v[c];
        }
        for (int c = 0; c < d; c++) {
          w[c] += s * x[xo + c];
        }
      }
      double nw = 0;
      for (int c = 0; c < d; c++) {
        nw += w[c] * w[c];
      }
      nw = Math.sqrt(nw);
      if (nw == 0) {
        return Double.MIN_NORMAL;
      }
      lam = nw;
      for (int c = 0; c < d; c++) {
        v[c] = w[c] / nw;
      }
    }
    return lam;
  }
}
