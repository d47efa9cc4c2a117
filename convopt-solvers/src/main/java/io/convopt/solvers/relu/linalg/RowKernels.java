package io.convopt.solvers.relu.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dot products and updates of one contiguous row of a row-major matrix with a short vector, in the
 * preferred SIMD width (Vector API) with a scalar tail: the inner loops of block coordinate
 * descent, which visit one pattern's rows one at a time (a gather no GEMM covers). The JIT does not
 * vectorise a floating-point reduction by itself (it may not reorder the sums), so the dot product
 * is several times faster this way at d of a few dozen. Sums are accumulated per lane and reduced
 * at the end: the rounding differs from a left-to-right loop, not the value.
 */
public final class RowKernels {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  private RowKernels() {}

  /** {@code sum_c x[off + c] v[c]}, c below len. */
  public static double dot(double[] x, int off, double[] v, int len) {
    int lanes = SPECIES.length();
    int bound = len - len % lanes;
    DoubleVector acc = DoubleVector.zero(SPECIES);
    int c = 0;
    for (; c < bound; c += lanes) {
      acc =
          DoubleVector.fromArray(SPECIES, x, off + c)
              .fma(DoubleVector.fromArray(SPECIES, v, c), acc);
    }
    double s = acc.reduceLanes(VectorOperators.ADD);
    for (; c < len; c++) {
      s += x[off + c] * v[c];
    }
    return s;
  }

  /** {@code acc[c] += a x[off + c]}, c below len. */
  public static void axpy(double a, double[] x, int off, double[] acc, int len) {
    int lanes = SPECIES.length();
    int bound = len - len % lanes;
    DoubleVector va = DoubleVector.broadcast(SPECIES, a);
    int c = 0;
    for (; c < bound; c += lanes) {
      DoubleVector.fromArray(SPECIES, x, off + c)
          .fma(va, DoubleVector.fromArray(SPECIES, acc, c))
          .intoArray(acc, c);
    }
    for (; c < len; c++) {
      acc[c] += a * x[off + c];
    }
  }
}
