package io.convopt.experiments.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convopt.experiments.comparison.ComparisonPipeline;
import io.convopt.experiments.data.DataCatalog;
import io.convopt.experiments.io.CsvRowWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs the {@code --quick} preset on a subset (iris: 3 classes one-vs-all; cpu_performance:
 * regression; one β, one seed) and checks the outputs' schema and invariants — no hard-coded
 * numbers.
 */
class CompareTrainingTest {

  @TempDir static Path tmp;
  static Path dir;
  static String printed;
  static int code;

  @BeforeAll
  static void runQuickSubset() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.out;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      code =
          new CommandLine(new CompareTrainingCommand())
              .execute(
                  "--quick",
                  "--out",
                  tmp.toString(),
                  "--datasets",
                  "iris,cpu_performance",
                  "--betas",
                  "1",
                  "--repeats",
                  "1",
                  "--seed",
                  "3",
                  "--convex-seconds",
                  "1",
                  "--cr-solver",
                  "ipm");
    } finally {
      System.setOut(old);
    }
    printed = buf.toString(StandardCharsets.UTF_8);
    dir = tmp.resolve("compare-quick");
  }

  private static List<List<String>> read(String name) {
    return CsvRowWriter.readAll(dir.resolve(name));
  }

  private static Map<String, String> row(List<String> header, List<String> values) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      m.put(header.get(i), values.get(i));
    }
    return m;
  }

  @Test
  void runsHaveTheSchemaSeedsAndMetrics() {
    assertThat(code).as(printed).isZero();
    List<List<String>> runs = read("runs.csv");
    assertThat(runs.get(0)).isEqualTo(CompareGrid.RUNS_HEADER);
    // 2 datasets x 1 beta x 1 seed x (cg + cr + 2 sgd rates + 2 adam rates)
    assertThat(runs).hasSize(1 + 2 * 6);
    for (List<String> v : runs.subList(1, runs.size())) {
      Map<String, String> r = row(runs.get(0), v);
      assertThat(r.get("seed")).isEqualTo("3");
      assertThat(r.get("split_seed")).isNotEmpty();
      assertThat(r.get("convopt_version")).isNotEmpty();
      assertThat(r.get("method")).isIn("cg", "cr", "sgd", "adam");
      boolean convex = r.get("method").startsWith("c");
      assertThat(r.get("learning_rate").isEmpty()).isEqualTo(convex);
      assertThat(r.get("pattern_seed").isEmpty()).isEqualTo(!convex);
      assertThat(r.get("model")).isEqualTo(r.get("method").equals("cg") ? "gated" : "relu");
      if (r.get("diverged").equals("false")) {
        assertThat(Double.parseDouble(r.get("final_objective"))).isPositive().isFinite();
      }
      if (r.get("dataset").equals("iris")) {
        assertThat(Double.parseDouble(r.get("test_accuracy"))).isBetween(0.0, 1.0);
        assertThat(r.get("test_mse")).isEmpty();
      } else {
        assertThat(Double.parseDouble(r.get("test_mse"))).isPositive();
        assertThat(r.get("test_accuracy")).isEmpty();
      }
      if (r.get("method").equals("cr") && r.get("stop_reason").equals("converged")) {
        double nc = Double.parseDouble(r.get("final_objective"));
        double cvx = Double.parseDouble(r.get("convex_objective"));
        assertThat(Math.abs(nc - cvx)).isLessThanOrEqualTo(1e-6 * cvx);
      }
    }
  }

  @Test
  void everyRunHasATraceEndingAtItsFinalObjective() {
    List<List<String>> runs = read("runs.csv");
    List<List<String>> traces = read("traces.csv");
    assertThat(traces.get(0)).isEqualTo(CompareGrid.TRACES_HEADER);
    Map<String, List<String>> last = new HashMap<>();
    Map<String, Double> lastTime = new HashMap<>();
    for (List<String> v : traces.subList(1, traces.size())) {
      Map<String, String> t = row(traces.get(0), v);
      double time = Double.parseDouble(t.get("wall_seconds"));
      assertThat(time).isNotNegative();
      if (!t.get("method").startsWith("c") && lastTime.containsKey(t.get("run_key"))) {
        assertThat(time).isGreaterThanOrEqualTo(lastTime.get(t.get("run_key")));
      }
      lastTime.put(t.get("run_key"), time);
      last.put(t.get("run_key"), v);
    }
    for (List<String> v : runs.subList(1, runs.size())) {
      Map<String, String> r = row(runs.get(0), v);
      assertThat(last).containsKey(r.get("run_key"));
      if (r.get("diverged").equals("false")) {
        Map<String, String> t = row(traces.get(0), last.get(r.get("run_key")));
        assertThat(Double.parseDouble(t.get("objective")))
            .isCloseTo(
                Double.parseDouble(r.get("final_objective")),
                org.assertj.core.api.Assertions.within(
                    1e-9 * Double.parseDouble(r.get("final_objective"))));
      }
    }
  }

  @Test
  void profilesAreFractionsMonotoneInTimeAndToleranceAndSomeMethodSolvesEveryProblem() {
    List<List<String>> p = read("profile.csv");
    assertThat(p.get(0))
        .containsExactly("method", "tolerance", "time_seconds", "fraction", "trials");
    Map<String, double[]> prev = new HashMap<>();
    Map<String, Double> byKey = new HashMap<>();
    Map<String, Double> finalAny = new HashMap<>();
    double tMax = 0;
    for (List<String> v : p.subList(1, p.size())) {
      double time = Double.parseDouble(v.get(2));
      tMax = Math.max(tMax, time);
    }
    for (List<String> v : p.subList(1, p.size())) {
      String curve = v.get(0) + "@" + v.get(1);
      double time = Double.parseDouble(v.get(2));
      double f = Double.parseDouble(v.get(3));
      assertThat(f).isBetween(0.0, 1.0);
      double[] before = prev.get(curve);
      if (before != null) {
        assertThat(time).isGreaterThanOrEqualTo(before[0]);
        assertThat(f).as(curve + " monotone in time").isGreaterThanOrEqualTo(before[1]);
      }
      prev.put(curve, new double[] {time, f});
      byKey.put(v.get(0) + "@" + v.get(1) + "@" + v.get(2), f);
      if (v.get(0).equals("any") && time == tMax) {
        finalAny.put(v.get(1), f);
      }
    }
    // looser tolerances solve at least as many trials at every time
    for (Map.Entry<String, Double> e : byKey.entrySet()) {
      String[] k = e.getKey().split("@");
      for (double tol : Summaries.TOLERANCES) {
        if (tol > Double.parseDouble(k[1])) {
          Double looser = byKey.get(k[0] + "@" + tol + "@" + k[2]);
          assertThat(looser).isNotNull().isGreaterThanOrEqualTo(e.getValue());
        }
      }
    }
    // the best objective is reached by some ReLU run: "any" ends at 1 for every tolerance
    assertThat(finalAny).hasSize(Summaries.TOLERANCES.length);
    assertThat(finalAny.values()).allMatch(f -> f == 1.0);
    Set<String> curves = Set.copyOf(p.subList(1, p.size()).stream().map(v -> v.get(0)).toList());
    assertThat(curves).contains("cg", "cr", "sgd", "adam", "sgd-all-lr", "adam-all-lr", "any");
  }

  @Test
  void sensitivityMetricsFindingsAndProvenanceAreConsistent() {
    List<List<String>> s = read("sensitivity.csv");
    assertThat(s).hasSize(1 + 2 * 4);
    for (List<String> v : s.subList(1, s.size())) {
      Map<String, String> r = row(s.get(0), v);
      if (!r.get("objective_min").isEmpty()) {
        double lo = Double.parseDouble(r.get("objective_min"));
        double med = Double.parseDouble(r.get("objective_median"));
        double hi = Double.parseDouble(r.get("objective_max"));
        assertThat(lo).isLessThanOrEqualTo(med);
        assertThat(med).isLessThanOrEqualTo(hi);
        assertThat(Double.parseDouble(r.get("relative_spread"))).isNotNegative();
      }
      if (!r.get("method").equals("cg") && !r.get("objective_min").isEmpty()) {
        // the reference is the best ReLU objective seen, so no ReLU run is below it
        assertThat(Double.parseDouble(r.get("objective_min")))
            .isGreaterThanOrEqualTo(Double.parseDouble(r.get("best_objective")) * (1 - 1e-12));
      }
    }
    List<List<String>> m = read("metrics.csv");
    assertThat(m).hasSize(1 + 2 * 4);
    List<List<String>> f = read("findings.csv");
    assertThat(f.get(0)).containsExactly("claim", "verdict", "evidence");
    for (List<String> v : f.subList(1, f.size())) {
      assertThat(v.get(1)).isIn("holds", "mixed", "does not hold", "not measured");
    }
    Map<String, String> prov = new HashMap<>();
    for (List<String> v : read("provenance.csv").subList(1, read("provenance.csv").size())) {
      prov.put(v.get(0), v.get(1));
    }
    assertThat(prov)
        .containsKeys(
            "convopt_version",
            "git_commit",
            "seeds",
            "split_seed",
            "learning_rates",
            "width_rule",
            "pattern_draws_cg",
            "pattern_draws_cr",
            "cuts_from_field_protocol");
    assertThat(prov.get("seeds")).isEqualTo("3");
    assertThat(prov.get("cr_solver")).isEqualTo("ipm");
    assertThat(printed).contains("CR by ipm");
    for (List<String> v : read("runs.csv").subList(1, read("runs.csv").size())) {
      Map<String, String> r = row(read("runs.csv").get(0), v);
      assertThat(r.get("run_key").endsWith("|solver=ipm")).isEqualTo(r.get("method").equals("cr"));
    }
    assertThat(printed)
        .contains("What the measurements say")
        .contains("CR reaches a lower training objective");
  }

  @Test
  void verdictTableCountsTheGapsOfTheSelectedRuns() {
    // gaps.csv: each method's selected run per (dataset, beta, seed), gap to the lowest of them
    List<List<String>> g = read("gaps.csv");
    Map<String, Double> lowest = new HashMap<>();
    for (List<String> v : g.subList(1, g.size())) {
      Map<String, String> r = row(g.get(0), v);
      String p = r.get("dataset") + "|" + r.get("seed");
      if (!r.get("objective").isEmpty()) {
        lowest.merge(p, Double.parseDouble(r.get("objective")), Math::min);
      }
      // the selected objective is the lowest final objective among the method's runs
      double low = Double.POSITIVE_INFINITY;
      for (List<String> rv : read("runs.csv").subList(1, read("runs.csv").size())) {
        Map<String, String> run = row(read("runs.csv").get(0), rv);
        if (run.get("dataset").equals(r.get("dataset"))
            && run.get("method").equals(r.get("method"))
            && run.get("seed").equals(r.get("seed"))
            && !run.get("final_objective").isEmpty()) {
          low = Math.min(low, Double.parseDouble(run.get("final_objective")));
        }
      }
      if (Double.isFinite(low)) {
        assertThat(Double.parseDouble(r.get("objective"))).isEqualTo(low);
      }
    }
    Map<String, int[]> counted = new HashMap<>();
    for (List<String> v : g.subList(1, g.size())) {
      Map<String, String> r = row(g.get(0), v);
      double best = lowest.get(r.get("dataset") + "|" + r.get("seed"));
      assertThat(Double.parseDouble(r.get("best_objective"))).isEqualTo(best);
      int[] c = counted.computeIfAbsent(r.get("method"), k -> new int[4]);
      if (!r.get("objective").isEmpty()) {
        double gap = (Double.parseDouble(r.get("objective")) - best) / Math.abs(best);
        assertThat(Double.parseDouble(r.get("relative_gap"))).isCloseTo(gap, within(1e-12));
        for (int t = 0; t < 4; t++) {
          c[t] += gap <= Verdicts.TOLERANCES[t] ? 1 : 0;
        }
      }
    }
    List<List<String>> vt = read("verdicts.csv");
    assertThat(vt).hasSize(1 + 4);
    for (List<String> v : vt.subList(1, vt.size())) {
      Map<String, String> r = row(vt.get(0), v);
      int[] c = counted.get(r.get("method"));
      assertThat(r.get("problems")).isEqualTo("2");
      assertThat(r.get("solved_gap_1")).isEqualTo(Integer.toString(c[0]));
      assertThat(r.get("solved_gap_0.5")).isEqualTo(Integer.toString(c[1]));
      assertThat(r.get("solved_gap_0.1")).isEqualTo(Integer.toString(c[2]));
      assertThat(r.get("solved_gap_0.01")).isEqualTo(Integer.toString(c[3]));
    }
    assertThat(printed).contains("Problems solved at relative gap").contains("Cut from the field");
  }

  @Test
  void crOnSetsAboveItsRowLimitIsSkippedAndLeftOutOfTheVerdicts(@TempDir Path other) {
    int c =
        new CommandLine(new CompareTrainingCommand())
            .execute(
                "--quick",
                "--out",
                other.toString(),
                "--datasets",
                "iris",
                "--betas",
                "1",
                "--repeats",
                "1",
                "--methods",
                "cr,adam",
                "--lr",
                "0.1",
                "--cr-max-rows",
                "50",
                "--cell-seconds",
                "0.5");
    assertThat(c).isZero();
    Path d = other.resolve("compare-quick");
    List<List<String>> runs = CsvRowWriter.readAll(d.resolve("runs.csv"));
    Map<String, String> cr = null;
    for (List<String> v : runs.subList(1, runs.size())) {
      if (row(runs.get(0), v).get("method").equals("cr")) {
        cr = row(runs.get(0), v);
      }
    }
    assertThat(cr).isNotNull();
    assertThat(cr.get("stop_reason")).isEqualTo("skipped:rows>50");
    assertThat(cr.get("final_objective")).isEmpty();
    List<List<String>> v = CsvRowWriter.readAll(d.resolve("verdicts.csv"));
    assertThat(row(v.get(0), v.get(1)).get("method")).isEqualTo("cr");
    assertThat(row(v.get(0), v.get(1)).get("problems")).isEqualTo("0");
    assertThat(row(v.get(0), v.get(2)).get("problems")).isEqualTo("1");
  }

  @Test
  void crSolverAlIsRecordedAndNotResumedFromIpmRuns(@TempDir Path other) {
    String[] common = {
      "--quick",
      "--out",
      other.toString(),
      "--datasets",
      "iris",
      "--betas",
      "1",
      "--repeats",
      "1",
      "--methods",
      "cr",
      "--convex-seconds",
      "0.5"
    };
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    PrintStream old = System.out;
    int al;
    int ipm;
    try {
      System.setOut(quiet);
      al =
          new CommandLine(new CompareTrainingCommand())
              .execute(concat(common, "--cr-solver", "al"));
      ipm =
          new CommandLine(new CompareTrainingCommand())
              .execute(concat(common, "--cr-solver", "ipm"));
    } finally {
      System.setOut(old);
    }
    assertThat(al).isZero();
    assertThat(ipm).isZero();
    Path d = other.resolve("compare-quick");
    List<List<String>> runs = CsvRowWriter.readAll(d.resolve("runs.csv"));
    // one CR run per solver: the ipm run was not taken for the al run's result
    assertThat(runs).hasSize(3);
    assertThat(runs.subList(1, 3).stream().map(v -> row(runs.get(0), v).get("run_key")).toList())
        .satisfiesExactly(
            k -> assertThat(k).endsWith("|solver=al"), k -> assertThat(k).endsWith("|solver=ipm"));
    List<List<String>> prov = CsvRowWriter.readAll(d.resolve("provenance.csv"));
    assertThat(prov).anyMatch(v -> v.get(0).equals("cr_solver") && v.get(1).equals("ipm"));
  }

  @Test
  void badCrSolverIsAUsageErrorNamingTheAllowedValues() {
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine cl = new CommandLine(new CompareTrainingCommand());
    cl.setErr(new java.io.PrintWriter(err, true));
    assertThat(cl.execute("--quick", "--cr-solver", "newton")).isEqualTo(2);
    assertThat(err.toString())
        .contains("--cr-solver")
        .contains("al")
        .contains("ipm")
        .contains("newton");
    // the interior-point method needs beta > 0; the default (auto) then picks a first-order method
    CompareTrainingCommand cmd = new CompareTrainingCommand();
    new CommandLine(cmd).parseArgs("--quick", "--betas", "0,1", "--cr-solver", "ipm");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(cmd::spec)
        .withMessageContaining("--cr-solver al");
    CompareTrainingCommand auto = new CompareTrainingCommand();
    new CommandLine(auto).parseArgs("--quick", "--betas", "0,1");
    assertThat(auto.spec().crSolver()).isEqualTo(CrSolver.auto);
  }

  private static String[] concat(String[] a, String... b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  @Test
  void rerunResumesWithoutRepeatingRuns() {
    CompareSpec spec =
        CompareSpec.quick()
            .with(List.of("iris", "cpu_performance"), List.of(1.0), List.of(3L), null);
    spec =
        new CompareSpec(
            spec.datasets(),
            spec.betas(),
            spec.methods(),
            spec.learningRates(),
            spec.seeds(),
            spec.patternDraws(),
            spec.crPatternDraws(),
            spec.crMaxRows(),
            spec.epochs(),
            spec.batchFraction(),
            spec.convexMaxIterations(),
            1.0,
            spec.convexTolerance(),
            spec.splitSeed(),
            spec.testFraction(),
            spec.window(),
            spec.stride(),
            CrSolver.ipm);
    int before = read("runs.csv").size();
    ComparisonPipeline.Result r =
        ComparisonPipeline.run(
            new TrainingComparison(DataCatalog.open(), spec),
            dir,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(r.done()).isZero();
    assertThat(read("runs.csv")).hasSize(before);
    assertThat(CompareGrid.keys(spec, DataCatalog.open())).hasSize(before - 1);
  }
}
