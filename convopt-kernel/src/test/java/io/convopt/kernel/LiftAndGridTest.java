package io.convopt.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LiftAndGridTest {

  @Test
  void plainPowerLiftIsThePowerOfTheShiftedValue() {
    double[] f = {-2, -1, 0.5, 3};
    LiftFunction l = PowerLift.of(3, ShiftRule.minShift(0.5)).fit(f);
    // C = 2 + 0.5; Math.pow of exact bases, so exact equality is expected.
    assertThat(l.weight(0.5)).isEqualTo(Math.pow(3, 3));
    assertThat(l.weight(-2)).isEqualTo(Math.pow(0.5, 3));
    assertThat(l.logScale()).isZero();
    assertThat(PowerLift.of(3, ShiftRule.minShift(0)).fit(f).weight(-2)).isZero();
  }

  @Test
  void logDomainLiftKeepsRatiosForHugePowers() {
    // N = 400: plain (f + C)^N overflows for f + C ≥ 6 (6^400 ≈ 1e311); the log-domain weights are
    // w/w_max = ((f + C)/(f_max + C))^N. Relative 1e-12: exp(N·ln s − ref) loses about
    // N·|ln s|·u ≈ 400·2·1.1e-16 ≈ 1e-13 relative to rounding of the exponent.
    double[] f = {1, 5, 9};
    LiftFunction l = PowerLift.logDomain(400, ShiftRule.fixed(1)).fit(f);
    assertThat(l.weight(9)).isCloseTo(1.0, within(1e-12));
    double expected = Math.pow(6.0 / 10.0, 400);
    assertThat(l.weight(5)).isCloseTo(expected, within(1e-12 * expected));
    assertThat(l.logScale()).isCloseTo(400 * Math.log(10), within(1e-12 * 400 * Math.log(10)));
    assertThat(l.weight(-1)).isZero();
  }

  @Test
  void exponentialLiftIsRelativeToTheMaximum() {
    LiftFunction l = ExponentialLift.of(50).fit(new double[] {0, 10, 20});
    assertThat(l.weight(20)).isEqualTo(1.0);
    // exp of an exactly representable argument: Math.exp is within 1 ulp.
    assertThat(l.weight(19)).isCloseTo(Math.exp(-50), within(2 * Math.ulp(Math.exp(-50))));
    assertThat(l.logScale()).isEqualTo(1000.0);
  }

  @Test
  void latticeGridIsAlignedAndClipped() {
    LatticeGrid1D g = LatticeGrid1D.of(0.37, 0.1, -0.05, 1.0);
    // Lattice points 0.37 + 0.1 j in [-0.05, 1]: j = -4 (-0.03) … 6 (0.97).
    assertThat(g.firstIndex()).isEqualTo(-4);
    assertThat(g.lastIndex()).isEqualTo(6);
    assertThat(g.size()).isEqualTo(11);
    for (int k = 0; k < g.size(); k++) {
      assertThat(g.point(k)).isEqualTo(0.37 + (k - 4) * 0.1);
      assertThat(g.point(k)).isBetween(-0.05, 1.0);
    }
    assertThat(g.pointAt(g.firstIndex() - 1)).isLessThan(-0.05);
    assertThat(g.pointAt(g.lastIndex() + 1)).isGreaterThan(1.0);
    assertThat(g.nearestIndex(0.68)).isEqualTo(3);
    assertThat(g.points().cellVolume()).isEqualTo(0.1);
  }

  @Test
  void tensorGridIsRowMajorProductOfAxes() {
    TensorGrid t =
        TensorGrid.of(
            Box.of(new double[] {0, 0}, new double[] {1, 2}),
            new double[] {0.25, 0.5},
            new double[] {0.5, 0.5});
    assertThat(t.axis(0).size()).isEqualTo(2); // 0.25, 0.75
    assertThat(t.axis(1).size()).isEqualTo(5); // 0, 0.5, …, 2
    PointSet p = t.points();
    assertThat(p.size()).isEqualTo(10);
    assertThat(p.point(0)).containsExactly(0.25, 0.0);
    assertThat(p.point(1)).containsExactly(0.25, 0.5);
    assertThat(p.point(5)).containsExactly(0.75, 0.0);
    assertThat(p.cellVolume()).isEqualTo(0.25);
  }

  @Test
  void fineWindowAndBallAreClosedAndClipped() {
    PointSet w = FineGrid.window(0.5, 0.1, FineGrid.defaultStep(0.1), 0, 1);
    assertThat(w.size()).isEqualTo(21); // k = -10 … 10, both edges included
    PointSet clipped = FineGrid.window(0.05, 0.1, 0.01, 0, 1);
    assertThat(clipped.size()).isEqualTo(16); // 0.0 … 0.15 (x < 0 dropped)
    PointSet b = FineGrid.ball(new double[] {0, 0}, 0.1, 0.05, Box.cube(2, -1, 1));
    // k ∈ Z² with |k|² ≤ 4: 13 lattice points (1 + 4 + 4 + 4).
    assertThat(b.size()).isEqualTo(13);
    assertThat(b.cellVolume()).isCloseTo(0.0025, within(1e-18));
  }

  @Test
  void sampleCacheEvaluatesOncePerPoint() {
    int[] calls = {0};
    SampleCache c =
        SampleCache.of1D(
            x -> {
              calls[0]++;
              return x * x;
            });
    PointSet p = LatticeGrid1D.of(0, 0.25, 0, 1).points();
    c.values(p);
    c.values(p);
    c.value(-0.0);
    assertThat(calls[0]).isEqualTo(5);
    assertThat(c.evaluations()).isEqualTo(5);
    assertThat(c.size()).isEqualTo(5);
  }
}
