package io.convopt.solvers.baselines;

import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.api.StopReason;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Exhaustive search on a uniform grid: axis i is cut into m_i equal cells and f is evaluated at x =
 * lower_i + (k + θ_i)·width_i/m_i, k = 0..m_i−1, in every combination; the best sample is returned.
 * By default θ_i = ½ (cell midpoints, which never touch the boundary, so poles on the box faces are
 * avoided). {@link #withRandomOffset(long)} draws θ_i uniformly from [0.05, 0.95] instead, which
 * turns the deterministic grid into a family of instances for benchmarking (the protocol's "15
 * instances" of a deterministic method); the points stay strictly inside the box.
 *
 * <p><b>Resolution rule</b> (one rule for every problem): with budget B and dimension d, let m be
 * the largest integer with m^d ≤ B; every axis gets m cells, then axes 0, 1, … in turn are raised
 * to m + 1 cells while the product of the m_i stays ≤ B. The grid therefore uses at most B and at
 * least B·(m/(m+1))^d evaluations. Example: B = 2·10^4, d = 2 gives 141 × 141 = 19 881.
 *
 * <p>Deterministic for a given offset: the start point is validated but not used. The stop reason
 * is {@link StopReason#EVALUATION_BUDGET} (the grid is what the budget affords). Immutable and
 * thread-safe; cost O(Π m_i) evaluations and O(d) memory.
 */
public final class GridSearch implements Solver {

  private final long maxEvaluations;
  private final Long offsetSeed; // null: cell midpoints

  /** Budget 10^4·d (resolved per problem), cell midpoints. */
  public GridSearch() {
    this(0, null);
  }

  private GridSearch(long maxEvaluations, Long offsetSeed) {
    this.maxEvaluations = maxEvaluations;
    this.offsetSeed = offsetSeed;
  }

  /**
   * Offsets the grid inside its cells by θ_i uniform in [0.05, 0.95], one per axis, drawn from a
   * {@link java.util.SplittableRandom} seeded with {@code seed}; equal seeds give equal grids.
   */
  public GridSearch withRandomOffset(long seed) {
    return new GridSearch(maxEvaluations, seed);
  }

  /** Back to cell midpoints (θ_i = ½). */
  public GridSearch withMidpoints() {
    return new GridSearch(maxEvaluations, null);
  }

  /** The evaluation budget B from which the resolution is derived; must be ≥ 1. */
  public GridSearch withMaxEvaluations(long budget) {
    EvaluationBudget.requirePositive(budget);
    return new GridSearch(budget, offsetSeed);
  }

  @Override
  public String name() {
    return "grid";
  }

  /** Cells per axis for budget {@code budget} in {@code dimension} dimensions (the rule above). */
  public static int[] resolution(long budget, int dimension) {
    if (budget < 1 || dimension < 1) {
      throw new IllegalArgumentException(
          "need budget >= 1 and dimension >= 1, got " + budget + ", " + dimension);
    }
    long m = Math.max(1, (long) Math.floor(Math.pow(budget, 1.0 / dimension)));
    while (m > 1 && power(m, dimension) > budget) {
      m--;
    }
    while (power(m + 1, dimension) <= budget) {
      m++;
    }
    int[] cells = new int[dimension];
    Arrays.fill(cells, (int) Math.min(m, Integer.MAX_VALUE - 1));
    long product = power(m, dimension);
    for (int i = 0; i < dimension; i++) {
      long raised = product / cells[i] * (cells[i] + 1);
      if (raised > budget) {
        break;
      }
      cells[i]++;
      product = raised;
    }
    return cells;
  }

  /** base^exp, saturating at Long.MAX_VALUE. */
  private static long power(long base, int exp) {
    long r = 1;
    for (int i = 0; i < exp; i++) {
      if (r > Long.MAX_VALUE / base) {
        return Long.MAX_VALUE;
      }
      r *= base;
    }
    return r;
  }

  @Override
  public Optimum optimize(Problem problem, double[] start) {
    problem.requireStart(start);
    int d = problem.dimension();
    long budget = EvaluationBudget.resolve(maxEvaluations, d);
    int[] cells = resolution(budget, d);
    EvaluationBudget run = new EvaluationBudget(problem, budget);
    double[] theta = new double[d];
    Arrays.fill(theta, 0.5);
    if (offsetSeed != null) {
      SplittableRandom rng = new SplittableRandom(offsetSeed);
      for (int i = 0; i < d; i++) {
        theta[i] = 0.05 + 0.9 * rng.nextDouble();
      }
    }
    int[] k = new int[d];
    double[] x = new double[d];
    long samples = 0;
    boolean more = true;
    while (more) {
      for (int i = 0; i < d; i++) {
        x[i] =
            Math.min(
                problem.box().upper(i),
                problem.box().lower(i) + (k[i] + theta[i]) * problem.box().width(i) / cells[i]);
      }
      run.value(x);
      samples++;
      more = false;
      for (int i = 0; i < d; i++) { // odometer increment
        if (++k[i] < cells[i]) {
          more = true;
          break;
        }
        k[i] = 0;
      }
    }
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("maxEvaluations", Long.toString(budget));
    settings.put("cellsPerAxis", Arrays.toString(cells));
    settings.put("cellOffset", offsetSeed == null ? "midpoints" : Arrays.toString(theta));
    settings.put("seed", offsetSeed == null ? "none (deterministic)" : Long.toString(offsetSeed));
    return run.result(name(), samples, StopReason.EVALUATION_BUDGET, settings);
  }
}
