package io.convopt.solvers.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs any solver under a hard evaluation budget B: the (B+1)-th call of f is refused before f is
 * touched, the run ends there, and the result is the best point sampled so far with stop reason
 * {@link StopReason#EVALUATION_BUDGET}. A run that ends on its own within B calls is returned
 * unchanged.
 *
 * <p>This is how solvers without a budget of their own (the convolution methods, whose cost depends
 * on η, δ and the path) take part in fixed-budget comparisons: the cap is exact, so every solver is
 * charged for every call, grid samples included, and none overruns. A run cut short loses its final
 * iterate; reporting the best sample is the usual convention for anytime comparisons (and the only
 * point the run has certainly evaluated).
 *
 * <p>Immutable; thread-safe if the inner solver is (each run gets its own counter).
 */
public final class BudgetedSolver implements Solver {

  /** Thrown instead of the call that would exceed the budget; never escapes this class. */
  private static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exhausted() {
      super("evaluation budget exhausted", null, false, false);
    }
  }

  private final Solver inner;
  private final long budget;

  /**
   * @param inner the solver to cap
   * @param budget the maximum number of calls of f, ≥ 1
   */
  public BudgetedSolver(Solver inner, long budget) {
    if (inner == null) {
      throw new IllegalArgumentException("inner solver must not be null");
    }
    if (budget < 1) {
      throw new IllegalArgumentException("evaluation budget must be >= 1, got " + budget);
    }
    this.inner = inner;
    this.budget = budget;
  }

  @Override
  public String name() {
    return inner.name();
  }

  /** The cap B. */
  public long budget() {
    return budget;
  }

  @Override
  public Optimum optimize(Problem problem, double[] start) {
    Tracker tracker = new Tracker(problem.objective(), budget);
    Problem capped = Problem.of(problem.name(), tracker, problem.box());
    long t0 = System.nanoTime();
    try {
      return inner.optimize(capped, start);
    } catch (RuntimeException e) {
      if (!causedByExhaustion(e)) {
        throw e;
      }
      if (tracker.bestPoint == null) {
        throw new IllegalArgumentException(
            "evaluation budget "
                + budget
                + " ended the run of "
                + inner.name()
                + " before any point was evaluated",
            e);
      }
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("budget", Long.toString(budget));
      settings.put("cut_short", "true");
      return new Optimum(
          inner.name(),
          tracker.bestPoint,
          tracker.bestValue,
          0,
          tracker.calls,
          System.nanoTime() - t0,
          StopReason.EVALUATION_BUDGET,
          List.of(),
          settings);
    }
  }

  // A solver that samples on worker threads may wrap the refusal in its own exception.
  private static boolean causedByExhaustion(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Exhausted) {
        return true;
      }
    }
    return false;
  }

  /** Counts calls, refuses the one over the budget, remembers the best value seen. */
  private static final class Tracker implements Objective {
    private final Objective f;
    private final long budget;
    private long calls;
    private double[] bestPoint;
    private double bestValue = Double.NEGATIVE_INFINITY;

    Tracker(Objective f, long budget) {
      this.f = f;
      this.budget = budget;
    }

    @Override
    public synchronized double value(double[] x) {
      if (calls >= budget) {
        throw new Exhausted();
      }
      calls++;
      double v = f.value(x);
      if (v > bestValue || bestPoint == null) {
        bestValue = v;
        bestPoint = x.clone();
      }
      return v;
    }
  }
}
