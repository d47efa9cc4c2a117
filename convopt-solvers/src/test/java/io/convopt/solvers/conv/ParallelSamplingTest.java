package io.convopt.solvers.conv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.solvers.api.Objective;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.ParallelObjective;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Batch and parallel sampling change where f runs, never what a solver returns. */
class ParallelSamplingTest {

  private static Problem withObjective(Problem p, Objective f) {
    return Problem.of(p.name(), f, p.box());
  }

  @Test
  void parallelSamplingGivesBitIdenticalRunsForEveryGridSolver() {
    Problem p = TwoPeaks.twoD();
    ConvolutionSettings s = ConvolutionSettings.of(0.05, 8).withSeed(3);
    List<Solver> solvers =
        List.of(
            new ConvolutionDescent(s),
            new ZigzagCyclic(s),
            new ZigzagSampled(s),
            new SurrogateMedianSolver(s),
            new PowerContinuation(s),
            new MultiResolutionConvolution(4000));
    double[] start = {-0.7, 0.6};
    for (Solver solver : solvers) {
      Optimum plain = solver.optimize(p, start);
      AtomicLong batches = new AtomicLong();
      try (ParallelObjective par = new ParallelObjective(p.objective(), 2)) {
        Objective counted =
            new Objective() {
              @Override
              public double value(double[] x) {
                return par.value(x);
              }

              @Override
              public void values(double[][] points, double[] out) {
                batches.incrementAndGet();
                par.values(points, out);
              }
            };
        Optimum parallel = solver.optimize(withObjective(p, counted), start);
        assertThat(parallel.point()).as(solver.name()).containsExactly(plain.point());
        assertThat(parallel.value()).as(solver.name()).isEqualTo(plain.value());
        assertThat(parallel.evaluations()).as(solver.name()).isEqualTo(plain.evaluations());
        assertThat(parallel.iterations()).as(solver.name()).isEqualTo(plain.iterations());
      }
      // Every solver that samples a coarse grid hands it over as one batch.
      if (!(solver instanceof ZigzagCyclic) && !(solver instanceof ZigzagSampled)) {
        assertThat(batches.get()).as(solver.name() + " batches").isPositive();
      }
    }
  }

  @Test
  void aFailureInAWorkerReachesTheCallerAndBadThreadCountsAreRejected() {
    Objective bad =
        x -> {
          if (x[0] > 0.5) {
            throw new IllegalStateException("f failed at " + x[0]);
          }
          return x[0];
        };
    double[][] pts = new double[200][];
    for (int k = 0; k < pts.length; k++) {
      pts[k] = new double[] {k / 199.0};
    }
    try (ParallelObjective par = new ParallelObjective(bad, 2)) {
      assertThatThrownBy(() -> par.values(pts, new double[pts.length]))
          .hasMessageContaining("f failed at");
    }
    assertThatThrownBy(() -> new ParallelObjective(bad, 0))
        .hasMessageContaining("threads must be >= 1");
  }
}
