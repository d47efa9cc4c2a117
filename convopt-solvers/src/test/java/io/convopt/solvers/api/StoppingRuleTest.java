package io.convopt.solvers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoppingRuleTest {

  private static IterationState state(
      long k, double[] x, double[] prev, double[] prev2, long evals, long nanos) {
    return new IterationState(k, x, prev, prev2, new double[] {1}, evals, nanos);
  }

  @Test
  void budgetsFireAtTheirLimits() {
    StoppingRule t = StoppingRule.maxIterations(3);
    assertThat(t.check(state(2, new double[] {0}, new double[] {1}, null, 0, 0))).isEmpty();
    assertThat(t.check(state(3, new double[] {0}, new double[] {1}, null, 0, 0)))
        .contains(StopReason.ITERATION_BUDGET);
    StoppingRule e = StoppingRule.maxEvaluations(100);
    assertThat(e.check(state(1, new double[] {0}, new double[] {1}, null, 100, 0)))
        .contains(StopReason.EVALUATION_BUDGET);
    StoppingRule w = StoppingRule.wallClock(Duration.ofMillis(5));
    assertThat(w.check(state(1, new double[] {0}, new double[] {1}, null, 0, 4_999_999))).isEmpty();
    assertThat(w.check(state(1, new double[] {0}, new double[] {1}, null, 0, 5_000_000)))
        .contains(StopReason.WALL_CLOCK);
  }

  @Test
  void twoCycleIsARevisitOfTheIterateTwoStepsBack() {
    StoppingRule c = StoppingRule.twoCycle();
    assertThat(c.check(state(2, new double[] {0.5}, new double[] {0.51}, new double[] {0.5}, 0, 0)))
        .contains(StopReason.TWO_CYCLE);
    assertThat(
            c.check(state(2, new double[] {0.49}, new double[] {0.5}, new double[] {0.51}, 0, 0)))
        .isEmpty();
    // Standing still (a clipped step) is not a 2-cycle; the step rule catches it.
    assertThat(c.check(state(2, new double[] {1}, new double[] {1}, new double[] {1}, 0, 0)))
        .isEmpty();
    assertThat(
            StoppingRule.stepBelow(0)
                .check(state(2, new double[] {1}, new double[] {1}, null, 0, 0)))
        .contains(StopReason.STEP_BELOW_TOLERANCE);
  }

  @Test
  void combinatorsComposeAndReportTheFirstReason() {
    StoppingRule a = StoppingRule.maxIterations(2);
    StoppingRule b = StoppingRule.maxEvaluations(10);
    IterationState s = state(2, new double[] {0}, new double[] {1}, null, 5, 0);
    assertThat(a.or(b).check(s)).contains(StopReason.ITERATION_BUDGET);
    assertThat(a.and(b).check(s)).isEmpty();
    IterationState both = state(2, new double[] {0}, new double[] {1}, null, 10, 0);
    assertThat(a.and(b).check(both)).contains(StopReason.ITERATION_BUDGET);
    assertThat(b.or(a).check(both)).contains(StopReason.EVALUATION_BUDGET);
  }

  @Test
  void invalidLimitsAreRejected() {
    assertThatThrownBy(() -> StoppingRule.maxIterations(0)).hasMessageContaining("T must be >= 1");
    assertThatThrownBy(() -> StoppingRule.maxEvaluations(-1)).hasMessageContaining("budget");
    assertThatThrownBy(() -> StoppingRule.stepBelow(Double.NaN)).hasMessageContaining("tolerance");
    assertThatThrownBy(() -> StoppingRule.wallClock(Duration.ZERO))
        .hasMessageContaining("positive");
  }

  @Test
  void statesAreDefensiveCopies() {
    double[] x = {1, 2};
    IterationState s = state(1, x, new double[] {0, 0}, null, 0, 0);
    x[0] = 99;
    assertThat(s.point()).containsExactly(1, 2);
    s.point()[1] = 42;
    assertThat(s.point()).containsExactly(1, 2);
    assertThat(s.stepLength()).isEqualTo(Math.sqrt(5));
  }
}
