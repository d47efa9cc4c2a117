package io.convopt.solvers.relu;

import java.util.SplittableRandom;

/**
 * Full-batch Adam on the non-convex two-layer ReLU objective (NC) with squared loss and weight
 * decay, {@code (1/2)||sum_j (X w1_j)_+ w2_j - y||^2 + (beta/2) sum_j (||w1_j||^2 + w2_j^2)}, from
 * a seeded Gaussian initialisation. A baseline for the global-optimality test; test code only.
 */
final class NonConvexAdamTrainer {
  private NonConvexAdamTrainer() {}

  static TwoLayerNetwork train(
      double[][] x, double[] y, double beta, int width, long seed, int steps, double lr) {
    int n = x.length;
    int d = x[0].length;
    SplittableRandom r = new SplittableRandom(seed);
    int len = width * d + width;
    double[] w = new double[len];
    for (int i = 0; i < len; i++) {
      w[i] = r.nextGaussian() * 0.5;
    }
    double[] m = new double[len];
    double[] v = new double[len];
    double[] g = new double[len];
    double[] pre = new double[n * width];
    double[] res = new double[n];
    double b1 = 0.9;
    double b2 = 0.999;
    for (int t = 1; t <= steps; t++) {
      java.util.Arrays.fill(g, 0);
      for (int k = 0; k < n; k++) {
        double f = 0;
        for (int j = 0; j < width; j++) {
          double s = 0;
          for (int c = 0; c < d; c++) {
            s += x[k][c] * w[j * d + c];
          }
          pre[k * width + j] = s;
          if (s > 0) {
            f += s * w[width * d + j];
          }
        }
        res[k] = f - y[k];
      }
      for (int k = 0; k < n; k++) {
        for (int j = 0; j < width; j++) {
          double s = pre[k * width + j];
          if (s > 0) {
            g[width * d + j] += res[k] * s;
            double a = res[k] * w[width * d + j];
            for (int c = 0; c < d; c++) {
              g[j * d + c] += a * x[k][c];
            }
          }
        }
      }
      for (int i = 0; i < len; i++) {
        g[i] += beta * w[i];
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        double mh = m[i] / (1 - Math.pow(b1, t));
        double vh = v[i] / (1 - Math.pow(b2, t));
        w[i] -= lr * mh / (Math.sqrt(vh) + 1e-12);
      }
    }
    double[][] w1 = new double[width][d];
    double[] w2 = new double[width];
    for (int j = 0; j < width; j++) {
      for (int c = 0; c < d; c++) {
        w1[j][c] = w[j * d + c];
      }
      w2[j] = w[width * d + j];
    }
    return new TwoLayerNetwork(w1, w2, null);
  }
}
