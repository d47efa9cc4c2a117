package io.convopt.experiments.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.experiments.functions.TestFunction;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The convolution solvers take part in the benchmark on the same terms as the peers: one budget
 * rule, never more evaluations than the budget (the runner refuses an overrun), seeded results.
 */
class ConvolutionSolversInBenchmarkTest {

  static final List<String> CONV =
      List.of("conv-descent", "zigzag1", "zigzag2", "median", "continuation", "conv-multires");

  @Test
  void everyConvolutionSolverIsRegisteredAndStaysWithinTheBudgetIn1dAnd2d(@TempDir Path dir) {
    assertThat(SolverRegistry.names()).containsAll(CONV);
    Map<String, SolverFactory> solvers = new LinkedHashMap<>();
    for (String s : CONV) {
      solvers.put(s, SolverRegistry.factory(s));
    }
    for (int d : new int[] {1, 2}) {
      List<TestFunction> suite = Benchmark.suite(List.of("RASTRIGIN"), d);
      Benchmark.Result res =
          new Benchmark(suite, solvers)
              .withRuns(2)
              .withBudgetPerDimension(400)
              .withThreads(2)
              .run(dir.resolve("d" + d));
      assertThat(res.records()).hasSize(CONV.size() * 2);
      for (RunRecord r : res.records()) {
        assertThat(r.evaluations()).as(r.solver() + " in " + d + "-D").isBetween(1L, 400L * d);
        assertThat(r.bestF()).isLessThanOrEqualTo(r.fStar() + 1e-12);
      }
    }
  }

  @Test
  void everyConvolutionSolverRunsIn5dAnd10dAndSaysWhyItStoppedEarly(@TempDir Path dir) {
    // Small budgets (the grids are cut short by the cap); what matters is that no solver throws,
    // none overruns, a run that ends with budget left carries its stop reason and a note, and a
    // solver the budget cannot serve is declined with its reason.
    List<TestFunction> suite = Benchmark.suite(List.of("RASTRIGIN"), List.of(5, 10));
    Map<String, SolverFactory> conv = new LinkedHashMap<>();
    for (String name : SolverRegistry.names()) {
      if (name.startsWith("conv") || name.startsWith("zigzag") || CONV.contains(name)) {
        conv.put(name, SolverRegistry.factory(name));
      }
    }
    Benchmark.Result res =
        new Benchmark(suite, conv).withRuns(1).withBudgetPerDimension(150).withThreads(2).run(dir);
    assertThat(res.records()).hasSize(2 * conv.size());
    for (RunRecord r : res.records()) {
      String what = r.solver() + " in " + r.dimension() + "-D";
      if (r.declined()) { // only where one grid of 3^d points does not fit (1500 < 3^10)
        assertThat(r.solver()).startsWith("conv-multires");
        assertThat(r.dimension()).isEqualTo(10);
        assertThat(r.note()).contains("3^d");
        continue;
      }
      assertThat(r.evaluations()).as(what).isBetween(1L, r.budget());
      assertThat(r.stopReason()).as(what).isNotEmpty();
      assertThat(r.note().isEmpty())
          .as(what + ": " + r.note())
          .isEqualTo(r.evaluations() == r.budget());
    }
  }

  @Test
  void theDescentRuleShrinksTheFineBallOnlyWhereTheBudgetCannotPayForIt() {
    TestFunction f2 = Benchmark.suite(List.of("RASTRIGIN"), 2).get(0);
    TestFunction f10 = Benchmark.suite(List.of("RASTRIGIN"), 10).get(0);
    assertThat(ConvolutionBudgetRule.descentSettings(f2.box(), 20_000, 1).fineStepsPerDelta())
        .isEqualTo(ConvolutionBudgetRule.settings(f2.box(), 20_000, 1).fineStepsPerDelta());
    // (100000/4)^(1/10) / 2 = 1.38: one fine step per delta, 2^10 ball points.
    assertThat(ConvolutionBudgetRule.descentSettings(f10.box(), 100_000, 1).fineStepsPerDelta())
        .isEqualTo(1);
  }

  @Test
  void theBudgetRuleDependsOnlyOnTheBoxAndTheBudget() {
    TestFunction f = Benchmark.suite(List.of("BRANIN"), 2).get(0);
    var s = ConvolutionBudgetRule.settings(f.box(), 4000, 1);
    double widest = Math.max(f.box().width(0), f.box().width(1));
    // m = floor((4000/4)^(1/2)) = 31 cells along the widest side.
    assertThat(s.eta()).isEqualTo(widest / 31);
    assertThat(s.power()).isEqualTo(ConvolutionBudgetRule.POWER);
    var tiny = ConvolutionBudgetRule.settings(f.box(), 5, 1);
    assertThat(tiny.eta()).isEqualTo(widest / 3);
  }

  @Test
  void equalSeedsGiveEqualRuns(@TempDir Path dir) {
    Map<String, SolverFactory> solvers = Map.of("zigzag2", SolverRegistry.factory("zigzag2"));
    List<TestFunction> suite = Benchmark.suite(List.of("BRANIN"), 2);
    var a =
        new Benchmark(suite, solvers)
            .withRuns(2)
            .withBudgetPerDimension(300)
            .withThreads(1)
            .run(dir.resolve("a"));
    var b =
        new Benchmark(suite, solvers)
            .withRuns(2)
            .withBudgetPerDimension(300)
            .withThreads(2)
            .run(dir.resolve("b"));
    for (int i = 0; i < a.records().size(); i++) {
      assertThat(b.records().get(i).withoutWallTime())
          .isEqualTo(a.records().get(i).withoutWallTime());
    }
  }
}
