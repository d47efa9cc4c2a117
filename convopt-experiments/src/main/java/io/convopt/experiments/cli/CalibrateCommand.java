package io.convopt.experiments.cli;

import io.convopt.experiments.grid.CellRows;
import io.convopt.experiments.grid.Grid;
import io.convopt.experiments.grid.GridOptions;
import io.convopt.experiments.grid.GridRunner;
import io.convopt.experiments.grid.GridSettings;
import io.convopt.experiments.grid.GridTable;
import io.convopt.experiments.grid.SeedOption;
import io.convopt.experiments.io.CsvRowWriter;
import io.convopt.experiments.io.Numbers;
import io.convopt.experiments.tables.Calibration;
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
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = {"Search a reconstructed test function's free parameters on a fixed grid for the best agreement",
        "with the paper's published rows (CALIBRATION: fitting to the published numbers, labelled as such).",
        "Writes calibration/<function>.csv ranked best first and prints the winner."})
public final class CalibrateCommand implements Callable<Integer> {

  /** Columns of the per-candidate table (one row per grid point, as each is scored). */
  static final List<String> CANDIDATE_COLUMNS = List.of("key", "function", "grid_index",
      "parameters", "matches",
      "near", "rows", "total_distance_eta");

  @Option(names = "--function", required = true, description = "POLY1, LOG2 or ROSENBROCK.")
  String function;

  @Mixin SeedOption seed;

  @Mixin GridOptions grid;

  @Override
  public Integer call() {
    String fn = function.toUpperCase(Locale.ROOT);
    if (!Calibration.calibratable().contains(fn)) {
      throw new IllegalArgumentException("--function must be one of " + Calibration.calibratable() + ", got '"
          + function + "'");
    }
    GridSettings settings = grid.settings(0);
    String name = fn.toLowerCase(Locale.ROOT);
    List<Integer> cells = IntStream.range(0, Calibration.grid(fn).size()).boxed().toList();
    Grid<Integer> g = new Grid<>("calibrate-" + name, cells, i -> fn + "|grid=" + i,
        List.of(new GridTable("calibration/" + name + "-candidates.csv", CANDIDATE_COLUMNS,
            "key")));
    new GridRunner(settings).run(g, i -> {
      Calibration.Candidate c = Calibration.score(fn, seed.seed(), i);
      return CellRows.of(List.of(fn + "|grid=" + i, fn, Integer.toString(i), c.describe(),
          Integer.toString(c.matches()), Integer.toString(c.near()), Integer.toString(c.rows()),
          Numbers.exact(c.totalDistanceEta())));
    }, new GridRunner.Description("calibration/provenance.csv",
        Map.of("calibrate_" + name + "_seed", Long.toString(seed.seed())),
            Long.toString(seed.seed())));
    List<List<String>> scored = CsvRowWriter.readAll(settings.out().resolve(g.ledger().path()));
    List<List<String>> ranked = new ArrayList<>(scored.subList(1, scored.size()));
    ranked.sort(Calibration.ranking(r -> Integer.parseInt(r.get(4)), r
        -> Integer.parseInt(r.get(5)),
        r -> Numbers.parse(r.get(7)), r -> Integer.parseInt(r.get(2))));
    List<List<String>> out = new ArrayList<>();
    for (int k = 0; k < ranked.size(); k++) {
      List<String> r = ranked.get(k);
      out.add(List.of(Integer.toString(k + 1), fn, r.get(3), r.get(4), r.get(5), r.get(6),
          Numbers.fixed(Numbers.parse(r.get(7)), 2), "calibration against the published rows"));
    }
    Path csv = settings.out().resolve("calibration").resolve(name + ".csv");
    CsvRowWriter.rewrite(csv, List.of("rank", "function", "parameters", "matches", "near", "rows",
        "total_distance_eta", "label"), out);
    if (out.isEmpty()) {
      System.out.println(fn + " calibration: no candidate scored yet in this folder");
      return 0;
    }
    List<String> best = out.get(0);
    System.out.printf(Locale.ROOT,
        "%s calibration (fitted to the paper's rows): best %s%n%s of %s rows match,"
        + " %s near; ranking in %s%n", fn, best.get(2), best.get(3), best.get(5), best.get(4), csv);
    return 0;
  }
}
