package io.convopt.experiments.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A user's comma-separated table: a header line of distinct, non-empty column names, then rows with
 * one field per column (no quoting; a final newline and CR line ends are accepted). Cells stay text
 * until a column is read as numbers, so a non-numeric cell is reported only where numbers are
 * needed: {@link DatasetFormatException} with the file, the 1-based line and column, and the
 * column's name. The shipped datasets are read by {@link DataCatalog}, which parses numbers the
 * same way ({@link #parseNumber}). Immutable.
 */
public final class CsvTable {
  private final Path file;
  private final List<String> header;
  private final List<String[]> rows;

  private CsvTable(Path file, List<String> header, List<String[]> rows) {
    this.file = file;
    this.header = List.copyOf(header);
    this.rows = rows;
  }

  /**
   * Reads and checks the table's shape.
   *
   * @throws DatasetFormatException for an empty file, a blank or repeated column name, a row with
   *     the wrong number of fields, an empty line or no data rows
   * @throws IOException when the file cannot be read
   */
  public static CsvTable read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // byte-order mark written by some spreadsheet programs
    }
    String[] lines = text.split("\n", -1);
    int end = lines.length;
    if (end > 0 && lines[end - 1].isEmpty()) {
      end--;
    }
    if (end == 0 || stripCr(lines[0]).isBlank()) {
      throw new DatasetFormatException(file, 1, 0, "empty file: no header line");
    }
    List<String> header = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String[] names = stripCr(lines[0]).split(",", -1);
    for (int c = 0; c < names.length; c++) {
      String name = names[c].trim();
      if (name.isEmpty()) {
        throw new DatasetFormatException(file, 1, c + 1, "empty column name");
      }
      if (!seen.add(name)) {
        throw new DatasetFormatException(file, 1, c + 1, "column name '" + name + "' repeats");
      }
      header.add(name);
    }
    List<String[]> rows = new ArrayList<>(end - 1);
    for (int r = 1; r < end; r++) {
      String line = stripCr(lines[r]);
      if (line.isEmpty()) {
        throw new DatasetFormatException(file, r + 1, 0, "empty line");
      }
      String[] f = line.split(",", -1);
      if (f.length != header.size()) {
        throw new DatasetFormatException(
            file, r + 1, 0, "has " + f.length + " fields, the header has " + header.size());
      }
      rows.add(f);
    }
    if (rows.isEmpty()) {
      throw new DatasetFormatException(file, 0, 0, "no data rows after the header");
    }
    return new CsvTable(file, header, rows);
  }

  /**
   * Reads a numeric matrix without a header (e.g. gates: one line per row), every row with the same
   * number of fields; cells are named "row r, column c" in messages.
   *
   * @throws DatasetFormatException for an empty file, a ragged row or a cell that is not a finite
   *     number
   * @throws IOException when the file cannot be read
   */
  public static double[][] readMatrix(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    int end = lines.length;
    while (end > 0 && stripCr(lines[end - 1]).isBlank()) {
      end--;
    }
    if (end == 0) {
      throw new DatasetFormatException(file, 1, 0, "empty file: no matrix rows");
    }
    double[][] m = new double[end][];
    for (int r = 0; r < end; r++) {
      String[] f = stripCr(lines[r]).split(",", -1);
      if (r > 0 && f.length != m[0].length) {
        throw new DatasetFormatException(
            file, r + 1, 0, "has " + f.length + " fields, the first row has " + m[0].length);
      }
      m[r] = new double[f.length];
      for (int c = 0; c < f.length; c++) {
        m[r][c] = parseNumber(file, r + 1, c + 1, "(matrix row " + (r + 1) + ")", f[c]);
      }
    }
    return m;
  }

  public Path file() {
    return file;
  }

  /** Column names in file order. */
  public List<String> header() {
    return header;
  }

  /** Number of data rows. */
  public int rows() {
    return rows.size();
  }

  /** Index of the column called {@code name}, or -1. */
  public int column(String name) {
    return header.indexOf(name);
  }

  /** The trimmed text of a cell (0-based data row and column). */
  public String cell(int row, int col) {
    return rows.get(row)[col].trim();
  }

  /** A cell as a finite number, or a {@link DatasetFormatException} naming where and what. */
  public double number(int row, int col) {
    return parseNumber(file, row + 2L, col + 1, header.get(col), rows.get(row)[col]);
  }

  /** The given columns of every row as numbers (rows x columns.length). */
  public double[][] numbers(int[] columns) {
    double[][] out = new double[rows.size()][columns.length];
    for (int r = 0; r < out.length; r++) {
      for (int j = 0; j < columns.length; j++) {
        out[r][j] = number(r, columns[j]);
      }
    }
    return out;
  }

  /**
   * Parses one field as a finite decimal number.
   *
   * @param line 1-based line of the file
   * @param col 1-based column
   * @param name the column's name, for the message
   * @throws DatasetFormatException "is not a number" (also for NaN) or "is not finite"
   */
  static double parseNumber(Path file, long line, int col, String name, String s) {
    String t = s.trim();
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.equals("nan")) {
      throw new DatasetFormatException(
          file,
          line,
          col,
          "value '"
              + s
              + "' of column "
              + name
              + " is not a number (NaN and infinite values are not allowed)");
    }
    if (lower.matches("[+-]?(inf|infinity)")) {
      throw new DatasetFormatException(
          file,
          line,
          col,
          "value '"
              + s
              + "' of column "
              + name
              + " is not finite (NaN and infinite values are not allowed)");
    }
    double v;
    try {
      // Double.parseDouble also takes "1d", "0x1p3" and "Infinity": accept plain decimals only
      if (t.isEmpty()
          || !(Character.isDigit(t.charAt(t.length() - 1)) || t.charAt(t.length() - 1) == '.')) {
        throw new NumberFormatException();
      }
      v = Double.parseDouble(t);
    } catch (NumberFormatException ex) {
      throw new DatasetFormatException(
          file, line, col, "value '" + s + "' of column " + name + " is not a number");
    }
    if (!Double.isFinite(v)) {
      throw new DatasetFormatException(
          file, line, col, "value '" + s + "' of column " + name + " is not finite");
    }
    return v;
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
