package io.convopt.solvers.relu.linalg;

/**
 * The cone rows {@code a_k = (2 D_ki - 1) x_k} of activation pattern i over a data matrix X (n x
 * d), for {@link PolyhedralCone#project(ConeRows, double[])}: X is kept once in column-major order
 * so that the scan {@code A v = S (X v)} runs as d axpys of length n (vectorised by the JIT), and
 * switching patterns ({@link #usePattern}) only rewrites the n signs. Memory: n d + 2 n doubles.
 * Mutable (the current pattern) and not thread-safe; one instance per caller.
 */
public final class SignedDataRows implements ConeRows {
  private final int n;
  private final int d;
  private final double[] x;
  private final double[] columns;
  private final double[] signs;
  private final double maxNorm;
  private int pattern = -1;

  /**
   * Rows of the data {@code x} (row-major n x d, shared, not modified).
   *
   * @param n rows
   * @param d columns
   * @param x row-major data
   */
  public SignedDataRows(int n, int d, double[] x) {
    this.n = n;
    this.d = d;
    this.x = x;
    this.columns = new double[n * d];
    double m = 0;
    for (int k = 0; k < n; k++) {
      double s = 0;
      for (int c = 0; c < d; c++) {
        double v = x[k * d + c];
        columns[c * n + k] = v;
        s += v * v;
      }
      m = Math.max(m, s);
    }
    this.maxNorm = Math.sqrt(m);
    this.signs = new double[n];
  }

  /**
   * Selects pattern i of the mask ({@code mask[k * patterns + i]}: row k active): rows of active
   * samples keep their sign, the others are negated. A no-op when i is already selected.
   */
  public void usePattern(boolean[] mask, int patterns, int i) {
    if (pattern == i) {
      return;
    }
    for (int k = 0; k < n; k++) {
      signs[k] = mask[k * patterns + i] ? 1.0 : -1.0;
    }
    pattern = i;
  }

  @Override
  public int count() {
    return n;
  }

  @Override
  public int dimension() {
    return d;
  }

  @Override
  public void products(double[] v, double[] out) {
    java.util.Arrays.fill(out, 0, n, 0.0);
    for (int c = 0; c < d; c++) {
      double vc = v[c];
      if (vc != 0) {
        int o = c * n;
        for (int k = 0; k < n; k++) {
          out[k] += columns[o + k] * vc;
        }
      }
    }
    for (int k = 0; k < n; k++) {
      out[k] *= signs[k];
    }
  }

  @Override
  public void row(int k, double[] out) {
    double s = signs[k];
    for (int c = 0; c < d; c++) {
      out[c] = s * x[k * d + c];
    }
  }

  @Override
  public double maxRowNorm() {
    return maxNorm;
  }
}
