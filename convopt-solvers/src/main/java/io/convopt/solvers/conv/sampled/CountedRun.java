package io.convopt.solvers.conv.sampled;

import io.convopt.kernel.Box;
import io.convopt.solvers.api.CountingObjective;
import io.convopt.solvers.api.Problem;

/**
 * The bookkeeping of one run in unit-cube coordinates u ∈ [0,1]^d (x = clip(lower + u·width)):
 * every call of f goes through one {@link CountingObjective} (which also rejects points outside the
 * box), the budget is enforced before f is touched, and the best point is kept. A temporary local
 * cap bounds one polish. Not thread-safe; one per call of {@code optimize}.
 */
final class CountedRun {

  /** Thrown instead of the call that would exceed the run's budget. */
  static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exhausted() {
      super("evaluation budget exhausted", null, false, false);
    }
  }

  /** Thrown instead of the call that would exceed a local cap ({@link #withLocalCap}). */
  static final class LocalCapReached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LocalCapReached() {
      super("local evaluation cap reached", null, false, false);
    }
  }

  private final Box box;
  private final CountingObjective counter;
  private final long budget;
  private long localCap = Long.MAX_VALUE;
  private double[] bestU;
  private double bestF = Double.NEGATIVE_INFINITY;
  private double[] localBestU;
  private double localBestF = Double.NEGATIVE_INFINITY;

  CountedRun(Problem problem, long budget) {
    this.box = problem.box();
    this.counter = new CountingObjective(problem.objective(), box);
    this.budget = budget;
  }

  int dimension() {
    return box.dimension();
  }

  long evaluations() {
    return counter.evaluations();
  }

  long remaining() {
    return budget - counter.evaluations();
  }

  /**
   * f at unit point u, clipped into the cube first (counted); refuses the call over the budget or
   * the local cap.
   */
  double value(double[] unit) {
    double[] u = clip(unit);
    long used = counter.evaluations();
    if (used >= budget) {
      throw new Exhausted();
    }
    if (used >= localCap) {
      throw new LocalCapReached();
    }
    double v = counter.value(toBox(u));
    if (v > bestF || bestU == null) {
      bestF = v;
      bestU = u;
    }
    if (v > localBestF || localBestU == null) {
      localBestF = v;
      localBestU = u;
    }
    return v;
  }

  /** Sets a cap of {@code extra} more evaluations (until {@link #clearLocalCap}). */
  void withLocalCap(long extra) {
    localCap = counter.evaluations() + extra;
  }

  void clearLocalCap() {
    localCap = Long.MAX_VALUE;
  }

  static double[] clip(double[] u) {
    double[] c = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      c[i] = Math.min(1.0, Math.max(0.0, u[i]));
    }
    return c;
  }

  /** x = clip(lower + u·width): u is clipped to the cube first, so x is always in the box. */
  double[] toBox(double[] u) {
    double[] x = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      double ui = Math.min(1.0, Math.max(0.0, u[i]));
      x[i] = box.lower(i) + ui * box.width(i);
    }
    return box.clip(x);
  }

  /** Starts a new "since" window for {@link #localBestU} (one restart). */
  void markRestart() {
    localBestU = null;
    localBestF = Double.NEGATIVE_INFINITY;
  }

  /** The best unit point evaluated since {@link #markRestart} (null if none). */
  double[] localBestU() {
    return localBestU == null ? null : localBestU.clone();
  }

  /** The best unit point evaluated so far (null before the first evaluation). */
  double[] bestU() {
    return bestU == null ? null : bestU.clone();
  }

  double bestF() {
    return bestF;
  }
}
