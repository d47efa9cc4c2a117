package io.convopt.solvers.nonconvex;

/**
 * An independent plain-Java implementation of the objective and its gradient (loops, no ND4J), used
 * as the reference in tests.
 */
final class PlainReference {

  private PlainReference() {}

  static double value(double[][] x, double[] y, int m, Loss loss, double beta, double[] theta) {
    int d = x[0].length;
    double s = 0;
    for (int k = 0; k < x.length; k++) {
      s += loss.value(predict(x[k], d, m, theta), y[k]);
    }
    double sq = 0;
    for (double t : theta) {
      sq += t * t;
    }
    return s + 0.5 * beta * sq;
  }

  static double predict(double[] xk, int d, int m, double[] theta) {
    double f = 0;
    for (int j = 0; j < m; j++) {
      double z = 0;
      for (int i = 0; i < d; i++) {
        z += xk[i] * theta[i * m + j];
      }
      if (z > 0) {
        f += z * theta[d * m + j];
      }
    }
    return f;
  }

  static double[] gradient(
      double[][] x, double[] y, int m, Loss loss, double beta, double[] theta) {
    int d = x[0].length;
    double[] g = new double[theta.length];
    for (int k = 0; k < x.length; k++) {
      double r = loss.derivative(predict(x[k], d, m, theta), y[k]);
      for (int j = 0; j < m; j++) {
        double z = 0;
        for (int i = 0; i < d; i++) {
          z += x[k][i] * theta[i * m + j];
        }
        if (z > 0) {
          g[d * m + j] += r * z;
          for (int i = 0; i < d; i++) {
            g[i * m + j] += r * theta[d * m + j] * x[k][i];
          }
        }
      }
    }
    for (int i = 0; i < theta.length; i++) {
      g[i] += beta * theta[i];
    }
    return g;
  }

  /** Full-batch gradient descent with a fixed step on F/n, {@code iters} iterations. */
  static double[] gradientDescent(
      double[][] x,
      double[] y,
      int m,
      Loss loss,
      double beta,
      double[] theta0,
      double step,
      int iters) {
    double[] theta = theta0.clone();
    int n = x.length;
    for (int t = 0; t < iters; t++) {
      double[] g = gradient(x, y, m, loss, beta, theta);
      for (int i = 0; i < theta.length; i++) {
        theta[i] -= step * g[i] / n;
      }
    }
    return theta;
  }

  /**
   * Full-batch gradient descent with Armijo backtracking (halve until F(θ − s g) ≤ F(θ) − ½ s ‖g‖²,
   * then try a 1.5× larger step next time), {@code iters} iterations: a monotone descent method.
   */
  static double[] backtrackingDescent(
      double[][] x, double[] y, int m, Loss loss, double beta, double[] theta0, int iters) {
    double[] theta = theta0.clone();
    double f = value(x, y, m, loss, beta, theta);
    double s = 1e-2;
    for (int t = 0; t < iters; t++) {
      double[] g = gradient(x, y, m, loss, beta, theta);
      double gg = 0;
      for (double gi : g) {
        gg += gi * gi;
      }
      if (gg == 0) {
        break;
      }
      while (true) {
        double[] cand = theta.clone();
        for (int i = 0; i < cand.length; i++) {
          cand[i] -= s * g[i];
        }
        double fc = value(x, y, m, loss, beta, cand);
        if (fc <= f - 0.5 * s * gg) {
          theta = cand;
          f = fc;
          s *= 1.5;
          break;
        }
        s *= 0.5;
        if (s < 1e-15) {
          return theta;
        }
      }
    }
    return theta;
  }
}
