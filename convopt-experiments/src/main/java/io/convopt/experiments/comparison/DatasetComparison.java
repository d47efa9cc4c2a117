package io.convopt.experiments.comparison;

import io.convopt.experiments.data.DataCatalog;
import io.convopt.experiments.data.PreparedData;
import io.convopt.experiments.grid.GridTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the comparisons on catalog datasets share: the name, the parameters recorded in provenance
 * (with the seeds under {@code seeds}), a detail table written before the runs table, and a cache
 * of prepared datasets that worker threads share (each dataset is loaded and split once).
 *
 * @param <C> the cell type
 */
public abstract class DatasetComparison<C> implements Comparison<C> {

  private final String name;
  private final DataCatalog catalog;
  private final Map<String, String> parameters;
  private final String detailFile;
  private final List<String> detailHeader;
  private final List<String> runsHeader;
  private final Map<String, PreparedData> prepared = new ConcurrentHashMap<>();

  /**
   * @param name command and grid name
   * @param catalog the datasets
   * @param parameters every parameter, including {@code seeds}
   * @param detailFile file name of the detail table (e.g. {@code traces.csv})
   * @param detailHeader its columns ({@code run_key} among them)
   * @param runsHeader the columns of {@code runs.csv} ({@code run_key} among them)
   */
  protected DatasetComparison(
      String name,
      DataCatalog catalog,
      Map<String, String> parameters,
      String detailFile,
      List<String> detailHeader,
      List<String> runsHeader) {
    this.name = name;
    this.catalog = catalog;
    this.parameters = new LinkedHashMap<>(parameters);
    this.detailFile = detailFile;
    this.detailHeader = List.copyOf(detailHeader);
    this.runsHeader = List.copyOf(runsHeader);
  }

  /** The catalog. */
  protected DataCatalog catalog() {
    return catalog;
  }

  /**
   * The cells of every dataset in order: {@code cellsOf} gets the dataset as asked for and its
   * catalog name (which rows and keys use).
   */
  protected List<C> perDataset(List<String> datasets, BiFunction<String, String, List<C>> cellsOf) {
    List<C> cells = new ArrayList<>();
    for (String ds : datasets) {
      cells.addAll(cellsOf.apply(ds, catalog.entry(ds).name()));
    }
    return cells;
  }

  /** The prepared dataset, made by {@code prepare} the first time any thread asks for it. */
  protected PreparedData data(String dataset, Function<String, PreparedData> prepare) {
    return prepared.computeIfAbsent(dataset, prepare);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<GridTable> tables(String folder) {
    return List.of(
        new GridTable(folder + "/" + detailFile, detailHeader, "run_key"),
        new GridTable(folder + "/runs.csv", runsHeader, "run_key"));
  }

  @Override
  public Map<String, String> parameters() {
    return new LinkedHashMap<>(parameters);
  }

  @Override
  public String seeds() {
    return parameters.getOrDefault("seeds", "");
  }
}
