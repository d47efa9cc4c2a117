package io.convopt.solvers.relu.linalg;

/**
 * The m constraint rows {@code a_k} (length d) of a polyhedral cone {@code {u : a_k . u >= 0}}, as
 * {@link PolyhedralCone} reads them: all products {@code A v} at once (the active-set scan), single
 * rows, and the largest row norm.
 *
 * <p>Two implementations: {@link #of(double[][])} (explicit rows) and {@link SignedDataRows} (the
 * rows {@code (2 D_ki - 1) x_k} of one activation pattern over a shared data matrix, with the scan
 * as d column axpys over a column-major copy of X, which the JIT vectorises, and no n x d copy per
 * pattern).
 */
public interface ConeRows {
  /** Number of rows m. */
  int count();

  /** Row length d. */
  int dimension();

  /** {@code out[k] = a_k . v} for every row k (out: length m). */
  void products(double[] v, double[] out);

  /** {@code out = a_k} (length d). */
  void row(int k, double[] out);

  /** Largest Euclidean row norm. */
  double maxRowNorm();

  /** Explicit rows (shared, not copied; m x d). */
  static ConeRows of(double[][] a) {
    return new ConeRows() {
      @Override
      public int count() {
        return a.length;
      }

      @Override
      public int dimension() {
        return a.length == 0 ? 0 : a[0].length;
      }

      @Override
      public void products(double[] v, double[] out) {
        for (int k = 0; k < a.length; k++) {
          out[k] = PolyhedralCone.dot(a[k], v);
        }
      }

      @Override
      public void row(int k, double[] out) {
        System.arraycopy(a[k], 0, out, 0, out.length);
      }

      @Override
      public double maxRowNorm() {
        double m = 0;
        for (double[] row : a) {
          m = Math.max(m, PolyhedralCone.norm(row));
        }
        return m;
      }
    };
  }
}
