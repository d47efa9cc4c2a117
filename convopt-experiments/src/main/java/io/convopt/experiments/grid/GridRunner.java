package io.convopt.experiments.grid;

import io.convopt.experiments.io.CsvRowWriter;
import io.convopt.experiments.io.Numbers;
import io.convopt.experiments.io.Provenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs a {@link Grid}: the cells of this run's shard that are not yet in the ledger, on T threads.
 * Each finished cell's rows are appended and flushed at once (one write per table), detail tables
 * first and the ledger rows last, so no finished cell is lost and a key in the ledger means a
 * complete cell; a run killed at any moment resumes by running the same command again. Rows a
 * killed cell left in the detail tables (without a ledger row) are dropped when the run resumes.
 * When every cell has run without error the grid's rows are rewritten in grid order (after rows of
 * other grids sharing the file, which stay as they are), so the files do not depend on the thread
 * count, the interruptions or the sharding ({@code convopt merge} writes the same order).
 *
 * <p>After the cells, the runner writes the grid's record for merge ({@link GridManifest}) and its
 * entries in the folder's {@code provenance.csv}: the command's parameters as given, and under
 * {@code grid.NAME.}: command options, seeds, cell counts, shard, threads, timings, fingerprint. If
 * a cell fails, no new cell starts, the running ones finish and are written, and the first failure
 * is rethrown.
 */
public final class GridRunner {

  /** What the run records about itself beyond the cells. */
  public record Description(String provenanceFile, Map<String, String> parameters, String seeds) {
    /** Copies the parameters. */
    public Description {
      parameters = new LinkedHashMap<>(parameters);
    }
  }

  private final GridSettings settings;

  /** A runner with these settings. */
  public GridRunner(GridSettings settings) {
    this.settings = settings;
  }

  /** The settings. */
  public GridSettings settings() {
    return settings;
  }

  /**
   * Runs the missing cells of this shard with {@code work} (called from worker threads; it must not
   * share mutable state between cells) and records the run.
   */
  public <C> GridOutcome run(Grid<C> grid, Function<C, CellRows> work, Description description) {
    Path root = settings.out();
    List<GridTable> tables = grid.tables();
    if (settings.fresh()) {
      for (GridTable t : tables) {
        delete(root.resolve(t.path()));
      }
    }
    for (GridTable t : tables) {
      CsvRowWriter.open(root.resolve(t.path()), t.header()).close(); // creates, checks, repairs
    }
    GridTable ledger = grid.ledger();
    Set<String> done = CsvRowWriter.completedKeys(root.resolve(ledger.path()), ledger.keyColumn());
    for (GridTable t : tables.subList(0, tables.size() - 1)) {
      dropOrphans(root.resolve(t.path()), t, done);
    }
    List<C> todo = new ArrayList<>();
    int inShard = 0;
    int resumed = 0;
    for (C c : grid.cells()) {
      String k = grid.key().apply(c);
      if (!settings.shard().contains(k)) {
        continue;
      }
      inShard++;
      if (done.contains(k)) {
        resumed++;
      } else if (!settings.finishOnly()) {
        todo.add(c);
      }
    }
    announce(grid, ledger, inShard, resumed, todo.size());
    long t0 = System.nanoTime();
    boolean complete = execute(grid, work, todo);
    double seconds = (System.nanoTime() - t0) * 1e-9;
    GridOutcome outcome =
        new GridOutcome(grid.cells().size(), inShard, todo.size(), resumed, seconds);
    if (complete) {
      sortTables(grid);
    }
    record(grid, description, outcome);
    return outcome;
  }

  private void announce(Grid<?> grid, GridTable ledger, int inShard, int resumed, int todo) {
    StringBuilder sb = new StringBuilder(grid.name()).append(": ");
    if (!settings.shard().isAll()) {
      sb.append("shard ")
          .append(settings.shard())
          .append(" has ")
          .append(inShard)
          .append(" of ")
          .append(grid.cells().size())
          .append(" cells; ");
    } else {
      sb.append(inShard).append(" cells; ");
    }
    if (resumed > 0) {
      sb.append("resumed: ")
          .append(resumed)
          .append(" already in ")
          .append(settings.out().resolve(ledger.path()))
          .append(" (skipped), ");
    }
    sb.append(settings.finishOnly() ? "finishing without running cells" : todo + " to run");
    if (todo > 0) {
      sb.append(" on ")
          .append(settings.threads())
          .append(settings.threads() == 1 ? " thread" : " threads");
    }
    settings.err().println(sb);
  }

