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

  private CholeskyFactor(int m, double[] l) {
    this.m = m;
    this.l = l;
  }

  /** Order above which {@link #of} factors through LAPACK (ND4J's potrf). */
  public static final int LAPACK_MIN_ORDER = 400;

  /**
   * The factor of {@code a} (row-major m x m, symmetric: both triangles read by LAPACK; not
   * modified): through ND4J's LAPACK {@code potrf} from order {@link #LAPACK_MIN_ORDER} on (a
   * blocked factorisation, 10-20x faster than the loops here at m = 3,700), else by the loops.
   *
   * @throws ArithmeticException when the matrix is not numerically positive definite
   */
  public static CholeskyFactor of(double[] a, int m) {
    if (m < LAPACK_MIN_ORDER) {
      return new CholeskyFactor(a, m);
    }
    if (a.length < (long) m * m) {
      throw new IllegalArgumentException(
          "a: has " + a.length + " entries, need m*m = " + (long) m * m);
    }
    // a symmetric matrix reads the same in column-major order; potrf's upper factor U (A = U^T U)
    // in column-major order is L = U^T in row-major order, the layout kept here
    org.nd4j.linalg.api.ndarray.INDArray f =
        org.nd4j.linalg.factory.Nd4j.create(
            java.util.Arrays.copyOf(a, m * m),
            new long[] {m, m},
            new long[] {1, m},
            'f',
            org.nd4j.linalg.api.buffer.DataType.DOUBLE);
    try {
      org.nd4j.linalg.factory.Nd4j.getBlasWrapper().lapack().potrf(f, false);
    } catch (RuntimeException e) {
      throw new ArithmeticException("Cholesky (LAPACK potrf): " + e.getMessage());
    }
    double[] l = f.data().asDouble();
    for (int i = 0; i < m; i++) {
      if (!(l[i * m + i] > 0) || !Double.isFinite(l[i * m + i])) {
        throw new ArithmeticException(
            "Cholesky: pivot " + i + " is " + l[i * m + i] + " (matrix not positive definite)");
      }
    }
    return new CholeskyFactor(m, l);
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
