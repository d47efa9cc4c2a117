package io.convopt.solvers.relu.ipm;

import io.convopt.solvers.relu.linalg.Nd4jProducts;

/**
 * The Gram kernel of the interior-point method's capacitance matrix {@code C = W^{-1} + M M^T}: the
 * lower triangle of {@code M M^T} for a row-major n x m matrix M, by a hand-tuned 4 x 4 tile kernel
 * (16 dot products sharing their loads) in plain Java, or by ND4J above {@link
 * #GRAM_ND4J_THRESHOLD}. Stateless.
 */
final class GramKernels {
  /** n^2 m above which the capacitance product goes to ND4J (no fixture reaches it). */
  static final long GRAM_ND4J_THRESHOLD = 400_000_000L;

  private GramKernels() {}

  /** Lower triangle of {@code M M^T} (n x n row-major), M n x m row-major. */
  static double[] lowerGram(double[] mm, int n, int m) {
    if ((long) n * n * m >= GRAM_ND4J_THRESHOLD) {
      return Nd4jProducts.gram(mm, n, m);
    }
    double[] out = new double[n * n];
    int k0 = 0;
    for (; k0 + 3 < n; k0 += 4) {
      int l0 = 0;
      for (; l0 <= k0; l0 += 4) {
        gram4x4(mm, m, k0, l0, out, n); // the diagonal tile also fills its (correct) upper part
      }
    }
    // remaining rows one by one
    for (int k = k0; k < n; k++) {
      int r0 = k * m;
      for (int l = 0; l <= k; l++) {
        int q = l * m;
        double s0 = 0;
        for (int i = 0; i < m; i++) {
          s0 += mm[r0 + i] * mm[q + i];
        }
        out[k * n + l] = s0;
      }
    }
    return out;
  }

  /** The 4 x 4 tile of M M^T at rows k0.., columns l0.. (16 dot products sharing loads). */
  private static void gram4x4(double[] mm, int m, int k0, int l0, double[] out, int n) {
    int a0 = k0 * m;
    int a1 = a0 + m;
    int a2 = a1 + m;
    int a3 = a2 + m;
    int b0 = l0 * m;
    int b1 = b0 + m;
    int b2 = b1 + m;
    int b3 = b2 + m;
    double s00 = 0;
    double s01 = 0;
    double s02 = 0;
    double s03 = 0;
    double s10 = 0;
    double s11 = 0;
    double s12 = 0;
    double s13 = 0;
    double s20 = 0;
    double s21 = 0;
    double s22 = 0;
    double s23 = 0;
    double s30 = 0;
    double s31 = 0;
    double s32 = 0;
    double s33 = 0;
    for (int i = 0; i < m; i++) {
      double x0 = mm[a0 + i];
      double x1 = mm[a1 + i];
      double x2 = mm[a2 + i];
      double x3 = mm[a3 + i];
      double y0 = mm[b0 + i];
      double y1 = mm[b1 + i];
      double y2 = mm[b2 + i];
      double y3 = mm[b3 + i];
      s00 += x0 * y0;
      s01 += x0 * y1;
      s02 += x0 * y2;
      s03 += x0 * y3;
      s10 += x1 * y0;
      s11 += x1 * y1;
      s12 += x1 * y2;
      s13 += x1 * y3;
      s20 += x2 * y0;
      s21 += x2 * y1;
      s22 += x2 * y2;
      s23 += x2 * y3;
      s30 += x3 * y0;
      s31 += x3 * y1;
      s32 += x3 * y2;
      s33 += x3 * y3;
    }
    int o = k0 * n + l0;
    out[o] = s00;
    out[o + 1] = s01;
    out[o + 2] = s02;
    out[o + 3] = s03;
    o += n;
    out[o] = s10;
    out[o + 1] = s11;
    out[o + 2] = s12;
    out[o + 3] = s13;
    o += n;
    out[o] = s20;
    out[o + 1] = s21;
    out[o + 2] = s22;
    out[o + 3] = s23;
    o += n;
    out[o] = s30;
    out[o + 1] = s31;
    out[o + 2] = s32;
    out[o + 3] = s33;
  }
}
