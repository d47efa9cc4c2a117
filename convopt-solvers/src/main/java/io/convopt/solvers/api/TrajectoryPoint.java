package io.convopt.solvers.api;

import java.util.Arrays;

/**
 * One iterate of a run, recorded when the trajectory was requested.
 *
 * @param iteration 0 for the start point
 * @param point the iterate
 * @param slope the slope of the surrogate F (1-D), its gradient, or the sign vector used for the
 *     step taken from this iterate; empty for the last iterate and for solvers without one
 * @param evaluations function evaluations spent when this iterate was reached
 */
public record TrajectoryPoint(long iteration, double[] point, double[] slope, long evaluations) {

  public TrajectoryPoint {
    point = point.clone();
    slope = slope.clone();
  }

  @Override
  public double[] point() {
    return point.clone();
  }

  @Override
  public double[] slope() {
    return slope.clone();
  }

  @Override
  public String toString() {
    return "TrajectoryPoint[k="
        + iteration
        + ", x="
        + Arrays.toString(point)
        + ", slope="
        + Arrays.toString(slope)
        + ", evals="
        + evaluations
        + "]";
  }
}
