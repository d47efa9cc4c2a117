package io.convopt.experiments.data;

import java.util.List;

/**
 * One row of {@code data/manifest.tsv}.
 *
 * @param name dataset name (e.g. {@code iris})
 * @param file path relative to the data folder
 * @param task the task
 * @param rows declared number of data rows (header excluded)
 * @param featureColumns declared number of feature columns (for a time series: its value columns)
 * @param classNames class names in index order (empty unless classification)
 * @param source where the file was extracted from
 * @param sha256 the file's SHA-256, lower-case hex
 */
public record ManifestEntry(
    String name,
    String file,
    Task task,
    int rows,
    int featureColumns,
    List<String> classNames,
    String source,
    String sha256) {

  public ManifestEntry {
    classNames = List.copyOf(classNames);
  }
}
