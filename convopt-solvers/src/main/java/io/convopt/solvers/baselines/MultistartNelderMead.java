package io.convopt.solvers.baselines;

import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.api.StopReason;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.optim.ConvergenceChecker;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Multistart Nelder–Mead ascent: Commons Math 3.6.1's {@link SimplexOptimizer} with a {@link
 * NelderMeadSimplex}, run from the given start and then from uniform random starts (seeded {@link
 * SplittableRandom}) until the evaluation budget is used; the best point ever evaluated is
 * returned.
 *
 * <p><b>Scaling and bounds.</b> The simplex lives in the unit cube u ∈ [0,1]^d (x = lower +
 * u·width), so one default serves every box. Nelder–Mead has no bounds: a vertex outside the cube
 * is <em>clipped into the box before evaluation</em>, i.e. the simplex sees f(proj(x)), and the
 * projected (feasible) point is the one evaluated and recorded. f is never evaluated outside.
 *
 * <p><b>Defaults.</b> Initial simplex edge 0.1 along each axis (of the unit cube; the edge points
 * inwards where the start is within 0.1 of the upper face); a local run ends when every vertex
 * value changes by less than rel·|f| + abs between iterations (Commons' {@link SimpleValueChecker},
 * rel = 1e-10, abs = 1e-12). Iterations reported are simplex iterations summed over local runs; the
 * stop reason is always {@link StopReason#EVALUATION_BUDGET}.
 *
 * <p>Immutable and thread-safe (each run builds its own optimizer). Equal seeds give bit-identical
 * runs.
 */
public final class MultistartNelderMead implements Solver {

  public static final long DEFAULT_SEED = 20_261_123L;

  private final long maxEvaluations;
  private final long seed;
  private final double initialEdge;
  private final double relativeTolerance;
  private final double absoluteTolerance;

  /** Budget 10^4·d, seed {@link #DEFAULT_SEED}, edge 0.1, tolerances 1e-10 / 1e-12. */
  public MultistartNelderMead() {
    this(0, DEFAULT_SEED, 0.1, 1e-10, 1e-12);
  }

  private MultistartNelderMead(
      long maxEvaluations, long seed, double initialEdge, double rel, double abs) {
    this.maxEvaluations = maxEvaluations;
    this.seed = seed;
    this.initialEdge = initialEdge;
    this.relativeTolerance = rel;
    this.absoluteTolerance = abs;
  }

  public MultistartNelderMead withMaxEvaluations(long budget) {
    EvaluationBudget.requirePositive(budget);
    return new MultistartNelderMead(
        budget, seed, initialEdge, relativeTolerance, absoluteTolerance);
  }

  public MultistartNelderMead withSeed(long newSeed) {
    return new MultistartNelderMead(
        maxEvaluations, newSeed, initialEdge, relativeTolerance, absoluteTolerance);
  }

  /** Initial simplex edge as a fraction of the box width, in (0, 0.5]. */
  public MultistartNelderMead withInitialEdge(double edge) {
    if (!(edge > 0 && edge <= 0.5)) {
      throw new IllegalArgumentException(
          "initial simplex edge must be in (0, 0.5] (fraction of the box width), got " + edge);
    }
    return new MultistartNelderMead(
        maxEvaluations, seed, edge, relativeTolerance, absoluteTolerance);
  }

  /**
   * Convergence tolerances of one local run (relative and absolute, on f); both ≥ 0, not both 0.
   */
  public MultistartNelderMead withTolerances(double rel, double abs) {
    if (!(rel >= 0 && abs >= 0 && rel + abs > 0) || Double.isInfinite(rel + abs)) {
      throw new IllegalArgumentException(
          "tolerances must be finite, >= 0 and not both 0, got rel=" + rel + ", abs=" + abs);
    }
    return new MultistartNelderMead(maxEvaluations, seed, initialEdge, rel, abs);
  }

  @Override
  public String name() {
    return "nelder-mead";
  }

  @Override
  public Optimum optimize(Problem problem, double[] start) {
    problem.requireStart(start);
    int d = problem.dimension();
    long budget = EvaluationBudget.resolve(maxEvaluations, d);
    EvaluationBudget run = new EvaluationBudget(problem, budget);
    SplittableRandom rng = new SplittableRandom(seed);
    long[] iterations = {0};
    run.runUntilExhausted(
        () -> {
          double[] u = run.toUnit(start);
          while (true) { // ends by the budget's exception
            double[] from = u.clone();
            run.localRun(() -> localRun(run, from, iterations));
            for (int i = 0; i < d; i++) {
              u[i] = rng.nextDouble();
            }
          }
        });
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("maxEvaluations", Long.toString(budget));
    settings.put("seed", Long.toString(seed));
    settings.put("initialEdge", Double.toString(initialEdge));
    settings.put("relativeTolerance", Double.toString(relativeTolerance));
    settings.put("absoluteTolerance", Double.toString(absoluteTolerance));
    settings.put("bounds", "clip into the box before evaluation");
    settings.put("failedLocalRuns", Long.toString(run.failedLocalRuns()));
    return run.result(name(), iterations[0], StopReason.EVALUATION_BUDGET, settings);
  }

  private void localRun(EvaluationBudget run, double[] u0, long[] iterations) {
    double[] steps = new double[u0.length];
    for (int i = 0; i < u0.length; i++) {
      steps[i] = u0[i] + initialEdge <= 1 ? initialEdge : -initialEdge;
    }
    SimpleValueChecker tolerance = new SimpleValueChecker(relativeTolerance, absoluteTolerance);
    int[] lastIteration = {0};
    ConvergenceChecker<PointValuePair> counting =
        (iteration, previous, current) -> {
          lastIteration[0] = Math.max(lastIteration[0], iteration);
          return tolerance.converged(iteration, previous, current);
        };
    try {
      new SimplexOptimizer(counting)
          .optimize(
              new MaxEval(Integer.MAX_VALUE),
              new ObjectiveFunction(run.negatedOnUnitCube()),
              GoalType.MINIMIZE,
              new InitialGuess(u0.clone()),
              new NelderMeadSimplex(steps));
    } finally {
      iterations[0] += lastIteration[0];
    }
  }
}
