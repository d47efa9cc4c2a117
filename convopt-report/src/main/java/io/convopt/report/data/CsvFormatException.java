package io.convopt.report.data;

import io.convopt.report.ReportException;

/**
 * A CSV table does not satisfy the data contract. The message always names the file and, when the
 * problem is a single cell, the data row (1-based, header excluded) and the column.
 */
public final class CsvFormatException extends ReportException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int row;
  private final String column;

  /**
   * @param file the file as the user knows it (path relative to the input folder)
   * @param row 1-based data row, or 0 when the problem is not tied to a row (e.g. missing column)
   * @param column the column concerned
   */
  public CsvFormatException(String file, int row, String column, String problem) {
    super(file + (row > 0 ? ", row " + row : "") + ", column '" + column + "': " + problem);
    this.file = file;
    this.row = row;
    this.column = column;
  }

  public String file() {
    return file;
  }

  /** 1-based data row, 0 when not row specific. */
  public int row() {
    return row;
  }

  public String column() {
    return column;
  }
}
