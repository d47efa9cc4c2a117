package io.convopt.kernel;

/**
 * Riemann sums of the convolution F = g<sub>δ</sub> * w and its derivatives, the façade the solvers
 * call. With points x<sub>j</sub>, weights w<sub>j</sub> ≥ 0 (lifted samples) and cell volume h:
 *
 * <pre>
 *   F(θ)    ≈ h Σ g_δ(θ − x_j) w_j                       (convolution, eq. (2)/(3))
 *   F'(θ)   ≈ h Σ g_δ'(θ − x_j) w_j                      (1-D gradient, eq. (16))
 *   F''(θ)  ≈ h Σ g_δ''(θ − x_j) w_j = (h/δ) Σ_{|θ−x_j|≤δ} w_j   (eq. (19))
 *   ∇F(θ)   ≈ h Σ (θ − x_j)/max(‖θ − x_j‖, δ) w_j          (eq. (20))
 *   ∇²F(θ)  ≈ h Σ ∇²g_δ(θ − x_j) w_j                     (eq. (21))
 *   D       = −h Σ g_δ'(t_j) φ_j                          (directional slope at t = 0, eq. (4)–(5))
 * </pre>
 *
 * Points are structure-of-arrays ({@code x[axis][j]}). Each sum has a scalar reference ({@link
 * ScalarConvolutionSums}) and a SIMD implementation ({@link VectorConvolutionSums}); the façade
 * uses the SIMD path when the number of points is at least {@link KernelTunables#VECTOR_THRESHOLD}.
 * The two paths add the same terms in a different order (and the SIMD path evaluates the kernel in
 * branch-free form, e.g. (r·(1/δ)) instead of r/δ), so they agree to within 2·(size +
 * 4)·u·h·Σ|term<sub>j</sub>| with u = 2<sup>−53</sup> (the recursive-summation bound of each path
 * plus a few ulps per term); the tests check that bound.
 *
 * <p>The sums are Riemann sums, not integrals: with points at cell midpoints and a smooth w, the
 * error of F and ∇F is O(s²) in the grid step s (the integrand is C¹ and piecewise smooth), that of
 * the Hessian O(s) (g'' jumps at ‖r‖ = δ). The discrete F is exactly convex in θ for any weights ≥
 * 0.
 *
 * <p>NaN/∞: no check is made on θ, points or weights in the hot path (a NaN anywhere makes the sum
 * NaN); {@link LiftedSamples} and {@link PointSet} guarantee finite inputs. Arguments are checked
 * for nulls and dimension mismatches (IllegalArgumentException naming the parameter); h must be
 * finite and &gt; 0. Thread-safe (stateless); no allocation except a few lane-sized scratch arrays.
 */
public final class ConvolutionSums {

  private ConvolutionSums() {}

  private static boolean vector(int size) {
    return size >= KernelTunables.VECTOR_THRESHOLD;
  }

  private static void check1D(ConvexKernel kernel, double theta, double[] x, double[] w, double h) {
    nonNull(kernel, x, w);
    Checks.sameLength("x", x.length, "w", w.length);
    Checks.positive("h", h);
  }

  private static void checkND(
      ConvexKernel kernel, double[] theta, double[][] x, double[] w, double h) {
    nonNull(kernel, theta, x, w);
    if (theta.length == 0) {
      throw new IllegalArgumentException("theta has length 0: the dimension must be >= 1");
    }
    Checks.sameLength("x (number of axes)", x.length, "theta", theta.length);
    for (int i = 0; i < x.length; i++) {
      if (x[i] == null) {
        throw new IllegalArgumentException("x[" + i + "] must not be null");
      }
      Checks.sameLength("x[" + i + "]", x[i].length, "w", w.length);
    }
    Checks.positive("h", h);
  }

  private static void nonNull(Object... args) {
    for (Object a : args) {
      if (a == null) {
        throw new IllegalArgumentException("kernel, theta, points and weights must not be null");
      }
    }
  }

