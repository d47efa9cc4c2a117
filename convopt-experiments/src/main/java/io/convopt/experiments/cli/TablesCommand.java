package io.convopt.experiments.cli;

import io.convopt.experiments.functions.PaperFunctions;
import io.convopt.experiments.functions.TestFunction;
import io.convopt.experiments.grid.GridOptions;
import io.convopt.experiments.grid.GridOutcome;
import io.convopt.experiments.grid.GridRunner;
import io.convopt.experiments.grid.GridSettings;
import io.convopt.experiments.grid.SeedOption;
import io.convopt.experiments.grid.Shard;
import io.convopt.experiments.io.CsvRowWriter;
import io.convopt.experiments.io.Numbers;
import io.convopt.experiments.io.OutputDirectory;
import io.convopt.experiments.io.Provenance;
import io.convopt.experiments.reportdata.ReportData;
import io.convopt.experiments.tables.PaperReading;
import io.convopt.experiments.tables.PaperTableRun;
import io.convopt.experiments.tables.PublishedRow;
import io.convopt.experiments.tables.PublishedTables;
import io.convopt.experiments.tables.RowOutcome;
import io.convopt.experiments.tables.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Re-runs the paper's Tables 1 and 2 on the reconstructed test functions. */
@Command(
    name = "tables",
    mixinStandardHelpOptions = true,
    header = "Re-run the paper's Tables 1 and 2 and write their CSVs.",
    description = {
      "Runs the paper's Table 1 (Algorithms 1-2) and Table 2 (zigzag1/zigzag2) on the"
          + " documented reconstructions of its test functions and writes table1.csv / table2.csv"
          + " (one row as each run ends; a rerun resumes), figure data and provenance.csv into the"
          + " output folder."
    })
public final class TablesCommand implements Callable<Integer> {

  @Option(
      names = "--table",
      defaultValue = "all",
      description = "1, 2 or all (default: ${DEFAULT-VALUE}).")
  String table;

  @Mixin SeedOption seed;

  @Mixin GridOptions grid;

  @Override
  public Integer call() throws IOException {
    List<Integer> which =
        switch (table) {
          case "1" -> List.of(1);
          case "2" -> List.of(2);
          case "all" -> List.of(1, 2);
          default ->
              throw new IllegalArgumentException(
                  "--table must be 1, 2 or all, got '" + table + "'");
        };
    run(which, grid.settings(0), seed.seed()).forEach(System.out::println);
    System.out.println("Results in " + grid.out().toAbsolutePath());
    return 0;
  }

  /** Runs the tables on one thread into {@code out} (deleting earlier rows when {@code fresh}). */
  public static List<String> run(
      List<Integer> which, Path out, long seed, boolean fresh, PrintStream log) throws IOException {
    List<String> summary =
        run(
            which,
            new GridSettings(
                out,
                1,
                Shard.ALL,
                fresh,
                false,
                "tables",
                List.of("--seed", Long.toString(seed)),
                System.err),
            seed);
    summary.forEach(log::println);
    return summary;
  }

  /**
   * Runs the rows of the chosen tables with the grid runner, then writes the figure data; returns
   * the summary lines (one per table).
   */
  public static List<String> run(List<Integer> which, GridSettings settings, long seed)
      throws IOException {
    Path out = settings.out();
    OutputDirectory.prepare(out);
    Map<String, TestFunction> fns = PaperFunctions.all();
    PaperTableRun runner = new PaperTableRun(fns, seed, PaperReading.shipped());
    List<String> summary = new ArrayList<>();
    double seconds = 0;
    for (int t : which) {
      List<PublishedRow> rows = t == 1 ? PublishedTables.table1() : PublishedTables.table2();
      Map<String, String> params = new LinkedHashMap<>();
      params.put("tables_seed", Long.toString(seed));
      params.put("tables_reading", runner.reading().describe());
      params.put(
          "function_definitions",
          "data/test-functions/functions.json (documented reconstructions; see README there)");
      GridRunner.Description d =
          new GridRunner.Description("provenance.csv", params, Long.toString(seed));
      GridOutcome o = runner.runInto(new GridRunner(settings), t, rows, d);
      seconds += o.seconds();
      // Paths for the figures come from a full in-memory run with trajectories (cheap: seconds).
      List<RowOutcome> all = runner.runAll(rows);
      ReportData.writePaths(out, "table" + t, all);
      summary.add(summarize(t, out.resolve("table" + t + ".csv")));
    }
    Provenance.update(
        out.resolve("provenance.csv"), Map.of("tables_wall_s", Numbers.fixed(seconds, 2)));
    for (TestFunction f : fns.values()) {
      if (f.dimension() == 1) {
        ReportData.writeCurves(out, f, List.of(1.0, 3.0, 6.0, 15.0, 40.0), 400);
      } else {
        ReportData.writeContour(out, f, 81);
      }
    }
    return summary;
  }

  /**
   * "Table 1: 7 of 8 rows match (within 2 eta), 1 near (within 5 eta), 0 differ". Read back from
   * the CSV.
   */
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
    return String.format(
        Locale.ROOT,
        "Table %d: %d of %d rows match (within 2 eta), %d near (within 5 eta), %d differ"
            + " (reconstructed functions)",
        t,
        m,
        rows.size() - 1,
        n,
        d);
  }
}
