package io.convopt.experiments.cli;

import io.convopt.experiments.functions.PaperFunctions;
import io.convopt.experiments.functions.TestFunction;
import io.convopt.experiments.io.CsvRowWriter;
import io.convopt.experiments.io.OutputDirectory;
import io.convopt.experiments.io.Provenance;
import io.convopt.experiments.reportdata.ReportData;
import io.convopt.experiments.tables.PaperReading;
import io.convopt.experiments.tables.PaperTableRun;
import io.convopt.experiments.tables.PublishedRow;
import io.convopt.experiments.tables.PublishedTables;
import io.convopt.experiments.tables.RowOutcome;
import io.convopt.experiments.tables.Verdict;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Re-runs the paper's Tables 1 and 2 on the reconstructed test functions. */
@Command(name = "tables", mixinStandardHelpOptions = true,
    header = "Re-run the paper's Tables 1 and 2 and write their CSVs.",
    description = {
      "Runs the paper's Table 1 (Algorithms 1-2) and Table 2 (zigzag1/zigzag2) on the"
          + " documented reconstructions of its test functions and writes table1.csv / table2.csv"
          + " (one row as each run ends; a rerun resumes), figure data and provenance.csv into the"
          + " output folder."
    })
public final class TablesCommand implements Callable<Integer> {

  @Option(names = "--table", defaultValue = "all", description = "1, 2 or all (default: ${DEFAULT-VALUE}).")
  String table;

  @Option(names = "--out", defaultValue = "results", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of zigzag2's direction sampling (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--fresh", description = "Delete existing table CSVs first instead of resuming.")
  boolean fresh;

  @Override
  public Integer call() throws Exception {
    List<Integer> which = switch (table) {
      case "1" -> List.of(1);
      case "2" -> List.of(2);
      case "all" -> List.of(1, 2);
      default -> throw new IllegalArgumentException("--table must be 1, 2 or all, got '" + table + "'");
    };
    run(which, out, seed, fresh, System.out);
    return 0;
  }

  /** Runs the tables; returns the summary lines printed. */
  public static List<String> run(List<Integer> which, Path out, long seed, boolean fresh, PrintStream log)
      throws java.io.IOException {
    OutputDirectory.prepare(out);
    long t0 = System.nanoTime();
    Map<String, TestFunction> fns = PaperFunctions.all();
    PaperTableRun runner = new PaperTableRun(fns, seed, PaperReading.shipped());
    List<String> summary = new ArrayList<>();
    for (int t : which) {
      List<PublishedRow> rows = t == 1 ? PublishedTables.table1() : PublishedTables.table2();
      Path csv = out.resolve("table" + t + ".csv");
      if (fresh) {
        Files.deleteIfExists(csv);
      }
      try (Progress p = new Progress("Table " + t, rows.size(), log)) {
        runner.runInto(csv, rows, o -> p.step());
      }
      // Paths for the figures come from a full in-memory run with trajectories (cheap: seconds).
      List<RowOutcome> all = runner.runAll(rows);
      ReportData.writePaths(out, "table" + t, all);
      summary.add(summarize(t, csv));
    }
    for (TestFunction f : fns.values()) {
      if (f.dimension() == 1) {
        ReportData.writeCurves(out, f, List.of(1.0, 3.0, 6.0, 15.0, 40.0), 400);
      } else {
        ReportData.writeContour(out, f, 81);
      }
    }
    writeProvenance(out, Map.of("tables_seed", Long.toString(seed),
        "tables_reading", runner.reading().describe(), "tables_wall_s",
        String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - t0) / 1e9),
        "function_definitions", "data/test-functions/functions.json (documented reconstructions; see README there)"));
    summary.forEach(log::println);
    log.println("Results in " + out.toAbsolutePath());
    return summary;
  }

  /** "Table 1: 7 of 8 rows match (within 2 eta), 1 near (within 5 eta), 0 differ". Read back from the CSV. */
  public static String summarize(int t, Path csv) {
    List<List<String>> rows = CsvRowWriter.readAll(csv);
    int k = rows.get(0).indexOf("verdict");
    int m = 0;
    int n = 0;
    int d = 0;
    for (List<String> r : rows.subList(1, rows.size())) {
      String v = r.get(k);
      if (v.equals(Verdict.MATCH.label())) {
        m++;
      } else if (v.equals(Verdict.NEAR.label())) {
        n++;
      } else {
        d++;
      }
    }
    return String.format(java.util.Locale.ROOT,
        "Table %d: %d of %d rows match (within 2 eta), %d near (within 5 eta), %d differ"
            + " — on reconstructed test functions (the paper's definitions were lost)", t, m, rows.size() - 1, n, d);
  }

  /** Merges {@code extra} into provenance.csv (key, value), keeping keys already there. */
  public static void writeProvenance(Path out, Map<String, String> extra) throws java.io.IOException {
    Path file = out.resolve("provenance.csv");
    java.util.LinkedHashMap<String, String> all = new java.util.LinkedHashMap<>();
    if (Files.exists(file)) {
      List<List<String>> rows = CsvRowWriter.readAll(file);
      for (List<String> r : rows.subList(1, rows.size())) {
        all.put(r.get(0), r.size() > 1 ? r.get(1) : "");
      }
    }
    all.putAll(Provenance.environment());
    all.putAll(new java.util.TreeMap<>(extra));
    Files.deleteIfExists(file);
    try (CsvRowWriter w = CsvRowWriter.open(file, List.of("key", "value"))) {
      all.forEach((k, v) -> w.append(List.of(k, v)));
    }
  }
}
