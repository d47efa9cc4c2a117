package io.convopt.solvers.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable result of a run.
 *
 * @param solver the solver's name
 * @param point the returned point (for sign descent: the final iterate, as in the paper's tables)
 * @param value f at {@code point} (one counted evaluation if the solver had not sampled it)
 * @param iterations iterations performed
 * @param evaluations every call of f, grid samples included
 * @param wallNanos wall time of the run
 * @param stopReason why the run ended
 * @param trajectory every iterate, or an empty list when not requested
 * @param settings the solver's parameters by name (provenance), in a stable order
 */
public record Optimum(
    String solver,
    double[] point,
    double value,
    long iterations,
    long evaluations,
    long wallNanos,
    StopReason stopReason,
    List<TrajectoryPoint> trajectory,
    Map<String, String> settings) {

  public Optimum {
    point = point.clone();
    trajectory = List.copyOf(trajectory);
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  @Override
  public double[] point() {
    return point.clone();
  }

  /** Coordinate i of the returned point. */
  public double coordinate(int i) {
    return point[i];
  }

  /** Wall time in seconds. */
  public double wallSeconds() {
    return wallNanos * 1e-9;
  }

  @Override
  public String toString() {
    return solver
        + ": x="
        + Arrays.toString(point)
        + ", f="
        + value
        + ", iterations="
        + iterations
        + ", evaluations="
        + evaluations
        + ", stop="
        + stopReason;
  }
}
