package io.convopt.kernel;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Every documented error: IllegalArgumentException whose message names the parameter and value. */
class InputValidationTest {

  @Test
  void boxRejectsNonFiniteEmptyInvertedAndMismatched() {
    assertThatThrownBy(() -> Box.of(new double[] {0, Double.NaN}, new double[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower[1] = NaN");
    assertThatThrownBy(() -> Box.interval(0, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("upper[0] = Infinity");
    assertThatThrownBy(() -> Box.interval(1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty or inverted")
        .hasMessageContaining("lower[0] = 1.0");
    assertThatThrownBy(() -> Box.interval(2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("upper[0] = 1.0");
    assertThatThrownBy(() -> Box.of(new double[] {0}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension mismatch")
        .hasMessageContaining("lower")
        .hasMessageContaining("upper");
    assertThatThrownBy(() -> Box.cube(2, 0, 1).contains(new double[] {0.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x has length 1");
  }

  @Test
  void kernelRejectsBadDelta() {
    for (double d : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> ConvexKernel.of(d))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("delta = " + d)
          .hasMessageContaining("> 0");
    }
  }

  @Test
  void gridsRejectBadStepsHugeGridsAndIndexOverflow() {
    assertThatThrownBy(() -> LatticeGrid1D.of(0, 0, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eta = 0.0");
    assertThatThrownBy(() -> LatticeGrid1D.of(0, -0.1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eta = -0.1");
    assertThatThrownBy(() -> LatticeGrid1D.of(Double.NaN, 0.1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("theta0 = NaN");
    assertThatThrownBy(() -> LatticeGrid1D.of(0, 1e-9, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("would have 100000000")
        .hasMessageContaining("MAX_GRID_POINTS = " + KernelTunables.MAX_GRID_POINTS);
    assertThatThrownBy(() -> LatticeGrid1D.of(0, 1e-300, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index overflows")
        .hasMessageContaining("2^53");
    assertThatThrownBy(() -> LatticeGrid1D.of(0.05, 1, 0.1, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no point of the lattice");
    assertThatThrownBy(() -> TensorGrid.of(Box.cube(3, 0, 1), new double[3], 1e-3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.00e+09")
        .hasMessageContaining("MAX_GRID_POINTS");
    assertThatThrownBy(() -> TensorGrid.of(Box.cube(2, 0, 1), new double[3], 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("origin has length 3");
    assertThatThrownBy(() -> FineGrid.window(0, 0.1, 0, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step = 0.0");
    assertThatThrownBy(() -> FineGrid.window(0, -0.1, 0.01, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delta = -0.1");
    assertThatThrownBy(() -> FineGrid.ball(new double[4], 1, 1e-3, Box.cube(4, -1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAX_GRID_POINTS");
  }

  @Test
  void liftsRejectBadPowerNegativeBaseAndOverflow() {
    assertThatThrownBy(() -> PowerLift.of(0, ShiftRule.fixed(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("N = 0.0");
    assertThatThrownBy(() -> PowerLift.of(3, ShiftRule.fixed(0)).fit(new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("samples");
    assertThatThrownBy(() -> PowerLift.of(3, ShiftRule.fixed(0)).fit(new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("samples[1] = NaN");
    LiftFunction plain = PowerLift.of(3, ShiftRule.fixed(1)).fit(new double[] {0});
    assertThatThrownBy(() -> plain.weight(-2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("f + C = -1.0 < 0")
        .hasMessageContaining("C = 1.0");
    LiftFunction big = PowerLift.of(300, ShiftRule.fixed(0)).fit(new double[] {100});
    assertThatThrownBy(() -> big.weight(100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overflows")
        .hasMessageContaining("PowerLift.logDomain");
    assertThatThrownBy(() -> ShiftRule.minShift(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("margin = -1.0");
    assertThatThrownBy(() -> ExponentialLift.of(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beta = 0.0");
    // Lifting on a grid names the point where the lift failed.
    PointSet pts = LatticeGrid1D.of(0, 0.5, 0, 1).points();
    assertThatThrownBy(() -> LiftedSamples.of(pts, new double[] {1, 1, -5}, plain))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at x = [1.0]");
  }

  @Test
  void sampleCacheReportsPolesWithTheirLocation() {
    SampleCache c = SampleCache.of1D(x -> -Math.log(Math.abs(x - 0.5)));
    assertThatThrownBy(() -> c.value(0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Infinity")
        .hasMessageContaining("x = [0.5]");
    SampleCache nan = SampleCache.of(p -> Math.sqrt(p[0]), 2);
    assertThatThrownBy(() -> nan.value(new double[] {-1, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN")
        .hasMessageContaining("x = [-1.0, 3.0]");
    assertThatThrownBy(() -> nan.value(new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x has length 1");
  }

  @Test
  void sumsRejectMismatchedShapesAndBadStep() {
    ConvexKernel k = ConvexKernel.of(0.1);
    assertThatThrownBy(() -> ConvolutionSums.derivative(k, 0, new double[3], new double[2], 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x has length 3")
        .hasMessageContaining("w has length 2");
    assertThatThrownBy(() -> ConvolutionSums.value(k, 0, new double[2], new double[2], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("h = 0.0");
    assertThatThrownBy(
            () ->
                ConvolutionSums.gradient(
                    k, new double[2], new double[][] {new double[4]}, new double[4], 1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("theta has length 2");
    assertThatThrownBy(
            () ->
                ConvolutionSums.hessian(
                    k, new double[2], new double[2][4], new double[4], 1, new double[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out has length 3");
  }

  @Test
  void incrementalMassesRejectStartOutsideGridAndBadWeights() {
    LatticeGrid1D g = LatticeGrid1D.of(0, 0.1, 0, 1);
    ConvexKernel k = ConvexKernel.of(0.1);
    assertThatThrownBy(() -> IncrementalMasses1D.create(g, new double[11], k, 0.01, x -> 1, 11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startIndex = 11")
        .hasMessageContaining("0 … 10");
    double[] w = new double[11];
    w[4] = -1;
    assertThatThrownBy(() -> IncrementalMasses1D.create(g, w, k, 0.01, x -> 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weights[4] = -1.0");
    assertThatThrownBy(() -> IncrementalMasses1D.create(g, new double[10], k, 0.01, x -> 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weights has length 10");
    IncrementalMasses1D s =
        IncrementalMasses1D.create(g, new double[11], k, 0.01, x -> Double.NaN, 3);
    assertThatThrownBy(s::windowTerm)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weightAt(x) = NaN");
  }
}
