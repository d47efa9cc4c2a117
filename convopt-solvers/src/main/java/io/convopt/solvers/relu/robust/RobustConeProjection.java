package io.convopt.solvers.relu.robust;

/**
 * Euclidean projection onto the robust pattern cone of one block, {@code C = {(c, b) in R^n x R^m :
 * c_k >= eps ||b||_1 for all k}} (the image of the constraint {@code (2D - I) X v >= eps
 * ||v[J]||_1} under {@code c = (2D - I) X v, b = v[J]}).
 *
 * <p><b>Derivation.</b> For fixed b the best c is {@code max(c0_k, eps ||b||_1)}; for a fixed l1
 * norm the best b is a soft-thresholding {@code b = soft(b0, lambda)}. With {@code r(lambda) =
 * sum_j (|b0_j| - lambda)_+}, stationarity in lambda reads {@code phi(lambda) = lambda - eps sum_k
 * (eps r(lambda) - c0_k)_+ = 0}; phi is continuous, piecewise linear and strictly increasing, so
 * the root is unique. If {@code phi(max_j |b0_j|) <= 0} the projection has b = 0 and c = c0_+. The
 * root is bracketed by bisection until the active sets {k : eps r > c0_k} and {j : |b0_j| > lambda}
 * agree at both ends (they shrink monotonically in lambda), then solved exactly on that linear
 * piece. Cost O((n + m) log(1/ulp)) worst case, typically a few bisection steps. Stateless; works
 * in place on slices of a larger array.
 */
public final class RobustConeProjection {
  private RobustConeProjection() {}

  /**
   * Projects {@code (c, b)} stored at {@code v[off .. off+n)} and {@code v[off+n .. off+n+m)} in
   * place.
   */
  public static void project(double[] v, int off, int n, int m, double eps) {
    double bmax = 0;
    double l1 = 0;
    for (int j = 0; j < m; j++) {
      double a = Math.abs(v[off + n + j]);
      bmax = Math.max(bmax, a);
      l1 += a;
    }
    double thr0 = eps * l1;
    boolean feasible = true;
    for (int k = 0; k < n; k++) {
      if (v[off + k] < thr0) {
        feasible = false;
        break;
      }
    }
    if (feasible) {
      return;
    }
    double lambda;
    if (phi(v, off, n, m, eps, bmax) <= 0) {
      lambda = bmax;
    } else {
      double lo = 0;
      double hi = bmax;
      lambda = Double.NaN;
      for (int it = 0; it < 200; it++) {
        int[] alo = counts(v, off, n, m, eps, lo);
        int[] ahi = counts(v, off, n, m, eps, hi);
        if (alo[0] == ahi[0] && alo[1] == ahi[1]) {
          // linear piece: r = R - mAct lambda over the active j; phi = lambda - eps sum_A (eps r -
          // c0_k)
          double rr = 0;
          for (int j = 0; j < m; j++) {
            double a = Math.abs(v[off + n + j]);
            if (a > lo) {
              rr += a;
            }
          }
          double sumC = 0;
          double r0 = r(v, off, n, m, lo);
          for (int k = 0; k < n; k++) {
            if (eps * r0 > v[off + k]) {
              sumC += v[off + k];
            }
          }
          int na = alo[0];
          int ma = alo[1];
          double cand = eps * (eps * na * rr - sumC) / (1 + eps * eps * na * ma);
          lambda = Math.min(hi, Math.max(lo, cand));
          break;
        }
        double mid = 0.5 * (lo + hi);
        if (mid <= lo || mid >= hi) {
          lambda = mid;
          break;
        }
        if (phi(v, off, n, m, eps, mid) > 0) {
          hi = mid;
        } else {
          lo = mid;
        }
      }
      if (Double.isNaN(lambda)) {
        lambda = 0.5 * (lo + hi);
      }
    }
    double rl = r(v, off, n, m, lambda);
    double thr = eps * rl;
    for (int k = 0; k < n; k++) {
      v[off + k] = Math.max(v[off + k], thr);
    }
    for (int j = 0; j < m; j++) {
      double b = v[off + n + j];
      double a = Math.abs(b) - lambda;
      v[off + n + j] = a > 0 ? Math.copySign(a, b) : 0.0;
    }
  }

  private static double r(double[] v, int off, int n, int m, double lambda) {
    double s = 0;
    for (int j = 0; j < m; j++) {
      s += Math.max(0.0, Math.abs(v[off + n + j]) - lambda);
    }
    return s;
  }

  private static double phi(double[] v, int off, int n, int m, double eps, double lambda) {
    double t = eps * r(v, off, n, m, lambda);
    double s = 0;
    for (int k = 0; k < n; k++) {
      s += Math.max(0.0, t - v[off + k]);
    }
    return lambda - eps * s;
  }

  /** {#k with eps r(lambda) > c0_k, #j with |b0_j| > lambda}. */
  private static int[] counts(double[] v, int off, int n, int m, double eps, double lambda) {
    double t = eps * r(v, off, n, m, lambda);
    int a = 0;
    for (int k = 0; k < n; k++) {
      if (t > v[off + k]) {
        a++;
      }
    }
    int b = 0;
    for (int j = 0; j < m; j++) {
      if (Math.abs(v[off + n + j]) > lambda) {
        b++;
      }
    }
    return new int[] {a, b};
  }
}
