package io.convopt.solvers.baselines;

import io.convopt.kernel.Box;
import io.convopt.solvers.api.CountingObjective;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.StopReason;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.analysis.MultivariateFunction;

/**
 * The bookkeeping shared by every baseline for one run: all calls of f go through one {@link
 * CountingObjective}; the evaluation budget is enforced exactly (the call that would exceed it is
 * refused by throwing a private exception before f is touched); the best point ever evaluated and
 * its value are kept, so a run that is cut short still returns its best sample.
 *
 * <p>Baselines that drive a Commons Math optimizer work in the unit cube u ∈ [0,1]^d, mapped to the
 * box by x = clip(lower + u·width). The clip guards against rounding (lower + 1·width may exceed
 * upper by an ulp) and against optimizers that step outside: such a point is evaluated at its
 * projection onto the box, and the projected point is the one recorded. Commons Math minimises;
 * {@link #negatedOnUnitCube()} is the single place where f is negated for it.
 *
 * <p>Not thread-safe: one instance per run, confined to the thread of {@code optimize}.
 */
final class EvaluationBudget {

  /** Thrown instead of the call that would exceed the budget; never escapes this package. */
  private static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exhausted() {
      super("evaluation budget exhausted", null, false, false);
    }
  }

  private final Box box;
  private final CountingObjective counter;
  private final long budget;
  private final long startNanos;
  private double[] bestPoint;
  private double bestValue = Double.NEGATIVE_INFINITY;
  private long failedLocalRuns;

  EvaluationBudget(Problem problem, long budget) {
    requirePositive(budget);
    this.box = problem.box();
    this.counter = new CountingObjective(problem.objective(), box);
    this.budget = budget;
    this.startNanos = System.nanoTime();
  }

  /** The check behind every {@code withMaxEvaluations}: a budget is at least one call of f. */
  static long requirePositive(long budget) {
    if (budget < 1) {
      throw new IllegalArgumentException("evaluation budget must be >= 1, got " + budget);
    }
    return budget;
  }

  /** A uniform point of the unit cube [0,1]^d: the next restart of a multistart method. */
  static double[] randomUnitPoint(java.util.SplittableRandom rng, int d) {
    double[] u = new double[d];
    for (int i = 0; i < d; i++) {
      u[i] = rng.nextDouble();
    }
    return u;
  }

  /** The budget a solver uses: {@code configured} when positive, else the default 10^4·d. */
  static long resolve(long configured, int dimension) {
    return configured > 0 ? configured : 10_000L * dimension;
  }

  Box box() {
    return box;
  }

  int dimension() {
    return box.dimension();
  }

  long budget() {
    return budget;
  }

  long evaluations() {
    return counter.evaluations();
  }

  long remaining() {
    return budget - counter.evaluations();
  }

  /** f(x) for x in the box, counted; refuses (by a private exception) once the budget is used. */
  double value(double[] x) {
    if (counter.evaluations() >= budget) {
      throw new Exhausted();
    }
    double v = counter.value(x);
    if (v > bestValue || bestPoint == null) {
      bestValue = v;
      bestPoint = x.clone();
    }
    return v;
  }

  /**
   * Runs {@code body} (which calls {@link #value}) until it returns or the budget is used up.
   *
   * @return true if the budget ran out, false if the body returned on its own
   */
  boolean runUntilExhausted(Runnable body) {
    try {
      body.run();
      return false;
    } catch (Exhausted e) {
      return true;
    }
  }

  /**
   * Runs one local search of a multistart method. An exception thrown by Commons Math itself (a
   * degenerate model, simplex or covariance, e.g. BOBYQA's "trust region step has failed to reduce
   * Q" on a plateau) ends that local run only and is counted ({@link #failedLocalRuns}); the
   * budget's own signal and every other exception (from f, or a bug) propagate.
   */
  void localRun(Runnable body) {
    try {
      body.run();
    } catch (Exhausted e) {
      throw e;
    } catch (RuntimeException e) {
      if (!e.getClass().getName().startsWith("org.apache.commons.math3.")) {
        throw e;
      }
      failedLocalRuns++;
    }
  }

  /** Local runs ended by an exception of Commons Math (see {@link #localRun}). */
  long failedLocalRuns() {
    return failedLocalRuns;
  }

  /** x = clip(lower + u·width), a fresh array. */
  double[] toBox(double[] u) {
    double[] x = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      x[i] = box.lower(i) + u[i] * box.width(i);
    }
    return box.clip(x);
  }

  /** u = (x − lower)/width clipped to [0,1], a fresh array. */
  double[] toUnit(double[] x) {
    double[] u = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      u[i] = Math.min(1.0, Math.max(0.0, (x[i] - box.lower(i)) / box.width(i)));
    }
    return u;
  }

  /** f on the unit cube, in the box coordinates, counted (for the baselines' own loops). */
  double valueAtUnit(double[] u) {
    return value(toBox(u));
  }

  /** −f(clip(lower + u·width)) for Commons Math minimisers: the one place where f is negated. */
  MultivariateFunction negatedOnUnitCube() {
    return u -> -valueAtUnit(u);
  }

  /** The Optimum of this run: the best point evaluated, its value and the counts. */
  Optimum result(String solver, long iterations, StopReason reason, Map<String, String> settings) {
    if (bestPoint == null) {
      throw new IllegalStateException(solver + " finished without evaluating f");
    }
    return new Optimum(
        solver,
        bestPoint,
        bestValue,
        iterations,
        counter.evaluations(),
        System.nanoTime() - startNanos,
        reason,
        List.of(),
        settings);
  }
}
