package io.convopt.solvers.baselines;

import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.api.StopReason;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Multistart projected gradient ascent with finite-difference gradients and backtracking, run from
 * the given start and then from uniform random starts (seeded {@link SplittableRandom}) until the
 * evaluation budget is used.
 *
 * <p><b>One local run</b>, in unit-cube coordinates u ∈ [0,1]^d (x = lower + u·width, so the
 * gradient is g_i = width_i·∂f/∂x_i and one step rule serves every box):
 *
 * <ol>
 *   <li>gradient by central differences, g_i = (f(u + h e_i) − f(u − h e_i)) / (u⁺_i − u⁻_i), the
 *       two probes clipped to [0,1] (one-sided at a face); 2d counted evaluations;
 *   <li>projected step u' = P(u + t g), P the projection onto [0,1]^d; accepted when the Armijo
 *       condition f(u') ≥ f(u) + c·g·(u' − u) holds, otherwise t is halved (one evaluation per
 *       trial); after an accepted step t is doubled;
 *   <li>the first trial step of a run has length 0.1 (t = 0.1/|g|);
 *   <li>the run ends when the projected step is shorter than {@code stepTolerance} (a stationary or
 *       KKT point within tolerance), when an accepted step raised f by at most {@code
 *       functionTolerance}·(1 + |f|) (without this, finite-difference noise near a maximum keeps a
 *       run alive with ever smaller useless steps and no restart ever happens), or when the
 *       gradient vanishes.
 * </ol>
 *
 * Defaults: h = 1e-6, c = 1e-4, stepTolerance = 1e-10 (unit-cube lengths), functionTolerance =
 * 1e-12. Iterations are accepted steps summed over runs; the stop reason is always {@link
 * StopReason#EVALUATION_BUDGET}.
 *
 * <p>Every probe is inside the box. Immutable and thread-safe; equal seeds give bit-identical runs.
 */
public final class MultistartGradientAscent implements Solver {

  public static final long DEFAULT_SEED = 20_261_123L;

  private final long maxEvaluations;
  private final long seed;
  private final double differenceStep;
  private final double armijo;
  private final double stepTolerance;
  private final double functionTolerance;

  /**
   * Budget 10^4·d, seed {@link #DEFAULT_SEED}, h = 1e-6, c = 1e-4, tolerances 1e-10 (step), 1e-12
   * (f).
   */
  public MultistartGradientAscent() {
    this(0, DEFAULT_SEED, 1e-6, 1e-4, 1e-10, 1e-12);
  }

  private MultistartGradientAscent(
      long maxEvaluations, long seed, double h, double c, double tol, double ftol) {
    this.maxEvaluations = maxEvaluations;
    this.seed = seed;
    this.differenceStep = h;
    this.armijo = c;
    this.stepTolerance = tol;
    this.functionTolerance = ftol;
  }

  public MultistartGradientAscent withMaxEvaluations(long budget) {
    EvaluationBudget.requirePositive(budget);
    return new MultistartGradientAscent(
        budget, seed, differenceStep, armijo, stepTolerance, functionTolerance);
  }

  public MultistartGradientAscent withSeed(long newSeed) {
    return new MultistartGradientAscent(
        maxEvaluations, newSeed, differenceStep, armijo, stepTolerance, functionTolerance);
  }

  /** Finite-difference step h as a fraction of the box width, in (0, 0.1]. */
  public MultistartGradientAscent withDifferenceStep(double h) {
    if (!(h > 0 && h <= 0.1)) {
      throw new IllegalArgumentException(
          "difference step must be in (0, 0.1] (fraction of the box width), got " + h);
    }
    return new MultistartGradientAscent(
        maxEvaluations, seed, h, armijo, stepTolerance, functionTolerance);
  }

  /** Armijo sufficient-increase constant c, in (0, 1). */
  public MultistartGradientAscent withArmijo(double c) {
    if (!(c > 0 && c < 1)) {
      throw new IllegalArgumentException("Armijo constant must be in (0, 1), got " + c);
    }
    return new MultistartGradientAscent(
        maxEvaluations, seed, differenceStep, c, stepTolerance, functionTolerance);
  }

  /** A local run ends when its projected step is shorter than this (unit-cube length), > 0. */
  public MultistartGradientAscent withStepTolerance(double tol) {
    if (!(tol > 0 && tol < 1)) {
      throw new IllegalArgumentException("step tolerance must be in (0, 1), got " + tol);
    }
    return new MultistartGradientAscent(
        maxEvaluations, seed, differenceStep, armijo, tol, functionTolerance);
  }

  /** A local run ends when an accepted step raises f by at most ftol·(1 + |f|); ftol in [0, 1). */
  public MultistartGradientAscent withFunctionTolerance(double ftol) {
    if (!(ftol >= 0 && ftol < 1)) {
      throw new IllegalArgumentException("function tolerance must be in [0, 1), got " + ftol);
    }
    return new MultistartGradientAscent(
        maxEvaluations, seed, differenceStep, armijo, stepTolerance, ftol);
  }

  @Override
  public String name() {
    return "gradient";
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
            localRun(run, u, iterations);
            u = EvaluationBudget.randomUnitPoint(rng, d);
          }
        });
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("maxEvaluations", Long.toString(budget));
    settings.put("seed", Long.toString(seed));
    settings.put("differenceStep", Double.toString(differenceStep));
    settings.put("armijo", Double.toString(armijo));
    settings.put("stepTolerance", Double.toString(stepTolerance));
    settings.put("functionTolerance", Double.toString(functionTolerance));
    return run.result(name(), iterations[0], StopReason.EVALUATION_BUDGET, settings);
  }

  private void localRun(EvaluationBudget run, double[] start, long[] iterations) {
    int d = start.length;
    double[] u = start.clone();
    double fu = run.valueAtUnit(u);
    double[] g = new double[d];
    double[] trial = new double[d];
    double t = Double.NaN;
    while (true) {
      double norm = gradient(run, u, g);
      if (norm == 0 || !Double.isFinite(norm)) {
        return;
      }
      if (Double.isNaN(t)) {
        t = 0.1 / norm;
      }
      while (true) {
        double stepSq = 0;
        double increase = 0;
        for (int i = 0; i < d; i++) {
          trial[i] = Math.min(1.0, Math.max(0.0, u[i] + t * g[i]));
          double s = trial[i] - u[i];
          stepSq += s * s;
          increase += g[i] * s;
        }
        if (Math.sqrt(stepSq) < stepTolerance) {
          return;
        }
        double ft = run.valueAtUnit(trial);
        if (ft >= fu + armijo * increase) {
          double gain = ft - fu;
          System.arraycopy(trial, 0, u, 0, d);
          fu = ft;
          t *= 2;
          iterations[0]++;
          if (gain <= functionTolerance * (1 + Math.abs(fu))) {
            return;
          }
          break;
        }
        t *= 0.5;
      }
    }
  }

  /** Fills g with the finite-difference gradient at u (unit-cube coordinates); returns |g|. */
  private double gradient(EvaluationBudget run, double[] u, double[] g) {
    double[] probe = u.clone();
    double sq = 0;
    for (int i = 0; i < u.length; i++) {
      double up = Math.min(1.0, u[i] + differenceStep);
      double down = Math.max(0.0, u[i] - differenceStep);
      probe[i] = up;
      double fUp = run.valueAtUnit(probe);
      probe[i] = down;
      double fDown = run.valueAtUnit(probe);
      probe[i] = u[i];
      g[i] = (fUp - fDown) / (up - down);
      sq += g[i] * g[i];
    }
    return Math.sqrt(sq);
  }
}
