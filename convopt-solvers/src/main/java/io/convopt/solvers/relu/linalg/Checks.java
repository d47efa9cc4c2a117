package io.convopt.solvers.relu.linalg;

import java.util.Arrays;

/**
 * Input validation and tiny dense helpers (inverse, determinant, deep copy) shared by the relu
 * packages.
 */
public final class Checks {
  private Checks() {}

  /**
   * Checks that {@code a} is a non-empty rectangular matrix of finite numbers; returns {rows,
   * cols}. Messages name the matrix and the offending entry.
   */
  public static int[] matrix(String name, double[][] a) {
    if (a == null || a.length == 0) {
      throw new IllegalArgumentException(name + ": empty matrix (no rows)");
    }
    if (a[0] == null || a[0].length == 0) {
      throw new IllegalArgumentException(name + ": empty matrix (no columns)");
    }
    int cols = a[0].length;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == null || a[i].length != cols) {
        throw new IllegalArgumentException(
            name
                + ": ragged matrix, row "
                + i
                + " has "
                + (a[i] == null ? 0 : a[i].length)
                + " entries, expected "
                + cols);
      }
      for (int j = 0; j < cols; j++) {
        if (!Double.isFinite(a[i][j])) {
          throw new IllegalArgumentException(
              name + ": entry (" + i + "," + j + ") is " + a[i][j] + " (must be finite)");
        }
      }
    }
    return new int[] {a.length, cols};
  }

  public static void vector(String name, double[] v, int expected, String what) {
    if (v == null) {
      throw new IllegalArgumentException(name + ": missing");
    }
    if (v.length != expected) {
      throw new IllegalArgumentException(
          name + ": has " + v.length + " entries but " + what + " " + expected);
    }
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException(
            name + ": entry " + i + " is " + v[i] + " (must be finite)");
      }
    }
  }

  /** Determinant by Gaussian elimination with partial pivoting (small matrices). */
  public static double determinant(double[][] a0) {
    int m = a0.length;
    if (m == 0) {
      return 1;
    }
    double[][] a = copy(a0);
    double det = 1;
    for (int c = 0; c < m; c++) {
      int piv = c;
      for (int r = c + 1; r < m; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      if (a[piv][c] == 0) {
        return 0;
      }
      if (piv != c) {
        double[] t = a[piv];
        a[piv] = a[c];
        a[c] = t;
        det = -det;
      }
      det *= a[c][c];
      for (int r = c + 1; r < m; r++) {
        double f = a[r][c] / a[c][c];
        for (int k = c; k < m; k++) {
          a[r][k] -= f * a[c][k];
        }
      }
    }
    return det;
  }

  /** Inverse by Gauss-Jordan with partial pivoting, or null when (numerically) singular. */
  public static double[][] invert(double[][] a0) {
    int m = a0.length;
    double[][] a = copy(a0);
    double[][] inv = new double[m][m];
    double scale = 0;
    for (int i = 0; i < m; i++) {
      inv[i][i] = 1;
      for (int j = 0; j < m; j++) {
        scale = Math.max(scale, Math.abs(a[i][j]));
      }
    }
    for (int c = 0; c < m; c++) {
      int piv = c;
      for (int r = c + 1; r < m; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      if (Math.abs(a[piv][c]) <= 1e-12 * scale) {
        return null;
      }
      double[] t = a[piv];
      a[piv] = a[c];
      a[c] = t;
      t = inv[piv];
      inv[piv] = inv[c];
      inv[c] = t;
      double p = a[c][c];
      for (int k = 0; k < m; k++) {
        a[c][k] /= p;
        inv[c][k] /= p;
      }
      for (int r = 0; r < m; r++) {
        if (r != c && a[r][c] != 0) {
          double f = a[r][c];
          for (int k = 0; k < m; k++) {
            a[r][k] -= f * a[c][k];
            inv[r][k] -= f * inv[c][k];
          }
        }
      }
    }
    return inv;
  }

  /** A deep copy of a (possibly ragged) matrix. */
  public static double[][] copy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = Arrays.copyOf(a[i], a[i].length);
    }
    return c;
  }
}
