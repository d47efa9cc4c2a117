package io.convopt.experiments.io;

import io.convopt.solvers.nonconvex.Nd4jSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;

/** The files every experiment command writes next to its rows: summary tables, provenance, text. */
public final class RunOutputs {
  private RunOutputs() {}

  /** A Tablesaw table as CSV, creating the folder. */
  public static void writeTable(Table t, Path file) {
    OutputDirectory.prepare(file.toAbsolutePath().getParent());
    t.write().csv(file.toString());
  }

  /** A UTF-8 text file (e.g. the printed summary). */
  public static void writeText(String text, Path file) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + file + ": " + OutputDirectory.reason(e), e);
    }
  }

  /**
   * {@code provenance.csv} (key, value): the environment (version, commit, JDK, cores), the run's
   * parameters and seeds, ND4J threads and what this invocation did; replaces an older file.
   */
  public static void writeProvenance(Map<String, String> parameters, Path file, double seconds, int done) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot replace " + file + ": " + OutputDirectory.reason(e), e);
    }
    try (CsvRowWriter w = CsvRowWriter.open(file, List.of("key", "value"))) {
      for (Map.Entry<String, String> e : Provenance.environment().entrySet()) {
        w.append(List.of(e.getKey(), e.getValue()));
      }
      for (Map.Entry<String, String> e : parameters.entrySet()) {
        w.append(List.of(e.getKey(), e.getValue()));
      }
      w.append(List.of("nd4j_threads", Integer.toString(Nd4jSettings.threads())));
      w.append(List.of("runs_done_this_invocation", Integer.toString(done)));
      w.append(List.of("grid_seconds_this_invocation", String.format(Locale.ROOT, "%.1f", seconds)));
    }
  }
}
