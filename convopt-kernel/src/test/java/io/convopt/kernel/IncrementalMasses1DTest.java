package io.convopt.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class IncrementalMasses1DTest {

  private static final double U = 0x1p-53;

  /** Exact prefix sums P_k = Σ_{j<k} w_j (BigDecimal addition of doubles is exact). */
  private static BigDecimal[] exactPrefix(double[] w) {
    BigDecimal[] p = new BigDecimal[w.length + 1];
    p[0] = BigDecimal.ZERO;
    for (int j = 0; j < w.length; j++) {
      p[j + 1] = p[j].add(new BigDecimal(w[j]));
    }
    return p;
  }

  /** Exact η·Σ w_j over the index range [lo, hi) of the grid, rounded once. */
  private static double exactMass(BigDecimal[] p, int lo, int hi, double eta) {
    int n = p.length - 1;
    int a = Math.max(0, Math.min(n, lo));
    int b = Math.max(a, Math.min(n, hi));
    return p[b].subtract(p[a]).multiply(new BigDecimal(eta), MathContext.DECIMAL128).doubleValue();
  }

  @Test
  void thousandsOfRandomMovesMatchFullRecomputation() {
    // A lift with N = 40 spreads the weights over ~15 decades: the worst case for cancellation.
    double eta = 1e-3;
    double delta = 2e-3; // two cells on each side of θ are in the window
    LatticeGrid1D grid = LatticeGrid1D.of(0.2003, eta, -1, 2);
    SampleCache cache = SampleCache.of1D(x -> Math.sin(5 * x) + 0.3 * Math.cos(17 * x));
    double[] values = cache.values(grid.points());
    LiftFunction lift = PowerLift.of(40, ShiftRule.minShift(0.01)).fit(values);
    double[] w = lift.weights(values, null);
    ConvexKernel k = ConvexKernel.of(delta);
    IncrementalMasses1D s =
        IncrementalMasses1D.create(
            grid,
            w,
            k,
            FineGrid.defaultStep(delta),
            IncrementalMasses1D.weightFunction(cache, lift),
            0);
    BigDecimal[] exact = exactPrefix(w);
    SplittableRandom rnd = new SplittableRandom(11);
    int m = 2;
    for (int step = 0; step < 5000; step++) {
      long move = step % 500 == 499 ? rnd.nextLong(-800, 801) : (rnd.nextBoolean() ? 1 : -1);
      s = s.moveBy(move);
      int i = (int) (s.index() - grid.firstIndex());
      double exactL = exactMass(exact, 0, i - m, eta);
      double exactR = exactMass(exact, i + m + 1, w.length, eta);
      // Bound from the class Javadoc: Kahan prefix sums of non-negative terms (2u + O(n u²)) and
      // one multiplication by η (u); n u² = 3000·1.2e-32 is negligible, so 3u·exact plus the
      // rounding of the exact reference to double (u·exact) gives 4u·exact.
      assertThat(s.left()).as("L after %d moves", step).isCloseTo(exactL, within(4 * U * exactL));
      assertThat(s.right()).as("R after %d moves", step).isCloseTo(exactR, within(4 * U * exactR));
      // A plain left-to-right recomputation (what eq. (17)/(18) must reproduce) agrees within the
      // recursive-summation bound n·u·L.
      double naive = 0;
      for (int j = 0; j < i - m; j++) {
        naive += w[j];
      }
      naive *= eta;
      assertThat(s.left()).isCloseTo(naive, within((w.length + 2) * U * exactL + Double.MIN_VALUE));
    }
  }

  @Test
  void windowIncludesCellsAtExactlyThetaPlusMinusDelta() {
    // δ = η: the neighbour cells θ ± η sit exactly on the window edges and must be left out of L
    // and R; with unit weights L counts exactly the cells strictly left of θ − δ.
    double eta = 0.1;
    LatticeGrid1D grid = LatticeGrid1D.of(0, eta, 0, 1); // 11 points 0, 0.1, …, 1
    double[] w = new double[grid.size()];
    java.util.Arrays.fill(w, 1);
    IncrementalMasses1D s =
        IncrementalMasses1D.create(grid, w, ConvexKernel.of(eta), eta / 10, x -> 1, 5);
    assertThat(s.left()).isEqualTo(4 * eta); // cells 0..3; cell 4 (= θ − δ) is in the window
    assertThat(s.right()).isEqualTo(4 * eta); // cells 7..10
    assertThat(s.moveBy(1).left()).isEqualTo(5 * eta);
    assertThat(s.moveBy(100).index()).isEqualTo(10);
    assertThat(s.moveBy(-100).index()).isEqualTo(0);
    assertThat(s.moveBy(100).right()).isZero();
  }

  @Test
  void slopeEqualsTheThreeTermsOfEquation16() {
    // D = L − R + M where M is the fine-window Riemann sum written out here independently.
    double eta = 0.01;
    double delta = 0.01;
    LatticeGrid1D grid = LatticeGrid1D.of(0.5, eta, 0, 2);
    DoubleUnaryOperator f = x -> Math.exp(-(x - 1.2) * (x - 1.2) * 4);
    SampleCache cache = SampleCache.of1D(f);
    double[] values = cache.values(grid.points());
    LiftFunction lift = PowerLift.of(3, ShiftRule.fixed(0)).fit(values);
    double[] w = lift.weights(values, null);
    double s2 = delta / 10;
    IncrementalMasses1D st =
        IncrementalMasses1D.create(
                grid,
                w,
                ConvexKernel.of(delta),
                s2,
                IncrementalMasses1D.weightFunction(cache, lift),
                0)
            .moveBy(37);
    double theta = st.theta();
    double m = 0;
    for (int k = -10; k <= 10; k++) {
      double x = theta + k * s2;
      m += (theta - x) * Math.pow(f.applyAsDouble(x), 3);
    }
    m *= s2 / delta;
    // Same terms, same order up to the summation: relative 1e-13 covers 21 terms' rounding.
    assertThat(st.windowTerm()).isCloseTo(m, within(1e-13 * Math.abs(m) + 1e-300));
    assertThat(st.slope())
        .isCloseTo(st.left() - st.right() + m, within(1e-13 * (st.left() + st.right())));
    // The slope approximates F'(θ): to the left of the bump D < 0 (descend to the right).
    assertThat(st.slope()).isNegative();
    // Evaluations: the cache evaluated each coarse point once and each new fine point once.
    long before = cache.evaluations();
    st.windowTerm();
    assertThat(cache.evaluations()).isEqualTo(before);
  }
}
