package io.convopt.experiments.sweep;

import io.convopt.experiments.functions.PaperFunctions;
import io.convopt.experiments.functions.TestFunction;
import io.convopt.experiments.grid.CellRows;
import io.convopt.experiments.grid.Grid;
import io.convopt.experiments.grid.GridOutcome;
import io.convopt.experiments.grid.GridRunner;
import io.convopt.experiments.grid.GridSettings;
import io.convopt.experiments.grid.GridTable;
import io.convopt.experiments.io.CsvRowWriter;
import io.convopt.experiments.io.Numbers;
import io.convopt.experiments.tables.PublishedRow;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.conv.ConvolutionDescent;
import io.convopt.solvers.conv.ConvolutionSettings;
import io.convopt.solvers.conv.PowerContinuation;
import io.convopt.solvers.conv.SignDescent1D;
import io.convopt.solvers.conv.SurrogateMedianSolver;
import io.convopt.solvers.conv.ZigzagCyclic;
import io.convopt.solvers.conv.ZigzagSampled;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Runs a {@link SweepSpec} on the grid runner (parallel, each finished run written at once,
 * resumable, shardable), and reads the result back as a Tablesaw table sorted by key, so an
 * interrupted-and-resumed sweep gives the same table as an uninterrupted one.
 */
public final class Sweep {

  public static final List<String> COLUMNS =
      List.of(
          "key",
          "function",
          "function_definition",
          "algorithm",
          "eta",
          "power",
          "delta",
          "steps",
          "start",
          "final",
          "final_error",
          "final_error_eta",
          "f_final",
          "evaluations",
          "wall_ms",
          "stop_reason",
          "seed");

  /** The algorithm names {@link #solver} accepts, in the order the help lists them. */
  public static final List<String> ALGORITHMS =
      List.of("alg1", "alg2", "zigzag1", "zigzag2", "median", "continuation");

  private Sweep() {}

  /** The solver for one cell. */
  public static Solver solver(String algorithm, ConvolutionSettings s) {
    return switch (algorithm.toLowerCase(Locale.ROOT)) {
      case "alg1" -> new SignDescent1D(s);
      case "alg2" -> new ConvolutionDescent(s);
      case "zigzag1" -> new ZigzagCyclic(s);
      case "zigzag2" -> new ZigzagSampled(s);
      case "median" -> new SurrogateMedianSolver(s);
      case "continuation" -> new PowerContinuation(s);
      default ->
          throw new IllegalArgumentException(
              "unknown algorithm '" + algorithm + "'; known: " + String.join(", ", ALGORITHMS));
    };
  }

  /** Where the sweep of {@code spec} writes, relative to the output folder. */
  public static String tablePath(SweepSpec spec) {
    return "sweeps/" + spec.function().toLowerCase(Locale.ROOT) + "-" + spec.algorithm() + ".csv";
  }

  /** The grid of {@code spec}, writing {@code table} (relative to the output folder). */
  public static Grid<SweepSpec.Cell> grid(SweepSpec spec, String table) {
    return new Grid<>(
        "sweep-" + spec.function().toLowerCase(Locale.ROOT) + "-" + spec.algorithm(),
        spec.cells(),
        SweepSpec.Cell::key,
        List.of(new GridTable(table, COLUMNS, "key")));
  }

