package io.convopt.experiments.grid;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A grid: immutable cells in a stable order, each with a stable key, and the tables its cells
 * write. The last table is the ledger: one row per finished cell, written after the cell's other
 * rows, so a key in the ledger means the cell is complete (resume and merge rely on this).
 *
 * @param name grid name, unique within an output folder's provenance (e.g. {@code benchmark})
 * @param cells the cells in a stable order
 * @param key the stable key of a cell: every parameter that changes its result
 * @param tables the tables, ledger last
 * @param <C> cell type
 */
public record Grid<C>(String name, List<C> cells, Function<C, String> key, List<GridTable> tables) {

  /** Copies the lists; checks that there is a table and that keys are unique. */
  public Grid {
    cells = List.copyOf(cells);
    tables = List.copyOf(tables);
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("grid " + name + " has no table");
    }
    Set<String> seen = new HashSet<>();
    for (C c : cells) {
      if (!seen.add(key.apply(c))) {
        throw new IllegalArgumentException(
            "grid " + name + " lists the cell " + key.apply(c) + " twice");
      }
    }
  }

  /** The ledger (last table). */
  public GridTable ledger() {
    return tables.get(tables.size() - 1);
  }

  /** Every key, in cell order. */
  public List<String> keys() {
    return cells.stream().map(key).toList();
  }
}
