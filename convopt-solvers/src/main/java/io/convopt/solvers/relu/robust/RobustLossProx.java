package io.convopt.solvers.relu.robust;

import io.convopt.solvers.relu.Loss;

/**
 * Proximal map of the closed-form robust loss of one sample as a function of {@code q = (a, b)} (a
 * = prediction, b = the perturbed part of z): {@code argmin_q phi(q) + (1/(2 tau)) ||q - q0||^2}.
 *
 * <ul>
 *   <li>Hinge {@code phi = (l(q))_+}, {@code l = 1 - y a + eps ||b||_1}: if {@code l(q0) <= 0} the
 *       point is unchanged; otherwise the solution is {@code prox_{theta l}(q0)} ({@code a = a0 +
 *       theta y}, {@code b = soft(b0, theta eps)}) with theta = tau if that point has l >= 0, else
 *       the theta in (0, tau) with l = 0 (subdifferential of the positive part).
 *   <li>Squared {@code phi = (1/2) h(q)^2}, {@code h = |y - a| + eps ||b||_1}: the optimality
 *       condition gives {@code q = prox_{theta h}(q0)} with {@code theta = tau h(q)}, i.e. the root
 *       of {@code theta - tau h(prox_{theta h}(q0))}, increasing in theta.
 * </ul>
 *
 * Roots are found by bisection to rounding (the functions are piecewise linear in theta). In place
 * on {@code v[off .. off+1+m)}. Stateless.
 */
final class RobustLossProx {
  private RobustLossProx() {}

  static void prox(Loss loss, double y, double eps, double tau, double[] v, int off, int m) {
    double a0 = v[off];
    double theta;
    if (loss == Loss.HINGE) {
      if (hingeArg(v, off, m, y, eps, a0, 0) <= 0) {
        return;
      }
      if (hingeArg(v, off, m, y, eps, a0, tau) >= 0) {
        theta = tau;
      } else {
        double lo = 0;
        double hi = tau;
        for (int it = 0; it < 200; it++) {
          double mid = 0.5 * (lo + hi);
          if (mid <= lo || mid >= hi) {
            break;
          }
          if (hingeArg(v, off, m, y, eps, a0, mid) > 0) {
            lo = mid;
          } else {
            hi = mid;
          }
        }
        theta = 0.5 * (lo + hi);
      }
      v[off] = a0 + theta * y;
    } else {
      double lo = 0;
      double hi = tau * squaredH(v, off, m, y, eps, a0, 0);
      for (int it = 0; it < 200; it++) {
        double mid = 0.5 * (lo + hi);
        if (mid <= lo || mid >= hi) {
          break;
        }
        if (mid - tau * squaredH(v, off, m, y, eps, a0, mid) > 0) {
          hi = mid;
        } else {
          lo = mid;
        }
      }
      theta = 0.5 * (lo + hi);
      double r = a0 - y;
      double s = Math.abs(r) - theta;
      v[off] = y + (s > 0 ? Math.copySign(s, r) : 0.0);
    }
    double t = theta * eps;
    for (int j = 1; j <= m; j++) {
      double b = v[off + j];
      double s = Math.abs(b) - t;
      v[off + j] = s > 0 ? Math.copySign(s, b) : 0.0;
    }
  }

  private static double hingeArg(
      double[] v, int off, int m, double y, double eps, double a0, double th) {
    double s = 0;
    for (int j = 1; j <= m; j++) {
      s += Math.max(0.0, Math.abs(v[off + j]) - th * eps);
    }
    return 1 - y * (a0 + th * y) + eps * s;
  }

  private static double squaredH(
      double[] v, int off, int m, double y, double eps, double a0, double th) {
    double s = 0;
    for (int j = 1; j <= m; j++) {
      s += Math.max(0.0, Math.abs(v[off + j]) - th * eps);
    }
    return Math.max(0.0, Math.abs(a0 - y) - th) + eps * s;
  }
}