  private <C> boolean execute(Grid<C> grid, Function<C, CellRows> work, List<C> todo) {
    if (todo.isEmpty()) {
      return true;
    }
    Path root = settings.out();
    List<CsvRowWriter> writers = new ArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(settings.threads(), todo.size()),
            r -> {
              Thread t = new Thread(r, "grid-" + grid.name());
              t.setDaemon(true);
              return t;
            });
    AtomicBoolean failed = new AtomicBoolean();
    Object lock = new Object();
    try (ProgressBar bar = new ProgressBar(grid.name(), todo.size(), settings.err())) {
      for (GridTable t : grid.tables()) {
        writers.add(CsvRowWriter.open(root.resolve(t.path()), t.header()));
      }
      List<Future<?>> futures = new ArrayList<>();
      for (C c : todo) {
        futures.add(
            pool.submit(
                () -> {
                  if (failed.get()) {
                    return;
                  }
                  try {
                    CellRows rows = work.apply(c);
                    check(grid, c, rows);
                    synchronized (lock) {
                      for (int i = 0; i < writers.size(); i++) {
                        writers.get(i).appendAll(rows.byTable().get(i));
                      }
                    }
                    bar.step();
                  } catch (RuntimeException | Error e) {
                    failed.set(true);
                    throw e;
                  }
                }));
      }
      RuntimeException first = null;
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (first == null) {
            first =
                e.getCause() instanceof RuntimeException re
                    ? re
                    : new IllegalStateException(
                        grid.name() + ": a cell failed: " + e.getCause(), e.getCause());
          }
        }
      }
      if (first != null) {
        throw first;
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          grid.name() + " interrupted; finished cells are saved, rerun to resume", e);
    } finally {
      pool.shutdownNow();
      try {
        pool.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      writers.forEach(CsvRowWriter::close);
    }
  }

  private static <C> void check(Grid<C> grid, C cell, CellRows rows) {
    String key = grid.key().apply(cell);
    if (rows.byTable().size() != grid.tables().size() || rows.ledgerRows().isEmpty()) {
      throw new IllegalStateException(
          grid.name()
              + ": cell "
              + key
              + " must give rows for "
              + grid.tables().size()
              + " tables and at least one ledger row");
    }
    for (int t = 0; t < grid.tables().size(); t++) {
      int k = grid.tables().get(t).keyIndex();
      for (List<String> r : rows.byTable().get(t)) {
        if (!key.equals(r.get(k))) {
          throw new IllegalStateException(
              grid.name() + ": cell " + key + " wrote a row with key " + r.get(k));
        }
      }
    }
  }

  /**
   * Rewrites every table with the grid's rows in grid order after the other rows (kept as they
   * are).
   */
  private void sortTables(Grid<?> grid) {
    Map<String, Integer> order = new HashMap<>();
    List<String> keys = grid.keys();
    for (int i = 0; i < keys.size(); i++) {
      order.put(keys.get(i), i);
    }
    for (GridTable t : grid.tables()) {
      sortByKeys(settings.out().resolve(t.path()), t, order);
    }
  }

  /** Stable sort of a table's rows by the position of their key in {@code order} (absent first). */
  static void sortByKeys(Path file, GridTable t, Map<String, Integer> order) {
    List<List<String>> all = CsvRowWriter.readAll(file);
    if (all.isEmpty()) {
      return;
    }
    List<List<String>> body = new ArrayList<>(all.subList(1, all.size()));
    int k = t.keyIndex();
    List<List<String>> sorted = new ArrayList<>(body);
    sorted.sort(Comparator.comparingInt(r -> order.getOrDefault(r.get(k), -1)));
    if (!sorted.equals(body)) {
      CsvRowWriter.rewrite(file, t.header(), sorted);
    }
  }

  private static void dropOrphans(Path file, GridTable t, Set<String> done) {
    List<List<String>> all = CsvRowWriter.readAll(file);
    if (all.size() <= 1) {
      return;
    }
    int k = t.keyIndex();
    List<List<String>> kept = new ArrayList<>();
    for (List<String> r : all.subList(1, all.size())) {
      if (r.size() == t.header().size() && done.contains(r.get(k))) {
        kept.add(r);
      }
    }
    if (kept.size() != all.size() - 1) {
      CsvRowWriter.rewrite(file, t.header(), kept);
    }
  }

  private void record(Grid<?> grid, Description d, GridOutcome o) {
    List<String> keys = grid.keys();
    String fingerprint = GridManifest.fingerprint(grid.name(), keys, settings.args(), d.seeds());
    new GridManifest(
            grid.name(),
            settings.command(),
            settings.args(),
            d.seeds(),
            Provenance.version(),
            settings.shard().toString(),
            grid.tables().stream().map(GridTable::path).toList(),
            grid.tables().stream().map(GridTable::keyColumn).toList(),
            d.provenanceFile(),
            fingerprint,
            keys)
        .write(settings.out());
    Map<String, String> e = new LinkedHashMap<>(d.parameters());
    String p = "grid." + grid.name() + ".";
    e.put(p + "command", settings.command());
    e.put(p + "options", String.join(" ", settings.args()));
    e.put(p + "seeds", d.seeds());
    e.put(p + "cells", Integer.toString(o.total()));
    e.put(p + "shard", settings.shard().toString());
    e.put(p + "cells_in_shard", Integer.toString(o.inShard()));
    e.put(p + "executed_now", Integer.toString(o.executed()));
    e.put(p + "resumed", Integer.toString(o.resumed()));
    e.put(p + "missing", Integer.toString(o.missing()));
    e.put(p + "threads", Integer.toString(settings.threads()));
    e.put(p + "seconds_now", Numbers.fixed(o.seconds(), 1));
    e.put(p + "tables", String.join(";", grid.tables().stream().map(GridTable::path).toList()));
    e.put(p + "fingerprint", fingerprint);
    Provenance.update(settings.out().resolve(d.provenanceFile()), e);
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot delete " + file + " for --fresh: " + e.getMessage(), e);
    }
  }
}
