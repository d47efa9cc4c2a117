package io.convopt.experiments.grid;

import java.util.List;

/**
 * One CSV file a grid writes, relative to the output folder ({@code /} separated, e.g. {@code
 * compare/runs.csv}), with its header and the column that holds the cell key.
 *
 * @param path file relative to the output folder
 * @param header column names
 * @param keyColumn the column holding the cell key (must be in the header)
 */
public record GridTable(String path, List<String> header, String keyColumn) {

  /** Copies the header and checks that the key column is in it. */
  public GridTable {
    header = List.copyOf(header);
    if (!header.contains(keyColumn)) {
      throw new IllegalArgumentException(
          path + ": key column '" + keyColumn + "' is not in " + header);
    }
  }

  /** Index of the key column. */
  public int keyIndex() {
    return header.indexOf(keyColumn);
  }
}
