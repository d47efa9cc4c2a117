package io.convopt.solvers.conv.sampled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.convopt.kernel.Box;
import io.convopt.solvers.api.Objective;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.StopReason;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of the sampled convolution solver on small problems: reproducible and seeded, within
 * the budget with every call counted, inside the box, and exact on a closed-form case.
 */
class SampledConvolutionTest {

  /** A 3-D box that is not symmetric about 0 and has unequal sides. */
  private static final Box BOX = Box.of(new double[] {-2, 0, -7}, new double[] {3, 1, 5});

  /** Shifted concave quadratic, max 4 at (0.7, 0.3, −2.1) (inside the box, off-centre). */
  private static double quadratic(double[] x) {
    double a = x[0] - 0.7;
    double b = (x[1] - 0.3) * 5;
    double c = (x[2] + 2.1) / 3;
    return 4 - a * a - b * b - c * c;
  }

  /** Rastrigin-like multimodal f, max 0 at (0.7, 0.3, −2.1). */
  private static double rippled(double[] x) {
    double s = 0;
    double[] opt = {0.7, 0.3, -2.1};
    for (int i = 0; i < 3; i++) {
      double z = x[i] - opt[i];
      s += z * z - Math.cos(2 * Math.PI * z) + 1;
    }
    return -s;
  }

  /** Counts its calls and records every point it was asked for. */
  private static final class Recording implements Objective {
    final Objective f;
    final List<double[]> points = new ArrayList<>();

    Recording(Objective f) {
      this.f = f;
    }

    @Override
    public double value(double[] x) {
      points.add(x.clone());
      return f.value(x);
    }
  }

  private static Optimum run(Objective f, Box box, long seed, long budget, SampledConvolution s) {
    double[] start = new double[box.dimension()];
    for (int i = 0; i < start.length; i++) {
      start[i] = box.lower(i);
    }
    return s.withSeed(seed).withMaxEvaluations(budget).optimize(Problem.of("t", f, box), start);
  }

  @Test
  void sameSeedGivesABitIdenticalRunAndDifferentSeedsDifferentRuns() {
    SampledConvolution s = new SampledConvolution();
    Recording a = new Recording(SampledConvolutionTest::rippled);
    Recording b = new Recording(SampledConvolutionTest::rippled);
    Recording c = new Recording(SampledConvolutionTest::rippled);
    Optimum oa = run(a, BOX, 11, 3000, s);
    Optimum ob = run(b, BOX, 11, 3000, s);
    Optimum oc = run(c, BOX, 12, 3000, s);
    assertThat(a.points).hasSameSizeAs(b.points);
    for (int k = 0; k < a.points.size(); k++) {
      assertThat(b.points.get(k)).as("point %d", k).isEqualTo(a.points.get(k));
    }
    assertThat(ob.point()).isEqualTo(oa.point());
    assertThat(Double.doubleToRawLongBits(ob.value()))
        .isEqualTo(Double.doubleToRawLongBits(oa.value()));
    // A different seed: a different first sample (the QMC shift) and a different path.
    assertThat(c.points.get(0)).isNotEqualTo(a.points.get(0));
    assertThat(oc.settings()).isNotEqualTo(oa.settings());
  }

  @Test
  void neverExceedsTheBudgetCountsEveryCallAndStaysInTheBox() {
    long[] budgets = {1, 7, 333, 1200};
    for (SampledConvolution s :
        List.of(
            new SampledConvolution(),
            new SampledConvolution()
                .withPolish(false)
                .withContinuation(false)
                .withFixedPower(10))) {
      for (long budget : budgets) {
        Recording f = new Recording(SampledConvolutionTest::rippled);
        Optimum o = run(f, BOX, budget, budget, s);
        assertThat(o.evaluations()).as(s + " budget " + budget).isEqualTo(f.points.size());
        assertThat(o.evaluations()).isLessThanOrEqualTo(budget);
        assertThat(o.stopReason()).isEqualTo(StopReason.EVALUATION_BUDGET);
        assertThat(o.evaluations()).isEqualTo(budget); // restarts use the whole budget
        for (double[] x : f.points) {
          assertThat(BOX.contains(x)).as("evaluated %s", java.util.Arrays.toString(x)).isTrue();
        }
        // The result is the best point evaluated, with its value.
        double best =
            f.points.stream().mapToDouble(SampledConvolutionTest::rippled).max().orElseThrow();
        assertThat(o.value()).isEqualTo(best);
        assertThat(rippled(o.point())).isEqualTo(o.value());
      }
    }
  }

