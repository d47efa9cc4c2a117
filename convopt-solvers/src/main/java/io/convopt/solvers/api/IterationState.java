package io.convopt.solvers.api;

import java.util.Arrays;

/**
 * What a stopping rule or listener sees after one iteration. Immutable snapshot.
 *
 * @param iteration iterations completed so far (1 after the first step)
 * @param point the current iterate
 * @param previous the iterate before this step
 * @param beforePrevious the iterate two steps ago, or null before the second step
 * @param slope F's slope (1-D), gradient or sign vector at {@code previous} that produced the step
 * @param evaluations function evaluations so far
 * @param elapsedNanos wall time since the start of the run
 */
public record IterationState(
    long iteration,
    double[] point,
    double[] previous,
    double[] beforePrevious,
    double[] slope,
    long evaluations,
    long elapsedNanos) {

  public IterationState {
    point = point.clone();
    previous = previous.clone();
    beforePrevious = beforePrevious == null ? null : beforePrevious.clone();
    slope = slope.clone();
  }

  @Override
  public double[] point() {
    return point.clone();
  }

  @Override
  public double[] previous() {
    return previous.clone();
  }

  @Override
  public double[] beforePrevious() {
    return beforePrevious == null ? null : beforePrevious.clone();
  }

  @Override
  public double[] slope() {
    return slope.clone();
  }

  /** Euclidean length of the last step. */
  public double stepLength() {
    double s = 0;
    for (int i = 0; i < point.length; i++) {
      double d = point[i] - previous[i];
      s += d * d;
    }
    return Math.sqrt(s);
  }

  /** True when the iterate equals the one two steps back (a 2-cycle of sign descent). */
  public boolean isTwoCycle() {
    return beforePrevious != null
        && Arrays.equals(point, beforePrevious)
        && !Arrays.equals(point, previous);
  }

  @Override
  public String toString() {
    return "IterationState[k="
        + iteration
        + ", x="
        + Arrays.toString(point)
        + ", evals="
        + evaluations
        + "]";
  }
}
