package io.convopt.experiments.grid;

import java.util.ArrayList;
import java.util.List;

/**
 * What one finished cell writes: for each table of its grid, in the grid's table order, the rows
 * (possibly none). The ledger (the grid's last table) gets at least one row, each with the cell's
 * key (usually exactly one). Immutable.
 *
 * @param byTable rows per table
 */
public record CellRows(List<List<List<String>>> byTable) {

  /** Deep copy. */
  public CellRows {
    List<List<List<String>>> copy = new ArrayList<>();
    for (List<List<String>> rows : byTable) {
      copy.add(rows.stream().map(List::copyOf).toList());
    }
    byTable = List.copyOf(copy);
  }

  /** A cell of a one-table grid: its ledger row. */
  public static CellRows of(List<String> ledgerRow) {
    return new CellRows(List.of(List.of(ledgerRow)));
  }

  /** A cell of a two-table grid: detail rows (traces, trajectories, ...) and its ledger row. */
  public static CellRows of(List<List<String>> detailRows, List<String> ledgerRow) {
    return new CellRows(List.of(detailRows, List.of(ledgerRow)));
  }

  /** The ledger rows (the last table's). */
  public List<List<String>> ledgerRows() {
    return byTable.get(byTable.size() - 1);
  }
}
