package io.convopt.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The cell-midpoint discretization the solvers use (coarse cells for the outer integrals, a finer
 * grid for the δ-window / δ-ball, nothing sampled on the iterate lattice): midpoint grids, {@link
 * IncrementalMasses1D#createMidpoint}, {@link ConvolutionSums#outerGradient} with {@link
 * FineGrid#midpointBall}, and {@link PowerLift#zeroBelowShift()}. References are brute-force sums
 * written out here, exact BigDecimal-free identities, and adaptive quadrature ({@link Quadrature})
 * of eq. (16) and (20).
 */
class MidpointLayoutTest {

  private static final double U = 0x1p-53;

  @Test
  void midpointGridsAreTheCellCentresOfTheLattice() {
    LatticeGrid1D g =
        LatticeGrid1D.of(0.25, 0.125, 0, 1); // nodes 0, 0.125, …, 1 (j = −2 … 6), exact
    PointSet m = g.midpoints();
    assertThat(g.cellCount()).isEqualTo(g.size() - 1).isEqualTo(8);
    assertThat(m.size()).isEqualTo(8);
    assertThat(m.cellVolume()).isEqualTo(0.125);
    for (int k = 0; k < m.size(); k++) {
      assertThat(m.coordinate(0, k)).isEqualTo(0.25 + (g.firstIndex() + k + 0.5) * 0.125);
      assertThat(m.coordinate(0, k)).isEqualTo(0.0625 + 0.125 * k); // all dyadic: exact
    }
    assertThat(LatticeGrid1D.of(0.5, 1, 0, 0.9).midpoints().size()).isZero();

    TensorGrid t =
        TensorGrid.of(
            Box.of(new double[] {0, 0}, new double[] {0.75, 0.5}), new double[] {0, 0}, 0.25);
    PointSet tm = t.midpoints();
    assertThat(tm.size()).isEqualTo(3 * 2);
    assertThat(tm.cellVolume()).isEqualTo(0.0625);
    // Row-major, last axis fastest.
    assertThat(tm.point(0)).containsExactly(0.125, 0.125);
    assertThat(tm.point(1)).containsExactly(0.125, 0.375);
    assertThat(tm.point(2)).containsExactly(0.375, 0.125);
    assertThat(tm.point(5)).containsExactly(0.625, 0.375);
    // An axis with a single lattice point has no whole cell: no midpoints at all.
    assertThat(
            TensorGrid.of(Box.cube(2, 0, 1), new double[] {0.5, 0}, new double[] {2, 0.5})
                .midpoints()
                .size())
        .isZero();
  }

  @Test
  void midpointWindowTilesTheWindowAndAvoidsTheLattice() {
    double eta = 0.01;
    double s = eta / 10;
    double theta = 0.5 + 7 * eta;
    PointSet w = FineGrid.midpointWindow(theta, eta, 0.5, s, 0, 1);
    assertThat(w.size()).isEqualTo(20);
    for (int k = 0; k < w.size(); k++) {
      double x = w.coordinate(0, k);
      assertThat(Math.abs(theta - x)).isLessThan(eta);
      assertThat(x).isEqualTo(0.5 + (Math.round((theta - eta - 0.5) / s) + k + 0.5) * s);
      double q = (x - 0.5) / s; // half-integer: never a fine (let alone coarse) lattice node
      assertThat(Math.abs(q - Math.floor(q) - 0.5)).isLessThan(1e-6);
    }
    // Mirror symmetry around θ: the cells tile [θ − δ, θ + δ].
    assertThat(w.coordinate(0, 0) + w.coordinate(0, 19)).isCloseTo(2 * theta, within(1e-15));
    // Clipped to [a, b]: only the 5 cells right of a = θ + 0.0005 remain… on the right half.
    assertThat(FineGrid.midpointWindow(theta, eta, 0.5, s, theta + 0.005, 1).size()).isEqualTo(5);
  }

  @Test
  void midpointBallHoldsTheFineCellsInsideTheOpenBall() {
    double delta = 0.05;
    double s = delta / 10;
    double[] c = {0.3, 0.4};
    PointSet b = FineGrid.midpointBall(c, delta, new double[] {0.3, 0.4}, s, Box.cube(2, 0, 1));
    // Independent count: half-integer pairs (p + ½, q + ½) with norm < 10.
    int count = 0;
    for (int p = -10; p < 10; p++) {
      for (int q = -10; q < 10; q++) {
        if ((p + 0.5) * (p + 0.5) + (q + 0.5) * (q + 0.5) < 100) {
          count++;
        }
      }
    }
    assertThat(b.size()).isEqualTo(count);
    assertThat(b.cellVolume()).isCloseTo(s * s, within(1e-20));
    for (int k = 0; k < b.size(); k++) {
      double dx = b.coordinate(0, k) - c[0];
      double dy = b.coordinate(1, k) - c[1];
      assertThat(dx * dx + dy * dy).isLessThan(delta * delta);
    }
    // The box cuts the ball in half along x = 0.3.
    PointSet half =
        FineGrid.midpointBall(c, delta, c, s, Box.of(new double[] {0.3, 0}, new double[] {1, 1}));
    assertThat(half.size()).isEqualTo(count / 2);
  }

  @Test
  void outerPlusInnerGradientIsTheFullGradient() {
    SplittableRandom rnd = new SplittableRandom(5);
    ConvexKernel k = ConvexKernel.of(0.25);
    for (int dim = 1; dim <= 3; dim++) {
      for (int n : new int[] {0, 1, 7, 31, 32, 33, 200, 1001}) {
        double[][] x = new double[dim][n];
        double[] w = new double[n];
        double[] theta = new double[dim];
        for (int i = 0; i < dim; i++) {
          theta[i] = rnd.nextDouble(-0.3, 0.3);
          for (int j = 0; j < n; j++) {
            x[i][j] = rnd.nextDouble(-1, 1);
          }
        }
        for (int j = 0; j < n; j++) {
          w[j] = rnd.nextDouble();
        }
        if (n > 0) {
          x[0][0] = theta[0] + 0.25; // exactly on the sphere: counted as outer
          for (int i = 1; i < dim; i++) {
            x[i][0] = theta[i];
          }
        }
        // Split the points by ‖θ − x‖ < δ, written out here.
        int inside = 0;
        for (int j = 0; j < n; j++) {
          inside += norm(theta, x, j) < 0.25 ? 1 : 0;
        }
        double[][] xi = new double[dim][inside];
        double[] wi = new double[inside];
        double[][] xo = new double[dim][n - inside];
        double[] wo = new double[n - inside];
        int a = 0;
        int o = 0;
        double mass = 0;
        for (int j = 0; j < n; j++) {
          boolean in = norm(theta, x, j) < 0.25;
          for (int i = 0; i < dim; i++) {
            (in ? xi : xo)[i][in ? a : o] = x[i][j];
          }
          (in ? wi : wo)[in ? a++ : o++] = w[j];
          mass += w[j];
        }
        double h = 0.01;
        double[] full = ConvolutionSums.gradient(k, theta, x, w, h, null);
        double[] outer = ConvolutionSums.outerGradient(k, theta, x, w, h, null);
        double[] inner = ConvolutionSums.gradient(k, theta, xi, wi, h, null);
        // Outer over the outer points alone equals the full gradient there (all ‖r‖ ≥ δ).
        double[] outerOnly = ConvolutionSums.gradient(k, theta, xo, wo, h, null);
        double tol = 6 * (n + 4) * U * h * mass + Double.MIN_NORMAL; // three sums, |∇g| ≤ 1
        for (int i = 0; i < dim; i++) {
          assertThat(outer[i] + inner[i])
              .as("dim %d n %d axis %d", dim, n, i)
              .isCloseTo(full[i], within(tol));
          assertThat(outer[i]).isCloseTo(outerOnly[i], within(tol));
        }
      }
    }
  }

  private static double norm(double[] theta, double[][] x, int j) {
    double r2 = 0;
    for (int i = 0; i < theta.length; i++) {
      r2 += (theta[i] - x[i][j]) * (theta[i] - x[i][j]);
    }
    return Math.sqrt(r2);
  }

  @Test
  void splitGradientMatchesQuadratureOfEq20() {
    // Smooth density on [0,1]², θ on every lattice used; δ fixed, coarse η = δ, δ/2, δ/4, fine ball
    // step δ/10. The split sum covers the box with coarse cells (midpoint outside the ball) and
    // fine
    // ball cells; the two tilings disagree only in a band of width ≤ η√2/2 around the sphere, where
    // ∇g_δ is continuous (= r/δ on the sphere), so the error is O(η²) from the midpoint rule plus
    // O(η·δ·max w) from the band, and must fall as η does.
    DoubleBinaryOperator w =
        (x, y) -> Math.pow(1 + 0.5 * Math.sin(3 * x) * Math.cos(2 * y) + x * y, 2);
    double delta = 0.04;
    ConvexKernel k = ConvexKernel.of(delta);
    double[] theta = {0.36, 0.6};
    double[] ref = new double[2];
    for (int q = 0; q < 2; q++) {
      final int axis = q;
      DoubleUnaryOperator inner =
          x -> {
            double dx = x - theta[0];
            double[] br = new double[0];
            if (Math.abs(dx) < delta) {
              double s = Math.sqrt(delta * delta - dx * dx);
              br = new double[] {theta[1] - s, theta[1] + s};
            }
            return Quadrature.integrate(
                y ->
                    k.gradient(new double[] {theta[0] - x, theta[1] - y}, null)[axis]
                        * w.applyAsDouble(x, y),
                0,
                1,
                1e-12,
                br);
          };
      ref[q] = Quadrature.integrate(inner, 0, 1, 1e-10, theta[0] - delta, theta[0] + delta);
    }
    SampleCache cache = SampleCache.of(p -> w.applyAsDouble(p[0], p[1]), 2);
    LiftFunction identity = PowerLift.of(1, ShiftRule.fixed(0)).fit(new double[] {1});
    double[] previous = null;
    for (int level = 0; level < 3; level++) {
      double eta = delta / (1 << level);
      LiftedSamples coarse =
          LiftedSamples.of(
              TensorGrid.of(Box.cube(2, 0, 1), theta, eta).midpoints(), cache, identity);
      LiftedSamples ball =
          LiftedSamples.of(
              FineGrid.midpointBall(theta, delta, theta, delta / 10, Box.cube(2, 0, 1)),
              cache,
              identity);
      double[] g = ConvolutionSums.outerGradient(k, theta, coarse, null);
      double[] gb = ConvolutionSums.gradient(k, theta, ball, null);
      double[] err = {Math.abs(g[0] + gb[0] - ref[0]), Math.abs(g[1] + gb[1] - ref[1])};
      // Scale: the total mass is ≈ 1.6; stated bound 5·η² + 2·η·δ·max w (max w ≈ 4).
      for (int i = 0; i < 2; i++) {
        assertThat(err[i])
            .as("level %d axis %d", level, i)
            .isLessThan(5 * eta * eta + 8 * eta * delta);
      }
      if (previous != null) {
        assertThat(Math.max(err[0], err[1])).isLessThan(Math.max(previous[0], previous[1]));
      }
      previous = err;
    }
  }

  @Test
  void midpointIncrementalMassesMatchBruteForceOnALogSingularTarget() {
    // Pole at 0.5, a lattice point: the node layout would sample it, the midpoint layout never
    // does.
    double eta = 0.01;
    LatticeGrid1D grid = LatticeGrid1D.of(1.5, eta, 0, 2);
    SampleCache cache =
        SampleCache.of1D(x -> -Math.log(Math.abs(x - 0.5)) - 0.5 * Math.log(Math.abs(x - 1.5)));
    double[] values = cache.values(grid.midpoints());
    LiftFunction lift = PowerLift.logDomain(3, ShiftRule.minShift(0)).zeroBelowShift().fit(values);
    double[] w = lift.weights(values, null);
    double s = eta / 10;
    IncrementalMasses1D st =
        IncrementalMasses1D.createMidpoint(
            grid, w, ConvexKernel.of(eta), s, IncrementalMasses1D.weightFunction(cache, lift), 0);
    SplittableRandom rnd = new SplittableRandom(3);
    double total = 0;
    for (double v : w) {
      total += v;
    }
    for (int step = 0; step < 400; step++) {
      st = st.moveBy(step % 50 == 49 ? rnd.nextLong(-120, 121) : (rnd.nextBoolean() ? 1 : -1));
      double theta = st.theta();
      double left = 0;
      double right = 0;
      for (int c = 0; c < w.length; c++) {
        double m = grid.midpointAt(grid.firstIndex() + c);
        if (m < theta - eta) {
          left += w[c];
        } else if (m > theta + eta) {
          right += w[c];
        }
      }
      double mw = 0;
      long q0 = Math.round((theta - eta - 1.5) / s);
      for (long q = q0; q < q0 + 20; q++) {
        double x = 1.5 + (q + 0.5) * s;
        if (x >= 0 && x <= 2) {
          mw += (theta - x) * lift.weight(cache.value(x));
        }
      }
      mw *= s / eta;
      double tol = (w.length + 4) * U * eta * total;
      assertThat(st.left()).as("L at %s", theta).isCloseTo(eta * left, within(tol));
      assertThat(st.right()).as("R at %s", theta).isCloseTo(eta * right, within(tol));
      // 20 window terms with |θ − x|/δ < 1: recursive-summation bound 2·24·u·s·Σ w.
      double wsum = 0;
      for (long q = q0; q < q0 + 20; q++) {
        double x = 1.5 + (q + 0.5) * s;
        wsum += x >= 0 && x <= 2 ? lift.weight(cache.value(x)) : 0;
      }
      assertThat(st.windowTerm()).isCloseTo(mw, within(48 * U * s * wsum + Double.MIN_NORMAL));
    }
  }

  @Test
  void midpointSlopeConvergesToEq16AtSecondOrder() {
    DoubleUnaryOperator dens = x -> Math.pow(1 + 0.5 * Math.sin(3 * x) + 0.2 * x * x, 3);
    double theta = 0.86;
    double delta = 0.04;
    ConvexKernel k = ConvexKernel.of(delta);
    double ref =
        Quadrature.integrate(
            x -> k.derivative(theta - x) * dens.applyAsDouble(x),
            0,
            2,
            1e-13,
            theta - delta,
            theta + delta);
    double[] err = new double[4];
    for (int l = 0; l < err.length; l++) {
      double eta = 0.02 / (1 << l);
      LatticeGrid1D grid = LatticeGrid1D.of(0.5, eta, 0, 2);
      SampleCache cache = SampleCache.of1D(dens);
      LiftFunction identity = PowerLift.of(1, ShiftRule.fixed(0)).fit(new double[] {1});
      double[] w = identity.weights(cache.values(grid.midpoints()), null);
      IncrementalMasses1D st =
          IncrementalMasses1D.createMidpoint(
              grid,
              w,
              k,
              eta / 10,
              IncrementalMasses1D.weightFunction(cache, identity),
              grid.nearestIndex(theta));
      assertThat(st.theta()).isCloseTo(theta, within(1e-12));
      err[l] = Math.abs(st.slope() - ref);
    }
    // Pure midpoint rule on [0, θ−δ], the window, [θ+δ, 2] (all cell edges): error ∝ η².
    for (int l = 1; l < err.length; l++) {
      assertThat(err[l - 1] / err[l]).as("level %d", l).isBetween(3.6, 4.4);
    }
    // Midpoint-rule bound: on an interval of length ℓ with cells η the error is ≤ ℓ·η²/24·max|u''|;
    // the integrand u = ±w outside the window (total length < 2) and (θ − x)w/δ inside (its
    // fine-step error is 100× smaller). max|w''| from central differences on a grid of [0, 2].
    double w2 = 0;
    for (int j = 1; j < 2000; j++) {
      double x = j * 1e-3;
      double d2 =
          (dens.applyAsDouble(x + 1e-4) - 2 * dens.applyAsDouble(x) + dens.applyAsDouble(x - 1e-4))
              / 1e-8;
      w2 = Math.max(w2, Math.abs(d2));
    }
    for (int l = 0; l < err.length; l++) {
      double eta = 0.02 / (1 << l);
      assertThat(err[l]).as("level %d", l).isLessThan(2 * eta * eta / 24 * w2 * 1.05);
    }
  }

  @Test
  void midpointLayoutRejectsBadInput() {
    LatticeGrid1D one = LatticeGrid1D.of(0.5, 1, 0, 0.9);
    assertThatThrownBy(
            () ->
                IncrementalMasses1D.createMidpoint(
                    one, new double[0], ConvexKernel.of(1), 0.1, x -> 1, 0))
        .hasMessageContaining("whole cell");
    LatticeGrid1D g = LatticeGrid1D.of(0, 0.1, 0, 1);
    assertThatThrownBy(
            () ->
                IncrementalMasses1D.createMidpoint(
                    g, new double[g.size()], ConvexKernel.of(0.1), 0.01, x -> 1, 0))
        .hasMessageContaining("cellWeights");
    double[] bad = new double[g.cellCount()];
    bad[3] = -1;
    assertThatThrownBy(
            () -> IncrementalMasses1D.createMidpoint(g, bad, ConvexKernel.of(0.1), 0.01, x -> 1, 0))
        .hasMessageContaining("cellWeights[3]")
        .hasMessageContaining("0.35");
  }

  @Test
  void zeroBelowShiftLiftsValuesUnderTheShiftToZero() {
    double[] ref = {1, 2, 3};
    LiftFunction strict = PowerLift.of(3, ShiftRule.minShift(0)).fit(ref);
    LiftFunction lenient = PowerLift.of(3, ShiftRule.minShift(0)).zeroBelowShift().fit(ref);
    LiftFunction logLenient =
        PowerLift.logDomain(3, ShiftRule.minShift(0)).zeroBelowShift().fit(ref);
    assertThatThrownBy(() -> strict.weight(0.5)).hasMessageContaining("f + C");
    assertThat(lenient.weight(0.5)).isZero();
    assertThat(logLenient.weight(0.5)).isZero();
    // Above the shift nothing changes: (f − 1)³, and ((f − 1)/2)³ in the log domain.
    assertThat(lenient.weight(2.5)).isEqualTo(strict.weight(2.5)).isEqualTo(1.5 * 1.5 * 1.5);
    assertThat(logLenient.weight(2.5)).isCloseTo(0.75 * 0.75 * 0.75, within(8 * U));
    assertThat(logLenient.logScale()).isCloseTo(3 * Math.log(2), within(4 * U));
    assertThatThrownBy(() -> lenient.weight(Double.NaN)).hasMessageContaining("finite");
    assertThat(PowerLift.of(3, ShiftRule.fixed(0)).zeroBelowShift().isZeroBelowShift()).isTrue();
    assertThat(PowerLift.of(3, ShiftRule.fixed(0)).isZeroBelowShift()).isFalse();
  }
}
