package io.convopt.solvers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.kernel.Box;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BudgetedSolverTest {

  /** Evaluates f on a fixed sequence of points, as a stand-in for any solver. */
  private static Solver walker(int points) {
    return new Solver() {
      @Override
      public String name() {
        return "walker";
      }

      @Override
      public Optimum optimize(Problem p, double[] start) {
        double best = Double.NEGATIVE_INFINITY;
        double[] arg = start;
        for (int i = 0; i < points; i++) {
          double[] x = {i / (double) points};
          double v = p.objective().value(x);
          if (v > best) {
            best = v;
            arg = x;
          }
        }
        return new Optimum(
            "walker",
            arg,
            best,
            points,
            points,
            0,
            StopReason.ITERATION_BUDGET,
            List.of(),
            Map.of());
      }
    };
  }

  private static final Box UNIT = Box.interval(0, 1);

  @Test
  void aRunWithinTheBudgetIsReturnedUnchanged() {
    Problem p = Problem.of("peak", x -> -(x[0] - 0.3) * (x[0] - 0.3), UNIT);
    Optimum o = new BudgetedSolver(walker(10), 10).optimize(p, new double[] {0.5});
    assertThat(o.stopReason()).isEqualTo(StopReason.ITERATION_BUDGET);
    assertThat(o.point()).containsExactly(0.3);
  }

  @Test
  void theCallOverTheBudgetIsRefusedAndTheBestSampleReturned() {
    AtomicLong calls = new AtomicLong();
    // Increasing f: the best of the first B samples is the B-th one, x = (B-1)/points.
    Problem p =
        Problem.of(
            "rising",
            x -> {
              calls.incrementAndGet();
              return x[0];
            },
            UNIT);
    Optimum o = new BudgetedSolver(walker(100), 7).optimize(p, new double[] {0.5});
    assertThat(calls.get()).isEqualTo(7);
    assertThat(o.evaluations()).isEqualTo(7);
    assertThat(o.stopReason()).isEqualTo(StopReason.EVALUATION_BUDGET);
    assertThat(o.point()).containsExactly(0.06);
    assertThat(o.value()).isEqualTo(0.06);
    assertThat(o.settings()).containsEntry("cut_short", "true").containsEntry("budget", "7");
  }

  @Test
  void otherFailuresPassThroughAndBadBudgetsAreRejected() {
    Problem p =
        Problem.of(
            "bad",
            x -> {
              throw new IllegalStateException("boom");
            },
            UNIT);
    assertThatThrownBy(() -> new BudgetedSolver(walker(5), 10).optimize(p, new double[] {0.5}))
        .hasMessage("boom");
    assertThatThrownBy(() -> new BudgetedSolver(walker(5), 0))
        .hasMessageContaining("budget must be >= 1");
  }
}
