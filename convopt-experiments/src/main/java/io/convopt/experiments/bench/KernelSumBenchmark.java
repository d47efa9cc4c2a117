package io.convopt.experiments.bench;

import io.convopt.kernel.ConvexKernel;
import io.convopt.kernel.ScalarConvolutionSums;
import io.convopt.kernel.VectorConvolutionSums;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scalar reference vs {@code jdk.incubator.vector} for the two hot sums of the kernel: the 1-D
 * derivative Σ w_j g_δ'(θ − x_j) (eq. (16)) and the 2-D gradient Σ w_j ∇g_δ(θ − x_j) (eq. (20)), at
 * 10³ … 10⁷ points. Both variants run in the same fork, so their ratio is meaningful on a noisy
 * machine even when absolute times are not.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class KernelSumBenchmark {

  /** Points of the 1-D sum: uniform in [0, 1], weights in (0, 1], δ = 0.01, θ = 0.37. */
  @State(Scope.Benchmark)
  public static class Data1D {
    @Param({"1000", "10000", "100000", "1000000", "10000000"})
    public int points;

    double[] x;
    double[] w;
    ConvexKernel kernel;
    double theta;

    @Setup
    public void setup() {
      SplittableRandom rnd = new SplittableRandom(42);
      x = new double[points];
      w = new double[points];
      for (int j = 0; j < points; j++) {
        x[j] = rnd.nextDouble();
        w[j] = rnd.nextDouble(Double.MIN_NORMAL, 1);
      }
      kernel = ConvexKernel.of(0.01);
      theta = 0.37;
    }
  }

  /** Points of the 2-D sum (structure-of-arrays) in [0, 1]², δ = 0.01, θ = (0.37, 0.61). */
  @State(Scope.Benchmark)
  public static class Data2D {
    @Param({"1000", "10000", "100000", "1000000", "10000000"})
    public int points;

    double[][] x;
    double[] w;
    double[] theta;
    double[] out;
    ConvexKernel kernel;

    @Setup
    public void setup() {
      SplittableRandom rnd = new SplittableRandom(43);
      x = new double[2][points];
      w = new double[points];
      for (int j = 0; j < points; j++) {
        x[0][j] = rnd.nextDouble();
        x[1][j] = rnd.nextDouble();
        w[j] = rnd.nextDouble(Double.MIN_NORMAL, 1);
      }
      theta = new double[] {0.37, 0.61};
      out = new double[2];
      kernel = ConvexKernel.of(0.01);
    }
  }

  @Benchmark
  public double derivative1DScalar(Data1D d) {
    return ScalarConvolutionSums.derivative1D(d.kernel, d.theta, d.x, d.w, 1.0);
  }

  @Benchmark
  public double derivative1DVector(Data1D d) {
    return VectorConvolutionSums.derivative1D(d.kernel, d.theta, d.x, d.w, 1.0);
  }

  @Benchmark
  public double[] gradient2DScalar(Data2D d) {
    return ScalarConvolutionSums.gradient(d.kernel, d.theta, d.x, d.w, 1.0, d.out);
  }

  @Benchmark
  public double[] gradient2DVector(Data2D d) {
    return VectorConvolutionSums.gradient(d.kernel, d.theta, d.x, d.w, 1.0, d.out);
  }
}
