package io.convopt.solvers.relu.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels of ADMM's cone state against their scalar references, on rows whose
 * pattern count is below, at and above the vector length (ragged tails) and at offsets inside a
 * larger array. Element-wise outputs agree exactly (same operations per element); the sums to 1e-13
 * relative (lane-wise reduction order).
 */
class ConeRowKernelsTest {
  @Test
  void vectorKernelsEqualTheScalarReferences() {
    SplittableRandom r = new SplittableRandom(17);
    for (int pats : new int[] {1, 3, 4, 7, 8, 13, 64, 101}) {
      int ro = 5;
      int to = 3;
      int mo = 2;
      double[] blk = gaussian(r, ro + 2 * pats + 4);
      double[] t = gaussian(r, to + 2 * pats + 4);
      boolean[] mask = new boolean[mo + pats + 3];
      for (int i = 0; i < mask.length; i++) {
        mask[i] = r.nextBoolean();
      }
      double rs = 0.7;
      String what = "P " + pats;

      assertThat(ConeRowKernels.maskedRowSum(mask, mo, blk, ro, pats))
          .as(what)
          .isCloseTo(ConeRowKernels.maskedRowSumScalar(mask, mo, blk, ro, pats), within(1e-12));

      double[] t1 = t.clone();
      double[] t2 = t.clone();
      ConeRowKernels.start(mask, mo, blk, ro, t1, to, pats, rs);
      ConeRowKernels.startScalar(mask, mo, blk, ro, t2, to, pats, rs);
      assertThat(t1).as(what).containsExactly(t2);

      double[] b1 = blk.clone();
      double[] b2 = blk.clone();
      ConeRowKernels.rightHandSide(mask, mo, t, to, b1, ro, pats, rs, 0.9);
      ConeRowKernels.rightHandSideScalar(mask, mo, t, to, b2, ro, pats, rs, 0.9);
      assertThat(b1).as(what).containsExactly(b2);

      b1 = blk.clone();
      b2 = blk.clone();
      t1 = t.clone();
      t2 = t.clone();
      double[] acc1 = {1, 2, 3};
      double[] acc2 = {1, 2, 3};
      ConeRowKernels.update(mask, mo, b1, ro, t1, to, pats, rs, 1.6, -0.4, acc1);
      ConeRowKernels.updateScalar(mask, mo, b2, ro, t2, to, pats, rs, 1.6, -0.4, acc2);
      assertThat(t1).as(what).containsExactly(t2);
      assertThat(b1).as(what).containsExactly(b2);
      for (int q = 0; q < 3; q++) {
        assertThat(acc1[q]).as(what).isCloseTo(acc2[q], within(1e-13 * Math.abs(acc2[q])));
      }
      // the untouched ends of the arrays stay untouched
      assertThat(b1[0]).isEqualTo(blk[0]);
      assertThat(t1[t.length - 1]).isEqualTo(t[t.length - 1]);
    }
  }

  private static double[] gaussian(SplittableRandom r, int len) {
    double[] a = new double[len];
    for (int i = 0; i < len; i++) {
      a[i] = r.nextGaussian();
    }
    return a;
  }
}
