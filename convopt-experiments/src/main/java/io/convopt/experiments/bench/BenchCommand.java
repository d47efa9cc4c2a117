package io.convopt.experiments.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code convopt bench}: the kernel JMH benchmarks with a ratio summary. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    header = "Run the kernel JMH benchmarks and print speed ratios.",
    description = {
      "Runs the kernel JMH benchmarks (vector vs scalar sums, FMA peak, incremental vs full"
          + " step) in forked JVMs, writes JMH's JSON and its raw log next to it, shows the"
          + " progress of each benchmark and prints the ratios measured in the same run."
    })
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--quick",
      description = "1 fork, short warm-up/measurement, 1e3..1e6 points (~2 min).")
  boolean quick;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "JMH JSON output; JMH's raw log goes beside it as .log (default:" + " ${DEFAULT-VALUE}).")
  Path out = KernelBenchmarkRunner.DEFAULT_OUTPUT;

  @Option(
      names = "--include",
      paramLabel = "REGEX",
      description = "JMH include regex over benchmark names (default: ${DEFAULT-VALUE}).")
  String include = KernelBenchmarkRunner.DEFAULT_INCLUDE;

  @Override
  public Integer call() throws Exception {
    return KernelBenchmarkRunner.run(
        new KernelBenchmarkRunner.Config(quick, out, include), System.out);
  }
}
