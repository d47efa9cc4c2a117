package io.convopt.solvers.baselines;

import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.api.StopReason;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.optim.ConvergenceChecker;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * CMA-ES with IPOP restarts (Auger &amp; Hansen, CEC 2005): Commons Math 3.6.1's {@link
 * CMAESOptimizer} (active CMA, full covariance) with box bounds ({@link SimpleBounds}; the
 * optimizer repairs infeasible samples by clipping them into the bounds before evaluation and adds
 * a penalty to their fitness). The first run starts at the given point; each restart starts at a
 * uniform random point with the population doubled, until the evaluation budget is used. A run ends
 * on Commons' own stopping tests (tolX 1e-11, tolFun 1e-12, flat history, ill-conditioning).
 *
 * <p><b>Defaults from the box.</b> The search runs in the unit cube (x = lower + u·width), so the
 * initial step size σ₀ = {@code sigmaFraction} × width_i per axis (default 0.3, the usual "about a
 * quarter to a third of the range"); the first population is λ₀ = 4 + ⌊3 ln d⌋ (Hansen's default),
 * restart k uses λ₀·2^k. Random numbers: a {@link MersenneTwister} per run seeded from a {@link
 * SplittableRandom} of {@link #withSeed}; equal seeds give bit-identical runs.
 *
 * <p>Iterations are CMA-ES generations summed over restarts; the stop reason is always {@link
 * StopReason#EVALUATION_BUDGET}. Immutable and thread-safe.
 */
public final class CmaEs implements Solver {

  public static final long DEFAULT_SEED = 20_261_123L;

  private final long maxEvaluations;
  private final long seed;
  private final double sigmaFraction;
  private final int initialPopulation; // 0 = 4 + floor(3 ln d)

  /** Budget 10^4·d, seed {@link #DEFAULT_SEED}, σ₀ = 0.3·width, λ₀ = 4 + ⌊3 ln d⌋. */
  public CmaEs() {
    this(0, DEFAULT_SEED, 0.3, 0);
  }

  private CmaEs(long maxEvaluations, long seed, double sigmaFraction, int initialPopulation) {
    this.maxEvaluations = maxEvaluations;
    this.seed = seed;
    this.sigmaFraction = sigmaFraction;
    this.initialPopulation = initialPopulation;
  }

  public CmaEs withMaxEvaluations(long budget) {
    EvaluationBudget.requirePositive(budget);
    return new CmaEs(budget, seed, sigmaFraction, initialPopulation);
  }

  public CmaEs withSeed(long newSeed) {
    return new CmaEs(maxEvaluations, newSeed, sigmaFraction, initialPopulation);
  }

  /** Initial step size as a fraction of each box width, in (0, 1]. */
  public CmaEs withSigmaFraction(double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException(
          "sigma fraction must be in (0, 1] (of the box width), got " + fraction);
    }
    return new CmaEs(maxEvaluations, seed, fraction, initialPopulation);
  }

  /** Population of the first run (≥ 2); restarts double it. */
  public CmaEs withInitialPopulation(int lambda) {
    if (lambda < 2) {
      throw new IllegalArgumentException("CMA-ES population must be >= 2, got " + lambda);
    }
    return new CmaEs(maxEvaluations, seed, sigmaFraction, lambda);
  }

  @Override
  public String name() {
    return "cmaes";
  }

  /** λ₀ = 4 + ⌊3 ln d⌋, Hansen's default population. */
  public static int defaultPopulation(int dimension) {
    return 4 + (int) Math.floor(3 * Math.log(dimension));
  }

  @Override
  public Optimum optimize(Problem problem, double[] start) {
    problem.requireStart(start);
    int d = problem.dimension();
    long budget = EvaluationBudget.resolve(maxEvaluations, d);
    int lambda0 = initialPopulation > 0 ? initialPopulation : defaultPopulation(d);
    EvaluationBudget run = new EvaluationBudget(problem, budget);
    SplittableRandom rng = new SplittableRandom(seed);
    long[] generations = {0};
    double[] sigma = new double[d];
    Arrays.fill(sigma, sigmaFraction);
    double[] zeros = new double[d];
    double[] ones = new double[d];
    Arrays.fill(ones, 1.0);
    run.runUntilExhausted(
        () -> {
          double[] u = run.toUnit(start);
          long lambda = lambda0;
          while (true) { // ends by the budget's exception
            int[] last = {0};
            ConvergenceChecker<PointValuePair> counting =
                (iteration, previous, current) -> {
                  last[0] = Math.max(last[0], iteration);
                  return false; // only CMA-ES's own stopping tests end a run
                };
            CMAESOptimizer cma =
                new CMAESOptimizer(
                    Integer.MAX_VALUE,
                    0.0,
                    true,
                    0,
                    0,
                    new MersenneTwister(rng.nextLong()),
                    false,
                    counting);
            double[] from = u;
            int population = (int) Math.min(lambda, Integer.MAX_VALUE / 2);
            try {
              run.localRun(
                  () ->
                      cma.optimize(
                          new MaxEval(Integer.MAX_VALUE),
                          new ObjectiveFunction(run.negatedOnUnitCube()),
                          GoalType.MINIMIZE,
                          new InitialGuess(from),
                          new SimpleBounds(zeros, ones),
                          new CMAESOptimizer.Sigma(sigma),
                          new CMAESOptimizer.PopulationSize(population)));
            } finally {
              generations[0] += last[0];
            }
            lambda *= 2;
            u = EvaluationBudget.randomUnitPoint(rng, d);
          }
        });
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("maxEvaluations", Long.toString(budget));
    settings.put("seed", Long.toString(seed));
    settings.put("sigmaFraction", Double.toString(sigmaFraction));
    settings.put("initialPopulation", Integer.toString(lambda0));
    settings.put("restarts", "IPOP (population doubled, random start)");
    settings.put("failedLocalRuns", Long.toString(run.failedLocalRuns()));
    return run.result(name(), generations[0], StopReason.EVALUATION_BUDGET, settings);
  }
}
