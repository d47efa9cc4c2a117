package io.convopt.solvers.relu.ipm;

import io.convopt.solvers.relu.barrier.NormEpigraph;
import io.convopt.solvers.relu.linalg.PatternOperator;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * Lower Cholesky factors {@code G_j = R_j R_j^T} of the diagonal blocks of the interior-point
 * Newton matrix, {@code G_j = Hess phi_j + sum_k w_kj a_k a_k^T}, computed without forming G_j: by
 * Givens row updates of the rows of {@code [V; sqrt(w_kj) a_k]}, {@code V = sqrt(tangential) (I - e
 * e^T) + sqrt(radial) e e^T} the symmetric square root of the norm term's Hessian ({@link
 * NormEpigraph}), rows taken in order of decreasing norm. A Cholesky of the assembled G_j loses its
 * moderate eigenvalues next to the weights {@code ~ tau^2}; the row updates keep them. Cost O(n
 * d^2) per block; mutable (the factors of the last {@link #factor} call), not thread-safe.
 */
final class GivensBlockFactor {
  private final PatternOperator op;
  private final boolean[] rowUsed;
  private final int n;
  private final int d;
  private final double[] rchol; // B x d x d, lower
  private final double[] rScratch;
  private final double[] vScratch;
  private final double[] rowBuf;
  private final double[] rowNorm;
  private final long[] rowOrder;

  GivensBlockFactor(PatternOperator op, boolean[] rowUsed) {
    this.op = op;
    this.rowUsed = rowUsed;
    this.n = op.n;
    this.d = op.d;
    this.rchol = new double[op.blocks * d * d];
    this.rScratch = new double[d * d];
    this.vScratch = new double[d];
    int rows = d + (op.constrained ? n : 0);
    this.rowBuf = new double[rows * d];
    this.rowNorm = new double[rows];
    this.rowOrder = new long[rows];
  }

  /**
   * Factors block j at weights u (block j at offset j d, squared norm {@code norm2}), {@code p2 =
   * (tau beta)^2}, cone weights {@code w_kj = coneWeight(k B + j)} on the used rows (constrained
   * programs only).
   *
   * @throws ArithmeticException when a diagonal of the factor is not positive and finite
   */
  void factor(int j, double[] u, double norm2, double p2, IntToDoubleFunction coneWeight) {
    int uo = j * d;
    int go = j * d * d;
    double sb = Math.sqrt(NormEpigraph.tangential(p2, norm2));
    double ss = Math.sqrt(NormEpigraph.radial(p2, norm2));
    double inv = norm2 > 0 ? 1.0 / norm2 : 0.0;
    int m = 0;
    for (int a = 0; a < d; a++) {
      double nr = 0;
      for (int b = 0; b < d; b++) {
        double e = u[uo + a] * u[uo + b] * inv;
        double v = (ss - sb) * e + (a == b ? sb : 0);
        rowBuf[m * d + b] = v;
        nr += v * v;
      }
      rowNorm[m++] = nr;
    }
    if (op.constrained) {
      double[] x = op.x;
      for (int k = 0; k < n; k++) {
        if (!rowUsed[k]) {
          continue;
        }
        double ic = Math.sqrt(coneWeight.applyAsDouble(k * op.blocks + j));
        double nr = 0;
        for (int b = 0; b < d; b++) {
          double v = x[k * d + b] * ic;
          rowBuf[m * d + b] = v;
          nr += v * v;
        }
        rowNorm[m++] = nr;
      }
    }
    // order by decreasing norm: sort (float bits of the norm, index) packed in a long (the bits
    // of a non-negative float order like the float)
    for (int i = 0; i < m; i++) {
      rowOrder[i] = ((long) Float.floatToRawIntBits((float) rowNorm[i]) << 32) | i;
    }
    Arrays.sort(rowOrder, 0, m);
    double[] rr = rScratch; // upper triangular, G = rr^T rr
    Arrays.fill(rr, 0.0);
    double[] v = vScratch;
    for (int q = m - 1; q >= 0; q--) {
      System.arraycopy(rowBuf, (int) rowOrder[q] * d, v, 0, d);
      for (int i = 0; i < d; i++) {
        double vi = v[i];
        if (vi == 0) {
          continue;
        }
        double rii = rr[i * d + i];
        double h = Math.sqrt(rii * rii + vi * vi);
        double cs = rii / h;
        double sn = vi / h;
        rr[i * d + i] = h;
        for (int l = i + 1; l < d; l++) {
          double a = rr[i * d + l];
          double b = v[l];
          rr[i * d + l] = cs * a + sn * b;
          v[l] = -sn * a + cs * b;
        }
      }
    }
    for (int a = 0; a < d; a++) {
      if (!(rr[a * d + a] > 0) || !Double.isFinite(rr[a * d + a])) {
        throw new ArithmeticException(
            "factor of block " + j + ": diagonal " + a + " is " + rr[a * d + a]);
      }
      for (int b = 0; b < d; b++) {
        rchol[go + a * d + b] = b <= a ? rr[b * d + a] : 0.0;
      }
    }
  }

  /** out (d) = R_j^{-1} v[off .. off + d) (forward substitution). */
  void forwardSolve(int j, double[] v, int off, double[] out) {
    int go = j * d * d;
    for (int a = 0; a < d; a++) {
      double w = v[off + a];
      for (int b = 0; b < a; b++) {
        w -= rchol[go + a * d + b] * out[b];
      }
      out[a] = w / rchol[go + a * d + a];
    }
  }

  /** Blockwise {@code G^{-1} r} into o (o may alias r). */
  void applyInverse(double[] rv, double[] ov) {
    double[] v = vScratch;
    for (int j = 0; j < op.blocks; j++) {
      int uo = j * d;
      int go = j * d * d;
      forwardSolve(j, rv, uo, v);
      for (int a = d - 1; a >= 0; a--) {
        double w = v[a];
        for (int b = a + 1; b < d; b++) {
          w -= rchol[go + b * d + a] * v[b];
        }
        v[a] = w / rchol[go + a * d + a];
      }
      System.arraycopy(v, 0, ov, uo, d);
    }
  }
}
