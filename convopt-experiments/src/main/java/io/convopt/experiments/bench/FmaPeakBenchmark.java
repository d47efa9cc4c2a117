package io.convopt.experiments.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's double-precision FMA peak as the JIT delivers it, measured in the same run as the
 * kernel sums: {@link #ACCUMULATORS} independent register accumulators (enough to cover FMA latency
 * × issue width on current x86 cores), each updated {@link #ITERATIONS} times with a·x + b, no
 * memory traffic. One invocation performs {@link #FLOPS_PER_INVOCATION} flops (2 per lane per FMA).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class FmaPeakBenchmark {

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  /** Independent dependency chains. */
  public static final int ACCUMULATORS = 12;

  /** FMAs per chain and invocation. */
  public static final int ITERATIONS = 100_000;

  /** 2 · lanes · ACCUMULATORS · ITERATIONS. */
  public static final long FLOPS_PER_INVOCATION = 2L * SPECIES.length() * ACCUMULATORS * ITERATIONS;

  double a;
  double b;

  @Setup
  public void setup() {
    // |a| < 1 keeps every chain bounded (fixed point b/(1 − a)), so no overflow or denormals.
    a = 0.999_999;
    b = 1e-6;
  }

  @Benchmark
  public double fmaPeak() {
    DoubleVector av = DoubleVector.broadcast(SPECIES, a);
    DoubleVector bv = DoubleVector.broadcast(SPECIES, b);
    DoubleVector c0 = DoubleVector.broadcast(SPECIES, 0.1);
    DoubleVector c1 = DoubleVector.broadcast(SPECIES, 0.2);
    DoubleVector c2 = DoubleVector.broadcast(SPECIES, 0.3);
    DoubleVector c3 = DoubleVector.broadcast(SPECIES, 0.4);
    DoubleVector c4 = DoubleVector.broadcast(SPECIES, 0.5);
    DoubleVector c5 = DoubleVector.broadcast(SPECIES, 0.6);
    DoubleVector c6 = DoubleVector.broadcast(SPECIES, 0.7);
    DoubleVector c7 = DoubleVector.broadcast(SPECIES, 0.8);
    DoubleVector c8 = DoubleVector.broadcast(SPECIES, 0.9);
    DoubleVector c9 = DoubleVector.broadcast(SPECIES, 1.0);
    DoubleVector c10 = DoubleVector.broadcast(SPECIES, 1.1);
    DoubleVector c11 = DoubleVector.broadcast(SPECIES, 1.2);
    for (int i = 0; i < ITERATIONS; i++) {
      c0 = c0.fma(av, bv);
      c1 = c1.fma(av, bv);
      c2 = c2.fma(av, bv);
      c3 = c3.fma(av, bv);
      c4 = c4.fma(av, bv);
      c5 = c5.fma(av, bv);
      c6 = c6.fma(av, bv);
      c7 = c7.fma(av, bv);
      c8 = c8.fma(av, bv);
      c9 = c9.fma(av, bv);
      c10 = c10.fma(av, bv);
      c11 = c11.fma(av, bv);
    }
    return c0.add(c1)
        .add(c2)
        .add(c3)
        .add(c4)
        .add(c5)
        .add(c6)
        .add(c7)
        .add(c8)
        .add(c9)
        .add(c10)
        .add(c11)
        .reduceLanes(VectorOperators.ADD);
  }
}
