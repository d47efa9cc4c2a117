package io.convopt.solvers.relu.linalg;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two GEMMs of {@link PatternOperator} through ND4J (BLAS dgemm). Loaded only when a problem
 * is large enough for it to pay; first use extracts ND4J's natives (a few seconds).
 */
public final class Nd4jProducts {
  private Nd4jProducts() {}

  /** xu (n x B) = X (n x d) * U^T, U stored B x d row-major. */
  public static void products(double[] x, double[] u, int n, int d, int b, double[] xu) {
    INDArray xm = Nd4j.create(x, new long[] {n, d}, DataType.DOUBLE);
    INDArray um = Nd4j.create(u, new long[] {b, d}, DataType.DOUBLE);
    INDArray r = xm.mmul(um.transpose());
    copyOut(r, xu, n * b);
  }

  /** grad (B x d) = M^T (B x n) * X (n x d). */
  public static void adjoint(double[] x, double[] m, int n, int d, int b, double[] grad) {
    INDArray xm = Nd4j.create(x, new long[] {n, d}, DataType.DOUBLE);
    INDArray mm = Nd4j.create(m, new long[] {n, b}, DataType.DOUBLE);
    INDArray r = mm.transpose().mmul(xm);
    copyOut(r, grad, b * d);
  }

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