  private static double[] output(double[] out, int length, String name) {
    if (out == null) {
      return new double[length];
    }
    Checks.sameLength(name, out.length, "required length", length);
    return out;
  }

  // ---------------------------------------------------------------- 1-D

  /** F(θ) = h Σ g<sub>δ</sub>(θ − x<sub>j</sub>) w<sub>j</sub>; O(size). */
  public static double value(ConvexKernel kernel, double theta, double[] x, double[] w, double h) {
    check1D(kernel, theta, x, w, h);
    return vector(x.length)
        ? VectorConvolutionSums.value1D(kernel, theta, x, w, h)
        : ScalarConvolutionSums.value1D(kernel, theta, x, w, h);
  }

  /** F'(θ) = h Σ g<sub>δ</sub>'(θ − x<sub>j</sub>) w<sub>j</sub> (eq. (16)); O(size). */
  public static double derivative(
      ConvexKernel kernel, double theta, double[] x, double[] w, double h) {
    check1D(kernel, theta, x, w, h);
    return vector(x.length)
        ? VectorConvolutionSums.derivative1D(kernel, theta, x, w, h)
        : ScalarConvolutionSums.derivative1D(kernel, theta, x, w, h);
  }

  /** F''(θ) = (h/δ) Σ<sub>|θ−x<sub>j</sub>|≤δ</sub> w<sub>j</sub> (eq. (19)); O(size). */
  public static double secondDerivative(
      ConvexKernel kernel, double theta, double[] x, double[] w, double h) {
    check1D(kernel, theta, x, w, h);
    return vector(x.length)
        ? VectorConvolutionSums.secondDerivative1D(kernel, theta, x, w, h)
        : ScalarConvolutionSums.secondDerivative1D(kernel, theta, x, w, h);
  }

  /**
   * Directional slope D = ∂<sub>t</sub>(g<sub>δ</sub> *<sub>(a,v)</sub> φ)(0) = −h Σ
   * g<sub>δ</sub>'(t<sub>j</sub>) φ<sub>j</sub> (eq. (4)–(5)) for line samples φ<sub>j</sub> = w(a
   * + t<sub>j</sub> v) at offsets t<sub>j</sub> along a unit direction v. Since g' is odd this is
   * F'(0) of the line samples. A sign step moves a to a − η·sign(D)·v. O(size).
   */
  public static double directionalSlope(ConvexKernel kernel, double[] t, double[] phi, double h) {
    return derivative(kernel, 0.0, t, phi, h);
  }

  /** 1-D F(θ) over lifted 1-D samples. */
  public static double value(ConvexKernel kernel, double theta, LiftedSamples s) {
    require1D(s);
    return value(kernel, theta, s.points().raw()[0], s.rawWeights(), s.points().cellVolume());
  }

  /** 1-D F'(θ) over lifted 1-D samples. */
  public static double derivative(ConvexKernel kernel, double theta, LiftedSamples s) {
    require1D(s);
    return derivative(kernel, theta, s.points().raw()[0], s.rawWeights(), s.points().cellVolume());
  }

  /** 1-D F''(θ) over lifted 1-D samples. */
  public static double secondDerivative(ConvexKernel kernel, double theta, LiftedSamples s) {
    require1D(s);
    return secondDerivative(
        kernel, theta, s.points().raw()[0], s.rawWeights(), s.points().cellVolume());
  }

  private static void require1D(LiftedSamples s) {
    if (s.points().dimension() != 1) {
      throw new IllegalArgumentException(
          "samples have dimension " + s.points().dimension() + ": this sum needs dimension 1");
    }
  }

  // ---------------------------------------------------------------- n-D

  /** F(θ) = h Σ g<sub>δ</sub>(θ − x<sub>j</sub>) w<sub>j</sub> (eq. (3)); O(n·size). */
  public static double value(
      ConvexKernel kernel, double[] theta, double[][] x, double[] w, double h) {
    checkND(kernel, theta, x, w, h);
    return vector(w.length)
        ? VectorConvolutionSums.value(kernel, theta, x, w, h)
        : ScalarConvolutionSums.value(kernel, theta, x, w, h);
  }

