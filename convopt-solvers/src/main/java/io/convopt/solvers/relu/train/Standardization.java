package io.convopt.solvers.relu.train;

import io.convopt.solvers.relu.linalg.Checks;

/**
 * Column standardisation {@code x -> (x - mean) / scale}, with the mean and the population standard
 * deviation fitted on the training rows only; a constant training column (deviation 0) is only
 * centred (scale 1). Immutable (defensive copies), thread-safe.
 *
 * @param mean column means (finite)
 * @param scale column scales (finite, &gt; 0)
 */
public record Standardization(double[] mean, double[] scale) {

  /** Validates: equal lengths, finite entries, positive scales. */
  public Standardization {
    Checks.vector("standardization mean", mean, mean == null ? 0 : mean.length, "");
    if (mean.length == 0) {
      throw new IllegalArgumentException("standardization mean: no columns");
    }
    Checks.vector("standardization scale", scale, mean.length, "mean has entries:");
    for (int j = 0; j < scale.length; j++) {
      if (!(scale[j] > 0)) {
        throw new IllegalArgumentException(
            "standardization scale: entry " + j + " is " + scale[j] + " (must be > 0)");
      }
    }
    mean = mean.clone();
    scale = scale.clone();
  }

  /** Fits on the rows of {@code x} (n x d, finite; n &gt;= 1). O(n d). */
  public static Standardization fit(double[][] x) {
    int[] s = Checks.matrix("X", x);
    int n = s[0];
    int d = s[1];
    double[] mu = new double[d];
    double[] sd = new double[d];
    for (double[] r : x) {
      for (int j = 0; j < d; j++) {
        mu[j] += r[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mu[j] /= n;
    }
    for (double[] r : x) {
      for (int j = 0; j < d; j++) {
        double c = r[j] - mu[j];
        sd[j] += c * c;
      }
    }
    for (int j = 0; j < d; j++) {
      sd[j] = Math.sqrt(sd[j] / n);
      if (!(sd[j] > 0)) {
        sd[j] = 1.0;
      }
    }
    return new Standardization(mu, sd);
  }

  /** Number of columns. */
  public int columns() {
    return mean.length;
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] scale() {
    return scale.clone();
  }

  /** {@code (x - mean) / scale} row by row, as new arrays. */
  public double[][] apply(double[][] x) {
    int[] s = Checks.matrix("X", x);
    if (s[1] != mean.length) {
      throw new IllegalArgumentException(
          "X: has " + s[1] + " columns, the standardization was fitted on " + mean.length);
    }
    double[][] out = new double[s[0]][mean.length];
    for (int i = 0; i < s[0]; i++) {
      for (int j = 0; j < mean.length; j++) {
        out[i][j] = (x[i][j] - mean[j]) / scale[j];
      }
    }
    return out;
  }
}
