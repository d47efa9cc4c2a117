package io.convopt.experiments.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convopt.experiments.functions.TestFunction;
import io.convopt.experiments.io.CsvRowWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class BenchmarkTest {

  private static Benchmark tiny(int threads) {
    List<TestFunction> suite = Benchmark.suite(List.of("BRANIN", "SIX_HUMP_CAMEL"), 2);
    Map<String, SolverFactory> solvers = new LinkedHashMap<>();
    solvers.put("random", SolverRegistry.factory("random"));
    solvers.put("nelder-mead", SolverRegistry.factory("nelder-mead"));
    return new Benchmark(suite, solvers)
        .withRuns(3)
        .withBudgetPerDimension(150)
        .withThreads(threads);
  }

  private static List<RunRecord> withoutWall(List<RunRecord> records) {
    List<RunRecord> out = new ArrayList<>();
    for (RunRecord r : records) {
      out.add(r.withoutWallTime());
    }
    return out;
  }

  @Test
  void tinyBenchmarkWritesOneScoredRowPerRunAndTheSummaries(@TempDir Path dir) {
    Benchmark.Result res = tiny(2).run(dir);
    assertThat(res.executed()).isEqualTo(12);
    assertThat(res.skipped()).isZero();
    Path folder = dir.resolve("benchmark");
    List<List<String>> rows = CsvRowWriter.readAll(folder.resolve("runs.csv"));
    assertThat(rows.get(0)).isEqualTo(RunRecord.HEADER);
    assertThat(rows).hasSize(13);
    Set<String> keys = new TreeSet<>();
    for (RunRecord r : Benchmark.readRecords(folder.resolve("runs.csv"))) {
      keys.add(r.function() + "/" + r.solver() + "/" + r.run());
      assertThat(r.budget()).isEqualTo(300);
      assertThat(r.evaluations()).isEqualTo(300); // both methods spend the whole budget
      assertThat(r.error()).isEqualTo(r.fStar() - r.bestF());
      assertThat(r.success()).isEqualTo(r.error() <= 1e-3); // absolute rule
      assertThat(r.successRelative())
          .isEqualTo(r.error() <= 1e-3 * Math.max(1, Math.abs(r.fStar())));
      assertThat(r.stopReason()).isNotEmpty();
      assertThat(r.note().isEmpty()).isEqualTo(r.evaluations() == r.budget());
      assertThat(r.seed()).isEqualTo(Benchmark.seed(r.function(), r.solver(), r.run()));
      long[] h = r.hits();
      for (int i = 1; i < h.length; i++) { // tighter targets are met later, or never
        assertThat(h[i] < 0 || (h[i - 1] >= 0 && h[i] >= h[i - 1])).isTrue();
      }
      assertThat(r.evalsToSuccess() >= 0).isEqualTo(r.success());
      assertThat(r.distance()).isGreaterThanOrEqualTo(0);
      double width = r.function().equals("BRANIN") ? 20 : 6; // boxes [-5,15]^2 and [-3,3]^2
      assertThat(r.localised()).isEqualTo(r.distance() <= 1e-2 * width);
    }
    assertThat(keys)
        .containsExactly(
            "BRANIN/nelder-mead/0",
            "BRANIN/nelder-mead/1",
            "BRANIN/nelder-mead/2",
            "BRANIN/random/0",
            "BRANIN/random/1",
            "BRANIN/random/2",
            "SIX_HUMP_CAMEL_SHIFTED/nelder-mead/0",
            "SIX_HUMP_CAMEL_SHIFTED/nelder-mead/1",
            "SIX_HUMP_CAMEL_SHIFTED/nelder-mead/2",
            "SIX_HUMP_CAMEL_SHIFTED/random/0",
            "SIX_HUMP_CAMEL_SHIFTED/random/1",
            "SIX_HUMP_CAMEL_SHIFTED/random/2");

    assertThat(res.summary().columnNames())
        .containsExactly(
            "solver",
            "function",
            "dimension",
            "budget",
            "runs",
            "successes",
            "success_rate",
            "success_rate_at_100d",
            "success_rate_at_1000d",
            "rate_1e-5",
            "rate_1e-8",
            "ert",
            "median_error",
            "best_error",
            "median_distance",
            "localised_rate",
            "success_rate_relative",
            "ert_1e-5",
            "ert_1e-8",
            "declined",
            "stop_reasons");
    assertThat(res.summary().rowCount()).isEqualTo(4);
    assertThat(res.summary().intColumn("runs").asList()).containsOnly(3);
    assertThat(Files.exists(folder.resolve("summary.csv"))).isTrue();
    assertThat(Files.exists(folder.resolve("data_profile.csv"))).isTrue();
    assertThat(Files.exists(folder.resolve("provenance.csv"))).isTrue();
    Table saved = Table.read().csv(folder.resolve("summary.csv").toFile());
    assertThat(saved.rowCount()).isEqualTo(4);
    assertThat(saved.columnNames()).isEqualTo(res.summary().columnNames());
    // data profile: multiples 1..100 then the full budget 150, for each solver; non-decreasing
    Table profile = res.dataProfile();
    assertThat(profile.columnNames())
        .containsExactly("solver", "budget_per_dim", "pairs", "fraction_solved");
    assertThat(profile.longColumn("budget_per_dim").asList())
        .startsWith(1L, 2L, 5L, 10L, 20L, 50L, 100L, 150L);
    assertThat(profile.rowCount()).isEqualTo(16);
    for (int i = 1; i < profile.rowCount(); i++) {
      if (profile.stringColumn("solver").get(i).equals(profile.stringColumn("solver").get(i - 1))) {
        assertThat(profile.doubleColumn("fraction_solved").get(i))
            .isGreaterThanOrEqualTo(profile.doubleColumn("fraction_solved").get(i - 1));
      }
    }
    // the last profile point of a solver equals its overall success fraction (independent count)
    for (String s : List.of("nelder-mead", "random")) {
      long solved = res.records().stream().filter(r -> r.solver().equals(s) && r.success()).count();
      Table last =
          profile.where(
              profile
                  .stringColumn("solver")
                  .isEqualTo(s)
                  .and(profile.longColumn("budget_per_dim").isEqualTo(150)));
      assertThat(last.doubleColumn("fraction_solved").get(0))
          .isCloseTo(solved / 6.0, within(1e-12));
    }
  }

  @Test
  void ertChargesFailuresTheBudgetAndDividesBySuccesses() {
    long[] none = {-1, -1, -1, -1};
    RunRecord s1 =
        new RunRecord(
            "F",
            2,
            "x",
            0,
            1,
            1000,
            1000,
            -0.5,
            -0.4999,
            1e-4,
            true,
            0.01,
            true,
            120,
            new long[] {40, 120, -1, -1},
            5);
    RunRecord s2 =
        new RunRecord(
            "F",
            2,
            "x",
            1,
            2,
            1000,
            1000,
            -0.4,
            -0.4,
            0.0,
            true,
            0.0,
            true,
            380,
            new long[] {100, 380, 600, 900},
            5);
    RunRecord fail =
        new RunRecord("F", 2, "x", 2, 3, 1000, 1000, -3, -0.4, 2.6, false, 1.2, false, -1, none, 5);
    // (120 + 380 + 1000) / 2 = 750
    assertThat(Benchmark.ert(List.of(s1, s2, fail))).isEqualTo(750.0);
    // one success among three: (380 + 1000 + 1000) / 1
    assertThat(Benchmark.ert(List.of(fail, s2, fail))).isEqualTo(2380.0);
    assertThat(Benchmark.ert(List.of(fail, fail))).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Benchmark.ert(List.of())).isNaN();
    Table summary = Benchmark.summary(List.of(s1, s2, fail));
    assertThat(summary.doubleColumn("ert").get(0)).isEqualTo(750.0);
    assertThat(summary.doubleColumn("success_rate").get(0)).isEqualTo(2.0 / 3);
    // 100·d = 200: only s1 (120) succeeded that early; 1000·d = 2000 covers both
    assertThat(summary.doubleColumn("success_rate_at_100d").get(0)).isEqualTo(1.0 / 3);
    assertThat(summary.doubleColumn("success_rate_at_1000d").get(0)).isEqualTo(2.0 / 3);
    assertThat(summary.doubleColumn("rate_1e-8").get(0)).isEqualTo(1.0 / 3);
    assertThat(summary.doubleColumn("median_error").get(0)).isEqualTo(1e-4);
    assertThat(summary.doubleColumn("localised_rate").get(0)).isEqualTo(2.0 / 3);
  }

  @Test
  void resumingAnInterruptedRunGivesTheSameTablesAsAnUninterruptedOne(@TempDir Path dir)
      throws IOException {
    Path whole = dir.resolve("whole");
    Benchmark.Result reference = tiny(2).run(whole);

    // Interrupted: the first 5 rows were written and the sixth was cut off mid-line.
    Path broken = dir.resolve("broken");
    Files.createDirectories(broken.resolve("benchmark"));
    List<String> lines =
        Files.readAllLines(whole.resolve("benchmark/runs.csv"), StandardCharsets.UTF_8);
    StringBuilder partial = new StringBuilder();
    for (int i = 0; i <= 5; i++) {
      partial.append(lines.get(i)).append('\n');
    }
    partial.append(lines.get(6), 0, lines.get(6).length() / 2);
    Files.writeString(
        broken.resolve("benchmark/runs.csv"), partial.toString(), StandardCharsets.UTF_8);

    Benchmark.Result resumed = tiny(1).run(broken);
    assertThat(resumed.skipped()).isEqualTo(5);
    assertThat(resumed.executed()).isEqualTo(7);
    assertThat(withoutWall(resumed.records())).isEqualTo(withoutWall(reference.records()));
    assertThat(Files.readString(broken.resolve("benchmark/summary.csv")))
        .isEqualTo(Files.readString(whole.resolve("benchmark/summary.csv")));
    assertThat(Files.readString(broken.resolve("benchmark/data_profile.csv")))
        .isEqualTo(Files.readString(whole.resolve("benchmark/data_profile.csv")));

    // A third invocation has nothing left to do and changes nothing.
    Benchmark.Result again = tiny(2).run(broken);
    assertThat(again.executed()).isZero();
    assertThat(again.records()).isEqualTo(resumed.records());
  }

  @Test
  void resultsDoNotDependOnTheThreadCount(@TempDir Path dir) {
    List<RunRecord> one = tiny(1).run(dir.resolve("one")).records();
    List<RunRecord> two = tiny(2).run(dir.resolve("two")).records();
    assertThat(withoutWall(two)).isEqualTo(withoutWall(one));
  }

  @Test
  void seedsDependOnFunctionSolverAndRun() {
    long a = Benchmark.seed("BRANIN", "cmaes", 0);
    assertThat(Benchmark.seed("BRANIN", "cmaes", 0)).isEqualTo(a);
    assertThat(
            Set.of(
                a,
                Benchmark.seed("BRANIN", "cmaes", 1),
                Benchmark.seed("BRANIN", "grid", 0),
                Benchmark.seed("SIX_HUMP_CAMEL", "cmaes", 0)))
        .hasSize(4);
  }
}
