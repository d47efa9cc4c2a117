package io.convopt.solvers.relu.robust;

/**
 * A lower bound on the optimum of a {@link RobustReluProblem} from any multipliers (the dual side
 * of its certificate) [derived].
 *
 * <p><b>Dual.</b> Write the robust loss of sample k through its conjugate, {@code loss_k(w) =
 * sup_nu nu . w - loss_k*(nu)} with {@code w = (yhat_k, z_k[J])}: hinge {@code (1 - y yhat + eps
 * ||z||_1)_+ = max theta (1 - y yhat) + zeta . z} over {@code theta in [0, 1]}, {@code ||zeta||_inf
 * <= eps theta}, i.e. {@code nu = (-theta y, zeta)}, {@code loss* = -theta}; squared {@code (|y -
 * yhat| + eps ||z||_1)^2 / 2 = sup alpha (yhat - y) + zeta . z - lambda^2 / 2} over {@code |alpha|
 * <= lambda}, {@code ||zeta||_inf <= eps lambda}, so {@code loss* = alpha y + max(|alpha|,
 * ||zeta||_inf / eps)^2 / 2}. With multipliers {@code gamma_kj >= 0} of the robust cone constraints
 * the Lagrangian separates over blocks, and the minimum over u_j of {@code g_j . u_j + beta ||u_j||
 * + eps Gamma_j ||u_j[J]||_1} (with {@code g_j = sign_j sum_k D_kp (nu_k,yhat x_k + zeta_k) - sum_k
 * gamma_kj (2 D_kp - 1) x_k}, {@code Gamma_j = sum_k gamma_kj}) is 0 when {@code ||soft_J(g_j, eps
 * Gamma_j)||_2 <= beta} (soft-thresholding on J, identity elsewhere: the distance of g_j to the
 * dual ball of {@code eps Gamma_j ||.[J]||_1}), else -inf. So
 *
 * <pre>
 *   bound = - sum_k loss_k*(nu_k)   if every block has ||soft_J(g_j, eps Gamma_j)|| <= beta.
 * </pre>
 *
 * Blocks whose robust cone is {0} impose nothing (the minimum over u_j in {0} is 0). Candidates are
 * first mapped into the domain of loss* (hinge: theta clipped to [0, 1], zeta to [-eps theta, eps
 * theta]) and then scaled by the {@code s >= 0} that maximises the bound subject to the block
 * conditions (all conditions and domains are cones, so scaling keeps them): hinge {@code s =
 * min(beta / max_j res_j, 1 / max theta)}, squared the maximiser of {@code s A - s^2 Bq / 2} on
 * {@code [0, beta / max_j res_j]}. Stateless.
 */
final class RobustDualBound {
  private RobustDualBound() {}

  /**
   * @param bar the problem data (patterns, signs, live blocks, perturbed columns)
   * @param gamma n x B cone multipliers (negative entries are set to 0)
   * @param nuYhat n loss multipliers on yhat
   * @param zeta n x m loss multipliers on z[J]
   * @return the lower bound (finite; 0 when every multiplier is 0)
   */
  static double bound(RobustBarrier bar, double[] gamma, double[] nuYhat, double[] zeta) {
    int n = bar.n;
    int d = bar.d;
    int m = bar.m;
    double eps = bar.eps;
    double[] nuy = nuYhat.clone();
    double[] ze = zeta.clone();
    double linear = 0; // A: the part of -sum loss* that is linear in s
    double quad = 0; // Bq
    double maxTheta = 0;
    for (int k = 0; k < n; k++) {
      double yk = bar.target(k);
      if (bar.hinge) {
        double theta = Math.min(1, Math.max(0, -nuy[k] * yk));
        nuy[k] = -theta * yk;
        for (int c = 0; c < m; c++) {
          ze[k * m + c] = Math.max(-eps * theta, Math.min(eps * theta, ze[k * m + c]));
        }
        linear += theta;
        maxTheta = Math.max(maxTheta, theta);
      } else {
        double lam = Math.abs(nuy[k]);
        for (int c = 0; c < m; c++) {
          lam = Math.max(lam, Math.abs(ze[k * m + c]) / eps);
        }
        linear -= nuy[k] * yk;
        quad += lam * lam;
      }
    }
    double maxRes = 0;
    double[] gj = new double[d];
    boolean[] inJ = new boolean[d];
    for (int c = 0; c < m; c++) {
      inJ[bar.perturbedColumn(c)] = true;
    }
    for (int j = 0; j < bar.blocks; j++) {
      if (!bar.live[j]) {
        continue;
      }
      java.util.Arrays.fill(gj, 0);
      double gam = 0;
      int p = bar.pattern(j);
      double sg = bar.sign(j);
      for (int k = 0; k < n; k++) {
        boolean act = bar.active(k, p);
        double gk = Math.max(0, gamma[k * bar.blocks + j]);
        gam += gk;
        double cx = (act ? sg * nuy[k] : 0) - gk * (act ? 1 : -1);
        if (cx != 0) {
          for (int a = 0; a < d; a++) {
            gj[a] += cx * bar.x(k, a);
          }
        }
        if (act) {
          for (int c = 0; c < m; c++) {
            gj[bar.perturbedColumn(c)] += sg * ze[k * m + c];
          }
        }
      }
      double thr = eps * gam;
      double r2 = 0;
      for (int a = 0; a < d; a++) {
        double v = inJ[a] ? Math.max(0, Math.abs(gj[a]) - thr) : gj[a];
        r2 += v * v;
      }
      maxRes = Math.max(maxRes, Math.sqrt(r2));
    }
    double sMax = maxRes > 0 ? bar.beta / maxRes : Double.POSITIVE_INFINITY;
    if (bar.hinge) {
      if (maxTheta > 0) {
        sMax = Math.min(sMax, 1 / maxTheta);
      }
      return Double.isFinite(sMax) ? sMax * linear : 0;
    }
    double s = quad > 0 ? Math.min(sMax, Math.max(0, linear / quad)) : 0;
    return s * linear - 0.5 * s * s * quad;
  }
}
