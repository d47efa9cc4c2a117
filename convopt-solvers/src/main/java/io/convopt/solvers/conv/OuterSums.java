package io.convopt.solvers.conv;

/**
 * The coarse-grid sums of eq. (20): Σ_{‖θ − m_c‖ ≥ r} w_c (θ − m_c)/‖θ − m_c‖ over cells stored
 * structure-of-arrays. Cells inside the radius are left to the fine-ball integral.
 */
final class OuterSums {

  private OuterSums() {}

  static double[] gradient(double[][] mid, double[] w, double[] theta, double radius) {
    int n = theta.length;
    int cells = w.length;
    double[] g = new double[n];
    double r2min = radius * radius;
    if (n == 2) {
      double[] mx = mid[0];
      double[] my = mid[1];
      double tx = theta[0];
      double ty = theta[1];
      double gx = 0;
      double gy = 0;
      for (int c = 0; c < cells; c++) {
        double dx = tx - mx[c];
        double dy = ty - my[c];
        double r2 = dx * dx + dy * dy;
        if (r2 >= r2min && r2 > 0) {
          double s = w[c] / Math.sqrt(r2);
          gx += dx * s;
          gy += dy * s;
        }
      }
      g[0] = gx;
      g[1] = gy;
      return g;
    }
    double[] d = new double[n];
    for (int c = 0; c < cells; c++) {
      double r2 = 0;
      for (int i = 0; i < n; i++) {
        d[i] = theta[i] - mid[i][c];
        r2 += d[i] * d[i];
      }
      if (r2 >= r2min && r2 > 0) {
        double s = w[c] / Math.sqrt(r2);
        for (int i = 0; i < n; i++) {
          g[i] += d[i] * s;
        }
      }
    }
    return g;
  }
}
