package io.convopt.solvers.relu.linalg;

/**
 * Euclidean projection onto a polyhedral cone {@code K = {u in R^d : A u >= 0}} and the support
 * value {@code max_{u in K, ||u|| <= 1} c . u = ||Pi_K(c)||}.
 *
 * <p><b>Method.</b> The polar cone is {@code K° = {-A^T mu : mu >= 0}}, so by Moreau's
 * decomposition {@code c = Pi_K(c) + Pi_K°(c)} and {@code Pi_K(c) = c + A^T mu*} with {@code mu* =
 * argmin_{mu >= 0} ||A^T mu + c||^2}, a non-negative least-squares problem with d rows and m (rows
 * of A) columns, solved exactly (up to rounding) by the Lawson–Hanson active-set algorithm (Lawson
 * and Hanson, <i>Solving Least Squares Problems</i>, 1974, ch. 23). The support identity holds
 * because {@code c . u = Pi_K(c) . u + Pi_K°(c) . u <= Pi_K(c) . u <= ||Pi_K(c)||} for {@code u in
 * K, ||u|| <= 1}, with equality at {@code u = Pi_K(c)/||Pi_K(c)||}.
 *
 * <p>Cost: at most {@code 3m} outer steps, each O(m d + d^3). Stateless and thread-safe. Inputs
 * must be finite; the caller guarantees shapes (this is an internal kernel).
 */
public final class PolyhedralCone {
  private PolyhedralCone() {}

  /**
   * Projection of {@code c} onto {@code {u : a u >= 0}}.
   *
   * @param a m x d constraint rows (m >= 0)
   * @param c vector of length d
   * @return {@code Pi_K(c)}, a new array
   */
  public static double[] project(double[][] a, double[] c) {
    return project(ConeRows.of(a), c);
  }

  /**
   * Projection of {@code c} onto {@code {u : a_k . u >= 0 for every row k of a}}; each active-set
   * step scans the rows by one {@link ConeRows#products} call.
   *
   * @param a the m constraint rows of length d (m >= 0)
   * @param c vector of length d
   * @return {@code Pi_K(c)}, a new array
   */
  public static double[] project(ConeRows a, double[] c) {
    int m = a.count();
    int d = c.length;
    double scale = norm(c);
    double[] u = c.clone();
    if (m == 0 || scale == 0) {
      return u;
    }
    double tol = 1e-13 * a.maxRowNorm() * scale;
    double[] mu = new double[m];
    boolean[] passive = new boolean[m];
    int[] idx = new int[d];
    double[] prod = new double[m];
    double[][] rows = new double[d][d];
    // residual r = c + A^T mu = u; NNLS gradient w_j = -(a_j . r) (descent directions w_j > 0)
    for (int outer = 0; outer < 3 * m + 3; outer++) {
      a.products(u, prod);
      int t = -1;
      double best = tol;
      for (int j = 0; j < m; j++) {
        if (!passive[j]) {
          double w = -prod[j];
          if (w > best) {
            best = w;
            t = j;
          }
        }
      }
      if (t < 0) {
        break;
      }
      passive[t] = true;
      for (int inner = 0; inner < 3 * m + 3; inner++) {
        int p = 0;
        for (int j = 0; j < m && p < d; j++) {
          if (passive[j]) {
            idx[p++] = j;
          }
        }
        for (int q = 0; q < p; q++) {
          a.row(idx[q], rows[q]);
        }
        double[] s = leastSquares(rows, p, c);
        if (s == null) {
          // the entering column is dependent on the passive set: drop it and stop adding
          passive[t] = false;
          return residual(a, mu, c);
        }
        boolean allPositive = true;
        for (int q = 0; q < p; q++) {
          if (s[q] <= 0) {
            allPositive = false;
          }
        }
        if (allPositive) {
          java.util.Arrays.fill(mu, 0);
          for (int q = 0; q < p; q++) {
            mu[idx[q]] = s[q];
          }
          break;
        }
        double alpha = 1;
        for (int q = 0; q < p; q++) {
          if (s[q] <= 0) {
            double mj = mu[idx[q]];
            alpha = Math.min(alpha, mj / (mj - s[q]));
          }
        }
        for (int q = 0; q < p; q++) {
          int j = idx[q];
          mu[j] += alpha * (s[q] - mu[j]);
          if (mu[j] <= 1e-15 * (1 + Math.abs(s[q]))) {
            mu[j] = 0;
            passive[j] = false;
          }
        }
      }
      u = residual(a, mu, c);
    }
    return u;
  }

  /** {@code max_{u in K, ||u|| <= 1} c . u = ||Pi_K(c)||} (0 when the projection is 0). */
  public static double support(double[][] a, double[] c) {
    return norm(project(a, c));
  }

  private static double[] residual(ConeRows a, double[] mu, double[] c) {
    double[] r = c.clone();
    double[] row = new double[c.length];
    for (int j = 0; j < mu.length; j++) {
      if (mu[j] != 0) {
        a.row(j, row);
        for (int i = 0; i < r.length; i++) {
          r[i] += mu[j] * row[i];
        }
      }
    }
    return r;
  }

  /** argmin_s ||sum_q s_q rows_q + c||^2 over the first p rows; null if singular. */
  private static double[] leastSquares(double[][] rows, int p, double[] c) {
    double[][] g = new double[p][p + 1];
    for (int q = 0; q < p; q++) {
      for (int r = 0; r < p; r++) {
        g[q][r] = dot(rows[q], rows[r]);
      }
      g[q][p] = -dot(rows[q], c);
    }
    // Gaussian elimination with partial pivoting on the p x p normal equations (p <= d)
    for (int col = 0; col < p; col++) {
      int piv = col;
      for (int r = col + 1; r < p; r++) {
        if (Math.abs(g[r][col]) > Math.abs(g[piv][col])) {
          piv = r;
        }
      }
      double diag = g[piv][col];
      if (Math.abs(diag) <= 1e-12 * Math.max(g[col][col], 1e-300) || diag == 0) {
        return null;
      }
      double[] tmp = g[piv];
      g[piv] = g[col];
      g[col] = tmp;
      for (int r = col + 1; r < p; r++) {
        double f = g[r][col] / g[col][col];
        for (int k = col; k <= p; k++) {
          g[r][k] -= f * g[col][k];
        }
      }
    }
    double[] s = new double[p];
    for (int r = p - 1; r >= 0; r--) {
      double v = g[r][p];
      for (int k = r + 1; k < p; k++) {
        v -= g[r][k] * s[k];
      }
      s[r] = v / g[r][r];
    }
    return s;
  }

  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Euclidean norm. */
  public static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }
}
