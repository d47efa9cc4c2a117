package io.convopt.solvers.relu.robust;

import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.linalg.CholeskyFactor;
import io.convopt.solvers.relu.linalg.GroupSoftThreshold;
import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.linalg.ResidualBalancing;

/**
 * ADMM for convex adversarial training ({@link RobustReluProblem}). Consensus splitting {@code
 * min_x sum_b g_b(z_b) s.t. z_b = M_b x} over the weights {@code x = (v_1..v_P, w_1..w_P)} with
 * three blocks, each with a cheap exact proximal map:
 *
 * <ul>
 *   <li>prediction block {@code M_pred x = (yhat_k, z_k[J])_k}, g = closed-form robust loss ({@link
 *       RobustLossProx});
 *   <li>copy block {@code M_copy = I}, g = {@code beta sum_j ||x_j||} (group soft-thresholding);
 *   <li>cone block {@code M_cone x = ((2D_j - I) X x_j, x_j[J])_j}, g = indicator of the robust
 *       cones ({@link RobustConeProjection}).
 * </ul>
 *
 * Scaled ADMM with over-relaxation alpha (Boyd et al., <i>Distributed Optimization and Statistical
 * Learning via ADMM</i>, 2011, §3.1, §3.4.3): {@code x = K^{-1} sum_b M_b^T (z_b - u_b)} with the
 * constant matrix {@code K = M_pred^T M_pred + I + M_cone^T M_cone} (one penalty rho for all
 * blocks, so rho cancels and K is factored once by Cholesky); {@code z_b = prox_{g_b/rho}(alpha M_b
 * x + (1 - alpha) z_b + u_b)}; {@code u_b += alpha M_b x + (1 - alpha) z_b_old - z_b}. Converges
 * for any rho > 0 and alpha in (0, 2) since the g_b are closed proper convex and M has full column
 * rank. rho is rebalanced (x2 or /2, u rescaled) every {@code checkEvery} iterations when the
 * primal and dual residuals differ by more than a factor 10.
 *
 * <p><b>Certificate.</b> With multipliers {@code y_b = rho u_b}, the dual is {@code max -sum_b
 * g_b*(y_b) s.t. sum_b M_b^T y_b = 0}. The candidate is made dual feasible by mapping {@code
 * y_pred} into the domain of the loss conjugate (hinge: {@code y_pred,k = theta_k (-y_k, beta_k)},
 * theta in [0, 1], {@code ||beta_k||_inf <= theta_k eps}), {@code y_cone} onto the polar cone
 * ({@code w - Pi_C(w)}), setting {@code y_copy = -(M_pred^T y_pred + M_cone^T y_cone)} and scaling
 * everything by {@code s = min(1, beta / max_j ||y_copy,j||)}. Its value bounds the optimum from
 * below; stop when {@code (objective(x) - bound)/objective <= tolerance} and the scaled robust-cone
 * violation of x is at most {@code feasibilityTolerance}. The objective, violation and returned
 * weights use x restricted to the support of the copy block (blocks that group soft-thresholding
 * sets to zero are zeroed; they carry only O(residual) noise in x).
 *
 * <p>Immutable and thread-safe; every run is deterministic (no randomness).
 */
public final class RobustAdmmSolver implements RobustReluSolver {

  /**
   * @param tolerance relative duality gap to stop at (default 1e-8)
   * @param feasibilityTolerance scaled robust-cone violation to stop at (default 1e-9)
   * @param maxIterations ADMM iteration budget (default 200 000)
   * @param checkEvery iterations between certificate checks / rho updates (default 50)
   * @param initialRho initial penalty (default 1)
   * @param relaxation over-relaxation alpha in (0, 2) (default 1.6)
   */
  public record Settings(
      double tolerance,
      double feasibilityTolerance,
      int maxIterations,
      int checkEvery,
      double initialRho,
      double relaxation) {
    public Settings {
      if (!(tolerance > 0)) {
        throw new IllegalArgumentException("tolerance: must be > 0, got " + tolerance);
      }
      if (!(feasibilityTolerance > 0)) {
        throw new IllegalArgumentException(
            "feasibilityTolerance: must be > 0, got " + feasibilityTolerance);
      }
      if (maxIterations <= 0 || checkEvery <= 0) {
        throw new IllegalArgumentException("maxIterations, checkEvery: must be positive");
      }
      if (!(initialRho > 0) || !Double.isFinite(initialRho)) {
        throw new IllegalArgumentException("initialRho: must be finite and > 0, got " + initialRho);
      }
      if (!(relaxation > 0 && relaxation < 2)) {
        throw new IllegalArgumentException("relaxation: must be in (0, 2), got " + relaxation);
      }
    }

    public static Settings defaults() {
      return new Settings(1e-8, 1e-9, 200_000, 50, 1.0, 1.6);
    }

    public Settings withTolerance(double t) {
      return new Settings(
          t, feasibilityTolerance, maxIterations, checkEvery, initialRho, relaxation);
    }

    public Settings withMaxIterations(int m) {
      return new Settings(tolerance, feasibilityTolerance, m, checkEvery, initialRho, relaxation);
    }
  }

