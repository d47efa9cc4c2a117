package io.convopt.solvers.baselines;

import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.api.StopReason;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Multistart BOBYQA (Powell 2009, bound-constrained quadratic-model trust region): Commons Math
 * 3.6.1's {@link BOBYQAOptimizer} from the given start, then from uniform random starts (seeded
 * {@link SplittableRandom}) until the evaluation budget is used.
 *
 * <p>BOBYQA keeps its iterates inside the bounds; the search runs in the unit cube (x = lower +
 * u·width) and every point is additionally clipped into the box before evaluation, which guards
 * against rounding at the faces. Defaults: 2d + 1 interpolation points (Powell's recommendation),
 * initial trust-region radius 0.1 and final radius 1e-8 (unit-cube lengths, i.e. fractions of the
 * box width). Iterations reported are the number of BOBYQA runs started (Commons exposes no
 * per-iteration hook for BOBYQA); the stop reason is always {@link StopReason#EVALUATION_BUDGET}.
 *
 * <p><b>Dimension.</b> BOBYQA needs d ≥ 2; a 1-D problem is rejected with an {@link
 * IllegalArgumentException} (use {@link MultistartNelderMead} or {@link CmaEs} in 1-D).
 *
 * <p>Immutable and thread-safe; equal seeds give bit-identical runs.
 */
public final class BobyqaMultistart implements Solver {

  public static final long DEFAULT_SEED = 20_261_123L;

  private final long maxEvaluations;
  private final long seed;
  private final double initialRadius;
  private final double finalRadius;

  /** Budget 10^4·d, seed {@link #DEFAULT_SEED}, radii 0.1 → 1e-8, 2d + 1 interpolation points. */
  public BobyqaMultistart() {
    this(0, DEFAULT_SEED, 0.1, 1e-8);
  }

  private BobyqaMultistart(
      long maxEvaluations, long seed, double initialRadius, double finalRadius) {
    this.maxEvaluations = maxEvaluations;
    this.seed = seed;
    this.initialRadius = initialRadius;
    this.finalRadius = finalRadius;
  }

  public BobyqaMultistart withMaxEvaluations(long budget) {
    EvaluationBudget.requirePositive(budget);
    return new BobyqaMultistart(budget, seed, initialRadius, finalRadius);
  }

  public BobyqaMultistart withSeed(long newSeed) {
    return new BobyqaMultistart(maxEvaluations, newSeed, initialRadius, finalRadius);
  }

  /** Trust-region radii as fractions of the box width: 0 &lt; final &lt; initial ≤ 0.5. */
  public BobyqaMultistart withRadii(double initial, double last) {
    if (!(initial > 0 && initial <= 0.5 && last > 0 && last < initial)) {
      throw new IllegalArgumentException(
          "need 0 < final radius < initial radius <= 0.5, got initial="
              + initial
              + ", final="
              + last);
    }
    return new BobyqaMultistart(maxEvaluations, seed, initial, last);
  }

  @Override
  public String name() {
    return "bobyqa";
  }

  @Override
  public Optimum optimize(Problem problem, double[] start) {
    problem.requireStart(start);
    int d = problem.dimension();
    if (d < 2) {
      throw new IllegalArgumentException(
          "BOBYQA needs dimension >= 2 but problem '"
              + problem.name()
              + "' has dimension "
              + d
              + "; use nelder-mead or cmaes in 1-D");
    }
    long budget = EvaluationBudget.resolve(maxEvaluations, d);
    EvaluationBudget run = new EvaluationBudget(problem, budget);
    SplittableRandom rng = new SplittableRandom(seed);
    long[] runs = {0};
    double[] zeros = new double[d];
    double[] ones = new double[d];
    Arrays.fill(ones, 1.0);
    run.runUntilExhausted(
        () -> {
          double[] u = run.toUnit(start);
          while (true) { // ends by the budget's exception
            runs[0]++;
            double[] from = u;
            run.localRun(
                () ->
                    new BOBYQAOptimizer(2 * d + 1, initialRadius, finalRadius)
                        .optimize(
                            new MaxEval(Integer.MAX_VALUE),
                            new ObjectiveFunction(run.negatedOnUnitCube()),
                            GoalType.MINIMIZE,
                            new InitialGuess(from),
                            new SimpleBounds(zeros, ones)));
            u = EvaluationBudget.randomUnitPoint(rng, d);
          }
        });
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("maxEvaluations", Long.toString(budget));
    settings.put("seed", Long.toString(seed));
    settings.put("interpolationPoints", Integer.toString(2 * d + 1));
    settings.put("initialRadius", Double.toString(initialRadius));
    settings.put("finalRadius", Double.toString(finalRadius));
    settings.put("failedLocalRuns", Long.toString(run.failedLocalRuns()));
    return run.result(name(), runs[0], StopReason.EVALUATION_BUDGET, settings);
  }
}
