package io.convopt.solvers.relu.solve;

/**
 * The weights of an Anderson-type extrapolation, shared by the primal extrapolation of {@link
 * GatedBlockDescent} and the dual one of {@link DualExtrapolation}: from iterates {@code x_0 ..
 * x_k}, the weights {@code c_1 .. c_k} with {@code sum c_i = 1} that minimise {@code ||sum_i c_i
 * (x_i - x_{i-1})||}, i.e. the solution of {@code G c = 1} for the Gram matrix G of the
 * differences, scaled to sum 1.
 */
final class ExtrapolationWeights {
  private ExtrapolationWeights() {}

  /**
   * The weights for iterates[0..k] (each of the same length), or null when the differences' Gram
   * matrix is singular or not finite.
   */
  static double[] of(double[][] iterates, int k) {
    double[][] m = new double[k][k + 1];
    for (int a = 0; a < k; a++) {
      double[] a1 = iterates[a + 1];
      double[] a0 = iterates[a];
      for (int b = a; b < k; b++) {
        double[] b1 = iterates[b + 1];
        double[] b0 = iterates[b];
        double s = 0;
        for (int t = 0; t < a0.length; t++) {
          s += (a1[t] - a0[t]) * (b1[t] - b0[t]);
        }
        m[a][b] = s;
        m[b][a] = s;
      }
      m[a][k] = 1.0;
    }
    return solve(m, k);
  }

  /**
   * Solves the k x k system in the first k columns of m (right-hand side in column k) by Gaussian
   * elimination with partial pivoting, with a tiny ridge; returns the solution scaled to sum 1, or
   * null when singular or not finite.
   */
  static double[] solve(double[][] m, int k) {
    double trace = 0;
    for (int a = 0; a < k; a++) {
      trace += m[a][a];
    }
    if (!(trace > 0) || !Double.isFinite(trace)) {
      return null;
    }
    for (int a = 0; a < k; a++) {
      m[a][a] += 1e-12 * trace;
    }
    for (int col = 0; col < k; col++) {
      int piv = col;
      for (int r = col + 1; r < k; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
          piv = r;
        }
      }
      double[] tmp = m[col];
      m[col] = m[piv];
      m[piv] = tmp;
      if (m[col][col] == 0) {
        return null;
      }
      for (int r = col + 1; r < k; r++) {
        double f = m[r][col] / m[col][col];
        for (int c = col; c <= k; c++) {
          m[r][c] -= f * m[col][c];
        }
      }
    }
    double[] x = new double[k];
    for (int r = k - 1; r >= 0; r--) {
      double s = m[r][k];
      for (int c = r + 1; c < k; c++) {
        s -= m[r][c] * x[c];
      }
      x[r] = s / m[r][r];
    }
    double sum = 0;
    for (int a = 0; a < k; a++) {
      sum += x[a];
    }
    if (!(Math.abs(sum) > 0) || !Double.isFinite(sum)) {
      return null;
    }
    for (int a = 0; a < k; a++) {
      x[a] /= sum;
    }
    return x;
  }
}
