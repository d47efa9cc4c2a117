package io.convopt.experiments.benchmark;

import io.convopt.experiments.cli.ValueLists;
import io.convopt.experiments.functions.StandardFunctions;
import io.convopt.experiments.functions.TestFunction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code convopt benchmark}: the global-optimization benchmark (see {@link Benchmark}). */
@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    header = "Run every solver on every standard test function.",
    description = {
      "Runs every solver on every shifted standard test function over R seeded runs under a"
          + " fixed evaluation budget (default 10^4*d) and writes benchmark/runs.csv, summary.csv"
          + " (success rates, ERT) and data_profile.csv under the output folder. Rerunning into the"
          + " same folder resumes."
    })
public final class BenchmarkCommand implements Callable<Integer> {

  /** The --quick preset (also what {@code reproduce} runs): three 2-D functions, 5 runs, 500·d evaluations. */
  public static final List<String> QUICK_FUNCTIONS = List.of("BRANIN", "SIX_HUMP_CAMEL", "RASTRIGIN");

  public static final int QUICK_RUNS = 5;

  public static final long QUICK_BUDGET_PER_DIMENSION = 500;

  /** The quick preset over every registered solver. */
  public static Benchmark quickBenchmark(int threads) {
    return new Benchmark(Benchmark.suite(QUICK_FUNCTIONS, 2), SolverRegistry.all()).withRuns(QUICK_RUNS)
        .withBudgetPerDimension(QUICK_BUDGET_PER_DIMENSION).withThreads(threads);
  }

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--quick", description = "A smoke run (under a minute): BRANIN, SIX_HUMP_CAMEL, RASTRIGIN in 2-D, 5 runs,"
      + " budget 500*d, unless overridden by the options below.")
  boolean quick;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
      description = "Output folder (default: ${DEFAULT-VALUE}); tables go to DIR/benchmark/.")
  Path out;

  @Option(names = "--runs", paramLabel = "R", description = "Runs per solver and function (default 15; quick: 5).")
  Integer runs;

  @Option(names = "--budget-per-dim", paramLabel = "B",
      description = "Evaluation budget per dimension: B*d per run (default 10000; quick: 500).")
  Long budgetPerDim;

  @Option(names = "--solvers", split = ",", paramLabel = "NAME",
      completionCandidates = ValueLists.Solvers.class,
      description = "Comma-separated solvers (default: all): ${COMPLETION-CANDIDATES}.")
  List<String> solvers;

  @Option(names = "--functions", split = ",", paramLabel = "NAME",
      completionCandidates = ValueLists.StandardFunctionNames.class,
      description = "Comma-separated standard functions (default: all; quick: BRANIN,"
          + " SIX_HUMP_CAMEL, RASTRIGIN): ${COMPLETION-CANDIDATES}.")
  List<String> functions;

  @Option(names = "--dim", paramLabel = "D", defaultValue = "2", split = ",",
      description = "Dimension(s) of the functions defined in any dimension, e.g. 1,2,5,10"
          + " (default: ${DEFAULT-VALUE}); fixed-dimension functions run once.")
  List<Integer> dims;

  @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: number of cores).")
  Integer threads;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    int r = runs != null ? runs : quick ? QUICK_RUNS : Benchmark.DEFAULT_RUNS;
    long b = budgetPerDim != null ? budgetPerDim : quick ? QUICK_BUDGET_PER_DIMENSION : Benchmark.DEFAULT_BUDGET_PER_DIMENSION;
    int t = threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    if (r < 1) {
      throw new ParameterException(cl, "--runs must be >= 1, got " + r);
    }
    if (b < 1) {
      throw new ParameterException(cl, "--budget-per-dim must be >= 1, got " + b);
    }
    if (t < 1) {
      throw new ParameterException(cl, "--threads must be >= 1, got " + t);
    }
    for (int dim : dims) {
      if (dim < 1) {
        throw new ParameterException(cl, "--dim must be >= 1, got " + dim);
      }
    }
    if (quick && !dims.equals(List.of(2))) {
      throw new ParameterException(cl, "--quick runs in 2-D; drop --dim or drop --quick");
    }
    Map<String, SolverFactory> chosen = new LinkedHashMap<>();
    for (String s : solvers == null ? SolverRegistry.names() : solvers) {
      try {
        chosen.put(s.trim().toLowerCase(java.util.Locale.ROOT), SolverRegistry.factory(s.trim()));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(cl, "--solvers: " + e.getMessage());
      }
    }
    List<String> names = functions != null ? functions : quick ? QUICK_FUNCTIONS : StandardFunctions.names();
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
    Benchmark bench = new Benchmark(suite, chosen).withRuns(r).withBudgetPerDimension(b).withThreads(t);
    PrintWriter o = cl.getOut();
    o.printf("benchmark: %d functions x %d solvers x %d runs, budget %d*d, %d threads -> %s%n", suite.size(),
        chosen.size(), r, b, t, out.resolve("benchmark"));
    o.flush();
    int total = suite.size() * chosen.size() * r;
    AtomicInteger finished = new AtomicInteger();
    PrintWriter err = cl.getErr();
    Benchmark.Result res;
    try {
      res = bench.run(out, rec -> {
        int k = finished.incrementAndGet();
        if (k % Math.max(1, total / 20) == 0) {
          synchronized (err) {
            err.printf("  %d runs done (%s %s run %d)%n", k, rec.solver(), rec.function(), rec.run());
            err.flush();
          }
        }
      });
    } catch (IllegalArgumentException e) {
      // a solver refusing a function (e.g. BOBYQA in 1-D) or an output folder of another schema
      throw new ParameterException(cl, e.getMessage(), e);
    }
    o.printf("%d runs executed, %d resumed from %s%n", res.executed(), res.skipped(),
        res.folder().resolve("runs.csv"));
    o.println(res.summary().selectColumns("solver", "function", "dimension", "runs", "successes", "success_rate", "ert",
        "median_error").printAll());
    o.println(res.dataProfile().printAll());
    o.flush();
    return 0;
  }
}