  private final Settings settings;

  public RobustAdmmSolver(Settings settings) {
    if (settings == null) {
      throw new IllegalArgumentException("settings: missing");
    }
    this.settings = settings;
  }

  public RobustAdmmSolver() {
    this(Settings.defaults());
  }

  public Settings settings() {
    return settings;
  }

  @Override
  public String name() {
    return "admm";
  }

  /** Solves from zero. */
  @Override
  public RobustSolution solve(RobustReluProblem problem) {
    long t0 = System.nanoTime();
    RobustMaps op = new RobustMaps(problem);
    int nx = op.nx;
    double[] k = op.gram();
    CholeskyFactor kFactor = new CholeskyFactor(k, nx);
    double alpha = settings.relaxation();
    double rho = settings.initialRho();
    double[] x = new double[nx];
    double[] zp = new double[op.np];
    double[] zc = new double[nx];
    double[] zk = new double[op.nc];
    double[] up = new double[op.np];
    double[] uc = new double[nx];
    double[] uk = new double[op.nc];
    double[] mp = new double[op.np];
    double[] mk = new double[op.nc];
    double[] rhs = new double[nx];
    double[] tmp = new double[nx];
    double[] zpOld = new double[op.np];
    double[] zcOld = new double[nx];
    double[] zkOld = new double[op.nc];
    int it = 0;
    StopReason reason = StopReason.MAX_ITERATIONS;
    double rNorm = Double.NaN;
    double sNorm = Double.NaN;
    double bound = Double.NEGATIVE_INFINITY;
    while (it < settings.maxIterations()) {
      it++;
      // x-update
      for (int i = 0; i < op.np; i++) {
        mp[i] = zp[i] - up[i];
      }
      for (int i = 0; i < op.nc; i++) {
        mk[i] = zk[i] - uk[i];
      }
      op.adjoint(mp, mk, rhs);
      for (int i = 0; i < nx; i++) {
        rhs[i] += zc[i] - uc[i];
      }
      System.arraycopy(rhs, 0, x, 0, nx);
      kFactor.solveInPlace(x);
      boolean check = it % settings.checkEvery() == 0;
      if (check) {
        System.arraycopy(zp, 0, zpOld, 0, op.np);
        System.arraycopy(zc, 0, zcOld, 0, nx);
        System.arraycopy(zk, 0, zkOld, 0, op.nc);
      }
      // z- and u-updates per block
      op.pred(x, mp);
      for (int i = 0; i < op.np; i++) {
        double arg = alpha * mp[i] + (1 - alpha) * zp[i] + up[i];
        zp[i] = arg;
        up[i] = arg; // u_new = arg - z_new, finished after the prox
      }
      for (int s = 0; s < op.n; s++) {
        RobustLossProx.prox(op.loss, op.y[s], op.eps, 1.0 / rho, zp, s * op.q, op.m);
      }
      for (int i = 0; i < op.np; i++) {
        up[i] -= zp[i];
      }
      op.cone(x, mk);
      for (int i = 0; i < op.nc; i++) {
        double h = alpha * mk[i] + (1 - alpha) * zk[i];
        double arg = h + uk[i];
        zk[i] = arg;
        uk[i] = arg; // u_new = arg - z_new, finished after the projection
      }
      for (int j = 0; j < op.blocks; j++) {
        RobustConeProjection.project(zk, j * op.cb, op.n, op.m, op.eps);
      }
      for (int i = 0; i < op.nc; i++) {
        uk[i] -= zk[i];
      }
      for (int i = 0; i < nx; i++) {
        tmp[i] = alpha * x[i] + (1 - alpha) * zc[i] + uc[i];
      }
      System.arraycopy(tmp, 0, zc, 0, nx);
      GroupSoftThreshold.apply(zc, op.d, op.beta / rho);
      for (int i = 0; i < nx; i++) {
        uc[i] = tmp[i] - zc[i];
      }
      if (!check) {
        continue;
      }
      // residuals: r = ||M x - z||, s = rho ||M^T (z - z_old)||
      op.pred(x, mp);
      op.cone(x, mk);
      double r2 = 0;
      double mx2 = 0;
      double z2 = 0;
      for (int i = 0; i < op.np; i++) {
        r2 += sq(mp[i] - zp[i]);
        mx2 += sq(mp[i]);
        z2 += sq(zp[i]);
        zpOld[i] = zp[i] - zpOld[i];
      }
      for (int i = 0; i < op.nc; i++) {
        r2 += sq(mk[i] - zk[i]);
        mx2 += sq(mk[i]);
        z2 += sq(zk[i]);
        zkOld[i] = zk[i] - zkOld[i];
      }
      for (int i = 0; i < nx; i++) {
        r2 += sq(x[i] - zc[i]);
        mx2 += sq(x[i]);
        z2 += sq(zc[i]);
      }
      op.adjoint(zpOld, zkOld, rhs);
      double s2 = 0;
      for (int i = 0; i < nx; i++) {
        s2 += sq(rho * (rhs[i] + zc[i] - zcOld[i]));
      }
      rNorm = Math.sqrt(r2);
      sNorm = Math.sqrt(s2);
      double[] eval = op.evaluate(support(x, zc, op.d));
      bound = dualBound(op, up, uk, rho);
      double obj = eval[0] + eval[1];
      double rel = (obj - bound) / Math.max(Math.abs(obj), 1e-300);
      if (rel <= settings.tolerance() && eval[2] <= settings.feasibilityTolerance()) {
        reason = StopReason.CONVERGED;
        break;
      }
      // residual balancing (rho cancels in the x-update, so only u is rescaled)
      double rRel = rNorm / Math.max(Math.sqrt(Math.max(mx2, z2)), 1e-300);
      double sRel = sNorm / Math.max(rho * Math.sqrt(normSq(up) + normSq(uc) + normSq(uk)), 1e-300);
      double factor = ResidualBalancing.factor(rRel, sRel);
      if (factor != 1 && rho * factor < 1e8 && rho * factor > 1e-8) {
        rho *= factor;
        ResidualBalancing.rescaleDual(up, factor);
        ResidualBalancing.rescaleDual(uc, factor);
        ResidualBalancing.rescaleDual(uk, factor);
      }
    }
    x = support(x, zc, op.d);
    double[] eval = op.evaluate(x);
    if (reason != StopReason.CONVERGED) {
      bound = dualBound(op, up, uk, rho);
    }
    return new RobustSolution(
        op.matrix(x, 0),
        op.matrix(x, op.patterns),
        eval[0],
        eval[1],
        bound,
        eval[2],
        rNorm,
        sNorm,
        it,
        (System.nanoTime() - t0) * 1e-9,
        reason,
        settings);
  }

