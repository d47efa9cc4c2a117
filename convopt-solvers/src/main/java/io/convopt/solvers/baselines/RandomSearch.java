package io.convopt.solvers.baselines;

import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.api.StopReason;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Pure random search: f at the start point, then at independent uniform points of the box (x_i =
 * lower_i + U·width_i, U uniform in [0,1) from a {@link SplittableRandom} seeded with {@link
 * #withSeed}), until the evaluation budget is used; the best sample is returned.
 *
 * <p>Equal seeds give bit-identical runs. Immutable and thread-safe; O(budget) evaluations.
 */
public final class RandomSearch implements Solver {

  /** Default seed (fixed so that runs are reproducible without configuration). */
  public static final long DEFAULT_SEED = 20_261_123L;

  private final long maxEvaluations;
  private final long seed;

  /** Budget 10^4·d, seed {@link #DEFAULT_SEED}. */
  public RandomSearch() {
    this(0, DEFAULT_SEED);
  }

  private RandomSearch(long maxEvaluations, long seed) {
    this.maxEvaluations = maxEvaluations;
    this.seed = seed;
  }

  /** Number of samples (the start included); must be ≥ 1. */
  public RandomSearch withMaxEvaluations(long budget) {
    EvaluationBudget.requirePositive(budget);
    return new RandomSearch(budget, seed);
  }

  public RandomSearch withSeed(long newSeed) {
    return new RandomSearch(maxEvaluations, newSeed);
  }

  @Override
  public String name() {
    return "random";
  }

  @Override
  public Optimum optimize(Problem problem, double[] start) {
    problem.requireStart(start);
    int d = problem.dimension();
    long budget = EvaluationBudget.resolve(maxEvaluations, d);
    EvaluationBudget run = new EvaluationBudget(problem, budget);
    SplittableRandom rng = new SplittableRandom(seed);
    run.value(start);
    double[] u = new double[d];
    while (run.remaining() > 0) {
      for (int i = 0; i < d; i++) {
        u[i] = rng.nextDouble();
      }
      run.valueAtUnit(u);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("maxEvaluations", Long.toString(budget));
    settings.put("seed", Long.toString(seed));
    return run.result(name(), run.evaluations(), StopReason.EVALUATION_BUDGET, settings);
  }
}
