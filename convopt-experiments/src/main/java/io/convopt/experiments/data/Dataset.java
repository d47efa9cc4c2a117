package io.convopt.experiments.data;

import java.util.List;

/**
 * A loaded classification or regression dataset, rows in file order. Immutable: arrays are copied
 * on the way out.
 *
 * @param name the manifest name
 * @param task classification or regression
 * @param featureNames feature column names (header order)
 * @param classNames class names in index order (empty for regression)
 */
public record Dataset(
    String name,
    Task task,
    List<String> featureNames,
    double[][] features,
    double[] targets,
    List<String> classNames) {

  public Dataset {
    featureNames = List.copyOf(featureNames);
    classNames = List.copyOf(classNames);
    features = deepCopy(features);
    targets = targets.clone();
  }

  @Override
  public double[][] features() {
    return deepCopy(features);
  }

  @Override
  public double[] targets() {
    return targets.clone();
  }

  /** Class index of row {@code k} (classification only). */
  public int label(int k) {
    return (int) targets[k];
  }

  public int rows() {
    return targets.length;
  }

  public int columns() {
    return featureNames.size();
  }

  /** Number of classes K (0 for regression). */
  public int classCount() {
    return classNames.size();
  }

  static double[][] deepCopy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}
