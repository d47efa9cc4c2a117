package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.Certificate;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.linalg.GroupSoftThreshold;
import io.convopt.solvers.relu.linalg.PatternMaps;
import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.linalg.RowKernels;

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
 * at most the tolerance, at the deadline, or after the sweep budget. Between checks the sweeps are
 * extrapolated (Anderson), and when the support (the non-zero blocks) is the same at two checks in
 * a row, an {@link ActiveSetNewton} step on it follows: the sweeps find the support, Newton steps
 * converge on it where first-order steps crawl (ill-conditioned data, many overlapping patterns).
 *
 * <p>Each check also offers the {@link DualExtrapolation} of the dual candidates of the last
 * consecutive sweeps (those between two Anderson jumps), scaled to feasibility like the plain one,
 * so the bound stays valid; the last such candidate is returned for the full certificate.
 *
 * <p>The sweeps loop over the rows of each pattern (index lists, n/2 per pattern on average) with
 * SIMD row kernels ({@link RowKernels}); predictions and the certificate's constraint norms use the
 * working set's masked maps (blocked GEMMs at scale, {@link PatternMaps}). Not thread-safe (one
 * instance per working set).
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
  private final ActiveSetNewton newton;
  private final PatternMaps maps;

  /**
   * The restricted program on the patterns {@code global} of a program with mask {@code
   * mask[k*patterns + i]}.
   *
   * @param x row-major n x d, shared
   * @param lipschitz per pattern of the full program, NaN where unknown; filled in and shared
   * @param grams per pattern of the full program, the Gram matrices of {@link ActiveSetNewton}
   */
  GatedBlockDescent(
      double[] x,
      int d,
      boolean[] mask,
      int patterns,
      int[] global,
      double[] lipschitz,
      double[][] grams,
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
    int[] all = new int[w];
    for (int i = 0; i < w; i++) {
      all[i] = i;
    }
    this.maps = PatternMaps.ofRowLists(x, n, d, rows, all);
    this.newton = new ActiveSetNewton(x, d, rows, global, grams, loss, y, beta);
    for (int i = 0; i < w; i++) {
      if (Double.isNaN(lipschitz[global[i]])) {
        lipschitz[global[i]] = curvature * largestEigenvalue(rows[i]) * 1.02;
      }
    }
  }

  /**
   * Sweeps used, the restricted certificate at the end, why it stopped, and the last extrapolated
   * dual candidate ({@link DualExtrapolation}, in the loss's dual domain; null if none was made).
   */
  record Result(int sweeps, Certificate certificate, StopReason reason, double[] extrapolated) {}

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
    int n = y.length;
    double[] g = new double[d];
    double[] v = new double[d];
    double[] deriv = new double[n];
    double[] residual = new double[n];
    double[] accelerated = new double[n];
    double[] lastAccelerated = null;
    boolean pending = false;
    GatedDual dual = new GatedDual(loss, y, beta);
    predict(u, yhat);
    Anderson anderson = new Anderson(u.length, yhat.length);
    anderson.record(u, yhat);
    DualExtrapolation extrapolation = new DualExtrapolation(n);
    extrapolation.record(candidate(yhat, residual));
    int sweeps = 0;
    boolean[] lastSupport = null;
    StopReason reason = StopReason.MAX_ITERATIONS;
    Certificate cert = null;
    while (true) {
      if (sweeps % checkEvery == 0 || sweeps >= maxSweeps) {
        predict(u, yhat);
        cert = certificate(u, yhat, deriv, dual);
        if (extrapolation.extrapolate(accelerated) || pending) {
          pending = false;
          loss.projectDual(accelerated, y);
          dual.offer(accelerated, maxNorm(accelerated));
          cert = GatedProximalGradient.certificate(cert.primal(), dual.best(), dual.lastScale());
          lastAccelerated = accelerated.clone();
        }
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
        // once the support holds between two checks, a Newton step on it (one costs about as
        // much as its conjugate-gradient iterations in sweeps, so not at every check)
        boolean[] support = support(u);
        if (java.util.Arrays.equals(support, lastSupport) && newton.step(u, yhat)) {
          anderson.restart(u, yhat);
          extrapolation.reset();
          extrapolation.record(candidate(yhat, residual));
          support = support(u);
        }
        lastSupport = support;
      }
      for (int i = 0; i < w; i++) {
        step(i, u, yhat, g, v);
      }
      sweeps++;
      extrapolation.record(candidate(yhat, residual));
      if (anderson.record(u, yhat)) {
        // the point jumped: extrapolate the candidates of the sweeps before, then start a new
        // recursion from the jumped point
        pending = extrapolation.extrapolate(accelerated) || pending;
        extrapolation.reset();
        extrapolation.record(candidate(yhat, residual));
      }
    }
    return new Result(sweeps, cert, reason, lastAccelerated);
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

    /** Forgets the history; u is the first point of the next one. */
    void restart(double[] u, double[] yhat) {
      System.arraycopy(u, 0, us[0], 0, u.length);
      System.arraycopy(yhat, 0, ys[0], 0, yhat.length);
      count = 1;
    }

    /** Records u after a sweep; returns whether an extrapolation replaced it. */
    boolean record(double[] u, double[] yhat) {
      System.arraycopy(u, 0, us[count], 0, u.length);
      System.arraycopy(yhat, 0, ys[count], 0, yhat.length);
      count++;
      boolean jumped = false;
      if (count == DEPTH + 1) {
        jumped = extrapolate(u, yhat);
        count = 0;
        System.arraycopy(u, 0, us[0], 0, u.length);
        System.arraycopy(yhat, 0, ys[0], 0, yhat.length);
        count = 1;
      }
      return jumped;
    }

    private boolean extrapolate(double[] u, double[] yhat) {
      int k = DEPTH;
      double[] c = ExtrapolationWeights.of(us, k);
      if (c == null) {
        return false;
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
        return true;
      }
      return false;
    }
  }

  /** Which blocks of u are non-zero. */
  private boolean[] support(double[] u) {
    boolean[] on = new boolean[global.length];
    for (int i = 0; i < on.length; i++) {
      for (int c = 0; c < d && !on[i]; c++) {
        on[i] = u[i * d + c] != 0;
      }
    }
    return on;
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
      RowKernels.axpy(gk, x, k * d, g, d);
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
      double s = RowKernels.dot(x, k * d, delta, d);
      yhat[k] += sign * s;
      q += s * s;
    }
    return q;
  }

  /** yhat = sum_j D_j X u_j, exactly (no drift from the incremental updates). */
  void predict(double[] u, double[] yhat) {
    maps.predict(u, yhat);
  }

  /** The restricted duality gap at u with predictions yhat (z: scratch, the dual candidate). */
  private Certificate certificate(double[] u, double[] yhat, double[] z, GatedDual dual) {
    double penalty = beta * GatedProximalGradient.groupNorm(u, d);
    double primal = loss.value(yhat, y) + penalty;
    candidate(yhat, z);
    loss.projectDual(z, y);
    double best = dual.offer(z, maxNorm(z));
    return GatedProximalGradient.certificate(primal, best, dual.lastScale());
  }

  /** The dual candidate {@code -grad L(yhat)} into z (before projection); returns z. */
  private double[] candidate(double[] yhat, double[] z) {
    loss.gradient(yhat, y, z);
    for (int k = 0; k < z.length; k++) {
      z[k] = -z[k];
    }
    return z;
  }

  /** {@code max_j ||X^T D_j z||} over the working set. */
  private double maxNorm(double[] z) {
    double[] wide = new double[global.length * d];
    maps.adjoint(z, wide);
    double max = 0;
    for (int i = 0; i < global.length; i++) {
      max = Math.max(max, PatternOperator.blockNorm(wide, i, d));
    }
    return max;
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
        RowKernels.axpy(RowKernels.dot(x, xo, v, d), x, xo, w, d);
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
