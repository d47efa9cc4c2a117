package io.convopt.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SIMD and scalar paths of every sum agree on random inputs of every length from 0 to five
 * vectors' worth plus a few (all tail lengths, several full-vector main loops) and a few large
 * non-multiples of the lane count.
 *
 * <p>Tolerance: both paths add the same terms t_j (each computed with a few ulps of relative error,
 * e.g. r·(1/δ) vs r/δ) in different orders; the standard bound for recursive summation gives
 * |difference| ≤ 2·(n + 4)·u·Σ|t_j| with u = 2⁻⁵³ (γ_n for each path plus the per-term rounding).
 * That bound is what is asserted, never a tuned constant.
 */
class VectorScalarAgreementTest {

  private static final double U = 0x1p-53;

  static IntStream lengths() {
    int l = VectorConvolutionSums.lanes();
    return IntStream.concat(
        IntStream.rangeClosed(0, 5 * l + 3), IntStream.of(997, 4096 + l - 1, 10_001));
  }

  private static double[][] randomPoints(SplittableRandom rnd, int dim, int n) {
    double[][] x = new double[dim][n];
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < n; j++) {
        x[i][j] = rnd.nextDouble(-1, 1);
      }
    }
    return x;
  }

  private static double[] randomWeights(SplittableRandom rnd, int n) {
    double[] w = new double[n];
    for (int j = 0; j < n; j++) {
      // Spread over 6 decades, like lifted weights, and some exact zeros.
      w[j] = j % 7 == 3 ? 0 : Math.pow(10, rnd.nextDouble(-6, 0));
    }
    return w;
  }

  private static double bound(int n, double absSum) {
    return 2 * (n + 4) * U * absSum + Double.MIN_NORMAL;
  }

  @ParameterizedTest
  @MethodSource("lengths")
  void oneDimensionalSumsAgree(int n) {
    SplittableRandom rnd = new SplittableRandom(1000 + n);
    ConvexKernel k = ConvexKernel.of(0.2);
    double[] x = randomPoints(rnd, 1, n)[0];
    double[] w = randomWeights(rnd, n);
    // Put a few points exactly on the window edges θ ± δ (the closed-window convention matters).
    double theta = 0.1;
    if (n > 2) {
      x[0] = theta - 0.2;
      x[n - 1] = theta + 0.2;
    }
    double h = 0.01;
    double absV = 0;
    double absD = 0;
    double absH = 0;
    for (int j = 0; j < n; j++) {
      absV += h * k.value(theta - x[j]) * w[j];
      absD += h * Math.abs(k.derivative(theta - x[j])) * w[j];
      absH += h * k.secondDerivative(theta - x[j]) * w[j];
    }
    assertThat(VectorConvolutionSums.value1D(k, theta, x, w, h))
        .isCloseTo(ScalarConvolutionSums.value1D(k, theta, x, w, h), within(bound(n, absV)));
    assertThat(VectorConvolutionSums.derivative1D(k, theta, x, w, h))
        .isCloseTo(ScalarConvolutionSums.derivative1D(k, theta, x, w, h), within(bound(n, absD)));
    assertThat(VectorConvolutionSums.secondDerivative1D(k, theta, x, w, h))
        .isCloseTo(
            ScalarConvolutionSums.secondDerivative1D(k, theta, x, w, h), within(bound(n, absH)));
  }

  @ParameterizedTest
  @MethodSource("lengths")
  void multiDimensionalSumsAgree(int n) {
    for (int dim = 1; dim <= 3; dim++) {
      SplittableRandom rnd = new SplittableRandom(7000 + 10 * n + dim);
      ConvexKernel k = ConvexKernel.of(0.3);
      double[][] x = randomPoints(rnd, dim, n);
      double[] w = randomWeights(rnd, n);
      double[] theta = new double[dim];
      for (int i = 0; i < dim; i++) {
        theta[i] = rnd.nextDouble(-0.5, 0.5);
      }
      double h = 1e-3;
      double absV = 0;
      double absG = 0;
      double absH = 0;
      double[] r = new double[dim];
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < dim; i++) {
          r[i] = theta[i] - x[i][j];
        }
        absV += h * k.value(r) * w[j];
        // |∇g| ≤ 1 and each Hessian entry ≤ 2/max(ρ, δ) ≤ 2/δ (I/ρ plus rrᵀ/ρ³).
        absG += h * w[j];
        absH += h * w[j] * 2 / 0.3;
      }
      assertThat(VectorConvolutionSums.value(k, theta, x, w, h))
          .isCloseTo(ScalarConvolutionSums.value(k, theta, x, w, h), within(bound(n, absV)));
      double[] gv = VectorConvolutionSums.gradient(k, theta, x, w, h, new double[dim]);
      double[] gs = ScalarConvolutionSums.gradient(k, theta, x, w, h, new double[dim]);
      double[] hv = VectorConvolutionSums.hessian(k, theta, x, w, h, new double[dim * dim]);
      double[] hs = ScalarConvolutionSums.hessian(k, theta, x, w, h, new double[dim * dim]);
      double[] ov = VectorConvolutionSums.outerGradient(k, theta, x, w, h, new double[dim]);
      double[] os = ScalarConvolutionSums.outerGradient(k, theta, x, w, h, new double[dim]);
      for (int i = 0; i < dim; i++) {
        assertThat(gv[i]).as("dim %d grad %d", dim, i).isCloseTo(gs[i], within(bound(n, absG)));
        assertThat(ov[i])
            .as("dim %d outer grad %d", dim, i)
            .isCloseTo(os[i], within(bound(n, absG)));
      }
      for (int i = 0; i < dim * dim; i++) {
        assertThat(hv[i]).as("dim %d hess %d", dim, i).isCloseTo(hs[i], within(bound(n, absH)));
      }
    }
  }
}
