package io.convopt.experiments.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.experiments.io.CsvRowWriter;
import io.convopt.solvers.relu.robust.TwoLayerReluFunction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs the {@code --quick} preset (ionosphere, one seed, four methods) and checks the outputs'
 * schema and invariants — no hard-coded accuracies: every accuracy in [0, 1]; per network the
 * robust accuracy (strongest attack at radii ≤ ε) is non-increasing in ε; the single-radius PGD
 * accuracy, which is not monotone by construction, satisfies the weaker guaranteed property robust
 * ≤ PGD ≤ clean (PGD evaluates the clean point first); at ε = 0 all three are equal; a rerun adds
 * no rows. {@link RobustEvaluation} is also checked on random networks against a direct
 * recomputation of the union rule.
 */
class CompareRobustTest {

  @TempDir static Path tmp;
  static Path dir;
  static String printed;
  static String resumed;
  static int code;
  static int resumeCode;
  static List<List<String>> runsBefore;
  static List<List<String>> robustBefore;

  private static String run(String... args) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.out;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      int c = new CommandLine(new CompareRobustCommand()).execute(args);
      if (printed == null) {
        code = c;
      } else {
        resumeCode = c;
      }
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @BeforeAll
  static void runQuickTwice() {
    printed = run("--quick", "--out", tmp.toString());
    dir = tmp.resolve("robust-quick");
    runsBefore = CsvRowWriter.readAll(dir.resolve("runs.csv"));
    robustBefore = CsvRowWriter.readAll(dir.resolve("robustness.csv"));
    resumed = run("--quick", "--out", tmp.toString());
  }

