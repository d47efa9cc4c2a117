package io.convopt.experiments.cli;

import io.convopt.experiments.io.CsvRowWriter;
import io.convopt.experiments.tables.Calibration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The calibration experiment for a reconstructed family with free parameters. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    header = "Fit a reconstructed function's parameters to the paper.",
    description = {
      "Searches a reconstructed test function's free parameters on a fixed grid for the best"
          + " agreement with the paper's published rows. This is CALIBRATION (fitting to the"
          + " published numbers) and is labelled as such.",
      "Writes calibration/<function>.csv ranked best first and prints the winner."
    })
public final class CalibrateCommand implements Callable<Integer> {

  @Option(names = "--function", required = true,
      completionCandidates = ValueLists.CalibratableFunctions.class,
      description = "Reconstructed function with free parameters, one of ${COMPLETION-CANDIDATES}.")
  String function;

  @Option(names = "--out", defaultValue = "results", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--threads", defaultValue = "0", description = "Worker threads (0 = all cores).")
  int threads;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of zigzag2 (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    String fn = function.toUpperCase(Locale.ROOT);
    if (!Calibration.calibratable().contains(fn)) {
      throw new IllegalArgumentException("--function must be one of " + Calibration.calibratable() + ", got '"
          + function + "'");
    }
    int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    List<Calibration.Candidate> ranked;
    try (Progress p = new Progress("calibrate " + fn, Calibration.grid(fn).size(), System.out)) {
      ranked = Calibration.run(fn, n, seed, c -> p.step());
    }
    Path csv = out.resolve("calibration").resolve(fn.toLowerCase(Locale.ROOT) + ".csv");
    Files.deleteIfExists(csv);
    try (CsvRowWriter w = CsvRowWriter.open(csv, List.of("rank", "function", "parameters", "matches", "near",
        "rows", "total_distance_eta", "label"))) {
      int rank = 1;
      for (Calibration.Candidate c : ranked) {
        List<String> r = new ArrayList<>();
        r.add(Integer.toString(rank++));
        r.add(fn);
        r.add(c.describe());
        r.add(Integer.toString(c.matches()));
        r.add(Integer.toString(c.near()));
        r.add(Integer.toString(c.rows()));
        r.add(String.format(Locale.ROOT, "%.2f", c.totalDistanceEta()));
        r.add("calibration against the published rows");
        w.append(r);
      }
    }
    Calibration.Candidate best = ranked.get(0);
    System.out.printf(Locale.ROOT, "%s calibration (fitted to the paper's rows): best %s — %d of %d rows match,"
        + " %d near%nRanking in %s%n", fn, best.describe(), best.matches(), best.rows(), best.near(), csv);
    return 0;
  }
}
