package io.convopt.experiments.calibration;

import io.convopt.experiments.io.CsvRowWriter;
import io.convopt.experiments.tables.PublishedRow;
import io.convopt.experiments.tables.PublishedTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The leave-one-out calibration of LOG2 end to end: the 17 published LOG2 rows (Table 1's two,
 * Table 2's fifteen), the cells of each family (candidates × rows) run into {@code
 * <folder>/log2-loo/<family>.csv}, and the analysis written as {@code log2-loo-ranking.csv} (one
 * line per family, best first) and {@code log2-loo-folds.csv} (one line per family and held-out
 * row).
 */
public final class Log2Calibration {

  /** Candidates per continuous family unless told otherwise. */
  public static final int DEFAULT_CANDIDATES = 48;

  public static final List<String> RANKING_COLUMNS =
      List.of(
          "rank",
          "family",
          "free_parameters",
          "candidates",
          "rows",
          "in_sample_matches",
          "loo_matches",
          "fitted_candidate",
          "fitted_parameters",
          "in_sample_loss",
          "formula",
          "seed",
          "label");

  public static final List<String> FOLD_COLUMNS =
      List.of(
          "family",
          "held_out",
          "selected_candidate",
          "selected_parameters",
          "distance_eta",
          "verdict");

  private Log2Calibration() {}

  /** The published LOG2 rows, Table 1's first, in table order. */
  public static List<PublishedRow> rows() {
    List<PublishedRow> out = new ArrayList<>();
    for (PublishedRow r : PublishedTables.table1()) {
      if (r.function().equalsIgnoreCase("LOG2")) {
        out.add(r);
      }
    }
    for (PublishedRow r : PublishedTables.table2()) {
      if (r.function().equalsIgnoreCase("LOG2")) {
        out.add(r);
      }
    }
    return List.copyOf(out);
  }

  /** The cells of one family: every candidate on every row. */
  public static List<Log2Cell> cells(Log2Family family, int count, long seed) {
    List<Log2Cell> out = new ArrayList<>();
    for (Candidate c : family.candidates(count, seed)) {
      for (PublishedRow r : rows()) {
        out.add(new Log2Cell(c, r));
      }
    }
    return out;
  }

  public static Path cellFile(Path folder, Log2Family family) {
    return folder.resolve("log2-loo").resolve(family.id() + ".csv");
  }

  /** Runs the missing cells of {@code family}; returns how many ran. */
  public static int runFamily(
      Path folder, Log2Family family, int count, long seed, int threads, Runnable onCell) {
    return Log2CellLoop.run(
        cellFile(folder, family), cells(family, count, seed), seed, threads, onCell);
  }

  /** Analyses one family from its (complete) cell file. */
  public static LeaveOneOut.FamilyResult analyse(
      Path folder, Log2Family family, int count, long seed) {
    Path csv = cellFile(folder, family);
    Map<String, Double> d = distances(csv);
    List<String> keys = new ArrayList<>();
    for (PublishedRow r : rows()) {
      keys.add(r.key());
    }
    return LeaveOneOut.analyse(family, family.candidates(count, seed), keys, d);
  }

  /** Writes the ranking and the folds of {@code results} (any order) into {@code folder}. */
  public static List<LeaveOneOut.FamilyResult> write(
      Path folder, List<LeaveOneOut.FamilyResult> results, long seed) {
    List<LeaveOneOut.FamilyResult> ranked = LeaveOneOut.rank(results);
    Path ranking = folder.resolve("log2-loo-ranking.csv");
    Path folds = folder.resolve("log2-loo-folds.csv");
    try {
      Files.deleteIfExists(ranking);
      Files.deleteIfExists(folds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (CsvRowWriter w = CsvRowWriter.open(ranking, RANKING_COLUMNS)) {
      int rank = 1;
      for (LeaveOneOut.FamilyResult r : ranked) {
        w.append(
            List.of(
                Integer.toString(rank++),
                r.family().id(),
                Integer.toString(r.family().freeParameters()),
                Integer.toString(r.candidates()),
                Integer.toString(r.rows()),
                Integer.toString(r.inSampleMatches()),
                Integer.toString(r.looMatches()),
                Integer.toString(r.fitted().index()),
                r.fitted().describe(),
                String.format(Locale.ROOT, "%.4f", r.inSampleLoss()),
                r.family().formula(),
                Long.toString(seed),
                "leave-one-out calibration against the published LOG2 rows"));
      }
    }
    try (CsvRowWriter w = CsvRowWriter.open(folds, FOLD_COLUMNS)) {
      for (LeaveOneOut.FamilyResult r : ranked) {
        for (LeaveOneOut.Prediction p : r.folds()) {
          w.append(
              List.of(
                  r.family().id(),
                  p.heldOut(),
                  Integer.toString(p.selected().index()),
                  p.selected().describe(),
                  String.format(Locale.ROOT, "%.2f", p.distanceEta()),
                  p.verdict().label()));
        }
      }
    }
    return ranked;
  }

  /** key → distance_eta of a cell file ("inf" for a candidate that could not run the row). */
  static Map<String, Double> distances(Path csv) {
    Map<String, Double> out = new HashMap<>();
    if (!Files.exists(csv)) {
      return out;
    }
    List<List<String>> rows = CsvRowWriter.readAll(csv);
    int k = rows.get(0).indexOf("key");
    int d = rows.get(0).indexOf("distance_eta");
    for (List<String> r : rows.subList(1, rows.size())) {
      if (r.size() == rows.get(0).size()) {
        String v = r.get(d);
        out.put(r.get(k), v.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(v));
      }
    }
    return out;
  }
}
