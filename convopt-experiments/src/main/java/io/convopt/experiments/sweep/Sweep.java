package io.convopt.experiments.sweep;

import io.convopt.experiments.functions.PaperFunctions;
import io.convopt.experiments.functions.TestFunction;
import io.convopt.experiments.io.CsvRowWriter;
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
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Runs a {@link SweepSpec} in parallel, writing each finished run to a CSV at once (resumable:
 * runs whose key is already in the file are skipped), and reads the result back as a Tablesaw
 * table sorted by key, so an interrupted-and-resumed sweep gives the same table as an
 * uninterrupted one.
 */
public final class Sweep {

  public static final List<String> COLUMNS = List.of("key", "function", "function_definition", "algorithm", "eta",
      "power", "delta", "steps", "start", "final", "final_error", "final_error_eta", "f_final", "evaluations",
      "wall_ms", "stop_reason", "seed");

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
      default -> throw new IllegalArgumentException("unknown algorithm '" + algorithm
          + "'; known: " + String.join(", ", ALGORITHMS));
    };
  }

  /**
   * Runs the cells of {@code spec} not yet in {@code csv}, on {@code threads} threads; each row is
   * appended as soon as its run ends. {@code onRow} is called once per finished run.
   */
  public static int run(SweepSpec spec, Path csv, int threads, Consumer<List<String>> onRow) {
    TestFunction f = PaperFunctions.byName(spec.function());
    Set<String> done = CsvRowWriter.completedKeys(csv, "key");
    List<SweepSpec.Cell> todo = spec.cells().stream().filter(c -> !done.contains(c.key())).toList();
    for (SweepSpec.Cell c : todo) {
      if (c.start().length != f.dimension()) {
        throw new IllegalArgumentException("start " + PublishedRow.formatPoint(c.start()) + " has dimension "
            + c.start().length + " but " + f.name() + " has dimension " + f.dimension());
      }
      f.problem().requireStart(c.start());
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    // After the first failure no new cell starts; cells already running still finish and are
    // written (finished work is never thrown away), and the writer closes only after they end.
    AtomicBoolean failed = new AtomicBoolean();
    try (CsvRowWriter w = CsvRowWriter.open(csv, COLUMNS)) {
      try {
        List<Future<?>> fs = new ArrayList<>();
        for (SweepSpec.Cell c : todo) {
          fs.add(pool.submit(() -> {
            if (failed.get()) {
              return;
            }
            try {
              List<String> row = runCell(spec, f, c);
              w.append(row);
              onRow.accept(row);
            } catch (RuntimeException | Error e) {
              failed.set(true);
              throw e;
            }
          }));
        }
        for (Future<?> x : fs) {
          x.get();
        }
      } finally {
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.DAYS);
      }
      return todo.size();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sweep interrupted; finished rows are in " + csv, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }

  static List<String> runCell(SweepSpec spec, TestFunction f, SweepSpec.Cell c) {
    ConvolutionSettings s = ConvolutionSettings.of(c.eta(), c.power()).withSeed(spec.seed())
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
    r.add(String.format(Locale.ROOT, "%.6g", err));
    r.add(String.format(Locale.ROOT, "%.3f", err / c.eta()));
    r.add(String.format(Locale.ROOT, "%.6g", o.value()));
    r.add(Long.toString(o.evaluations()));
    r.add(String.format(Locale.ROOT, "%.2f", o.wallNanos() / 1e6));
    r.add(o.stopReason().name());
    r.add(Long.toString(spec.seed()));
    return r;
  }

  /** Reads a sweep CSV as a Tablesaw table sorted by key (wall_ms dropped when {@code deterministic}). */
  public static Table read(Path csv, boolean deterministic) {
    if (!java.nio.file.Files.exists(csv)) {
      throw new UncheckedIOException(new java.io.FileNotFoundException("no sweep table at " + csv));
    }
    {
      Table t = Table.read().usingOptions(CsvReadOptions.builder(csv.toFile()).header(true)
          .columnTypesPartial(java.util.Map.of("key", tech.tablesaw.api.ColumnType.STRING,
              "start", tech.tablesaw.api.ColumnType.STRING, "final", tech.tablesaw.api.ColumnType.STRING))
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
