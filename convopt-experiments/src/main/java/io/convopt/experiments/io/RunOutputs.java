package io.convopt.experiments.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The files every experiment command writes next to its rows: summary tables and text. */
public final class RunOutputs {
  private RunOutputs() {}

  /**
   * A Tablesaw table as CSV, creating the folder; numbers as {@link Numbers#exact}, so NaN and
   * infinities are written as everywhere else ({@code NaN}, {@code Infinity}), not as empty cells.
   */
  public static void writeTable(Table t, Path file) {
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r < t.rowCount(); r++) {
      List<String> row = new ArrayList<>();
      for (Column<?> c : t.columns()) {
        if (c instanceof NumericColumn<?> n
            && !c.type().name().contains("INTEGER")
            && !c.type().name().contains("LONG")
            && !c.type().name().contains("SHORT")) {
          row.add(Numbers.exact(n.getDouble(r)));
        } else {
          row.add(c.getString(r));
        }
      }
      rows.add(row);
    }
    CsvRowWriter.rewrite(file, t.columnNames(), rows);
  }

  /** A UTF-8 text file (e.g. the printed summary), creating the folder. */
  public static void writeText(String text, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + OutputDirectory.reason(e), e);
    }
  }
}
