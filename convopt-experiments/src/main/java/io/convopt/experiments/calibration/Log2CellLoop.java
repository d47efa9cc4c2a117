package io.convopt.experiments.calibration;

import io.convopt.experiments.io.CsvRowWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The calibration's run loop, kept small on purpose (a shared grid runner may replace it): skip the
 * cells whose key is already in the CSV, run the others on a fixed pool and append each row as it
 * finishes. Resuming checks that a kept row was made with the same candidate parameters.
 */
public final class Log2CellLoop {

  private Log2CellLoop() {}

  /**
   * Runs the missing cells of {@code cells} into {@code csv}; returns how many ran now. {@code
   * onDone} is called once per finished cell (progress), from worker threads.
   */
  public static int run(Path csv, List<Log2Cell> cells, long seed, int threads, Runnable onDone) {
    Map<String, String> kept = keptParameters(csv);
    List<Log2Cell> todo = new ArrayList<>();
    for (Log2Cell c : cells) {
      String params = kept.get(c.key());
      if (params == null) {
        todo.add(c);
      } else if (!params.equals(c.candidate().describe())) {
        throw new IllegalArgumentException(
            csv
                + ": cell "
                + c.key()
                + " was run with parameters '"
                + params
                + "' but this calibration's candidate has '"
                + c.candidate().describe()
                + "' (another seed or family definition); use --fresh or another output folder");
      }
    }
    if (todo.isEmpty()) {
      return 0;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try (CsvRowWriter w = CsvRowWriter.open(csv, Log2Cell.COLUMNS)) {
      List<Future<?>> futures = new ArrayList<>();
      for (Log2Cell c : todo) {
        futures.add(
            pool.submit(
                () -> {
                  w.append(c.run(seed));
                  onDone.run();
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      return todo.size();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("calibration interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a calibration cell failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** key → parameters of the complete rows already in {@code csv}. */
  static Map<String, String> keptParameters(Path csv) {
    Map<String, String> out = new HashMap<>();
    if (!java.nio.file.Files.exists(csv)) {
      return out;
    }
    List<List<String>> rows = CsvRowWriter.readAll(csv);
    if (rows.isEmpty()) {
      return out;
    }
    int k = rows.get(0).indexOf("key");
    int p = rows.get(0).indexOf("parameters");
    if (k < 0 || p < 0) {
      throw new IllegalArgumentException(
          csv + " is not a calibration cell file (columns " + rows.get(0) + ")");
    }
    for (List<String> r : rows.subList(1, rows.size())) {
      if (r.size() == rows.get(0).size()) {
        out.put(r.get(k), r.get(p));
      }
    }
    return out;
  }
}