  private static List<Map<String, String>> rows(String file) {
    List<List<String>> all = CsvRowWriter.readAll(dir.resolve(file));
    List<Map<String, String>> out = new ArrayList<>();
    for (List<String> v : all.subList(1, all.size())) {
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < v.size(); i++) {
        m.put(all.get(0).get(i), v.get(i));
      }
      out.add(m);
    }
    return out;
  }

  @Test
  void runsHaveTheSchemaSeedsAndParameters() {
    assertThat(code).as(printed).isZero();
    assertThat(CsvRowWriter.readAll(dir.resolve("runs.csv")).get(0))
        .isEqualTo(RobustGrid.RUNS_HEADER);
    assertThat(CsvRowWriter.readAll(dir.resolve("robustness.csv")).get(0))
        .isEqualTo(RobustGrid.ROBUSTNESS_HEADER);
    RobustSpec spec = RobustSpec.quick();
    List<Map<String, String>> runs = rows("runs.csv");
    assertThat(runs).hasSize(4);
    assertThat(runs.stream().map(r -> r.get("method")).toList())
        .containsExactly("cr", "cr-robust", "sgd", "sgd-pgd");
    for (Map<String, String> r : runs) {
      assertThat(r.get("dataset")).isEqualTo("ionosphere");
      assertThat(r.get("seed")).isEqualTo("1");
      assertThat(r.get("attack_seed")).isEqualTo(Long.toString(spec.attackSeed()));
      assertThat(r.get("split_seed")).isEqualTo(Long.toString(spec.splitSeed()));
      assertThat(r.get("convopt_version")).isNotEmpty();
      boolean convex = r.get("method").startsWith("cr");
      boolean adversarial =
          r.get("method").equals("cr-robust") || r.get("method").equals("sgd-pgd");
      assertThat(r.get("pattern_seed").isEmpty()).isEqualTo(!convex);
      assertThat(r.get("learning_rate").isEmpty()).isEqualTo(convex);
      assertThat(Double.parseDouble(r.get("eps_train")))
          .isEqualTo(adversarial ? spec.epsTrain() : 0.0);
      assertThat(Integer.parseInt(r.get("width"))).isBetween(1, spec.width());
      assertThat(Integer.parseInt(r.get("n_train_used")))
          .isEqualTo(Integer.parseInt(r.get("n_train")));
      assertThat(Double.parseDouble(r.get("train_seconds"))).isPositive();
      assertThat(Double.parseDouble(r.get("clean_train_objective"))).isPositive().isFinite();
      assertThat(Double.parseDouble(r.get("clean_accuracy"))).isBetween(0.0, 1.0);
      assertThat(Double.parseDouble(r.get("train_accuracy"))).isBetween(0.0, 1.0);
      if (convex) {
        assertThat(r.get("stop_reason"))
            .isIn("converged", "max_iterations", "stalled", "time_limit");
        assertThat(Double.parseDouble(r.get("constraint_violation"))).isGreaterThanOrEqualTo(0);
        assertThat(Double.parseDouble(r.get("linear_share"))).isBetween(0.0, 1.0);
        // the sampled gates' robust cones, re-checked by the max-margin LP: all non-trivial
        assertThat(Double.parseDouble(r.get("nontrivial_share"))).isEqualTo(1.0);
        assertThat(Double.parseDouble(r.get("gaussian_nontrivial_share"))).isBetween(0.0, 1.0);
      } else {
        assertThat(r.get("stop_reason")).isEqualTo("epochs");
        assertThat(r.get("linear_share")).isEmpty();
        assertThat(r.get("nontrivial_share")).isEmpty();
      }
    }
  }

  @Test
  void robustAccuracyIsMonotoneAndBoundedByPgdAndClean() {
    RobustSpec spec = RobustSpec.quick();
    List<Map<String, String>> points = rows("robustness.csv");
    assertThat(points).hasSize(4 * spec.epsGrid().size());
    Map<String, List<Map<String, String>>> byRun = new HashMap<>();
    for (Map<String, String> p : points) {
      byRun.computeIfAbsent(p.get("run_key"), k -> new ArrayList<>()).add(p);
    }
    assertThat(byRun).hasSize(4);
    for (List<Map<String, String>> ps : byRun.values()) {
      double previous = Double.POSITIVE_INFINITY;
      for (int e = 0; e < ps.size(); e++) {
        Map<String, String> p = ps.get(e);
        assertThat(Double.parseDouble(p.get("eps"))).isEqualTo(spec.epsGrid().get(e));
        double robust = Double.parseDouble(p.get("robust_accuracy"));
        double pgd = Double.parseDouble(p.get("pgd_accuracy"));
        double clean = Double.parseDouble(p.get("clean_accuracy"));
        assertThat(robust).isBetween(0.0, 1.0);
        assertThat(robust).isLessThanOrEqualTo(previous).isLessThanOrEqualTo(pgd);
        assertThat(pgd).isLessThanOrEqualTo(clean);
        if (spec.epsGrid().get(e) == 0.0) {
          assertThat(robust).isEqualTo(clean);
          assertThat(pgd).isEqualTo(clean);
        }
        previous = robust;
      }
    }
    // the clean accuracy of robustness.csv is the run's
    for (Map<String, String> r : rows("runs.csv")) {
      assertThat(byRun.get(r.get("run_key")).get(0).get("clean_accuracy"))
          .isEqualTo(r.get("clean_accuracy"));
    }
  }

  @Test
  void summaryAndFindingsAreWritten() {
    List<List<String>> summary = CsvRowWriter.readAll(dir.resolve("robust-summary.csv"));
    assertThat(summary.get(0))
        .containsExactly(
            "dataset",
            "method",
            "eps",
            "trials",
            "robust_mean",
            "robust_sd",
            "robust_min",
            "robust_max",
            "pgd_mean",
            "clean_mean",
            "linear_share_mean",
            "nontrivial_share_mean");
    assertThat(summary).hasSize(1 + 4 * RobustSpec.quick().epsGrid().size());
    List<List<String>> findings = CsvRowWriter.readAll(dir.resolve("findings.csv"));
    assertThat(findings.get(0)).containsExactly("claim", "verdict", "evidence");
    assertThat(findings.size()).isGreaterThan(1);
    for (List<String> f : findings.subList(1, findings.size())) {
      assertThat(f.get(1)).isIn("holds", "mixed", "does not hold", "not measured");
    }
    assertThat(findings.get(1).get(0)).contains("cr-robust").contains("more robust");
    assertThat(printed)
        .contains("The adversarial convex program (cr-robust) gives more robust networks");
    assertThat(
            CsvRowWriter.readAll(dir.resolve("provenance.csv")).stream()
                .map(r -> r.get(0))
                .toList())
        .contains(
            "convopt_version",
            "git_commit",
            "seeds",
            "eps_grid",
            "eps_train",
            "attack_seed",
            "pattern_rule");
  }

  @Test
  void resumeAddsNoRows() {
    assertThat(resumeCode).as(resumed).isZero();
    assertThat(resumed).contains("0 cells run now");
    assertThat(CsvRowWriter.readAll(dir.resolve("runs.csv"))).isEqualTo(runsBefore);
    assertThat(CsvRowWriter.readAll(dir.resolve("robustness.csv"))).isEqualTo(robustBefore);
  }

  @Test
  void evaluationFollowsTheUnionRule() {
    SplittableRandom r = new SplittableRandom(5);
    int d = 4;
    List<Double> grid = List.of(0.0, 0.1, 0.3, 0.6);
    boolean[] mask = RobustTraining.perturbed(d);
    for (int trial = 0; trial < 5; trial++) {
      double[][] w1 = new double[6][d];
      double[] w2 = new double[6];
      for (int j = 0; j < 6; j++) {
        for (int c = 0; c < d; c++) {
          w1[j][c] = r.nextGaussian();
        }
        w2[j] = r.nextGaussian();
      }
      TwoLayerReluFunction f = TwoLayerReluFunction.of(w1, w2, null);
      double[][] x = new double[40][d];
      double[] y = new double[40];
      for (int k = 0; k < 40; k++) {
        for (int c = 0; c < d - 1; c++) {
          x[k][c] = r.nextGaussian();
        }
        x[k][d - 1] = 1;
        y[k] = f.value(x[k]) + 0.3 * r.nextGaussian() > 0 ? 1 : -1;
      }
      RobustEvaluation.Accuracies a = RobustEvaluation.evaluate(f, x, y, mask, grid, 8, 2, 9);
      // reference: the same attacks one radius at a time, combined here
      boolean[] ok = new boolean[40];
      int clean = 0;
      for (int k = 0; k < 40; k++) {
        ok[k] = y[k] * f.value(x[k]) > 0;
        clean += ok[k] ? 1 : 0;
      }
      assertThat(a.clean()).isEqualTo(clean / 40.0);
      for (int e = 0; e < grid.size(); e++) {
        double[][] adv =
            new io.convopt.solvers.relu.robust.PgdAttack(
                    grid.get(e), 8, 2, RobustEvaluation.stepSize(grid.get(e), 8), 9)
                .attack(f, x, y, mask, io.convopt.solvers.relu.Loss.HINGE)
                .adversarial();
        int pgd = 0;
        int all = 0;
        for (int k = 0; k < 40; k++) {
          boolean c = y[k] * f.value(adv[k]) > 0;
          for (int col = 0; col < d; col++) {
            assertThat(Math.abs(adv[k][col] - x[k][col]))
                .isLessThanOrEqualTo(mask[col] ? grid.get(e) + 1e-12 : 0.0);
          }
          pgd += c ? 1 : 0;
          ok[k] &= c;
          all += ok[k] ? 1 : 0;
        }
        assertThat(a.pgd()[e]).isEqualTo(pgd / 40.0);
        assertThat(a.robust()[e]).isEqualTo(all / 40.0);
      }
    }
  }

  @Test
  void badArgumentsAreRejectedWithClearMessages() {
    assertThatThrownBy(() -> spec("--eps", "0,-0.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--eps");
    assertThatThrownBy(() -> spec("--eps-train", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--eps-train");
    assertThatThrownBy(() -> spec("--methods", "cr,pgd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown method 'pgd'");
    assertThatThrownBy(() -> spec("--patterns", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--patterns");
    assertThatThrownBy(
            () ->
                RobustGrid.prepare(
                    io.convopt.experiments.data.DataCatalog.open(), "iris", RobustSpec.quick()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("binary");
    CompareRobustCommand c = new CompareRobustCommand();
    assertThat(
            new CommandLine(c)
                .setErr(new java.io.PrintWriter(new java.io.StringWriter()))
                .execute("--eps", "abc"))
        .isEqualTo(2);
  }

  private static RobustSpec spec(String... args) {
    CompareRobustCommand c = new CompareRobustCommand();
    new CommandLine(c).parseArgs(args);
    return c.spec();
  }
}
