package io.convopt.report.data;

import io.convopt.report.ReportException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * An immutable CSV table read as text cells, exactly as written. Numbers are parsed on demand so a
 * bad cell can be reported with its file, row and column; the displayed text keeps the writer's
 * formatting (e.g. "0.50" stays "0.50").
 *
 * <p>Reading delegates to Tablesaw (RFC 4180 quoting, embedded commas and newlines) with every
 * column typed as a string, so no type guessing happens.
 */
public final class CsvTable {

  private final String name;
  private final List<String> columns;
  private final List<List<String>> rows;

  public CsvTable(String name, List<String> columns, List<List<String>> rows) {
    this.name = name;
    this.columns = List.copyOf(columns);
    List<List<String>> copy = new ArrayList<>(rows.size());
    for (List<String> r : rows) {
      if (r.size() != columns.size()) {
        throw new IllegalArgumentException(
            name + ": row has " + r.size() + " cells but there are " + columns.size() + " columns");
      }
      copy.add(List.copyOf(r));
    }
    this.rows = Collections.unmodifiableList(copy);
  }

  /**
   * Reads a CSV file with a header row.
   *
   * @param file the file to read
   * @param displayName how the file is named in messages (usually its path relative to the input)
   */
  public static CsvTable read(Path file, String displayName) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ReportException(displayName + ": cannot read (" + e.getMessage() + ")", e);
    }
    if (text.isBlank()) {
      throw new ReportException(displayName + ": the file is empty (a header row is required)");
    }
    try (Reader reader = new java.io.StringReader(text)) {
      // header(false): Tablesaw treats column names case-insensitively, which would make the
      // contract's "f" and "F" columns collide, so the header is read as the first data row.
      CsvReadOptions options =
          CsvReadOptions.builder(reader)
              .tableName(displayName)
              .header(false)
              .separator(',')
              .quoteChar('"')
              .maxCharsPerColumn(1 << 20)
              .columnTypes(col -> ColumnType.STRING)
              // Keep "NaN", "NA", "*" etc. as written: by default Tablesaw turns them into "".
              .missingValueIndicator("\u0000")
              .build();
      Table t = Table.read().usingOptions(options);
      int width = t.columnCount();
      List<String> trimmed = new ArrayList<>(width);
      for (int c = 0; c < width; c++) {
        trimmed.add(t.stringColumn(c).get(0).trim());
      }
      for (int c = 0; c < width; c++) {
        String col = trimmed.get(c);
        if (col.isEmpty() || trimmed.indexOf(col) != c) {
          throw new ReportException(
              displayName + ": header column " + (c + 1) + " is empty or repeated ('" + col + "')");
        }
      }
      List<List<String>> data = new ArrayList<>(Math.max(0, t.rowCount() - 1));
      for (int r = 1; r < t.rowCount(); r++) {
        List<String> row = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
          row.add(t.stringColumn(c).get(r).trim());
        }
        data.add(row);
      }
      return new CsvTable(displayName, trimmed, data);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ReportException) {
        throw (ReportException) e;
      }
      throw new ReportException(
          displayName + ": not a valid CSV table (" + e.getMessage() + ")", e);
    }
  }

  /** The file name used in messages. */
  public String name() {
    return name;
  }

  public List<String> columns() {
    return columns;
  }

  public List<List<String>> rows() {
    return rows;
  }

  public int rowCount() {
    return rows.size();
  }

  public boolean hasColumn(String column) {
    return columns.indexOf(column) >= 0;
  }

  /** Fails with a {@link CsvFormatException} naming the first missing column. */
  public CsvTable require(String... required) {
    for (String c : required) {
      if (!hasColumn(c)) {
        throw new CsvFormatException(
            name, 0, c, "required column is missing (columns: " + columns + ")");
      }
    }
    return this;
  }

  private int index(String column) {
    int i = columns.indexOf(column);
    if (i < 0) {
      throw new CsvFormatException(
          name, 0, column, "required column is missing (columns: " + columns + ")");
    }
    return i;
  }

  /** The text of a cell; {@code row} is 0-based. */
  public String text(int row, String column) {
    return rows.get(row).get(index(column));
  }

  /** The text of a cell, or "" when the column does not exist. */
  public String textOrEmpty(int row, String column) {
    int i = columns.indexOf(column);
    return i < 0 ? "" : rows.get(row).get(i);
  }

  /**
   * A numeric cell. Accepts Java's double syntax including NaN and Infinity (the experiments may
   * write them for diverged runs); anything else, including an empty cell, is an error naming the
   * file, the 1-based row and the column.
   */
  public double number(int row, String column) {
    String s = text(row, column);
    try {
      if (s.isEmpty()) {
        throw new NumberFormatException();
      }
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new CsvFormatException(
          name,
          row + 1,
          column,
          "expected a number but found " + (s.isEmpty() ? "an empty cell" : "'" + s + "'"));
    }
  }

  /** A point cell: a plain number or a quoted tuple such as "(0.50, 0.55)". */
  public double[] point(int row, String column) {
    String s = text(row, column);
    String body = s.strip();
    if (body.startsWith("(") && body.endsWith(")")) {
      body = body.substring(1, body.length() - 1);
    }
    String[] parts = body.split(",");
    double[] p = new double[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        p[i] = Double.parseDouble(parts[i].strip());
      }
    } catch (NumberFormatException e) {
      throw new CsvFormatException(
          name,
          row + 1,
          column,
          "expected a number or a point like (0.5, 0.5) but found '" + s + "'");
    }
    return p;
  }

  /** Lower-cased, trimmed cell text, for enumerations. */
  public String keyword(int row, String column) {
    return text(row, column).toLowerCase(Locale.ROOT);
  }
}
