package io.convopt.solvers.relu.linalg;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The capacitance GEMM of {@code relu.ipm.IpmBarrier} through ND4J (BLAS dgemm); the pattern
 * products go through {@link BlockedPatternOperator}. Loaded only when a problem is large enough
 * for it to pay; first use extracts ND4J's natives (a few seconds).
 */
public final class Nd4jProducts {
  private Nd4jProducts() {}

  /**
   * {@code M M^T} (n x n, row-major; both triangles), M n x m row-major: the capacitance product of
   * the interior-point method's kernels for large problems.
   */
  public static double[] gram(double[] m, int n, int cols) {
    INDArray mm = Nd4j.create(m, new long[] {n, cols}, DataType.DOUBLE);
    INDArray r = mm.mmul(mm.transpose());
    double[] out = new double[n * n];
    copyOut(r, out, n * n);
    return out;
  }

  private static void copyOut(INDArray r, double[] out, int len) {
    double[] v = r.dup('c').data().asDouble();
    System.arraycopy(v, 0, out, 0, len);
  }
}
