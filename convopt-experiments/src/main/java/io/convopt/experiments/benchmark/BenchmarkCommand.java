package io.convopt.experiments.benchmark;

import io.convopt.experiments.cli.ValueLists;
import io.convopt.experiments.functions.StandardFunctions;
import io.convopt.experiments.functions.TestFunction;
import io.convopt.experiments.grid.GridOptions;
import io.convopt.experiments.grid.GridSettings;
import io.convopt.experiments.grid.PresetOption;
import io.convopt.experiments.grid.SeedOptions;
import io.convopt.experiments.io.Numbers;
import io.convopt.experiments.io.TextTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code convopt benchmark}: the global-optimization benchmark (see {@link Benchmark}). */
@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    header = "Run every solver on every standard test function.",
    footer = {
      "",
      "--quick: A smoke run (under a minute) into DIR/benchmark-quick: BRANIN,",
      "SIX_HUMP_CAMEL, RASTRIGIN in 2-D, 5 runs, budget 500*d, unless overridden by",
      "the options below."
    },
    description = {
      "Runs every solver on every shifted standard test function over R seeded runs under a"
          + " fixed evaluation budget (default 10^4*d) and writes benchmark/runs.csv, summary.csv"
          + " (success rates, ERT) and data_profile.csv under the output folder (--quick:"
          + " benchmark-quick/). Rerunning into the same folder resumes. --seed K --repeats R runs"
          + " the run indices K..K+R-1 (default 0..14), each seeded from (function, solver, run"
          + " index)."
    })
public final class BenchmarkCommand implements Callable<Integer> {

  /**
   * The --quick preset (also what {@code reproduce} runs): three 2-D functions, 5 runs, 500·d
   * evaluations.
   */
  public static final List<String> QUICK_FUNCTIONS =
      List.of("BRANIN", "SIX_HUMP_CAMEL", "RASTRIGIN");

  public static final int QUICK_RUNS = 5;

  public static final long QUICK_BUDGET_PER_DIMENSION = 500;

  /** The quick preset over every registered solver. */
  public static Benchmark quickBenchmark(int threads) {
    return new Benchmark(Benchmark.suite(QUICK_FUNCTIONS, 2), SolverRegistry.all())
        .withRuns(QUICK_RUNS)
        .withBudgetPerDimension(QUICK_BUDGET_PER_DIMENSION)
        .withThreads(threads);
  }

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin PresetOption preset;

  @Mixin GridOptions grid;

  @Mixin SeedOptions seeds;

  @Option(
      names = "--budget-per-dim",
      paramLabel = "B",
      description = "Evaluation budget per dimension: B*d per run (default 10000; quick: 500).")
  Long budgetPerDim;

  @Option(
      names = "--solvers",
      split = ",",
      paramLabel = "NAME",
      completionCandidates = ValueLists.Solvers.class,
      description = "Comma-separated solvers (default: all): ${COMPLETION-CANDIDATES}.")
  List<String> solvers;

  @Option(
      names = "--functions",
      split = ",",
      paramLabel = "NAME",
      completionCandidates = ValueLists.StandardFunctionNames.class,
      description =
          "Comma-separated standard functions (default: all; quick: BRANIN,"
              + " SIX_HUMP_CAMEL, RASTRIGIN): ${COMPLETION-CANDIDATES}.")
  List<String> functions;

