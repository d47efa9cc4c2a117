package io.convopt.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Lemma 1 / Cor. 1: F = g_δ * w is convex for w ≥ 0 even when f is not. */
class ConvexityTest {

  @Test
  void midpointInequalityAlongRandomLinesForANonConvexTarget() {
    // f(x, y) = sin(4x)·cos(3y) + 0.3·x·y: many local maxima, not convex or concave.
    Box box = Box.cube(2, -1, 1);
    TensorGrid grid = TensorGrid.of(box, new double[] {0.005, 0.005}, 0.02);
    SampleCache cache =
        SampleCache.of(p -> Math.sin(4 * p[0]) * Math.cos(3 * p[1]) + 0.3 * p[0] * p[1], 2);
    double[] values = cache.values(grid.points());
    LiftFunction lift = PowerLift.of(5, ShiftRule.minShift(0)).fit(values);
    LiftedSamples s = LiftedSamples.of(grid.points(), values, lift);
    ConvexKernel k = ConvexKernel.of(0.05);
    SplittableRandom rnd = new SplittableRandom(5);
    for (int t = 0; t < 200; t++) {
      double[] a = {rnd.nextDouble(-1.2, 1.2), rnd.nextDouble(-1.2, 1.2)};
      double[] b = {rnd.nextDouble(-1.2, 1.2), rnd.nextDouble(-1.2, 1.2)};
      double[] m = {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2};
      double fa = ConvolutionSums.value(k, a, s);
      double fb = ConvolutionSums.value(k, b, s);
      double fm = ConvolutionSums.value(k, m, s);
      // The discrete F is a non-negative combination of convex functions, so the inequality is
      // exact up to rounding of three sums of ~10^4 positive terms: 1e-12 relative (≫ 10^4·u).
      assertThat(fm).as("line %d", t).isLessThanOrEqualTo((fa + fb) / 2 + 1e-12 * (fa + fb));
      // Hessian is positive semidefinite at the midpoint (2×2: trace ≥ 0 and det ≥ 0 up to
      // rounding).
      double[] h = ConvolutionSums.hessian(k, m, s, null);
      assertThat(h[0] + h[3]).isGreaterThanOrEqualTo(0);
      assertThat(h[0] * h[3] - h[1] * h[2])
          .isGreaterThanOrEqualTo(-1e-12 * (h[0] * h[0] + h[3] * h[3]));
    }
  }
}
