package io.convopt.experiments.data;

import java.nio.file.Path;

/**
 * A dataset file (or the manifest) does not match its declared schema. The message names the file,
 * the 1-based line and, where one is at fault, the 1-based column.
 */
public final class DatasetFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;
  private final int column;

  /**
   * @param file the offending file
   * @param line 1-based line number, 0 when the problem is not tied to a line (e.g. row count)
   * @param column 1-based column number, 0 when no single column is at fault
   * @param problem what is wrong
   */
  public DatasetFormatException(Path file, long line, int column, String problem) {
    super(
        file
            + (line > 0 ? ", line " + line : "")
            + (column > 0 ? ", column " + column : "")
            + ": "
            + problem);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public Path file() {
    return file;
  }

  public long line() {
    return line;
  }

  public int column() {
    return column;
  }
}
