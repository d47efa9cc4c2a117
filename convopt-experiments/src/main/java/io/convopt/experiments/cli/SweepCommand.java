package io.convopt.experiments.cli;

import io.convopt.experiments.grid.GridOptions;
import io.convopt.experiments.grid.GridOutcome;
import io.convopt.experiments.grid.GridSettings;
import io.convopt.experiments.grid.SeedOption;
import io.convopt.experiments.sweep.Sweep;
import io.convopt.experiments.sweep.SweepSpec;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A step size × power × start sweep. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    header = "Run one paper algorithm over an eta x N x start grid.",
    description = {
      "Runs one algorithm on one paper test function over a grid of step sizes eta, powers N"
          + " and start points, in parallel. Each finished run is appended to"
          + " sweeps/<function>-<algorithm>.csv at once, and a rerun skips the runs already there"
          + " (resume)."
    })
public final class SweepCommand implements Callable<Integer> {

  @Option(
      names = "--function",
      required = true,
      completionCandidates = ValueLists.PaperFunctionNames.class,
      description = "Paper test function, one of ${COMPLETION-CANDIDATES}.")
  String function;

  @Option(
      names = "--algorithm",
      required = true,
      completionCandidates = ValueLists.SweepAlgorithms.class,
      description =
          "Algorithm, one of ${COMPLETION-CANDIDATES} (alg1: Algorithm 1, 1-D;"
              + " alg2: Algorithm 2; zigzag1/zigzag2: Algorithms 3/4).")
  String algorithm;

  @Option(
      names = {"--etas", "--eta"},
      required = true,
      paramLabel = "e1,e2",
      description = "Comma-separated step sizes, e.g. 0.1,0.05,0.02.")
  String etas;

  @Option(
      names = {"--powers", "--power"},
      required = true,
      paramLabel = "N1,N2",
      description = "Comma-separated powers N, e.g. 1,3,6,15.")
  String powers;

  @Option(
      names = {"--starts", "--start"},
      required = true,
      paramLabel = "x;y",
      description =
          "Start points separated by ';', coordinates by spaces, e.g. \"0.3 -0.3;0.8 0.9\".")
  String starts;

  @Option(
      names = "--steps",
      defaultValue = "0",
      description = "Iterations T per run (default: 0 = ceil(side/eta) + 50).")
  long steps;

  @Mixin SeedOption seed;

  @Mixin GridOptions grid;

  @Override
  public Integer call() {
    SweepSpec spec =
        new SweepSpec(
            function.toUpperCase(Locale.ROOT),
            algorithm.toLowerCase(Locale.ROOT),
            SweepSpec.parseList(etas),
            SweepSpec.parseList(powers),
            SweepSpec.parseStarts(starts),
            steps,
            seed.seed());
    GridSettings settings = grid.settings(0);
    String table = Sweep.tablePath(spec);
    GridOutcome o = Sweep.run(spec, settings, table, r -> {});
    var csv = settings.out().resolve(table);
    var t = Sweep.read(csv, false);
    System.out.printf(
        Locale.ROOT,
        "%d runs done now, %d resumed, %d in %s%n",
        o.executed(),
        o.resumed(),
        t.rowCount(),
        csv);
    System.out.println(
        t.selectColumns("eta", "power", "start", "final", "final_error_eta").print(20));
    return 0;
  }
}
