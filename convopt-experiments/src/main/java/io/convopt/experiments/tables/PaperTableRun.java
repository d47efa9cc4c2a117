package io.convopt.experiments.tables;

import io.convopt.experiments.functions.PaperFunctions;
import io.convopt.experiments.functions.TestFunction;
import io.convopt.experiments.grid.CellRows;
import io.convopt.experiments.grid.Grid;
import io.convopt.experiments.grid.GridOutcome;
import io.convopt.experiments.grid.GridRunner;
import io.convopt.experiments.grid.GridTable;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Solver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Re-runs the rows of Table 1 or 2 with the reconstructed test functions and writes {@code
 * table1.csv}/{@code table2.csv} through the grid runner, one row as soon as it is done (a rerun
 * skips rows already written).
 */
public final class PaperTableRun {

  /** Seed of zigzag2's direction sampling for every row (the only random choice). */
  public static final long DEFAULT_SEED = 42L;

  private final Map<String, TestFunction> functions;
  private final long seed;
  private final PaperReading reading;

  public PaperTableRun(Map<String, TestFunction> functions, long seed) {
    this(functions, seed, PaperReading.DEFAULT);
  }

  /** With an algorithmic reading of the details the paper leaves open. */
  public PaperTableRun(Map<String, TestFunction> functions, long seed, PaperReading reading) {
    this.functions = Map.copyOf(functions);
    this.seed = seed;
    this.reading = java.util.Objects.requireNonNull(reading, "reading");
  }

  /** With the shipped function definitions and their reading. */
  public static PaperTableRun withShippedFunctions() {
    return new PaperTableRun(PaperFunctions.all(), DEFAULT_SEED, PaperReading.shipped());
  }

  /** The algorithmic reading the rows run under. */
  public PaperReading reading() {
    return reading;
  }

  /** Runs one row. */
  public RowOutcome run(PublishedRow row) {
    TestFunction f = functions.get(row.function());
    if (f == null) {
      throw new IllegalArgumentException("no definition for function '" + row.function() + "'");
    }
    Solver solver = PaperAlgorithms.solverFor(row, f, seed, reading);
    var settings = PaperAlgorithms.settingsFor(row, f, seed, reading);
    Optimum o = solver.optimize(f.problem(), row.start());
    return new RowOutcome(
        row, f, o, settings.delta(), settings.iterations(f.box()), settings.power(), seed);
  }

  /** Runs every row of {@code rows}, in memory. */
  public List<RowOutcome> runAll(List<PublishedRow> rows) {
    List<RowOutcome> out = new ArrayList<>();
    for (PublishedRow r : rows) {
      out.add(run(r));
    }
    return out;
  }

  /** The grid of Table {@code t}'s rows, writing {@code table<t>.csv} in the output folder. */
  public static Grid<PublishedRow> grid(int t, List<PublishedRow> rows) {
    return new Grid<>(
        "table" + t,
        rows,
        PublishedRow::key,
        List.of(new GridTable("table" + t + ".csv", RowOutcome.COLUMNS, "key")));
  }

  /** Runs the rows of Table {@code t} missing from its CSV with {@code runner}. */
  public GridOutcome runInto(
      GridRunner runner, int t, List<PublishedRow> rows, GridRunner.Description description) {
    return runner.run(grid(t, rows), r -> CellRows.of(run(r).csvRow()), description);
  }
}
