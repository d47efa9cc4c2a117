package io.convopt.experiments.data;

/**
 * A dataset after the split protocol ({@link Protocol}): standardised features (statistics of the
 * training part only, no bias column yet), targets, and for classification the class indices.
 * Arrays are shared, not copied: treat them as read-only.
 *
 * @param name dataset name
 * @param task classification or regression
 * @param xTrain standardised training features
 * @param xTest test features standardised with the training statistics
 * @param yTrain regression: target standardised with training mean and s.d.; classification: class
 *     index
 * @param yTest as {@code yTrain} for the test rows
 * @param labelsTrain class indices of the training rows (empty for regression)
 * @param labelsTest class indices of the test rows (empty for regression)
 * @param classCount K (0 for regression)
 * @param features the fitted feature standardiser
 * @param target the fitted target standardiser (identity for classification)
 * @param split the row indices into the source dataset
 */
public record PreparedData(
    String name,
    Task task,
    double[][] xTrain,
    double[][] xTest,
    double[] yTrain,
    double[] yTest,
    int[] labelsTrain,
    int[] labelsTest,
    int classCount,
    Standardizer features,
    Standardizer target,
    TrainTestSplit split) {

  /** Labels ±1 for a binary task: class 1 → +1, class 0 → −1. */
  public double[] binaryTargets(boolean train) {
    if (classCount != 2) {
      throw new IllegalStateException(name + " has " + classCount + " classes; use oneVsAll");
    }
    return oneVsAll(1, train);
  }

  /** One-vs-all targets for class {@code c}: +1 for rows of class c, −1 otherwise. */
  public double[] oneVsAll(int c, boolean train) {
    if (task != Task.CLASSIFICATION) {
      throw new IllegalStateException(name + " is not a classification task");
    }
    if (c < 0 || c >= classCount) {
      throw new IllegalArgumentException("class " + c + " outside 0.." + (classCount - 1));
    }
    int[] l = train ? labelsTrain : labelsTest;
    double[] y = new double[l.length];
    for (int i = 0; i < l.length; i++) {
      y[i] = l[i] == c ? 1.0 : -1.0;
    }
    return y;
  }

  /** Number of separate ±1 problems: 1 for binary, K for K ≥ 3 (one-vs-all), 0 for regression. */
  public int signedProblems() {
    return task != Task.CLASSIFICATION ? 0 : classCount == 2 ? 1 : classCount;
  }
}
