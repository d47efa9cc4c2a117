package io.convopt.experiments.compare;

import java.util.List;

/** Test metrics shared by every method (same rules as the non-convex baselines). */
final class Metrics {
  private Metrics() {}

  /** Mean of (f_k − y_k)²; NaN for no rows. */
  static double meanSquaredError(double[] f, double[] y) {
    if (y.length == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (int k = 0; k < y.length; k++) {
      double r = f[k] - y[k];
      s += r * r;
    }
    return s / y.length;
  }

  /**
   * Fraction of correctly predicted rows: with one output the class is 1 when f ≥ 0 else 0; with K
   * one-vs-all outputs the arg-max (ties to the lowest class).
   */
  static double accuracy(List<double[]> outputs, int[] labels) {
    if (labels.length == 0) {
      return Double.NaN;
    }
    int correct = 0;
    for (int k = 0; k < labels.length; k++) {
      int predicted;
      if (outputs.size() == 1) {
        predicted = outputs.get(0)[k] >= 0 ? 1 : 0;
      } else {
        predicted = 0;
        for (int c = 1; c < outputs.size(); c++) {
          if (outputs.get(c)[k] > outputs.get(predicted)[k]) {
            predicted = c;
          }
        }
      }
      if (predicted == labels[k]) {
        correct++;
      }
    }
    return (double) correct / labels.length;
  }
}
