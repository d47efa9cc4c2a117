package io.convopt.experiments.cli;

import io.convopt.experiments.calibration.LeaveOneOut;
import io.convopt.experiments.calibration.Log2Calibration;
import io.convopt.experiments.calibration.Log2Family;
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
      "Writes calibration/<function>.csv ranked best first and prints the winner.",
      "With --loo (LOG2 only): leave-one-out calibration of the LOG2 families (--family NAME"
          + " or all); cells in calibration/log2-loo/<family>.csv (resumable), ranking in"
          + " calibration/log2-loo-ranking.csv."
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

  @Option(names = "--loo",
      description = "Leave-one-out calibration of the LOG2 candidate families.")
  boolean loo;

  @Option(names = "--family", defaultValue = "all",
      description = "With --loo: iso, iso-flip, aniso, power, power-flip, bump, box, reading"
          + " or all (default: ${DEFAULT-VALUE}).")
  String family;

  @Option(names = "--candidates", defaultValue = "" + Log2Calibration.DEFAULT_CANDIDATES,
      description = "With --loo: candidates per continuous family (default: ${DEFAULT-VALUE}).")
  int candidates;

  @Option(names = "--fresh", description = "With --loo: delete the families' cell files first.")
  boolean fresh;

  @Override
  public Integer call() throws Exception {
    String fn = function.toUpperCase(Locale.ROOT);
    if (loo) {
      return leaveOneOut(fn);
    }
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

  private int leaveOneOut(String fn) throws Exception {
    if (!fn.equals("LOG2")) {
      throw new IllegalArgumentException(
          "--loo is defined for --function LOG2 only, got '" + function + "'");
    }
    if (candidates < 1 || candidates > 10_000) {
      throw new IllegalArgumentException("--candidates must be in [1, 10000], got " + candidates);
    }
    List<Log2Family> families = family.equalsIgnoreCase("all") ? List.of(Log2Family.values())
        : List.of(Log2Family.byId(family));
    int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    Path folder = out.resolve("calibration");
    List<LeaveOneOut.FamilyResult> results = new ArrayList<>();
    for (Log2Family f : families) {
      if (fresh) {
        Files.deleteIfExists(Log2Calibration.cellFile(folder, f));
      }
      int cells = Log2Calibration.cells(f, candidates, seed).size();
      try (Progress p = new Progress("calibrate LOG2 " + f.id(), cells, System.out)) {
        Log2Calibration.runFamily(folder, f, candidates, seed, n, p::step);
      }
      results.add(Log2Calibration.analyse(folder, f, candidates, seed));
    }
    // Families run earlier into the same folder with the same seed and count join the ranking.
    for (Log2Family f : Log2Family.values()) {
      if (!families.contains(f) && Files.exists(Log2Calibration.cellFile(folder, f))) {
        try {
          results.add(Log2Calibration.analyse(folder, f, candidates, seed));
        } catch (IllegalStateException | IllegalArgumentException e) {
          System.out.println("(not ranked: " + f.id()
              + " has no complete cell file for this seed and count)");
        }
      }
    }
    List<LeaveOneOut.FamilyResult> ranked = Log2Calibration.write(folder, results, seed);
    System.out.println(
        "LOG2 leave-one-out calibration (fitted to the paper's rows; seed " + seed + "):");
    System.out.printf(Locale.ROOT, "%-10s %6s %10s %9s %9s  %s%n", "family", "params",
        "candidates", "in-sample", "LOO", "fitted on all rows");
    for (LeaveOneOut.FamilyResult r : ranked) {
      System.out.printf(Locale.ROOT, "%-10s %6d %10d %6d/%-2d %6d/%-2d  %s%n", r.family().id(),
          r.family().freeParameters(), r.candidates(), r.inSampleMatches(), r.rows(),
          r.looMatches(), r.rows(), r.fitted().describe());
    }
    System.out.println("Ranking in " + folder.resolve("log2-loo-ranking.csv"));
    return 0;
  }
}
