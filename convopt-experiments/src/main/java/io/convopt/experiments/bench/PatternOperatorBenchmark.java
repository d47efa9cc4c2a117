package io.convopt.experiments.bench;

import io.convopt.solvers.nonconvex.Nd4jSettings;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.linalg.BlockedPatternOperator;
import io.convopt.solvers.relu.linalg.Precision;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The products of one accepted R-FISTA step on the gated program at the spambase shape (n = 3,700,
 * d = 58 with the bias, P = 5,000 gates drawn) through {@link BlockedPatternOperator} — value and
 * gradient at the extrapolated point (one masked product, one masked adjoint) and the value at the
 * candidate (one masked product) — against the three bare ND4J GEMMs of the same shapes into
 * preallocated full n x P outputs ({@code X U^T} twice, {@code M^T X} once), in the same fork, for
 * 1 and 2 BLAS threads. The ratio {@code gemm / fistaStep} is the share of GEMM throughput the
 * fused operator reaches (it does the same multiply-adds plus the masking, without storing n x P).
 * Random Gaussian data of the same shape: the cost does not depend on the values.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PatternOperatorBenchmark {

  /** Problem, operator, weights and the bare GEMM operands. */
  @State(Scope.Benchmark)
  public static class Data {
    @Param({"1", "2"})
    public int threads;

    @Param({"3700"})
    public int n;

    @Param({"57"})
    public int features;

    @Param({"5000"})
    public int gates;

    @Param({"float64"})
    public String precision;

    @Param({"0"})
    public int blockRows;

    BlockedPatternOperator op;
    double[] u;
    double[] u2;
    double[] a;
    double[] yhat;
    double[] grad;
    INDArray x;
    INDArray w;
    INDArray xu;
    INDArray m;
    INDArray g;

    @Setup(Level.Trial)
    public void setup() {
      Nd4jSettings.limitThreads(threads);
      SplittableRandom r = new SplittableRandom(20_26L);
      double[][] xs = new double[n][features + 1];
      double[] y = new double[n];
      for (int k = 0; k < n; k++) {
        for (int c = 0; c < features; c++) {
          xs[k][c] = r.nextGaussian();
        }
        xs[k][features] = 1;
        y[k] = r.nextGaussian();
      }
      ActivationPatterns pat = ActivationPatterns.sample(xs, gates, 7L);
      ReluProblem problem = new ReluProblem(xs, y, pat, 1e-3, Loss.SQUARED, Formulation.GATED);
      op =
          BlockedPatternOperator.of(problem.operator(false), Precision.parse(precision), blockRows);
      int len = op.blocks() * (features + 1);
      u = gaussian(r, len);
      u2 = gaussian(r, len);
      a = gaussian(r, n);
      yhat = new double[n];
      grad = new double[len];
      DataType type =
          Precision.parse(precision) == Precision.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT;
      x = Nd4j.rand(type, n, features + 1);
      w = Nd4j.rand(type, op.blocks(), features + 1);
      xu = Nd4j.create(type, new long[] {n, op.blocks()}, 'c');
      m = Nd4j.rand(type, n, op.blocks());
      g = Nd4j.create(type, new long[] {op.blocks(), features + 1}, 'c');
    }

    private static double[] gaussian(SplittableRandom r, int len) {
      double[] v = new double[len];
      for (int i = 0; i < len; i++) {
        v[i] = r.nextGaussian();
      }
      return v;
    }
  }

  /** The operator work of one accepted R-FISTA step. */
  @Benchmark
  public void fistaStep(Data s, Blackhole bh) {
    s.op.predict(s.u, s.yhat);
    s.op.adjoint(s.a, s.grad);
    s.op.predict(s.u2, s.yhat);
    bh.consume(s.yhat);
    bh.consume(s.grad);
  }

  /** The three bare GEMMs of the same shapes. */
  @Benchmark
  public void gemm(Data s, Blackhole bh) {
    Nd4j.gemm(s.x, s.w, s.xu, false, true, 1.0, 0.0);
    Nd4j.gemm(s.m, s.x, s.g, true, false, 1.0, 0.0);
    Nd4j.gemm(s.x, s.w, s.xu, false, true, 1.0, 0.0);
    bh.consume(s.xu);
    bh.consume(s.g);
  }
}
