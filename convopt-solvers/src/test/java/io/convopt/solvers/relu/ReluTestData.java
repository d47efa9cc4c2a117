package io.convopt.solvers.relu;

import java.util.SplittableRandom;

/** Small seeded synthetic data sets for the relu tests. */
public final class ReluTestData {
  private ReluTestData() {}

  /** 1-D regression x ~ U(-2, 2), y = sin(2x) + noise, with a bias column. */
  /** Largest absolute difference over the largest reference magnitude (max-norm relative). */
  public static double relDiff(double[] a, double[] b) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < a.length; i++) {
      num = Math.max(num, Math.abs(a[i] - b[i]));
      den = Math.max(den, Math.abs(b[i]));
    }
    return num / den;
  }

  public static double[][] x1d(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][];
    for (int k = 0; k < n; k++) {
      x[k] = new double[] {-2 + 4 * r.nextDouble(), 1.0};
    }
    return x;
  }

  public static double[] sinTargets(double[][] x, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] y = new double[x.length];
    for (int k = 0; k < y.length; k++) {
      y[k] = Math.sin(2 * x[k][0]) + 0.1 * r.nextGaussian();
    }
    return y;
  }

  /** Gaussian features plus a bias column. */
  public static double[][] gaussian(int n, int features, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][features + 1];
    for (int k = 0; k < n; k++) {
      for (int c = 0; c < features; c++) {
        x[k][c] = r.nextGaussian();
      }
      x[k][features] = 1;
    }
    return x;
  }

  public static double[] signLabels(double[][] x) {
    double[] y = new double[x.length];
    for (int k = 0; k < y.length; k++) {
      y[k] = x[k][0] * x[k][1] + 0.1 >= 0 ? 1 : -1;
    }
    return y;
  }
}
