package io.convopt.experiments.data;

/**
 * The split protocol of the convex-vs-non-convex experiments (Mishkin et al.'s protocol): a seeded
 * 80/20 train/test split (stratified by class for classification, uniform for regression, in time
 * order for windowed series), column standardisation fitted on the training part only, regression
 * targets standardised the same way, labels ±1 for binary tasks and one-vs-all ±1 targets for K ≥ 3
 * ({@link PreparedData}). Nothing is fitted on the test part.
 */
public final class Protocol {

  private Protocol() {}

  /** {@link #prepare(Dataset, double, long)} with 20 % test and seed 1995. */
  public static PreparedData prepare(Dataset data) {
    return prepare(data, TrainTestSplit.DEFAULT_TEST_FRACTION, TrainTestSplit.DEFAULT_SEED);
  }

  /** Splits (seeded) and standardises a classification or regression dataset. */
  public static PreparedData prepare(Dataset data, double testFraction, long seed) {
    TrainTestSplit split;
    if (data.task() == Task.CLASSIFICATION) {
      int[] labels = new int[data.rows()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = data.label(i);
      }
      split = TrainTestSplit.stratified(labels, testFraction, seed);
    } else if (data.task() == Task.REGRESSION) {
      split = TrainTestSplit.random(data.rows(), testFraction, seed);
    } else {
      throw new IllegalArgumentException(data.name() + ": time series need prepareWindowed");
    }
    return apply(data, split);
  }

  /**
   * The ECG task: windows of {@link WindowedRegression}, split in time order (first 80 % of the
   * windows train, then {@link WindowedRegression#gapWindows} windows dropped, the rest test).
   */
  public static PreparedData prepareWindowed(
      TimeSeries series, int window, int stride, double testFraction) {
    Dataset w = WindowedRegression.of(series, window, stride);
    TrainTestSplit split =
        TrainTestSplit.chronological(
            w.rows(), testFraction, WindowedRegression.gapWindows(window, stride));
    return apply(w, split);
  }

  /** Applies a given split: fit the standardisers on its training rows, transform both parts. */
  public static PreparedData apply(Dataset data, TrainTestSplit split) {
    double[][] x = data.features();
    double[] y = data.targets();
    int[] tr = split.train();
    int[] te = split.test();
    if (tr.length == 0 || te.length == 0) {
      throw new IllegalArgumentException(data.name() + ": empty training or test part");
    }
    double[][] xTr = rows(x, tr);
    double[][] xTe = rows(x, te);
    double[] yTr = pick(y, tr);
    double[] yTe = pick(y, te);
    Standardizer fs = Standardizer.fit(xTr);
    boolean classification = data.task() == Task.CLASSIFICATION;
    Standardizer ts =
        classification
            ? new Standardizer(new double[] {0}, new double[] {1})
            : Standardizer.fit(yTr);
    int[] lTr = classification ? labels(yTr) : new int[0];
    int[] lTe = classification ? labels(yTe) : new int[0];
    return new PreparedData(
        data.name(),
        data.task(),
        fs.apply(xTr),
        fs.apply(xTe),
        classification ? yTr : ts.apply(yTr),
        classification ? yTe : ts.apply(yTe),
        lTr,
        lTe,
        classification ? data.classCount() : 0,
        fs,
        ts,
        split);
  }

  private static double[][] rows(double[][] x, int[] idx) {
    double[][] out = new double[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      out[i] = x[idx[i]];
    }
    return out;
  }

  private static double[] pick(double[] y, int[] idx) {
    double[] out = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = y[idx[i]];
    }
    return out;
  }

  private static int[] labels(double[] y) {
    int[] l = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      l[i] = (int) y[i];
    }
    return l;
  }
}
