package io.convopt.experiments.relu;

import io.convopt.solvers.nonconvex.Nd4jSettings;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.linalg.BlockedPatternOperator;
import io.convopt.solvers.relu.linalg.Precision;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The throughput of the blocked operator against bare GEMMs, for {@code relu-scale --gemm-ratio}:
 * the operator work of one accepted R-FISTA step (masked product at the extrapolated point, masked
 * adjoint of the loss gradient, masked product at the candidate) against the three ND4J GEMMs of
 * the same shapes ({@code X U^T} twice, {@code M^T X} once) into preallocated full n x B outputs,
 * the two alternating in one process so that both see the same load, at 1 and 2 BLAS threads.
 * Wall-clock times; the ratio of medians is the share of GEMM throughput reached.
 */
final class GemmRatio {
  private GemmRatio() {}

  static void run(ReluProblem p, Precision precision, int repeats, PrintWriter out) {
    BlockedPatternOperator op = BlockedPatternOperator.of(p.operator(false), precision, 0);
    int n = p.samples();
    int d = p.dimension();
    int b = op.blocks();
    SplittableRandom r = new SplittableRandom(7);
    double[] u = gaussian(r, b * d);
    double[] u2 = gaussian(r, b * d);
    double[] a = gaussian(r, n);
    double[] yhat = new double[n];
    double[] grad = new double[b * d];
    DataType type = precision == Precision.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT;
    INDArray x = Nd4j.rand(type, n, d);
    INDArray w = Nd4j.rand(type, b, d);
    INDArray xu = Nd4j.create(type, new long[] {n, b}, 'c');
    INDArray m = Nd4j.rand(type, n, b);
    INDArray g = Nd4j.create(type, new long[] {b, d}, 'c');
    out.printf(
        Locale.ROOT,
        "gemm-ratio  n=%d d=%d B=%d, %s, block rows %d, %d repeats%n",
        n,
        d,
        b,
        precision,
        op.blockRows(),
        repeats);
    for (int threads = 1; threads <= 2; threads++) {
      Nd4jSettings.limitThreads(threads);
      double[] step = new double[repeats];
      double[] gemm = new double[repeats];
      for (int k = -2; k < repeats; k++) { // two untimed warm-up rounds
        long t0 = System.nanoTime();
        op.predict(u, yhat);
        op.adjoint(a, grad);
        op.predict(u2, yhat);
        long t1 = System.nanoTime();
        Nd4j.gemm(x, w, xu, false, true, 1.0, 0.0);
        Nd4j.gemm(m, x, g, true, false, 1.0, 0.0);
        Nd4j.gemm(x, w, xu, false, true, 1.0, 0.0);
        long t2 = System.nanoTime();
        if (k >= 0) {
          step[k] = (t1 - t0) * 1e-9;
          gemm[k] = (t2 - t1) * 1e-9;
        }
      }
      Arrays.sort(step);
      Arrays.sort(gemm);
      double flops = 3 * 2.0 * n * d * (double) b;
      out.printf(
          Locale.ROOT,
          "threads %d  R-FISTA step products: best %.3f s, median %.3f s" + " (%.2f GFLOP/s)%n",
          threads,
          step[0],
          step[repeats / 2],
          flops / step[repeats / 2] * 1e-9);
      out.printf(
          Locale.ROOT,
          "threads %d  bare ND4J GEMMs:        best %.3f s, median %.3f s" + " (%.2f GFLOP/s)%n",
          threads,
          gemm[0],
          gemm[repeats / 2],
          flops / gemm[repeats / 2] * 1e-9);
      out.printf(
          Locale.ROOT,
          "threads %d  share of GEMM throughput: %.0f %% (medians), %.0f %%" + " (best)%n",
          threads,
          100 * gemm[repeats / 2] / step[repeats / 2],
          100 * gemm[0] / step[0]);
      out.flush();
    }
  }

  private static double[] gaussian(SplittableRandom r, int len) {
    double[] v = new double[len];
    for (int i = 0; i < len; i++) {
      v[i] = r.nextGaussian();
    }
    return v;
  }
}
