package io.convopt.experiments.benchmark;

import io.convopt.experiments.grid.CellRows;
import io.convopt.experiments.grid.Grid;
import io.convopt.experiments.grid.GridRunner;
import io.convopt.experiments.grid.GridSettings;
import io.convopt.experiments.grid.GridTable;
import io.convopt.experiments.io.CsvRowWriter;
import io.convopt.experiments.io.Numbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where does the convolution method win, and where does it lose? The benchmark repeated over a grid
 * of dimensions × evaluation budgets, for a fixed set of solvers and dimension-free functions.
 * Every run of every (dimension, budget) {@link Benchmark} is one cell of one grid ({@code
 * scaling/runs.csv}, resumable and shardable); the study then writes {@code scaling/scaling.csv}
 * with the mean success rate over the functions per solver, dimension and budget.
 *
 * <p>Immutable; configuration by the record components.
 *
 * @param functions dimension-free standard functions (names)
 * @param solvers registered solver names
 * @param dimensions the dimensions d to run
 * @param budgetsPerDimension evaluation budgets per dimension B (a run gets B·d evaluations)
 * @param runs seeded runs per solver and function
 * @param threads worker threads
 */
public record ScalingStudy(
    List<String> functions,
    List<String> solvers,
    List<Integer> dimensions,
    List<Long> budgetsPerDimension,
    int runs,
    int threads) {

  public static final List<String> COLUMNS =
      List.of(
          "solver",
          "dimension",
          "budget_per_dim",
          "budget",
          "functions",
          "runs",
          "mean_success_rate",
          "mean_median_error",
          "mean_seconds_per_run");

  /**
   * The default study: three multimodal functions, d = 1…5, B ∈ {100, 1000, 10000}, 5 runs; BOBYQA
   * is left out because it refuses d = 1.
   */
  public static ScalingStudy standard(int threads) {
    return new ScalingStudy(
        List.of("RASTRIGIN", "ACKLEY", "STYBLINSKI_TANG"),
        List.of("conv-multires", "zigzag2", "cmaes", "nelder-mead", "gradient", "random", "grid"),
        List.of(1, 2, 3, 4, 5),
        List.of(100L, 1000L, 10_000L),
        5,
        threads);
  }

  /** A smoke preset (seconds): d = 1…3, B ∈ {100, 1000}, 3 runs. */
  public static ScalingStudy quick(int threads) {
    return new ScalingStudy(
        List.of("RASTRIGIN", "ACKLEY"),
        List.of("conv-multires", "cmaes", "nelder-mead", "random"),
        List.of(1, 2, 3),
        List.of(100L, 1000L),
        3,
        threads);
  }

  public ScalingStudy {
    functions = List.copyOf(functions);
    solvers = List.copyOf(solvers);
    dimensions = List.copyOf(dimensions);
    budgetsPerDimension = List.copyOf(budgetsPerDimension);
    if (functions.isEmpty()
        || solvers.isEmpty()
        || dimensions.isEmpty()
        || budgetsPerDimension.isEmpty()) {
      throw new IllegalArgumentException(
          "a scaling study needs at least one function, solver, dimension and budget");
    }
    for (int d : dimensions) {
      if (d < 1) {
        throw new IllegalArgumentException("dimension must be >= 1, got " + d);
      }
    }
    for (long b : budgetsPerDimension) {
      if (b < 1) {
        throw new IllegalArgumentException("budget per dimension must be >= 1, got " + b);
      }
    }
    if (runs < 1 || threads < 1) {
      throw new IllegalArgumentException(
          "runs and threads must be >= 1, got runs=" + runs + ", threads=" + threads);
    }
    for (String f : functions) {
      if (!io.convopt.experiments.functions.StandardFunctions.definition(f).anyDimension()) {
        throw new IllegalArgumentException(
            f + " has a fixed dimension; the scaling study needs dimension-free" + " functions");
      }
    }
    solvers.forEach(SolverRegistry::factory); // unknown names fail here, naming the known ones
  }

  /** Number of benchmark runs in the whole study. */
  public int totalRuns() {
    return functions.size()
        * solvers.size()
        * dimensions.size()
        * budgetsPerDimension.size()
        * runs;
  }

  /** One benchmark run of the study, with the (dimension, budget) benchmark it belongs to. */
  record Cell(Benchmark bench, Benchmark.Cell run) {}

  private List<Cell> cells(int firstRun) {
    Map<String, SolverFactory> chosen = new LinkedHashMap<>();
    for (String s : solvers) {
      chosen.put(s, SolverRegistry.factory(s));
    }
    List<Cell> cells = new ArrayList<>();
    for (int d : dimensions) {
      for (long b : budgetsPerDimension) {
        Benchmark bench =
            new Benchmark(Benchmark.suite(functions, d), chosen)
                .withRuns(runs)
                .withFirstRun(firstRun)
                .withBudgetPerDimension(b);
        for (Benchmark.Cell c : bench.cells()) {
          cells.add(new Cell(bench, c));
        }
      }
    }
    return cells;
  }

  /** Runs the study into {@code out/scaling/} on this study's threads (resuming). */
  public Path run(Path out, Consumer<RunRecord> onRun) {
    return run(GridSettings.local(out, threads), "scaling", 0, onRun);
  }

  /**
   * Runs every benchmark run of the study (one grid, resumable and shardable, rows in {@code
   * out/FOLDER/runs.csv}) and writes {@code out/FOLDER/scaling.csv} from the runs found there;
   * {@code onRun} sees every run computed now.
   *
   * @return the path of scaling.csv
   */
  public Path run(GridSettings settings, String folder, int firstRun, Consumer<RunRecord> onRun) {
    List<Cell> cells = cells(firstRun);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("functions", String.join(";", functions));
    params.put("solvers", String.join(";", solvers));
    params.put("dimensions", dimensions.toString());
    params.put("budgets_per_dimension", budgetsPerDimension.toString());
    params.put("runs", Integer.toString(runs));
    Grid<Cell> grid =
        new Grid<>(
            folder.replace('/', '-'),
            cells,
            c -> c.run().key(),
            List.of(new GridTable(folder + "/runs.csv", RunRecord.HEADER, "key")));
    new GridRunner(settings)
        .run(
            grid,
            c -> {
              RunRecord r = c.bench().runOne(c.run().function(), c.run().solver(), c.run().run());
              onRun.accept(r);
              return CellRows.of(r.toRow());
            },
            new GridRunner.Description(
                folder + "/provenance.csv",
                params,
                "runs " + firstRun + ".." + (firstRun + runs - 1)));
    Path dir = settings.out().resolve(folder);
    Map<String, RunRecord> byKey = new LinkedHashMap<>();
    for (RunRecord r : Benchmark.readRecords(dir.resolve("runs.csv"))) {
      byKey.put(r.key(), r);
    }
    List<List<String>> rows = new ArrayList<>();
    for (int d : dimensions) {
      for (long b : budgetsPerDimension) {
        List<RunRecord> mine = new ArrayList<>();
        for (Cell c : cells) {
          RunRecord r = byKey.get(c.run().key());
          if (r != null && r.dimension() == d && r.budget() == b * d) {
            mine.add(r);
          }
        }
        for (String s : solvers) {
          rows.add(row(s, d, b, mine));
        }
      }
    }
    Path csv = dir.resolve("scaling.csv");
    CsvRowWriter.rewrite(csv, COLUMNS, rows);
    return csv;
  }

  private List<String> row(String solver, int d, long b, List<RunRecord> records) {
    double success = 0;
    double error = 0;
    double seconds = 0;
    int n = 0;
    for (String f : functions) {
      List<RunRecord> mine = new ArrayList<>();
      for (RunRecord r : records) {
        if (r.solver().equals(solver) && r.function().startsWith(f)) {
          mine.add(r);
        }
      }
      List<Double> errors = new ArrayList<>();
      for (RunRecord r : mine) {
        success += r.success() ? 1.0 / mine.size() : 0;
        seconds += r.wallMs() / 1000.0 / mine.size();
        errors.add(r.error());
      }
      if (mine.isEmpty()) {
        continue; // a shard may hold no run of this cell
      }
      errors.sort(Double::compare);
      error += errors.get(errors.size() / 2);
      n++;
    }
    return List.of(
        solver,
        Integer.toString(d),
        Long.toString(b),
        Long.toString(b * d),
        Integer.toString(n),
        Integer.toString(runs),
        fmt(success / n),
        fmt(error / n),
        fmt(seconds / n));
  }

  private static String fmt(double v) {
    return Numbers.significant(v, 6);
  }
}
