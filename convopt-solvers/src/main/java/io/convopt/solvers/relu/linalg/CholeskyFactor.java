package io.convopt.solvers.relu.linalg;

/**
 * Dense Cholesky factor {@code A = L L^T} of a symmetric positive definite m x m matrix, stored
 * row-major in one array (lower triangle used), with forward/back substitution. Plain Java: the
 * matrices factored here are the n x n Woodbury capacitance matrix of {@link WoodburyUStep}, the d
 * x d block {@code I + X^T X} and the (Bd) x (Bd) dense fallback, all small enough that a
 * cache-friendly row-oriented loop is fast (n = 2000 factors in about a second).
 *
 * <p>Cost: factor m^3/3 multiply-adds, solve 2 m^2. Memory: m^2 doubles. Immutable after
 * construction; {@link #solveInPlace} is thread-safe (no scratch).
 */
public final class CholeskyFactor {
  private final int m;
  private final double[] l;

  /**
   * Factors {@code a} (row-major m x m, only the lower triangle is read; not modified).
   *
   * @throws ArithmeticException when a pivot is not positive (the matrix is not numerically SPD)
   */
  public CholeskyFactor(double[] a, int m) {
    if (a.length < (long) m * m) {
      throw new IllegalArgumentException(
          "a: has " + a.length + " entries, need m*m = " + (long) m * m);
    }
    this.m = m;
    this.l = new double[m * m];
    for (int i = 0; i < m; i++) {
      int ri = i * m;
      for (int j = 0; j <= i; j++) {
        int rj = j * m;
        double s = a[ri + j];
        for (int k = 0; k < j; k++) {
          s -= l[ri + k] * l[rj + k];
        }
        if (i == j) {
          if (!(s > 0)) {
            throw new ArithmeticException(
                "Cholesky: pivot " + i + " is " + s + " (matrix not positive definite)");
          }
          l[ri + i] = Math.sqrt(s);
        } else {
          l[ri + j] = s / l[rj + j];
        }
      }
    }
  }

  /** Order m. */
  public int order() {
    return m;
  }

  /** Solves {@code A x = b} in place ({@code b} has at least m entries, first m used). */
  public void solveInPlace(double[] b) {
    solveInPlace(b, 0);
  }

  /** Solves {@code A x = b[off .. off+m)} in place. */
  public void solveInPlace(double[] b, int off) {
    for (int i = 0; i < m; i++) {
      int ri = i * m;
      double s = b[off + i];
      for (int k = 0; k < i; k++) {
        s -= l[ri + k] * b[off + k];
      }
      b[off + i] = s / l[ri + i];
    }
    // L^T x = b column-oriented, so that row i of L (contiguous) is read
    for (int i = m - 1; i >= 0; i--) {
      int ri = i * m;
      double xi = b[off + i] / l[ri + i];
      b[off + i] = xi;
      for (int k = 0; k < i; k++) {
        b[off + k] -= l[ri + k] * xi;
      }
    }
  }

  /** The inverse as a row-major m x m array (for the small d x d block). */
  public double[] inverse() {
    double[] inv = new double[m * m];
    double[] e = new double[m];
    for (int c = 0; c < m; c++) {
      java.util.Arrays.fill(e, 0.0);
      e[c] = 1;
      solveInPlace(e);
      for (int r = 0; r < m; r++) {
        inv[r * m + c] = e[r];
      }
    }
    return inv;
  }
}
