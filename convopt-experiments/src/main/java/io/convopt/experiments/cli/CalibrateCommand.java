package io.convopt.experiments.cli;

import io.convopt.experiments.calibration.LeaveOneOut;
import io.convopt.experiments.calibration.Log2Calibration;
import io.convopt.experiments.calibration.Log2Family;
import io.convopt.experiments.grid.CellRows;
import io.convopt.experiments.grid.Grid;
import io.convopt.experiments.grid.GridOptions;
import io.convopt.experiments.grid.GridRunner;
import io.convopt.experiments.grid.GridSettings;
import io.convopt.experiments.grid.GridTable;
import io.convopt.experiments.grid.ProgressBar;
import io.convopt.experiments.grid.SeedOption;
import io.convopt.experiments.io.CsvRowWriter;
import io.convopt.experiments.io.Numbers;
import io.convopt.experiments.tables.Calibration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The calibration experiment for a reconstructed family with free parameters. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
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

  /** Columns of the per-candidate table (one row per grid point, as each is scored). */
  static final List<String> CANDIDATE_COLUMNS =
      List.of(
          "key",
          "function",
          "grid_index",
          "parameters",
          "matches",
          "near",
          "rows",
          "total_distance_eta");

  @Option(
      names = "--function",
      required = true,
      completionCandidates = ValueLists.CalibratableFunctions.class,
      description = "Reconstructed function with free parameters, one of ${COMPLETION-CANDIDATES}.")
  String function;

  @Mixin SeedOption seed;

  @Mixin GridOptions grid;

  @Option(
      names = "--loo",
      description = "Leave-one-out calibration of the LOG2 candidate families.")
  boolean loo;

  @Option(
      names = "--family",
      defaultValue = "all",
      description =
          "With --loo: iso, iso-flip, aniso, power, power-flip, bump, box, reading"
              + " or all (default: ${DEFAULT-VALUE}).")
  String family;

  @Option(
      names = "--candidates",
      defaultValue = "" + Log2Calibration.DEFAULT_CANDIDATES,
      description = "With --loo: candidates per continuous family (default: ${DEFAULT-VALUE}).")
  int candidates;

  @Override
  public Integer call() throws IOException {
    String fn = function.toUpperCase(Locale.ROOT);
    if (loo) {
      return leaveOneOut(fn);
    }
    if (!Calibration.calibratable().contains(fn)) {
      throw new IllegalArgumentException(
          "--function must be one of " + Calibration.calibratable() + ", got '" + function + "'");
    }
    GridSettings settings = grid.settings(0);
    String name = fn.toLowerCase(Locale.ROOT);
    List<Integer> cells = IntStream.range(0, Calibration.grid(fn).size()).boxed().toList();
    Grid<Integer> g =
        new Grid<>(
            "calibrate-" + name,
            cells,
            i -> fn + "|grid=" + i,
            List.of(
                new GridTable(
                    "calibration/" + name + "-candidates.csv", CANDIDATE_COLUMNS, "key")));
    new GridRunner(settings)
        .run(
            g,
            i -> {
              Calibration.Candidate c = Calibration.score(fn, seed.seed(), i);
              return CellRows.of(
                  List.of(
                      fn + "|grid=" + i,
                      fn,
                      Integer.toString(i),
                      c.describe(),
                      Integer.toString(c.matches()),
                      Integer.toString(c.near()),
                      Integer.toString(c.rows()),
                      Numbers.exact(c.totalDistanceEta())));
            },
            new GridRunner.Description(
                "calibration/provenance.csv",
                Map.of("calibrate_" + name + "_seed", Long.toString(seed.seed())),
                Long.toString(seed.seed())));
    List<List<String>> scored = CsvRowWriter.readAll(settings.out().resolve(g.ledger().path()));
    List<List<String>> ranked = new ArrayList<>(scored.subList(1, scored.size()));
    ranked.sort(
        Calibration.ranking(
            r -> Integer.parseInt(r.get(4)),
            r -> Integer.parseInt(r.get(5)),
            r -> Numbers.parse(r.get(7)),
            r -> Integer.parseInt(r.get(2))));
    List<List<String>> out = new ArrayList<>();
    for (int k = 0; k < ranked.size(); k++) {
      List<String> r = ranked.get(k);
      out.add(
          List.of(
              Integer.toString(k + 1),
              fn,
              r.get(3),
              r.get(4),
              r.get(5),
              r.get(6),
              Numbers.fixed(Numbers.parse(r.get(7)), 2),
              "calibration against the published rows"));
    }
    Path csv = settings.out().resolve("calibration").resolve(name + ".csv");
    CsvRowWriter.rewrite(
        csv,
        List.of(
            "rank",
            "function",
            "parameters",
            "matches",
            "near",
            "rows",
            "total_distance_eta",
            "label"),
        out);
    if (out.isEmpty()) {
      System.out.println(fn + " calibration: no candidate scored yet in this folder");
      return 0;
    }
    List<String> best = out.get(0);
    System.out.printf(
        Locale.ROOT,
        "%s calibration (fitted to the paper's rows): best %s%n%s of %s rows match,"
            + " %s near; ranking in %s%n",
        fn,
        best.get(2),
        best.get(3),
        best.get(5),
        best.get(4),
        csv);
    return 0;
  }

  private int leaveOneOut(String fn) throws IOException {
    if (!fn.equals("LOG2")) {
      throw new IllegalArgumentException(
          "--loo is defined for --function LOG2 only, got '" + function + "'");
    }
    if (candidates < 1 || candidates > 10_000) {
      throw new IllegalArgumentException("--candidates must be in [1, 10000], got " + candidates);
    }
    List<Log2Family> families =
        family.equalsIgnoreCase("all")
            ? List.of(Log2Family.values())
            : List.of(Log2Family.byId(family));
    GridSettings settings = grid.settings(0);
    int n = settings.threads();
    long seed = this.seed.seed();
    Path folder = settings.out().resolve("calibration");
    List<LeaveOneOut.FamilyResult> results = new ArrayList<>();
    for (Log2Family f : families) {
      if (settings.fresh()) {
        Files.deleteIfExists(Log2Calibration.cellFile(folder, f));
      }
      int cells = Log2Calibration.cells(f, candidates, seed).size();
      try (ProgressBar p = new ProgressBar("calibrate LOG2 " + f.id(), cells, System.err)) {
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
          System.out.println(
              "(not ranked: " + f.id() + " has no complete cell file for this seed and count)");
        }
      }
    }
    List<LeaveOneOut.FamilyResult> ranked = Log2Calibration.write(folder, results, seed);
    System.out.println(
        "LOG2 leave-one-out calibration (fitted to the paper's rows; seed " + seed + "):");
    System.out.printf(
        Locale.ROOT,
        "%-10s %6s %10s %9s %9s  %s%n",
        "family",
        "params",
        "candidates",
        "in-sample",
        "LOO",
        "fitted on all rows");
    for (LeaveOneOut.FamilyResult r : ranked) {
      System.out.printf(
          Locale.ROOT,
          "%-10s %6d %10d %6d/%-2d %6d/%-2d  %s%n",
          r.family().id(),
          r.family().freeParameters(),
          r.candidates(),
          r.inSampleMatches(),
          r.rows(),
          r.looMatches(),
          r.rows(),
          r.fitted().describe());
    }
    System.out.println("Ranking in " + folder.resolve("log2-loo-ranking.csv"));
    return 0;
  }
}
