package io.convopt.solvers.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.convopt.kernel.Box;
import io.convopt.solvers.api.Objective;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.api.StopReason;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every baseline shares, checked on small hand-made problems. */
class BaselineContractTest {

  /** Builds a configured solver from (seed, budget). */
  interface Factory {
    Solver make(long seed, long budget);
  }

  static Stream<Arguments> solvers() {
    return Stream.of(
        Arguments.of("grid", (Factory) (s, b) -> new GridSearch().withMaxEvaluations(b), false),
        Arguments.of(
            "random",
            (Factory) (s, b) -> new RandomSearch().withSeed(s).withMaxEvaluations(b),
            true),
        Arguments.of(
            "nelder-mead",
            (Factory) (s, b) -> new MultistartNelderMead().withSeed(s).withMaxEvaluations(b),
            true),
        Arguments.of(
            "gradient",
            (Factory) (s, b) -> new MultistartGradientAscent().withSeed(s).withMaxEvaluations(b),
            true),
        Arguments.of(
            "cmaes", (Factory) (s, b) -> new CmaEs().withSeed(s).withMaxEvaluations(b), true),
        Arguments.of(
            "bobyqa",
            (Factory) (s, b) -> new BobyqaMultistart().withSeed(s).withMaxEvaluations(b),
            true));
  }

  private static final Box BOX = Box.of(new double[] {-1, 0}, new double[] {2, 3});

  /** Concave quadratic with its maximum 5 at (1.3, 0.4), off-centre. */
  private static final Objective BOWL =
      x -> 5 - (x[0] - 1.3) * (x[0] - 1.3) - 2 * (x[1] - 0.4) * (x[1] - 0.4);

  /** Many local maxima; the global one is at (0.37, 2.21). */
  private static final Objective BUMPY =
      x -> {
        double a = x[0] - 0.37;
        double b = x[1] - 2.21;
        return -(a * a + b * b) + 0.5 * (Math.cos(9 * a) + Math.cos(9 * b));
      };

  /** Counts calls and records any point outside the box (the solver must never ask for one). */
  static final class Probe implements Objective {
    final Objective inner;
    final Box box;
    final AtomicLong calls = new AtomicLong();
    final AtomicLong outside = new AtomicLong();

    Probe(Objective inner, Box box) {
      this.inner = inner;
      this.box = box;
    }

