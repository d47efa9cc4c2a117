package io.convopt.solvers.relu.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The SIMD row kernels against plain loops, for every length up to past two vector widths. */
class RowKernelsTest {
  @Test
  void dotAndAxpyAgreeWithPlainLoopsForEveryLengthAndOffset() {
    SplittableRandom r = new SplittableRandom(3);
    for (int len = 0; len <= 70; len++) {
      int off = len % 5;
      double[] x = new double[off + len + 3];
      double[] v = new double[len];
      double[] acc = new double[len];
      for (int i = 0; i < x.length; i++) {
        x[i] = r.nextGaussian();
      }
      double abs = 0;
      double dot = 0;
      for (int c = 0; c < len; c++) {
        v[c] = r.nextGaussian();
        acc[c] = r.nextGaussian();
        dot += x[off + c] * v[c];
        abs += Math.abs(x[off + c] * v[c]);
      }
      assertThat(Math.abs(RowKernels.dot(x, off, v, len) - dot)).isLessThanOrEqualTo(1e-14 * abs);
      double[] expected = acc.clone();
      for (int c = 0; c < len; c++) {
        expected[c] += 0.7 * x[off + c];
      }
      RowKernels.axpy(0.7, x, off, acc, len);
      for (int c = 0; c < len; c++) {
        assertThat(acc[c]).isCloseTo(expected[c], org.assertj.core.data.Offset.offset(1e-14));
      }
    }
  }
}
