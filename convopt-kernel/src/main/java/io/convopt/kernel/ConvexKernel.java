package io.convopt.kernel;

/**
 * The convex kernel g<sub>δ</sub> of convolutional optimization, a smoothed absolute value (paper
 * eq. (2) in 1-D, eq. (3) in n-D):
 *
 * <pre>
 *   g_δ(x) = ‖x‖                    if ‖x‖ ≥ δ
 *   g_δ(x) = ‖x‖²/(2δ) + δ/2        if ‖x‖ &lt; δ
 *   ∇g_δ(x) = x / max(‖x‖, δ)
 *   ∇²g_δ(x) = I/δ                  if ‖x‖ ≤ δ
 *   ∇²g_δ(x) = (I − x xᵀ/‖x‖²)/‖x‖  if ‖x‖ &gt; δ
 * </pre>
 *
 * g<sub>δ</sub> is convex, even, C¹ (value and gradient are continuous at ‖x‖ = δ) but not C²: the
 * second derivative jumps from 1/δ to 0 at |x| = δ. At exactly ‖x‖ = δ this class returns the inner
 * value I/δ, the same convention as the windows of {@link IncrementalMasses1D} (points at exactly θ
 * ± δ belong to the window).
 *
 * <p>NaN in gives NaN out; ±∞ in gives +∞ for the value and ±1 (a unit vector) for the derivative.
 * Every 1-D method is O(1), n-D methods are O(n) (Hessian O(n²)). Immutable and thread-safe.
 */
public final class ConvexKernel {

  private final double delta;

  private ConvexKernel(double delta) {
    this.delta = delta;
  }

  /**
   * The kernel of half-width δ.
   *
   * @throws IllegalArgumentException if δ is not finite and &gt; 0
   */
  public static ConvexKernel of(double delta) {
    return new ConvexKernel(Checks.positive("delta", delta));
  }

  /** The window half-width δ. */
  public double delta() {
    return delta;
  }

  /** g<sub>δ</sub>(x), eq. (2). */
  public double value(double x) {
    double a = Math.abs(x);
    return a >= delta ? a : (x * x) / (2 * delta) + delta / 2;
  }

  /** g<sub>δ</sub>'(x): sign(x) for |x| ≥ δ, x/δ inside. */
  public double derivative(double x) {
    if (x >= delta) {
      return 1;
    }
    if (x <= -delta) {
      return -1;
    }
    return x / delta;
  }

  /** g<sub>δ</sub>''(x): 1/δ for |x| ≤ δ, 0 outside (the one-sided inner value at |x| = δ). */
  public double secondDerivative(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    return Math.abs(x) <= delta ? 1 / delta : 0;
  }

  /** g<sub>δ</sub>(x) for x ∈ R<sup>n</sup>, eq. (3). */
  public double value(double[] x) {
    double r = norm(x);
    return r >= delta ? r : sumSquares(x) / (2 * delta) + delta / 2;
  }

  /**
   * ∇g<sub>δ</sub>(x) = x / max(‖x‖, δ).
   *
   * @param out receives the gradient (length n); null allocates
   * @return {@code out}
   */
  public double[] gradient(double[] x, double[] out) {
    double[] g = out == null ? new double[x.length] : out;
    Checks.sameLength("out", g.length, "x", x.length);
    double r = norm(x);
    double s = r >= delta ? r : delta;
    for (int i = 0; i < x.length; i++) {
      g[i] = x[i] / s;
    }
    return g;
  }

  /**
   * ∇²g<sub>δ</sub>(x) as a row-major n×n array: I/δ for ‖x‖ ≤ δ, (I − x xᵀ/‖x‖²)/‖x‖ outside.
   *
   * @param out receives the Hessian (length n·n); null allocates
   * @return {@code out}
   */
  public double[] hessian(double[] x, double[] out) {
    int n = x.length;
    double[] h = out == null ? new double[n * n] : out;
    Checks.sameLength("out", h.length, "x.length squared", n * n);
    double r = norm(x);
    if (Double.isNaN(r)) {
      java.util.Arrays.fill(h, Double.NaN);
      return h;
    }
    if (r <= delta) {
      for (int p = 0; p < n; p++) {
        for (int q = 0; q < n; q++) {
          h[p * n + q] = p == q ? 1 / delta : 0;
        }
      }
      return h;
    }
    double r3 = r * r * r;
    for (int p = 0; p < n; p++) {
      for (int q = 0; q < n; q++) {
        h[p * n + q] = (p == q ? 1 / r : 0) - x[p] * x[q] / r3;
      }
    }
    return h;
  }

  private static double sumSquares(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * x[i];
    }
    return s;
  }

  private static double norm(double[] x) {
    if (x.length == 1) {
      return Math.abs(x[0]);
    }
    // hypot-free Euclidean norm: the squares cannot overflow for the box-sized arguments used here.
    return Math.sqrt(sumSquares(x));
  }

  @Override
  public String toString() {
    return "ConvexKernel[delta=" + delta + "]";
  }
}
