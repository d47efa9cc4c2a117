package io.convopt.experiments.bench;

import io.convopt.kernel.Box;
import io.convopt.kernel.ConvexKernel;
import io.convopt.kernel.FineGrid;
import io.convopt.kernel.LiftFunction;
import io.convopt.kernel.PointSet;
import io.convopt.kernel.PowerLift;
import io.convopt.kernel.SampleCache;
import io.convopt.kernel.ScalarConvolutionSums;
import io.convopt.kernel.ShiftRule;
import io.convopt.kernel.TensorGrid;
import io.convopt.kernel.VectorConvolutionSums;
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
 * One evaluation of ∇F as Algorithm 2 ({@code ConvolutionDescent}) computes it, on the kernel's
 * SIMD path vs its scalar reference path, measured in the same fork so that the ratio is
 * meaningful. The sums are the solver's: the outer integral of eq. (20) over the coarse cell
 * midpoints of the lattice θ₀ + ηZ² in the box ({@code outerGradient}) plus the ball integral over
 * the fine midpoint ball of step δ/10 ({@code gradient}); only the scalar/vector choice differs. (A
 * whole solve cannot be compared before/after the refactoring in one run: the old solver code is
 * gone.)
 *
 * <p>Test function: Rosenbrock as maximised in the project's Table 1 reconstruction, f = 1/(1 +
 * 100(y − x²)² + (1 − x)²) on [−2, 2]², lifted (f + C)<sup>8</sup> with C = −min (log domain), δ =
 * η, θ = (1.05, 0.95) (on the lattice). The ball samples are taken once in the setup, as the
 * solver's sample cache serves them after the first visit. {@code cellsPerAxis} is the number of
 * cells per axis (η = 4/cells): 80 → 6 400 coarse cells, 400 → 160 000.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SolverGradientBenchmark {

  /** Coarse and ball samples with their lifted weights. */
  @State(Scope.Benchmark)
  public static class Data {
    @Param({"80", "400"})
    public int cellsPerAxis;

    double[] theta;
    ConvexKernel kernel;
    double[][] coarseX;
    double[] coarseW;
    double coarseH;
    double[][] ballX;
    double[] ballW;
    double ballH;
    double[] out;
    double[] ballOut;

    @Setup
    public void setup() {
      double eta = 4.0 / cellsPerAxis;
      Box box = Box.cube(2, -2, 2);
      theta = new double[] {1.05, 0.95};
      double[] origin = {-2, -2};
      kernel = ConvexKernel.of(eta);
      SampleCache cache =
          SampleCache.of(
              p -> {
                double a = p[1] - p[0] * p[0];
                double b = 1 - p[0];
                return 1 / (1 + 100 * a * a + b * b);
              },
              2);
      PointSet coarse = TensorGrid.of(box, origin, eta).midpoints();
      double[] values = cache.values(coarse);
      LiftFunction lift =
          PowerLift.logDomain(8, ShiftRule.minShift(0)).zeroBelowShift().fit(values);
      coarseX = new double[][] {coarse.coordinates(0), coarse.coordinates(1)};
      coarseW = lift.weights(values, null);
      coarseH = coarse.cellVolume();
      PointSet ball = FineGrid.midpointBall(theta, eta, origin, FineGrid.defaultStep(eta), box);
      ballX = new double[][] {ball.coordinates(0), ball.coordinates(1)};
      ballW = lift.weights(cache.values(ball), null);
      ballH = ball.cellVolume();
      out = new double[2];
      ballOut = new double[2];
    }
  }

  @Benchmark
  public double[] solverGradientScalar(Data d) {
    double[] g =
        ScalarConvolutionSums.outerGradient(
            d.kernel, d.theta, d.coarseX, d.coarseW, d.coarseH, d.out);
    double[] b =
        ScalarConvolutionSums.gradient(d.kernel, d.theta, d.ballX, d.ballW, d.ballH, d.ballOut);
    g[0] += b[0];
    g[1] += b[1];
    return g;
  }

  @Benchmark
  public double[] solverGradientVector(Data d) {
    double[] g =
        VectorConvolutionSums.outerGradient(
            d.kernel, d.theta, d.coarseX, d.coarseW, d.coarseH, d.out);
    double[] b =
        VectorConvolutionSums.gradient(d.kernel, d.theta, d.ballX, d.ballW, d.ballH, d.ballOut);
    g[0] += b[0];
    g[1] += b[1];
    return g;
  }
}
