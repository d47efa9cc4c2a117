package io.convopt.report.cli;

import io.convopt.experiments.benchmark.Benchmark;
import io.convopt.experiments.benchmark.BenchmarkCommand;
import io.convopt.experiments.cli.TablesCommand;
import io.convopt.experiments.grid.GridOptions;
import io.convopt.experiments.grid.GridSettings;
import io.convopt.experiments.grid.SeedOption;
import io.convopt.experiments.sweep.Sweep;
import io.convopt.experiments.sweep.SweepSpec;
import io.convopt.report.ReportGenerator;
import io.convopt.report.ReportSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The main job: reproduce the paper's tables and the default sweeps into an output folder, then
 * write the report. Each part runs on the grid runner and records itself as the equivalent {@code
 * tables}, {@code sweep} and {@code benchmark} command, so a sharded reproduce can be merged like
 * those.
 */
@Command(
    name = "reproduce",
    mixinStandardHelpOptions = true,
    header = "Reproduce the paper's tables, sweeps and HTML report.",
    description = {
      "Re-runs the paper's Tables 1 and 2 (on documented reconstructions of its test"
          + " functions), the default eta x N sweeps and the quick global-optimization benchmark,"
          + " then writes the CSV files and the HTML report (OUT/report/index.html) into the output"
          + " folder.",
      "Finished rows are kept: a rerun resumes."
    })
public final class ReproduceCommand implements Callable<Integer> {

  @Mixin SeedOption seedOption;

  @Mixin GridOptions grid;

  @Override
  public Integer call() throws Exception {
    GridSettings base = grid.settings(0);
    long seed = seedOption.seed();
    List<String> summary =
        TablesCommand.run(
            List.of(1, 2),
            base.withCommand("tables", List.of("--seed", Long.toString(seed))),
            seed);
    for (SweepSpec spec : defaultSweeps(seed)) {
      Sweep.run(spec, base.withCommand("sweep", sweepArgs(spec)), Sweep.tablePath(spec), r -> {});
    }
    Benchmark bench =
        BenchmarkCommand.quickBenchmark(base.threads())
            .withBudgetPerDimension(BENCHMARK_BUDGET_PER_DIMENSION);
    Benchmark.Result result =
        bench.run(
            base.withCommand(
                "benchmark",
                List.of(
                    "--budget-per-dim",
                    Long.toString(BENCHMARK_BUDGET_PER_DIMENSION),
                    "--functions",
                    String.join(",", BenchmarkCommand.QUICK_FUNCTIONS),
                    "--repeats",
                    Integer.toString(BenchmarkCommand.QUICK_RUNS))),
            "benchmark");
    ReportSummary report = ReportGenerator.generate(base.out(), base.out().resolve("report"));
    summary.forEach(System.out::println);
    System.out.printf(
        Locale.ROOT,
        "benchmark: %d runs (%d resumed) -> %s%n",
        result.executed() + result.skipped(),
        result.skipped(),
        result.folder());
    report.summaryLines().forEach(l -> System.out.println("  " + l));
    System.out.println("report: " + report.indexHtml().toAbsolutePath());
    return 0;
  }

  /** The sweep command's options that give {@code spec} (sorted by name, as grids record them). */
  static List<String> sweepArgs(SweepSpec spec) {
    List<String> starts = new ArrayList<>();
    for (double[] s : spec.starts()) {
      List<String> c = new ArrayList<>();
      for (double v : s) {
        c.add(Double.toString(v));
      }
      starts.add(String.join(" ", c));
    }
    return List.of(
        "--algorithm",
        spec.algorithm(),
        "--etas",
        join(spec.etas()),
        "--function",
        spec.function(),
        "--powers",
        join(spec.powers()),
        "--seed",
        Long.toString(spec.seed()),
        "--starts",
        String.join(";", starts));
  }

  private static String join(List<Double> v) {
    return String.join(",", v.stream().map(String::valueOf).toList());
  }

  /**
   * Evaluations per dimension in the benchmark part of {@code reproduce}: four times the --quick
   * preset, so the grid-based convolution solvers get a lattice of more than 40 points per axis in
   * 2-D, while the whole job stays within a few minutes on two cores.
   */
  public static final long BENCHMARK_BUDGET_PER_DIMENSION = 2000;

  /** The η × N grids the report shows as heatmaps: the paper's own functions and starts. */
  public static List<SweepSpec> defaultSweeps(long seed) {
    return List.of(
        new SweepSpec(
            "LOG1",
            "alg1",
            List.of(0.05, 0.02, 0.01, 0.005),
            List.of(1.0, 2.0, 3.0, 6.0, 10.0),
            SweepSpec.parseStarts("1.5;0.8;0.2"),
            0,
            seed),
        new SweepSpec(
            "POLY1",
            "alg1",
            List.of(0.05, 0.02, 0.01, 0.005),
            List.of(3.0, 6.0, 10.0, 15.0, 30.0),
            SweepSpec.parseStarts("0.5;1.8;-0.9"),
            0,
            seed),
        new SweepSpec(
            "ROSENBROCK",
            "alg2",
            List.of(0.2, 0.1, 0.05),
            List.of(2.0, 5.0, 8.0, 15.0),
            SweepSpec.parseStarts("0.3 -0.2;1.2 -1.3"),
            0,
            seed),
        new SweepSpec(
            "LOG2",
            "zigzag1",
            List.of(0.05, 0.02),
            List.of(1.0, 3.0, 6.0),
            SweepSpec.parseStarts("0 0;-0.5 -0.5;0.1 -0.9"),
            0,
            seed));
  }
}