  /**
   * ∇F(θ) (eq. (20)); O(n·size).
   *
   * @param out length n, or null to allocate
   */
  public static double[] gradient(
      ConvexKernel kernel, double[] theta, double[][] x, double[] w, double h, double[] out) {
    checkND(kernel, theta, x, w, h);
    double[] g = output(out, theta.length, "out");
    return vector(w.length)
        ? VectorConvolutionSums.gradient(kernel, theta, x, w, h, g)
        : ScalarConvolutionSums.gradient(kernel, theta, x, w, h, g);
  }

  /**
   * The outer integral of eq. (20) alone: h Σ<sub>‖θ−x<sub>j</sub>‖ ≥ δ</sub> (θ −
   * x<sub>j</sub>)/‖θ − x<sub>j</sub>‖ w<sub>j</sub> (points in the open δ-ball are skipped). This
   * is the split discretization of ∇F: the outer integral on the coarse grid, the ball integral
   * (1/δ)∫<sub>‖θ−x‖&lt;δ</sub>(θ − x) w on a finer grid, e.g. {@link #gradient} over {@link
   * FineGrid#midpointBall} points (which all lie inside the ball, where ∇g<sub>δ</sub>(r) = r/δ).
   * Identity: {@code gradient} over all points = {@code outerGradient} over all points + {@code
   * gradient} over the points inside the ball. Same accuracy contract between the paths as {@link
   * #gradient}. O(n·size).
   *
   * @param out length n, or null to allocate
   */
  public static double[] outerGradient(
      ConvexKernel kernel, double[] theta, double[][] x, double[] w, double h, double[] out) {
    checkND(kernel, theta, x, w, h);
    double[] g = output(out, theta.length, "out");
    return vector(w.length)
        ? VectorConvolutionSums.outerGradient(kernel, theta, x, w, h, g)
        : ScalarConvolutionSums.outerGradient(kernel, theta, x, w, h, g);
  }

  /**
   * n-D outer part of ∇F over lifted samples (see {@link #outerGradient(ConvexKernel, double[],
   * double[][], double[], double, double[])}).
   */
  public static double[] outerGradient(
      ConvexKernel kernel, double[] theta, LiftedSamples s, double[] out) {
    return outerGradient(
        kernel, theta, s.points().raw(), s.rawWeights(), s.points().cellVolume(), out);
  }

  /**
   * ∇²F(θ) (eq. (21)) as a row-major n×n array; O(n³·size) on the SIMD path, O(n²·size) scalar.
   *
   * @param out length n·n, or null to allocate
   */
  public static double[] hessian(
      ConvexKernel kernel, double[] theta, double[][] x, double[] w, double h, double[] out) {
    checkND(kernel, theta, x, w, h);
    double[] m = output(out, theta.length * theta.length, "out");
    return vector(w.length)
        ? VectorConvolutionSums.hessian(kernel, theta, x, w, h, m)
        : ScalarConvolutionSums.hessian(kernel, theta, x, w, h, m);
  }

  /** n-D F(θ) over lifted samples. */
  public static double value(ConvexKernel kernel, double[] theta, LiftedSamples s) {
    return value(kernel, theta, s.points().raw(), s.rawWeights(), s.points().cellVolume());
  }

  /** n-D ∇F(θ) over lifted samples. */
  public static double[] gradient(
      ConvexKernel kernel, double[] theta, LiftedSamples s, double[] out) {
    return gradient(kernel, theta, s.points().raw(), s.rawWeights(), s.points().cellVolume(), out);
  }

  /** n-D ∇²F(θ) over lifted samples. */
  public static double[] hessian(
      ConvexKernel kernel, double[] theta, LiftedSamples s, double[] out) {
    return hessian(kernel, theta, s.points().raw(), s.rawWeights(), s.points().cellVolume(), out);
  }
}
