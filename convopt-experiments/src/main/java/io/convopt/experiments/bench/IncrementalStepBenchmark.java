package io.convopt.experiments.bench;

import io.convopt.kernel.ConvexKernel;
import io.convopt.kernel.ConvolutionSums;
import io.convopt.kernel.IncrementalMasses1D;
import io.convopt.kernel.LatticeGrid1D;
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
 * One sign step of Algorithm 1 on the outer masses: the incremental update of L and R (eq. (18),
 * {@link IncrementalMasses1D#moveBy}) against recomputing them from scratch over all coarse cells,
 * as a plain loop ({@link #fullResummation}) and as the SIMD derivative sum over the coarse grid
 * ({@link #fullVectorSum}). The window term M is the same for all variants and left out. The
 * iterate alternates ±1 cell so that the state stays in the middle of the grid.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class IncrementalStepBenchmark {

  @Param({"100000", "1000000"})
  public int cells;

  LatticeGrid1D grid;
  double[] x;
  double[] w;
  ConvexKernel kernel;
  IncrementalMasses1D state;
  int cellsPerDelta;
  long direction;
  int index;

  @Setup
  public void setup() {
    double eta = 1.0 / cells;
    grid = LatticeGrid1D.of(0.5 * eta, eta, 0, 1);
    x = grid.points().coordinates(0);
    w = new double[x.length];
    SplittableRandom rnd = new SplittableRandom(44);
    for (int j = 0; j < w.length; j++) {
      w[j] = rnd.nextDouble();
    }
    kernel = ConvexKernel.of(eta);
    cellsPerDelta = 1;
    index = grid.size() / 2;
    state =
        IncrementalMasses1D.create(grid, w, kernel, eta / 10, v -> 1.0, grid.firstIndex() + index);
    direction = 1;
  }

  @Benchmark
  public double incrementalStep() {
    state = state.moveBy(direction);
    direction = -direction;
    return state.left() - state.right();
  }

  @Benchmark
  public double fullResummation() {
    index += (int) direction;
    direction = -direction;
    double left = 0;
    for (int j = 0; j < index - cellsPerDelta; j++) {
      left += w[j];
    }
    double right = 0;
    for (int j = index + cellsPerDelta + 1; j < w.length; j++) {
      right += w[j];
    }
    return grid.step() * (left - right);
  }

  @Benchmark
  public double fullVectorSum() {
    index += (int) direction;
    direction = -direction;
    return ConvolutionSums.derivative(kernel, x[index], x, w, grid.step());
  }
}
