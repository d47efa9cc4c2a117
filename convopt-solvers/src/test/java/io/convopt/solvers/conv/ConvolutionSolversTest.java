package io.convopt.solvers.conv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.kernel.Box;
import io.convopt.solvers.api.IterationListener;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.api.StopReason;
import io.convopt.solvers.api.StoppingRule;
import io.convopt.solvers.api.TrajectoryPoint;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConvolutionSolversTest {

  // N = 20 makes the local bump's lifted mass 0.6^20 ≈ 4e-5 of the global one: Lemma 3's condition
  // holds with a wide margin, so the surrogate's minimiser sits at the global maximum.
  private static final ConvolutionSettings S1 = ConvolutionSettings.of(0.01, 20);
  private static final ConvolutionSettings S2 = ConvolutionSettings.of(0.05, 20);

  @ParameterizedTest
  @ValueSource(doubles = {-0.9, -0.5, -0.45, 0.0, 0.95})
  void oneDimensionalSolversEndWithinTwoEtaOfTheGlobalMax(double start) {
    Problem p = TwoPeaks.oneD();
    for (Solver s :
        List.of(
            new SignDescent1D(S1),
            new SurrogateMedianSolver(S1),
            new PowerContinuation(S1),
            new ZigzagCyclic(S1),
            new ZigzagSampled(S1.withIterations(400)))) {
      Optimum o = s.optimize(p, new double[] {start});
      assertThat(Math.abs(o.coordinate(0) - TwoPeaks.G1))
          .as(s.name() + " from " + start)
          .isLessThanOrEqualTo(2 * 0.01 + 1e-12);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"-0.5 -0.4", "-0.9 0.9", "0.9 -0.9", "0.0 0.0", "0.95 0.95"})
  void twoDimensionalSolversEndWithinTwoEtaOfTheGlobalMax(String startText) {
    double[] start = parse(startText);
    Problem p = TwoPeaks.twoD();
    for (Solver s :
        List.of(
            new ConvolutionDescent(S2),
            new ConvolutionDescent(S2).withStepRule(StepRule.NORMALIZED_GRADIENT),
            new SurrogateMedianSolver(S2),
            new PowerContinuation(S2),
            new ZigzagSampled(S2.withIterations(200)))) {
      Optimum o = s.optimize(p, start);
      assertThat(TwoPeaks.distance(o.point(), TwoPeaks.G2))
          .as(s.name() + " from " + startText)
          .isLessThanOrEqualTo(2 * 0.05 + 1e-12);
    }
  }

  @Test
  void zigzag1IsTrappedAtTheLocalMaximumWhereZigzag2Escapes() {
    // On the lines through the local peak the global bump is invisible (e^-8 at 0.6 away), so the
    // axis-restricted surrogate has its minimiser at the local peak: zigzag1 stays; zigzag2 looks
    // around on a sphere of radius r, sees the global peak and walks there (Table 2's pattern).
    Problem p = TwoPeaks.twoD();
    double[] start = TwoPeaks.L2.clone();
    Optimum z1 = new ZigzagCyclic(S2).optimize(p, start);
    Optimum z2 = new ZigzagSampled(S2.withIterations(200)).optimize(p, start);
    assertThat(TwoPeaks.distance(z1.point(), TwoPeaks.L2)).isLessThanOrEqualTo(2 * 0.05 + 1e-12);
    assertThat(TwoPeaks.distance(z2.point(), TwoPeaks.G2)).isLessThanOrEqualTo(2 * 0.05 + 1e-12);
    // From starts whose axis lines are dominated by the global peak, zigzag1 finds the global max.
    for (double[] start2 : new double[][] {{0.3, 0.9}, {0.9, 0.2}, {0.0, 0.5}}) {
      Optimum z1b = new ZigzagCyclic(S2).optimize(p, start2);
      assertThat(TwoPeaks.distance(z1b.point(), TwoPeaks.G2)).isLessThanOrEqualTo(2 * 0.05 + 1e-12);
    }
  }

  @Test
  void exactMedianAgreesWithSignDescentLimitWithinEta() {
    Problem p1 = TwoPeaks.oneD();
    for (double start : new double[] {-0.9, 0.0, 0.9}) {
      Optimum descent =
          new SignDescent1D(S1.withIterations(1000))
              .withStoppingRule(StoppingRule.twoCycle())
              .optimize(p1, new double[] {start});
      Optimum median = new SurrogateMedianSolver(S1).optimize(p1, new double[] {start});
      assertThat(descent.stopReason()).isEqualTo(StopReason.TWO_CYCLE);
      assertThat(Math.abs(descent.coordinate(0) - median.coordinate(0))).isLessThanOrEqualTo(0.01);
    }
    // 2-D, a broad lifted mass (N = 2) so the geometric median is not simply the peak.
    ConvolutionSettings broad = ConvolutionSettings.of(0.05, 2);
    Problem p2 = TwoPeaks.twoD();
    Optimum descent =
        new ConvolutionDescent(broad.withIterations(400)).optimize(p2, new double[] {0.9, 0.9});
    Optimum median = new SurrogateMedianSolver(broad).optimize(p2, new double[] {0.9, 0.9});
    // Component-wise sign steps end in a ±η box around the minimiser: within η√2 of it.
    assertThat(TwoPeaks.distance(descent.point(), median.point()))
        .isLessThanOrEqualTo(0.05 * Math.sqrt(2) + 1e-12);
  }

  @Test
  void algorithm1SlopeMatchesAnIndependentQuadratureOfEq16() {
    Problem p = TwoPeaks.oneD();
    double eta = 0.01;
    double delta = eta;
    ConvolutionSettings s = ConvolutionSettings.of(eta, 4).withIterations(30).withTrajectory(true);
    double start = 0.1;
    Optimum o = new SignDescent1D(s).optimize(p, new double[] {start});
    // Rebuild the lift independently: C and the scale come from the same coarse midpoints.
    double fmin = Double.POSITIVE_INFINITY;
    double fmax = Double.NEGATIVE_INFINITY;
    for (int j = -110; j < 90; j++) {
      double f = p.objective().value(new double[] {start + (j + 0.5) * eta});
      fmin = Math.min(fmin, f);
      fmax = Math.max(fmax, f);
    }
    double c = -fmin;
    double scale = fmax + c;
    for (TrajectoryPoint t : o.trajectory().subList(0, 10)) {
      double theta = t.point()[0];
      double exact =
          simpson(
              x -> {
                double w = Math.pow((p.objective().value(new double[] {x}) + c) / scale, 4);
                double d = theta - x;
                double gp = Math.abs(d) >= delta ? Math.signum(d) : d / delta;
                return gp * w;
              },
              -1,
              1,
              1e-12);
      // Midpoint Riemann sums with step eta on a function of width 0.05: relative error
      // O((eta/width)^2)
      // ≈ 4% of the mass scale; the slope's scale is the total mass (≈ 0.13 here).
      assertThat(t.slope()[0])
          .as("slope at " + theta)
          .isCloseTo(exact, org.assertj.core.api.Assertions.within(5e-3));
    }
  }

  @Test
  void sameSeedGivesIdenticalRunsAndDifferentSeedsDifferentDirections() {
    Problem p = TwoPeaks.twoD();
    ConvolutionSettings s = S2.withIterations(60).withTrajectory(true);
    Optimum a = new ZigzagSampled(s.withSeed(7)).optimize(p, new double[] {-0.5, -0.4});
    Optimum b = new ZigzagSampled(s.withSeed(7)).optimize(p, new double[] {-0.5, -0.4});
    Optimum c = new ZigzagSampled(s.withSeed(8)).optimize(p, new double[] {-0.5, -0.4});
    assertThat(a.point()).containsExactly(b.point());
    assertThat(a.evaluations()).isEqualTo(b.evaluations());
    for (int i = 0; i < a.trajectory().size(); i++) {
      assertThat(a.trajectory().get(i).point()).containsExactly(b.trajectory().get(i).point());
    }
    boolean differs = false;
    for (int i = 1; i < a.trajectory().size(); i++) {
      differs |=
          !java.util.Arrays.equals(a.trajectory().get(i).point(), c.trajectory().get(i).point());
    }
    assertThat(differs).isTrue();
  }

  @Test
  void iterationListenerCanStopARunAndTrajectoryIsRecorded() {
    Problem p = TwoPeaks.oneD();
    Optimum o =
        new SignDescent1D(S1.withTrajectory(true))
            .withListener(
                st ->
                    st.iteration() >= 5
                        ? IterationListener.Action.STOP
                        : IterationListener.Action.CONTINUE)
            .optimize(p, new double[] {0.0});
    assertThat(o.stopReason()).isEqualTo(StopReason.LISTENER);
    assertThat(o.iterations()).isEqualTo(5);
    assertThat(o.trajectory()).hasSize(6);
    assertThat(o.trajectory().get(0).slope()).hasSize(1); // the slope that moved the start
    assertThat(o.trajectory().get(1).point()[0])
        .isEqualTo(0.0 - 0.01 * Math.signum(o.trajectory().get(0).slope()[0]));
  }

  @Test
  void evaluationsAreCountedOncePerGridPoint() {
    Problem p = TwoPeaks.oneD();
    int[] calls = {0};
    Problem counted =
        Problem.of(
            "counted",
            x -> {
              calls[0]++;
              return p.objective().value(x);
            },
            p.box());
    Optimum o = new SignDescent1D(S1).optimize(counted, new double[] {0.0});
    assertThat(o.evaluations()).isEqualTo(calls[0]);
    // 200 coarse cells + fine window points of the visited windows (shared) + 1 final value.
    assertThat(o.evaluations()).isLessThan(200 + 20L * (o.iterations() + 1) + 1);
  }

  @Test
  void badInputGetsClearErrors() {
    Problem p = TwoPeaks.oneD();
    assertThatThrownBy(() -> ConvolutionSettings.of(0, 3)).hasMessageContaining("eta");
    assertThatThrownBy(() -> ConvolutionSettings.of(-0.1, 3)).hasMessageContaining("eta");
    assertThatThrownBy(() -> ConvolutionSettings.of(0.1, 0)).hasMessageContaining("power N");
    assertThatThrownBy(() -> ConvolutionSettings.of(0.1, Double.NaN))
        .hasMessageContaining("power N");
    assertThatThrownBy(() -> ConvolutionSettings.of(0.1, 3).withDelta(-1))
        .hasMessageContaining("delta");
    assertThatThrownBy(() -> new SignDescent1D(S1).optimize(p, new double[] {1.5}))
        .hasMessageContaining("outside the box");
    assertThatThrownBy(() -> new SignDescent1D(S1).optimize(TwoPeaks.twoD(), new double[] {0, 0}))
        .hasMessageContaining("one-dimensional");
    assertThatThrownBy(() -> Box.of(new double[] {1}, new double[] {1}))
        .hasMessageContaining("empty or inverted box");
    Problem nan = Problem.of("nan", x -> x[0] > 0.5 ? Double.NaN : 1.0, p.box());
    assertThatThrownBy(() -> new SignDescent1D(S1).optimize(nan, new double[] {0.0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
    // A pole hit exactly by the coarse grid: cell midpoints are start + (j + 1/2) eta.
    Problem pole = Problem.of("pole", x -> -Math.log(Math.abs(x[0] - 0.105)), p.box());
    assertThatThrownBy(() -> new SignDescent1D(S1).optimize(pole, new double[] {0.0}))
        .hasMessageContaining("Infinity")
        .hasMessageContaining("pole");
    // The same pole off the grid is fine.
    assertThat(new SignDescent1D(S1).optimize(pole, new double[] {0.003}).coordinate(0)).isFinite();
    assertThatThrownBy(
            () ->
                new SignDescent1D(ConvolutionSettings.of(1e-9, 3)).optimize(p, new double[] {0.0}))
        .hasMessageContaining("limit");
  }

  private static double[] parse(String s) {
    String[] parts = s.trim().split("\\s+");
    double[] p = new double[parts.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = Double.parseDouble(parts[i]);
    }
    return p;
  }

  /** Adaptive Simpson quadrature: the independent reference. */
  static double simpson(java.util.function.DoubleUnaryOperator f, double a, double b, double tol) {
    double fa = f.applyAsDouble(a);
    double fb = f.applyAsDouble(b);
    double m = (a + b) / 2;
    double fm = f.applyAsDouble(m);
    return adapt(f, a, b, fa, fm, fb, (b - a) / 6 * (fa + 4 * fm + fb), tol, 50);
  }

  private static double adapt(
      java.util.function.DoubleUnaryOperator f,
      double a,
      double b,
      double fa,
      double fm,
      double fb,
      double whole,
      double tol,
      int depth) {
    double m = (a + b) / 2;
    double lm = (a + m) / 2;
    double rm = (m + b) / 2;
    double flm = f.applyAsDouble(lm);
    double frm = f.applyAsDouble(rm);
    double left = (m - a) / 6 * (fa + 4 * flm + fm);
    double right = (b - m) / 6 * (fm + 4 * frm + fb);
    if (depth <= 0 || Math.abs(left + right - whole) <= 15 * tol) {
      return left + right + (left + right - whole) / 15;
    }
    return adapt(f, a, m, fa, flm, fm, left, tol / 2, depth - 1)
        + adapt(f, m, b, fm, frm, fb, right, tol / 2, depth - 1);
  }
}