  @Test
  void withoutRestartsItStopsEarlyAndSaysWhy() {
    Recording f = new Recording(SampledConvolutionTest::quadratic);
    Optimum o = run(f, BOX, 5, 100_000, new SampledConvolution().withRestarts(false));
    assertThat(o.evaluations()).isEqualTo(f.points.size()).isLessThan(100_000);
    assertThat(o.stopReason()).isEqualTo(StopReason.CONVERGED);
    assertThat(o.settings().get("stop_detail"))
        .contains("restarts off")
        .contains("evaluations left");
  }

  @Test
  void findsTheMaximumOfAShiftedQuadraticTo1e6() {
    for (long seed = 1; seed <= 3; seed++) {
      Optimum o = run(SampledConvolutionTest::quadratic, BOX, seed, 3000, new SampledConvolution());
      // f* − f ≤ 1e-6 and the point within 1e-3 (f is quadratic, so ‖x − x*‖ ~ sqrt(error)).
      assertThat(4 - o.value()).isBetween(0.0, 1e-6);
      assertThat(o.point()[0]).isCloseTo(0.7, within(1e-3));
      assertThat(o.point()[1]).isCloseTo(0.3, within(1e-3));
      assertThat(o.point()[2]).isCloseTo(-2.1, within(1e-3));
    }
  }

  @Test
  void findsTheGlobalMaximumOfARippledFunctionAndA1dProblem() {
    Optimum o = run(SampledConvolutionTest::rippled, BOX, 2, 6000, new SampledConvolution());
    assertThat(-o.value()).isLessThan(1e-6);
    // 1-D: Nelder–Mead polish, optimum near the box edge.
    Box line = Box.interval(-1, 2);
    Optimum one = run(x -> -Math.pow(x[0] - 1.9, 2), line, 4, 500, new SampledConvolution());
    assertThat(-one.value()).isLessThan(1e-8);
  }

  @Test
  void theQmcSequenceIsEvenlySpreadAndSeeded() {
    // Star-discrepancy proxy: each of the 8 octants of [0,1)^3 gets 1/8 of 800 points within 10 %.
    QmcSequence q = new QmcSequence(3, new SplittableRandom(7));
    int[] counts = new int[8];
    for (int k = 0; k < 800; k++) {
      double[] p = q.next();
      counts[(p[0] < 0.5 ? 0 : 1) + (p[1] < 0.5 ? 0 : 2) + (p[2] < 0.5 ? 0 : 4)]++;
    }
    for (int c : counts) {
      assertThat(c).isBetween(90, 110);
    }
    assertThat(new QmcSequence(3, new SplittableRandom(8)).next())
        .isNotEqualTo(new QmcSequence(3, new SplittableRandom(7)).next());
  }

  @Test
  void importanceWeightsMakeThePooledEstimateOfAVolumeUnbiased() {
    // Two nested regions sampled uniformly; the pooled MIS estimate of the volume of the inner
    // region (∫ 1 over it) must be its true volume 0.09 (exact here up to sampling of membership).
    SamplePool pool = new SamplePool();
    SplittableRandom rng = new SplittableRandom(3);
    Region outer = Region.around(new double[] {0.5, 0.5}, 0.5);
    Region inner = Region.around(new double[] {0.4, 0.6}, 0.15);
    for (Region r : List.of(outer, inner)) {
      List<double[]> us = new ArrayList<>();
      for (int k = 0; k < 20_000; k++) {
        us.add(r.at(new double[] {rng.nextDouble(), rng.nextDouble()}));
      }
      pool.addStage(r, us, new double[us.size()]);
    }
    SamplePool.Restricted in = pool.restrictTo(inner);
    double sum = 0;
    for (double w : in.importance()) {
      sum += w;
    }
    assertThat(sum / 40_000).isCloseTo(inner.volume(), within(0.09 * 0.02));
  }

  @Test
  void badSettingsAreRejectedWithAClearMessage() {
    assertThatThrownBy(() -> new SampledConvolution().withMaxEvaluations(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("budget");
    assertThatThrownBy(() -> new SampledConvolution().withFixedPower(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("power");
    assertThatThrownBy(
            () ->
                new SampledConvolution()
                    .optimize(Problem.of("t", x -> 0, BOX), new double[] {9, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the box");
  }
}
