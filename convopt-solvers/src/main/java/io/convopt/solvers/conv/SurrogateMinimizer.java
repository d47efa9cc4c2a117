package io.convopt.solvers.conv;

/**
 * Exact minimisers of the discrete surrogate F(θ) = Σ_c w_c g_δ(θ − m_c) (coarse cells only, window
 * included), which is what sign descent converges to: outside the δ-window g_δ is |·|, so this is
 * the δ-smoothed weighted median (1-D) or geometric median (n-D) of the lifted mass.
 */
final class SurrogateMinimizer {

  private SurrogateMinimizer() {}

  /**
   * 1-D: the zero of F'(θ) = Σ w_c g_δ'(θ − m_c), nondecreasing in θ, by bisection on [lo, hi]
   * using prefix sums over the sorted midpoints: O(log M + window cells) per slope evaluation, ~60
   * evaluations per solve. {@code mid} must be sorted ascending.
   */
  static double median1d(double[] mid, double[] w, double delta, double lo, double hi) {
    int n = w.length;
    double[] prefix = new double[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + w[i];
    }
    double a = lo;
    double b = hi;
    if (slope1d(mid, w, prefix, delta, a) >= 0) {
      return a; // F nondecreasing on the whole box: the minimiser is the left end
    }
    if (slope1d(mid, w, prefix, delta, b) <= 0) {
      return b;
    }
    for (int it = 0; it < 200 && b - a > 1e-14 * Math.max(1, Math.abs(a) + Math.abs(b)); it++) {
      double c = 0.5 * (a + b);
      if (slope1d(mid, w, prefix, delta, c) < 0) {
        a = c;
      } else {
        b = c;
      }
    }
    return 0.5 * (a + b);
  }

  /** F'(θ) = W(m &lt; θ−δ) − W(m &gt; θ+δ) + Σ_{|θ−m|≤δ} w (θ − m)/δ. */
  static double slope1d(double[] mid, double[] w, double[] prefix, double delta, double theta) {
    int left = lowerBound(mid, theta - delta); // cells with m < θ−δ
    int right = upperBound(mid, theta + delta); // cells with m <= θ+δ
    double s = prefix[left] - (prefix[w.length] - prefix[right]);
    for (int c = left; c < right; c++) {
      s += w[c] * (theta - mid[c]) / delta;
    }
    return s;
  }

  private static int lowerBound(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int m = (lo + hi) >>> 1;
      if (a[m] < x) {
        lo = m + 1;
      } else {
        hi = m;
      }
    }
    return lo;
  }

  private static int upperBound(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int m = (lo + hi) >>> 1;
      if (a[m] <= x) {
        lo = m + 1;
      } else {
        hi = m;
      }
    }
    return lo;
  }

  /** Result of the Weiszfeld iteration. */
  record Weiszfeld(double[] point, int iterations, boolean converged) {}

  /**
   * n-D: Weiszfeld's iteration for Σ w_c g_δ(θ − m_c), θ⁺ = Σ a_c m_c / Σ a_c with a_c = w_c /
   * max(‖θ − m_c‖, δ). It is a majorise–minimise step (g_δ(r) ≤ r²/(2 max(r₀, δ)) + const touching
   * at r₀), so F never increases; with the δ floor no division by zero can occur.
   */
  static Weiszfeld weiszfeld(
      double[][] mid, double[] w, double delta, double[] start, double tol, int maxIter) {
    int n = start.length;
    int cells = w.length;
    double[] theta = start.clone();
    for (int it = 1; it <= maxIter; it++) {
      double[] num = new double[n];
      double den = 0;
      for (int c = 0; c < cells; c++) {
        if (w[c] == 0) {
          continue;
        }
        double r2 = 0;
        for (int i = 0; i < n; i++) {
          double d = theta[i] - mid[i][c];
          r2 += d * d;
        }
        double a = w[c] / Math.max(Math.sqrt(r2), delta);
        den += a;
        for (int i = 0; i < n; i++) {
          num[i] += a * mid[i][c];
        }
      }
      if (den == 0) {
        return new Weiszfeld(theta, it, true); // no mass: every point is a minimiser
      }
      double step = 0;
      for (int i = 0; i < n; i++) {
        double next = num[i] / den;
        step = Math.max(step, Math.abs(next - theta[i]));
        theta[i] = next;
      }
      if (step <= tol) {
        return new Weiszfeld(theta, it, true);
      }
    }
    return new Weiszfeld(theta, maxIter, false);
  }

  /** F(θ) = Σ w_c g_δ(θ − m_c), for tests and diagnostics. */
  static double value(double[][] mid, double[] w, double delta, double[] theta) {
    double s = 0;
    for (int c = 0; c < w.length; c++) {
      double r2 = 0;
      for (int i = 0; i < theta.length; i++) {
        double d = theta[i] - mid[i][c];
        r2 += d * d;
      }
      double r = Math.sqrt(r2);
      s += w[c] * (r >= delta ? r : r2 / (2 * delta) + delta / 2);
    }
    return s;
  }
}
