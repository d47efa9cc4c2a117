package io.convopt.experiments.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The per-dimension views of a benchmark's runs: success rates and ERT by (solver, dimension), with
 * the ERT ratio to the reference solver {@value #REFERENCE}, and data profiles by dimension.
 */
public final class BenchmarkTables {

  /** The solver ERT ratios are taken against (the project's IPOP-CMA-ES). */
  public static final String REFERENCE = "cmaes";

  private BenchmarkTables() {}

  /**
   * Per solver × dimension: functions, runs, successes and success rate (absolute 1e-3), rates at
   * 1e-5 and 1e-8 (best-so-far), the relative-rule rate, declined runs, the pooled ERT (all runs of
   * the dimension: evaluations to success, failures charged the budget, over the successes), the
   * number of functions with at least one success, and against {@value #REFERENCE}: the geometric
   * mean of ERT/ERT_ref over the functions both solved at least once, and how many functions that
   * mean covers (NaN/0 without the reference or common functions).
   */
  public static Table byDimension(List<RunRecord> records) {
    Map<String, Map<Integer, Map<String, List<RunRecord>>>> groups = group(records);
    Table t =
        Table.create(
            "by_dimension",
            StringColumn.create("solver"),
            IntColumn.create("dimension"),
            IntColumn.create("functions"),
            IntColumn.create("runs"),
            IntColumn.create("successes"),
            DoubleColumn.create("success_rate"),
            DoubleColumn.create("rate_1e-5"),
            DoubleColumn.create("rate_1e-8"),
            DoubleColumn.create("success_rate_relative"),
            IntColumn.create("declined"),
            DoubleColumn.create("ert_pooled"),
            IntColumn.create("functions_solved"),
            DoubleColumn.create("ert_ratio_vs_" + REFERENCE),
            IntColumn.create("ratio_functions"));
    Map<Integer, Map<String, List<RunRecord>>> reference = groups.get(REFERENCE);
    for (Map.Entry<String, Map<Integer, Map<String, List<RunRecord>>>> bySolver :
        groups.entrySet()) {
      for (Map.Entry<Integer, Map<String, List<RunRecord>>> byDim :
          bySolver.getValue().entrySet()) {
        List<RunRecord> all = new ArrayList<>();
        int solvedFunctions = 0;
        double logRatio = 0;
        int ratioFunctions = 0;
        for (Map.Entry<String, List<RunRecord>> byFunction : byDim.getValue().entrySet()) {
          List<RunRecord> runs = byFunction.getValue();
          all.addAll(runs);
          double ert = Benchmark.ert(runs);
          solvedFunctions += Double.isFinite(ert) ? 1 : 0;
          List<RunRecord> ref =
              reference == null
                  ? null
                  : reference.getOrDefault(byDim.getKey(), Map.of()).get(byFunction.getKey());
          double refErt = ref == null ? Double.NaN : Benchmark.ert(ref);
          if (Double.isFinite(ert) && Double.isFinite(refErt) && refErt > 0 && ert > 0) {
            logRatio += Math.log(ert / refErt);
            ratioFunctions++;
          }
        }
        int n = all.size();
        int successes = 0;
        int t5 = 0;
        int t8 = 0;
        int relative = 0;
        int declined = 0;
        for (RunRecord r : all) {
          successes += r.success() ? 1 : 0;
          t5 += r.hits()[2] >= 0 ? 1 : 0;
          t8 += r.hits()[3] >= 0 ? 1 : 0;
          relative += r.successRelative() ? 1 : 0;
          declined += r.declined() ? 1 : 0;
        }
        t.stringColumn("solver").append(bySolver.getKey());
        t.intColumn("dimension").append(byDim.getKey());
        t.intColumn("functions").append(byDim.getValue().size());
        t.intColumn("runs").append(n);
        t.intColumn("successes").append(successes);
        t.doubleColumn("success_rate").append((double) successes / n);
        t.doubleColumn("rate_1e-5").append((double) t5 / n);
        t.doubleColumn("rate_1e-8").append((double) t8 / n);
        t.doubleColumn("success_rate_relative").append((double) relative / n);
        t.intColumn("declined").append(declined);
        t.doubleColumn("ert_pooled").append(Benchmark.ert(all));
        t.intColumn("functions_solved").append(solvedFunctions);
        t.doubleColumn("ert_ratio_vs_" + REFERENCE)
            .append(ratioFunctions == 0 ? Double.NaN : Math.exp(logRatio / ratioFunctions));
        t.intColumn("ratio_functions").append(ratioFunctions);
      }
    }
    return t;
  }

  /**
   * The data profile ({@link Benchmark#dataProfile}) of each dimension separately, with a {@code
   * dimension} column first.
   */
  public static Table dataProfileByDimension(List<RunRecord> records) {
    Table t =
        Table.create(
            "data_profile_by_dimension",
            IntColumn.create("dimension"),
            StringColumn.create("solver"),
            LongColumn.create("budget_per_dim"),
            IntColumn.create("pairs"),
            DoubleColumn.create("fraction_solved"));
    Map<Integer, List<RunRecord>> byDim = new TreeMap<>();
    for (RunRecord r : records) {
      byDim.computeIfAbsent(r.dimension(), k -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<Integer, List<RunRecord>> e : byDim.entrySet()) {
      Table p = Benchmark.dataProfile(e.getValue());
      for (int row = 0; row < p.rowCount(); row++) {
        t.intColumn("dimension").append(e.getKey());
        t.stringColumn("solver").append(p.stringColumn("solver").get(row));
        t.longColumn("budget_per_dim").append(p.longColumn("budget_per_dim").get(row));
        t.intColumn("pairs").append(p.intColumn("pairs").get(row));
        t.doubleColumn("fraction_solved").append(p.doubleColumn("fraction_solved").get(row));
      }
    }
    return t;
  }

  /** solver → dimension → function → runs, each level sorted. */
  private static Map<String, Map<Integer, Map<String, List<RunRecord>>>> group(
      List<RunRecord> records) {
    List<RunRecord> sorted = new ArrayList<>(records);
    sorted.sort(
        Comparator.comparing(RunRecord::solver)
            .thenComparing(RunRecord::function)
            .thenComparingInt(RunRecord::run));
    Map<String, Map<Integer, Map<String, List<RunRecord>>>> g = new TreeMap<>();
    for (RunRecord r : sorted) {
      g.computeIfAbsent(r.solver(), k -> new TreeMap<>())
          .computeIfAbsent(r.dimension(), k -> new TreeMap<>())
          .computeIfAbsent(r.function(), k -> new ArrayList<>())
          .add(r);
    }
    return g;
  }
}
