package io.convopt.experiments.comparison;

import io.convopt.experiments.compare.Findings;
import io.convopt.experiments.grid.CellRows;
import io.convopt.experiments.grid.GridTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One comparison of training methods: its grid of cells and how a cell runs (the methods) and how
 * the finished rows are summarised (the metrics and findings). Implementations are immutable apart
 * from caches of prepared data that are safe to share between threads.
 *
 * @param <C> the cell type
 */
public interface Comparison<C> {

  /** The command and grid name, e.g. {@code compare-training}. */
  String name();

  /** The cells in a stable order. */
  List<C> cells();

  /** A cell's resume key: every parameter that changes its result. */
  String key(C cell);

  /**
   * The tables under {@code folder} (relative to the output folder): detail rows first, runs last.
   */
  List<GridTable> tables(String folder);

  /** Trains and measures one cell (called from worker threads). */
  CellRows run(C cell);

  /** Every parameter of the comparison, for provenance.csv. */
  Map<String, String> parameters();

  /** The seeds, as recorded in provenance. */
  String seeds();

  /**
   * Reads the finished rows of the grid from {@code dir}, writes the comparison's derived tables
   * there and returns the findings and the text to print.
   *
   * @param seconds wall time of the cells run by this invocation
   */
  Summary summarise(Path dir, double seconds);

  /** What {@link #summarise} found. */
  record Summary(List<Findings.Finding> findings, String text) {
    /** Copies the findings. */
    public Summary {
      findings = List.copyOf(findings);
    }
  }
}
