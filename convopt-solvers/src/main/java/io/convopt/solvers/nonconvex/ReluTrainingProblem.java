package io.convopt.solvers.nonconvex;

import java.util.Arrays;

/**
 * Training data of a two-layer ReLU network: features X (n × d, bias column already appended if
 * wanted, see {@link #appendBiasColumn}) and targets y (n). Immutable; arrays are copied on the way
 * in and out.
 *
 * <p>Rejects with {@link IllegalArgumentException}: no rows, no columns, ragged rows, rows of X and
 * y that do not match, and any NaN or infinite value.
 */
public final class ReluTrainingProblem {

  private final double[][] x;
  private final double[] y;

  private ReluTrainingProblem(double[][] x, double[] y) {
    this.x = x;
    this.y = y;
  }

  /** Validates and copies {@code x} and {@code y}. */
  public static ReluTrainingProblem of(double[][] x, double[] y) {
    if (x == null || y == null) {
      throw new IllegalArgumentException("features and targets must not be null");
    }
    if (x.length == 0) {
      throw new IllegalArgumentException("the problem has no rows");
    }
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "features have " + x.length + " rows but targets have " + y.length);
    }
    int d = x[0] == null ? 0 : x[0].length;
    if (d == 0) {
      throw new IllegalArgumentException("the problem has no feature columns");
    }
    double[][] copy = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      if (x[i] == null || x[i].length != d) {
        throw new IllegalArgumentException(
            "feature row "
                + i
                + " has "
                + (x[i] == null ? 0 : x[i].length)
                + " columns, row 0 has "
                + d);
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(x[i][j])) {
          throw new IllegalArgumentException(
              "feature [" + i + "][" + j + "] is " + x[i][j] + "; features must be finite");
        }
      }
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException(
            "target " + i + " is " + y[i] + "; targets must be finite");
      }
      copy[i] = x[i].clone();
    }
    return new ReluTrainingProblem(copy, y.clone());
  }

  /** A copy of {@code x} with a last column of ones (the bias, as in the convex formulation). */
  public static double[][] appendBiasColumn(double[][] x) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = Arrays.copyOf(x[i], x[i].length + 1);
      out[i][x[i].length] = 1.0;
    }
    return out;
  }

  /** Number of samples n. */
  public int rows() {
    return x.length;
  }

  /** Number of input columns d (including a bias column if one was appended). */
  public int columns() {
    return x[0].length;
  }

  /** A copy of the features. */
  public double[][] features() {
    double[][] c = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      c[i] = x[i].clone();
    }
    return c;
  }

  /** A copy of the targets. */
  public double[] targets() {
    return y.clone();
  }

  /** Package-private direct access for the objective (no copy). */
  double[][] rawFeatures() {
    return x;
  }

  double[] rawTargets() {
    return y;
  }
}
