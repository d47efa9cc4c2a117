package io.convopt.experiments.benchmark;

import io.convopt.experiments.functions.TestFunction;
import io.convopt.kernel.Box;
import io.convopt.solvers.api.Solver;
import java.util.SplittableRandom;

/**
 * Configures one solver for one benchmark run: from the test function (its box and dimension only —
 * never its optimum), the run's seed and the evaluation budget to a solver and a start point. The
 * same rule serves every function (no per-function tuning).
 */
@FunctionalInterface
public interface SolverFactory {

  /** A configured solver and the start point of the run. */
  record Configured(Solver solver, double[] start) {
    public Configured {
      start = start.clone();
    }

    @Override
    public double[] start() {
      return start.clone();
    }
  }

  Configured create(TestFunction function, long seed, long budget);

  /**
   * A uniform random point of the box drawn from its own stream of {@code seed} (independent of the
   * solver's stream, which gets {@code seed} itself): the run's instance for deterministic methods,
   * the first start for multistart methods.
   */
  static double[] randomStart(Box box, long seed) {
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL).split();
    double[] x = new double[box.dimension()];
    for (int i = 0; i < x.length; i++) {
      x[i] = box.lower(i) + rng.nextDouble() * box.width(i);
    }
    return x;
  }
}
