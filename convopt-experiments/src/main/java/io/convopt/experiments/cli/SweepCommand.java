package io.convopt.experiments.cli;

import io.convopt.experiments.sweep.Sweep;
import io.convopt.experiments.sweep.SweepSpec;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A step size × power × start sweep. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    header = "Run one paper algorithm over an eta x N x start grid.",
    description = {
      "Runs one algorithm on one paper test function over a grid of step sizes eta, powers N"
          + " and start points, in parallel. Each finished run is appended to"
          + " sweeps/<function>-<algorithm>.csv at once, and a rerun skips the runs already there"
          + " (resume)."
    })
public final class SweepCommand implements Callable<Integer> {

  @Option(names = "--function", required = true,
      completionCandidates = ValueLists.PaperFunctionNames.class,
      description = "Paper test function, one of ${COMPLETION-CANDIDATES}.")
  String function;

  @Option(names = "--algorithm", required = true,
      completionCandidates = ValueLists.SweepAlgorithms.class,
      description = "Algorithm, one of ${COMPLETION-CANDIDATES} (alg1: Algorithm 1, 1-D;"
          + " alg2: Algorithm 2; zigzag1/zigzag2: Algorithms 3/4).")
  String algorithm;

  @Option(names = "--eta", required = true, description = "Comma-separated step sizes, e.g. 0.1,0.05,0.02.")
  String etas;

  @Option(names = "--power", required = true, description = "Comma-separated powers N, e.g. 1,3,6,15.")
  String powers;

  @Option(names = "--start", required = true,
      description = "Start points separated by ';', coordinates by spaces, e.g. \"0.3 -0.3;0.8 0.9\".")
  String starts;

  @Option(names = "--steps", defaultValue = "0",
      description = "Iterations T per run (default: 0 = ceil(side/eta) + 50).")
  long steps;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (zigzag2 directions) (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", defaultValue = "0", description = "Worker threads (0 = all cores).")
  int threads;

  @Option(names = "--out", defaultValue = "results", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    SweepSpec spec = new SweepSpec(function.toUpperCase(Locale.ROOT), algorithm.toLowerCase(Locale.ROOT),
        SweepSpec.parseList(etas), SweepSpec.parseList(powers), SweepSpec.parseStarts(starts), steps, seed);
    Path csv = out.resolve("sweeps").resolve(spec.function().toLowerCase(Locale.ROOT) + "-" + spec.algorithm()
        + ".csv");
    int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    int ran;
    try (Progress p = new Progress("sweep", spec.cells().size(), System.out)) {
      ran = Sweep.run(spec, csv, n, r -> p.step());
    }
    var table = Sweep.read(csv, false);
    System.out.printf(Locale.ROOT, "%d runs done now, %d in %s%n", ran, table.rowCount(), csv);
    System.out.println(table.selectColumns("eta", "power", "start", "final", "final_error_eta").print(20));
    TablesCommand.writeProvenance(out, java.util.Map.of("sweep_" + spec.function() + "_" + spec.algorithm(),
        "eta=" + etas + " power=" + powers + " starts=" + starts + " steps=" + steps + " seed=" + seed));
    return 0;
  }
}