    @Override
    public double value(double[] x) {
      calls.incrementAndGet();
      for (int i = 0; i < x.length; i++) {
        if (!(x[i] >= box.lower(i) && x[i] <= box.upper(i))) {
          outside.incrementAndGet();
        }
      }
      return inner.value(x);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("solvers")
  void findsTheMaximumOfASmoothBowl(String name, Factory factory, boolean stochastic) {
    Probe probe = new Probe(BOWL, BOX);
    Optimum opt =
        factory.make(3, 2_000).optimize(Problem.of("bowl", probe, BOX), new double[] {-0.5, 2.5});
    // Grid: 44 x 45 cells of width 3/44, 3/45: the best midpoint is within half a cell per axis,
    // so f* - f <= (1.5/44)^2 + 2 (1.5/45)^2 < 3.5e-3. Random search: 2000 samples on an area of 9.
    double tol =
        switch (name) {
          case "grid" -> 3.5e-3;
          case "random" -> 5e-2;
          default -> 1e-8;
        };
    assertThat(opt.value()).isCloseTo(5.0, within(tol));
    assertThat(opt.value()).isLessThanOrEqualTo(5.0);
    assertThat(BOWL.value(opt.point())).isEqualTo(opt.value());
    assertThat(opt.solver()).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("solvers")
  void evaluationCountIsExactAndWithinTheBudget(String name, Factory factory, boolean stochastic) {
    Probe probe = new Probe(BUMPY, BOX);
    long budget = 1_237;
    Optimum opt =
        factory.make(11, budget).optimize(Problem.of("bumpy", probe, BOX), new double[] {0, 0});
    assertThat(opt.evaluations()).isEqualTo(probe.calls.get());
    assertThat(opt.stopReason()).isEqualTo(StopReason.EVALUATION_BUDGET);
    if (name.equals("grid")) {
      int[] cells = GridSearch.resolution(budget, 2);
      assertThat(opt.evaluations())
          .isEqualTo((long) cells[0] * cells[1])
          .isLessThanOrEqualTo(budget);
    } else {
      assertThat(opt.evaluations()).isEqualTo(budget);
    }
    assertThat(opt.settings()).containsKeys("maxEvaluations", "seed");
    assertThat(opt.settings().get("maxEvaluations")).isEqualTo(Long.toString(budget));
    if (stochastic) {
      assertThat(opt.settings().get("seed")).isEqualTo("11");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("solvers")
  void neverEvaluatesOutsideTheBoxAndReachesACornerOptimum(
      String name, Factory factory, boolean stochastic) {
    // Increasing in both coordinates: the maximum sits in the corner (2, 3), which pulls every
    // method against the faces.
    Objective ramp = x -> x[0] + 0.5 * x[1] + 0.1 * Math.sin(5 * x[0]);
    Probe probe = new Probe(ramp, BOX);
    Optimum opt =
        factory.make(5, 3_000).optimize(Problem.of("ramp", probe, BOX), new double[] {1.9, 2.9});
    assertThat(probe.outside.get()).isZero();
    assertThat(BOX.contains(opt.point())).isTrue();
    double best = ramp.value(new double[] {2, 3});
    double tol =
        switch (name) {
          case "grid" -> 0.1; // half a cell of width 3/54 per axis, slope <= 1.5
          case "random" -> 0.2;
          default -> 1e-9;
        };
    assertThat(opt.value()).isCloseTo(best, within(tol));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("solvers")
  void equalSeedsGiveIdenticalRunsAndDifferentSeedsDifferentOnes(
      String name, Factory factory, boolean stochastic) {
    Problem p = Problem.of("bumpy", BUMPY, BOX);
    double[] start = {1.5, 0.5};
    Optimum a = factory.make(42, 800).optimize(p, start);
    Optimum b = factory.make(42, 800).optimize(p, start);
    assertThat(b.point()).isEqualTo(a.point());
    assertThat(b.value()).isEqualTo(a.value());
    assertThat(b.evaluations()).isEqualTo(a.evaluations());
    assertThat(b.iterations()).isEqualTo(a.iterations());
    assertThat(b.settings()).isEqualTo(a.settings());
    if (stochastic) {
      Optimum c = factory.make(43, 800).optimize(p, start);
      assertThat(c.point()).isNotEqualTo(a.point());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("solvers")
  void rejectsBadInputWithAClearMessage(String name, Factory factory, boolean stochastic) {
    Problem p = Problem.of("bowl", BOWL, BOX);
    Solver s = factory.make(1, 100);
    assertThatThrownBy(() -> s.optimize(p, new double[] {2.5, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the box");
    assertThatThrownBy(() -> s.optimize(p, new double[] {0.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension");
    assertThatThrownBy(() -> s.optimize(p, new double[] {Double.NaN, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not finite");
    for (long bad : List.of(0L, -5L)) {
      assertThatThrownBy(() -> factory.make(1, bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("budget must be >= 1");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("solvers")
  void defaultBudgetIsTenThousandTimesTheDimension(
      String name, Factory factory, boolean stochastic) {
    Box box = Box.of(new double[] {0}, new double[] {1});
    Solver s =
        switch (name) {
          case "grid" -> new GridSearch();
          case "random" -> new RandomSearch();
          case "nelder-mead" -> new MultistartNelderMead();
          case "gradient" -> new MultistartGradientAscent();
          case "cmaes" -> new CmaEs();
          default -> null;
        };
    if (s == null) { // BOBYQA: 1-D is refused, see BobyqaMultistartTest; use 2-D instead
      Optimum opt =
          new BobyqaMultistart().optimize(Problem.of("bowl", BOWL, BOX), new double[] {0, 0});
      assertThat(opt.evaluations()).isEqualTo(20_000);
      return;
    }
    Objective f = x -> -Math.abs(x[0] - 0.3);
    Optimum opt = s.optimize(Problem.of("v", f, box), new double[] {0.9});
    assertThat(opt.evaluations()).isEqualTo(10_000);
    assertThat(opt.point()[0]).isCloseTo(0.3, within(1e-4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("solvers")
  void survivesPlateausAndStepsAndSpendsTheWholeBudget(
      String name, Factory factory, boolean stochastic) {
    // A constant function and a staircase: degenerate simplices, zero gradients, flat CMA-ES
    // fitness and flat BOBYQA models must end local runs, not the solver.
    Objective flat = x -> 1.0;
    Objective stairs = x -> Math.floor(2 * x[0]) + Math.floor(x[1]);
    for (Objective f : List.of(flat, stairs)) {
      Probe probe = new Probe(f, BOX);
      Optimum opt =
          factory
              .make(9, 1_500)
              .optimize(Problem.of("plateau", probe, BOX), new double[] {0.2, 1.1});
      assertThat(probe.outside.get()).isZero();
      assertThat(opt.evaluations()).isEqualTo(probe.calls.get());
      if (!name.equals("grid")) {
        assertThat(opt.evaluations()).isEqualTo(1_500);
      }
      assertThat(opt.value()).isEqualTo(f.value(opt.point()));
    }
  }
}
