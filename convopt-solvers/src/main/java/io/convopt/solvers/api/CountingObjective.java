package io.convopt.solvers.api;

import io.convopt.kernel.Box;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps an objective so that every call is counted, checked and kept inside the box. One instance
 * per run: the count is the run's evaluation total, grid samples included.
 *
 * <p>A NaN or infinite value is an error (with the point in the message); solvers that must live
 * with poles handle them before calling (e.g. by sampling at cell midpoints).
 */
public final class CountingObjective implements Objective {

  private final Objective inner;
  private final Box box;
  private final AtomicLong count = new AtomicLong();

  public CountingObjective(Objective inner, Box box) {
    this.inner = inner;
    this.box = box;
  }

  @Override
  public double value(double[] x) {
    requireInBox(x);
    count.incrementAndGet();
    return requireFinite(x, inner.value(x));
  }

  /**
   * The batch goes to the inner objective's batch form (vectorised or parallel), counted per point.
   */
  @Override
  public void values(double[][] points, double[] out) {
    if (out.length < points.length) {
      throw new IllegalArgumentException(
          "out has length " + out.length + " but " + points.length + " points were given");
    }
    for (double[] x : points) {
      requireInBox(x);
    }
    count.addAndGet(points.length);
    inner.values(points, out);
    for (int k = 0; k < points.length; k++) {
      requireFinite(points[k], out[k]);
    }
  }

  private void requireInBox(double[] x) {
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] >= box.lower(i) && x[i] <= box.upper(i))) {
        throw new IllegalStateException(
            "solver asked for f at "
                + Arrays.toString(x)
                + ", outside the box "
                + box
                + " (coordinate "
                + i
                + ")");
      }
    }
  }

  private static double requireFinite(double[] x, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(
          "f"
              + Arrays.toString(x)
              + " = "
              + v
              + ": the objective must be finite on the box (a pole on the sampling grid? move the"
              + " start or the grid offset, or cap the function)");
    }
    return v;
  }

  /** Evaluations so far. */
  public long evaluations() {
    return count.get();
  }
}
