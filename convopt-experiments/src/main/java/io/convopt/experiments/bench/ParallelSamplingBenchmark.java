package io.convopt.experiments.bench;

import io.convopt.kernel.Box;
import io.convopt.kernel.PointSet;
import io.convopt.kernel.SampleCache;
import io.convopt.kernel.TensorGrid;
import io.convopt.solvers.api.Objective;
import io.convopt.solvers.api.ParallelObjective;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sampling one coarse grid through the solvers' cache ({@link SampleCache#values}, a fresh cache
 * per invocation so every point is evaluated): the objective's batch form on the calling thread vs
 * {@link ParallelObjective} on all cores, in the same fork. The objective costs about a microsecond
 * (a 2-D Rastrigin term summed 64 times), standing in for a target that is expensive next to the
 * convolution sums; for cheap targets sampling is not the bottleneck and parallelism does not pay.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ParallelSamplingBenchmark {

  /** A 2-D midpoint grid and the two objectives. */
  @State(Scope.Benchmark)
  public static class Data {
    @Param({"200"})
    public int cellsPerAxis;

    PointSet grid;
    Objective sequential;
    ParallelObjective parallel;

    @Setup(Level.Trial)
    public void setUp() {
      grid =
          TensorGrid.of(Box.cube(2, -5.12, 5.12), new double[] {-5.12, -5.12}, 10.24 / cellsPerAxis)
              .midpoints();
      sequential =
          x -> {
            double s = 0;
            for (int r = 0; r < 64; r++) {
              double a = x[0] + 1e-3 * r;
              double b = x[1] - 1e-3 * r;
              s +=
                  20
                      + a * a
                      - 10 * Math.cos(2 * Math.PI * a)
                      + b * b
                      - 10 * Math.cos(2 * Math.PI * b);
            }
            return -s;
          };
      parallel = ParallelObjective.onAllCores(sequential);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      parallel.close();
    }
  }

  @Benchmark
  public double samplingSequential(Data d) {
    return SampleCache.of(d.sequential::value, d.sequential::values, 2).values(d.grid)[0];
  }

  @Benchmark
  public double samplingParallel(Data d) {
    return SampleCache.of(d.parallel::value, d.parallel::values, 2).values(d.grid)[0];
  }
}
