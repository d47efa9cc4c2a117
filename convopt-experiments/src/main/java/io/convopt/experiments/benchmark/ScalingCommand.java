package io.convopt.experiments.benchmark;

import io.convopt.experiments.cli.Progress;
import io.convopt.experiments.io.CsvRowWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code convopt scaling}: the benchmark over dimensions × budgets (see {@link ScalingStudy}). */
@Command(
    name = "scaling",
    mixinStandardHelpOptions = true,
    header = "Run the benchmark over dimensions and evaluation budgets.",
    description = {
      "Runs the benchmark over a grid of dimensions x evaluation budgets (RASTRIGIN, ACKLEY,"
          + " STYBLINSKI_TANG; d = 1..5; 100, 1000, 10000 evaluations per dimension; 5 runs) and"
          + " writes scaling/scaling.csv: where the convolution method wins and where it loses."
          + " Reruns resume."
    })
public final class ScalingCommand implements Callable<Integer> {

  @Option(names = "--quick", description = "Smoke preset (d = 1..3, budgets 100 and 1000 per dimension, 3 runs).")
  boolean quick;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--threads", paramLabel = "T", defaultValue = "0",
      description = "Worker threads (default ${DEFAULT-VALUE} = all cores).")
  int threads;

  @Override
  public Integer call() {
    if (threads < 0) {
      throw new IllegalArgumentException("--threads must be >= 0 (0 = all cores), got " + threads);
    }
    int t = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    ScalingStudy study = quick ? ScalingStudy.quick(t) : ScalingStudy.standard(t);
    Path csv;
    try (Progress p = new Progress("scaling", study.totalRuns(), System.out)) {
      csv = study.run(out, r -> p.step());
    }
    List<List<String>> rows = CsvRowWriter.readAll(csv);
    System.out.println();
    System.out.println("mean success rate over " + study.functions() + " (" + csv + "):");
    StringBuilder head = new StringBuilder(String.format("%-14s", "solver"));
    for (int d : study.dimensions()) {
      for (long b : study.budgetsPerDimension()) {
        head.append(String.format(" %9s", "d" + d + "/" + b));
      }
    }
    System.out.println(head);
    for (String s : study.solvers()) {
      StringBuilder line = new StringBuilder(String.format("%-14s", s));
      for (List<String> r : rows.subList(1, rows.size())) {
        if (r.get(0).equals(s)) {
          line.append(String.format(" %9s", r.get(6)));
        }
      }
      System.out.println(line);
    }
    return 0;
  }
}
