package io.convopt.experiments.benchmark;

import io.convopt.solvers.api.Objective;

/**
 * The runner's view of f during one run, invisible to the solver: it forwards every call, counts
 * it, and records the first evaluation at which the best-so-far error f* − max f met each target.
 * It holds f* (which is why only the runner may see it); the solver receives a problem built on
 * this objective without a known optimum.
 *
 * <p>Not thread-safe (one per run; the baselines evaluate sequentially).
 */
final class ScoringObjective implements Objective {

  private final Objective inner;
  private final double fStar;
  private final double[] targets;
  private final long[] firstHit;
  private long calls;
  private double best = Double.NEGATIVE_INFINITY;

  /**
   * @param targets absolute error targets (first hit recorded for each)
   */
  ScoringObjective(Objective inner, double fStar, double... targets) {
    this.inner = inner;
    this.fStar = fStar;
    this.targets = targets.clone();
    this.firstHit = new long[targets.length];
    java.util.Arrays.fill(firstHit, -1);
  }

  @Override
  public double value(double[] x) {
    double v = inner.value(x);
    calls++;
    if (v > best) {
      best = v;
      double error = fStar - best;
      for (int i = 0; i < targets.length; i++) {
        if (firstHit[i] < 0 && error <= targets[i]) {
          firstHit[i] = calls;
        }
      }
    }
    return v;
  }

  long calls() {
    return calls;
  }

  /** First evaluation (1-based) at which target i was met, or −1. */
  long firstHit(int i) {
    return firstHit[i];
  }
}
