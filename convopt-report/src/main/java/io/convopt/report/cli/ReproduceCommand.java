package io.convopt.report.cli;

import io.convopt.experiments.cli.Progress;
import io.convopt.experiments.cli.TablesCommand;
import io.convopt.experiments.sweep.Sweep;
import io.convopt.experiments.sweep.SweepSpec;
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
    description = {"Reproduce the paper's Tables 1 and 2 (on documented reconstructions of its test functions)",
        "and the default eta x N sweeps; write CSVs and the HTML report into the output folder."})
public final class ReproduceCommand implements Callable<Integer> {

  @Option(names = "--out", defaultValue = "results", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", defaultValue = "0", description = "Worker threads for sweeps (0 = all cores).")
  int threads;

  @Option(names = "--fresh", description = "Start over instead of resuming rows already in the output folder.")
  boolean fresh;

  @Override
  public Integer call() throws Exception {
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
    System.out.println();
    summary.forEach(System.out::println);
    return 0;
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
