package io.convopt.report.cli;

import io.convopt.experiments.benchmark.Benchmark;
import io.convopt.experiments.benchmark.BenchmarkCommand;
import io.convopt.experiments.cli.Progress;
import io.convopt.experiments.cli.TablesCommand;
import io.convopt.experiments.sweep.Sweep;
import io.convopt.experiments.sweep.SweepSpec;
import io.convopt.report.ReportGenerator;
import io.convopt.report.ReportSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job: reproduce the paper's tables and the default sweeps into an output folder, then
 * write the report.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
    header = "Reproduce the paper's tables, sweeps and HTML report.",
    description = {
      "Re-runs the paper's Tables 1 and 2 (on documented reconstructions of its test"
          + " functions), the default eta x N sweeps and the quick global-optimization benchmark,"
          + " then writes the CSV files and the HTML report (OUT/report/index.html) into the output"
          + " folder.",
      "Finished rows are kept: a rerun resumes."
    })
public final class ReproduceCommand implements Callable<Integer> {

  @Option(names = "--out", defaultValue = "results", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", defaultValue = "0", description = "Worker threads for sweeps and the benchmark (default ${DEFAULT-VALUE} = all cores).")
  int threads;

  @Option(names = "--fresh", description = "Start over instead of resuming rows already in the output folder.")
  boolean fresh;

  @Override
  public Integer call() throws Exception {
    if (threads < 0) {
      throw new IllegalArgumentException("--threads must be >= 0 (0 = all cores), got " + threads);
    }
    List<String> summary = TablesCommand.run(List.of(1, 2), out, seed, fresh, System.out);
    int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    for (SweepSpec spec : defaultSweeps(seed)) {
      Path csv = out.resolve("sweeps").resolve(spec.function().toLowerCase(java.util.Locale.ROOT) + "-"
          + spec.algorithm() + ".csv");
      if (fresh) {
        java.nio.file.Files.deleteIfExists(csv);
      }
      try (Progress p = new Progress("sweep " + spec.function() + " " + spec.algorithm(), spec.cells().size(),
          System.out)) {
        Sweep.run(spec, csv, n, r -> p.step());
      }
    }
    Benchmark bench = BenchmarkCommand.quickBenchmark(n).withBudgetPerDimension(BENCHMARK_BUDGET_PER_DIMENSION);
    if (fresh) {
      deleteTree(out.resolve("benchmark"));
    }
    int total = bench.functions().size() * bench.solverNames().size() * bench.runs();
    Benchmark.Result result;
    try (Progress p = new Progress("benchmark", total, System.out)) {
      result = bench.run(out, r -> p.step());
    }
    ReportSummary report = ReportGenerator.generate(out, out.resolve("report"));
    System.out.println();
    summary.forEach(System.out::println);
    System.out.printf(java.util.Locale.ROOT, "benchmark: %d runs (%d resumed) -> %s%n", result.executed() + result.skipped(),
        result.skipped(), result.folder());
    report.summaryLines().forEach(l -> System.out.println("  " + l));
    System.out.println("report: " + report.indexHtml().toAbsolutePath());
    return 0;
  }

  /**
   * Evaluations per dimension in the benchmark part of {@code reproduce}: four times the --quick
   * preset, so the grid-based convolution solvers get a lattice of more than 40 points per axis
   * in 2-D, while the whole job stays within a few minutes on two cores.
   */
  public static final long BENCHMARK_BUDGET_PER_DIMENSION = 2000;

  private static void deleteTree(Path dir) throws java.io.IOException {
    if (!java.nio.file.Files.exists(dir)) {
      return;
    }
    try (var walk = java.nio.file.Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(p);
      }
    }
  }

  /** The η × N grids the report shows as heatmaps: the paper's own functions and starts. */
  public static List<SweepSpec> defaultSweeps(long seed) {
    return List.of(
        new SweepSpec("LOG1", "alg1", List.of(0.05, 0.02, 0.01, 0.005), List.of(1.0, 2.0, 3.0, 6.0, 10.0),
            SweepSpec.parseStarts("1.5;0.8;0.2"), 0, seed),
        new SweepSpec("POLY1", "alg1", List.of(0.05, 0.02, 0.01, 0.005), List.of(3.0, 6.0, 10.0, 15.0, 30.0),
            SweepSpec.parseStarts("0.5;1.8;-0.9"), 0, seed),
        new SweepSpec("ROSENBROCK", "alg2", List.of(0.2, 0.1, 0.05), List.of(2.0, 5.0, 8.0, 15.0),
            SweepSpec.parseStarts("0.3 -0.2;1.2 -1.3"), 0, seed),
        new SweepSpec("LOG2", "zigzag1", List.of(0.05, 0.02), List.of(1.0, 3.0, 6.0),
            SweepSpec.parseStarts("0 0;-0.5 -0.5;0.1 -0.9"), 0, seed));
  }
}