  /**
   * Runs the cells of {@code spec} missing from {@code table} with the grid runner (resume, shard,
   * threads as {@code settings} say); {@code onRow} sees every row computed now before it is
   * written (a failure there stops the run like a failing cell).
   */
  public static GridOutcome run(
      SweepSpec spec, GridSettings settings, String table, Consumer<List<String>> onRow) {
    TestFunction f = PaperFunctions.byName(spec.function());
    solver(
        spec.algorithm(), ConvolutionSettings.of(0.1, 1)); // unknown algorithm: fail before any run
    for (SweepSpec.Cell c : spec.cells()) {
      if (c.start().length != f.dimension()) {
        throw new IllegalArgumentException(
            "start "
                + PublishedRow.formatPoint(c.start())
                + " has dimension "
                + c.start().length
                + " but "
                + f.name()
                + " has dimension "
                + f.dimension());
      }
      f.problem().requireStart(c.start());
    }
    Map<String, String> params =
        Map.of(
            "sweep_" + spec.function() + "_" + spec.algorithm(),
            "eta="
                + spec.etas()
                + " power="
                + spec.powers()
                + " starts="
                + spec.starts().size()
                + " steps="
                + spec.steps()
                + " seed="
                + spec.seed());
    return new GridRunner(settings)
        .run(
            grid(spec, table),
            c -> {
              List<String> row = runCell(spec, f, c);
              onRow.accept(row);
              return CellRows.of(row);
            },
            new GridRunner.Description("provenance.csv", params, Long.toString(spec.seed())));
  }

  /** {@link #run(SweepSpec, GridSettings, String, Consumer)} into {@code csv}, {@code threads}. */
  public static int run(SweepSpec spec, Path csv, int threads, Consumer<List<String>> onRow) {
    Path dir = csv.toAbsolutePath().getParent();
    return run(spec, GridSettings.local(dir, threads), csv.getFileName().toString(), onRow)
        .executed();
  }

  static List<String> runCell(SweepSpec spec, TestFunction f, SweepSpec.Cell c) {
    ConvolutionSettings s =
        ConvolutionSettings.of(c.eta(), c.power())
            .withSeed(spec.seed())
            .withIterations(spec.steps());
    Optimum o = solver(spec.algorithm(), s).optimize(f.problem(), c.start());
    double[] x = o.point();
    double[] g = f.globalMax();
    double err = 0;
    for (int i = 0; i < x.length; i++) {
      err += (x[i] - g[i]) * (x[i] - g[i]);
    }
    err = Math.sqrt(err);
    List<String> r = new ArrayList<>();
    r.add(c.key());
    r.add(f.name());
    r.add(f.provenanceLabel());
    r.add(spec.algorithm());
    r.add(Double.toString(c.eta()));
    r.add(Double.toString(c.power()));
    r.add(Double.toString(s.delta()));
    r.add(Long.toString(s.iterations(f.box())));
    r.add(PublishedRow.formatPoint(c.start()));
    r.add(PublishedRow.formatPoint(x));
    r.add(Numbers.significant(err, 6));
    r.add(Numbers.fixed(err / c.eta(), 3));
    r.add(Numbers.significant(o.value(), 6));
    r.add(Long.toString(o.evaluations()));
    r.add(Numbers.fixed(o.wallNanos() / 1e6, 2));
    r.add(o.stopReason().name());
    r.add(Long.toString(spec.seed()));
    return r;
  }

  /**
   * Reads a sweep CSV as a Tablesaw table sorted by key (wall_ms dropped when {@code
   * deterministic}).
   */
  public static Table read(Path csv, boolean deterministic) {
    if (!java.nio.file.Files.exists(csv)) {
      throw new UncheckedIOException(new java.io.FileNotFoundException("no sweep table at " + csv));
    }
    {
      Table t =
          Table.read()
              .usingOptions(
                  CsvReadOptions.builder(csv.toFile())
                      .header(true)
                      .columnTypesPartial(
                          java.util.Map.of(
                              "key",
                              tech.tablesaw.api.ColumnType.STRING,
                              "start",
                              tech.tablesaw.api.ColumnType.STRING,
                              "final",
                              tech.tablesaw.api.ColumnType.STRING))
                      .build());
      t = t.sortOn("key");
      if (deterministic) {
        t = t.rejectColumns("wall_ms");
      }
      return t;
    }
  }

  /** A comparator-friendly view: the rows as strings, sorted by key. */
  static List<List<String>> sortedRows(Path csv) {
    List<List<String>> all = CsvRowWriter.readAll(csv);
    List<List<String>> body = new ArrayList<>(all.subList(1, all.size()));
    body.sort(Comparator.comparing(r -> r.get(0)));
    return body;
  }
}