  /**
   * x with the blocks zeroed whose group-soft-thresholded copy is exactly zero: the copy block
   * identifies the support, and x carries O(residual) noise on inactive blocks.
   */
  private static double[] support(double[] x, double[] zc, int d) {
    double[] out = x.clone();
    for (int j = 0; j < x.length / d; j++) {
      boolean zero = true;
      for (int c = 0; c < d && zero; c++) {
        zero = zc[j * d + c] == 0;
      }
      if (zero) {
        java.util.Arrays.fill(out, j * d, (j + 1) * d, 0.0);
      }
    }
    return out;
  }

  private static double sq(double a) {
    return a * a;
  }

  private static double normSq(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v * v;
    }
    return s;
  }

  /** Dual lower bound from the scaled multipliers (see the class comment). */
  private static double dualBound(RobustMaps op, double[] up, double[] uk, double rho) {
    double[] yp = new double[op.np];
    for (int k = 0; k < op.n; k++) {
      int o = k * op.q;
      if (op.loss == Loss.HINGE) {
        double theta = Math.min(1, Math.max(0, -op.y[k] * rho * up[o]));
        yp[o] = -theta * op.y[k];
        for (int l = 1; l <= op.m; l++) {
          yp[o + l] = Math.max(-theta * op.eps, Math.min(theta * op.eps, rho * up[o + l]));
        }
      } else {
        for (int l = 0; l < op.q; l++) {
          yp[o + l] = (op.eps > 0 || l == 0) ? rho * up[o + l] : 0;
        }
      }
    }
    double[] yk = new double[op.nc];
    for (int i = 0; i < op.nc; i++) {
      yk[i] = rho * uk[i];
    }
    double[] proj = yk.clone();
    for (int j = 0; j < op.blocks; j++) {
      RobustConeProjection.project(proj, j * op.cb, op.n, op.m, op.eps);
    }
    for (int i = 0; i < op.nc; i++) {
      yk[i] -= proj[i]; // polar-cone component
    }
    double[] a = new double[op.nx];
    op.adjoint(yp, yk, a);
    double maxNorm = 0;
    for (int j = 0; j < op.blocks; j++) {
      maxNorm = Math.max(maxNorm, PatternOperator.blockNorm(a, j, op.d));
    }
    double s = maxNorm > op.beta ? op.beta / maxNorm : 1;
    double val = 0;
    for (int k = 0; k < op.n; k++) {
      int o = k * op.q;
      if (op.loss == Loss.HINGE) {
        val += s * (-op.y[k] * yp[o]); // theta_k
      } else {
        double dn = Math.abs(s * yp[o]);
        for (int l = 1; l <= op.m; l++) {
          dn = Math.max(dn, Math.abs(s * yp[o + l]) / op.eps);
        }
        val += -s * yp[o] * op.y[k] - 0.5 * dn * dn;
      }
    }
    return val;
  }
}