  @Option(
      names = "--dim",
      paramLabel = "D",
      defaultValue = "2",
      split = ",",
      description =
          "Dimension(s) of the functions defined in any dimension, e.g. 1,2,5,10"
              + " (default: ${DEFAULT-VALUE}); fixed-dimension functions run once.")
  List<Integer> dims;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    int r = seeds.count(preset.quick() ? QUICK_RUNS : Benchmark.DEFAULT_RUNS);
    long first = seeds.first(0);
    long b =
        budgetPerDim != null
            ? budgetPerDim
            : preset.quick() ? QUICK_BUDGET_PER_DIMENSION : Benchmark.DEFAULT_BUDGET_PER_DIMENSION;
    if (b < 1) {
      throw new ParameterException(cl, "--budget-per-dim must be >= 1, got " + b);
    }
    if (first < 0 || first > Integer.MAX_VALUE - r) {
      throw new ParameterException(
          cl,
          "--seed (the first run index) must be in 0.."
              + (Integer.MAX_VALUE - r)
              + ", got "
              + first);
    }
    for (int dim : dims) {
      if (dim < 1) {
        throw new ParameterException(cl, "--dim must be >= 1, got " + dim);
      }
    }
    if (preset.quick() && !dims.equals(List.of(2))) {
      throw new ParameterException(cl, "--quick runs in 2-D; drop --dim or drop --quick");
    }
    GridSettings settings = grid.settings(0);
    Map<String, SolverFactory> chosen = new LinkedHashMap<>();
    for (String s : solvers == null ? SolverRegistry.names() : solvers) {
      try {
        chosen.put(s.trim().toLowerCase(java.util.Locale.ROOT), SolverRegistry.factory(s.trim()));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(cl, "--solvers: " + e.getMessage());
      }
    }
    List<String> names =
        functions != null
            ? functions
            : preset.quick() ? QUICK_FUNCTIONS : StandardFunctions.names();
    List<TestFunction> suite;
    try {
      List<String> trimmed = new ArrayList<>();
      for (String n : names) {
        trimmed.add(n.trim());
      }
      suite = Benchmark.suite(trimmed, dims);
      new Benchmark(suite, chosen); // duplicates, emptiness
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "--functions: " + e.getMessage());
    }
    Benchmark bench =
        new Benchmark(suite, chosen)
            .withRuns(r)
            .withFirstRun((int) first)
            .withBudgetPerDimension(b)
            .withThreads(settings.threads());
    String folder = preset.quick() ? "benchmark-quick" : "benchmark";
    PrintWriter o = cl.getOut();
    o.printf(
        "benchmark: %d functions x %d solvers x %d runs, budget %d*d, %d threads -> %s%n",
        suite.size(), chosen.size(), r, b, settings.threads(), settings.out().resolve(folder));
    o.flush();
    Benchmark.Result res;
    try {
      res = bench.run(settings, folder);
    } catch (IllegalArgumentException e) {
      // a solver refusing a function (e.g. BOBYQA in 1-D) or an output folder of another schema
      throw new ParameterException(cl, e.getMessage(), e);
    }
    o.printf(
        "%d runs executed, %d resumed from %s%n",
        res.executed(), res.skipped(), res.folder().resolve("runs.csv"));
    o.print(summaryText(res));
    o.flush();
    return 0;
  }

  /** The summary and the data profile, rounded to three significant digits (fits 100 columns). */
  static String summaryText(Benchmark.Result res) {
    Table s = res.summary();
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < s.rowCount(); i++) {
      rows.add(
          List.of(
              s.stringColumn("solver").get(i),
              s.stringColumn("function").get(i),
              Integer.toString(s.intColumn("runs").get(i)),
              Integer.toString(s.intColumn("successes").get(i)),
              Numbers.rounded(s.doubleColumn("success_rate").get(i), 3),
              Numbers.rounded(s.doubleColumn("ert").get(i), 3),
              Numbers.rounded(s.doubleColumn("median_error").get(i), 3)));
    }
    StringBuilder sb = new StringBuilder();
    sb.append(
        TextTable.render(
            List.of("solver", "function", "runs", "succ", "rate", "ert", "median_error"), rows));
    Table p = res.dataProfile();
    List<Long> budgets = new ArrayList<>();
    Map<String, List<String>> bySolver = new LinkedHashMap<>();
    for (int i = 0; i < p.rowCount(); i++) {
      long k = p.longColumn("budget_per_dim").get(i);
      if (!budgets.contains(k)) {
        budgets.add(k);
      }
      bySolver
          .computeIfAbsent(p.stringColumn("solver").get(i), x -> new ArrayList<>(List.of(x)))
          .add(Numbers.rounded(p.doubleColumn("fraction_solved").get(i), 2));
    }
    List<String> header = new ArrayList<>(List.of("solved at k*d:"));
    budgets.forEach(k -> header.add(Long.toString(k)));
    List<List<String>> prof = new ArrayList<>();
    for (List<String> row : bySolver.values()) {
      if (row.size() == header.size()) {
        prof.add(row);
      }
    }
    sb.append('\n').append(TextTable.render(header, prof));
    return sb.toString();
  }
}
