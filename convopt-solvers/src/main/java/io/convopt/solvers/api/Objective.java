package io.convopt.solvers.api;

/**
 * A target function to be <em>maximised</em> over a box.
 *
 * <p>Implementations must be pure (the same x gives the same value) and thread-safe if a solver is
 * configured to sample in parallel. The batch form exists so that vectorised objectives can
 * evaluate many points at once; its default loops over {@link #value(double[])}.
 */
@FunctionalInterface
public interface Objective {

  /** f(x); x has the problem's dimension and must not be modified. */
  double value(double[] x);

  /**
   * Evaluates f at {@code points.length} points, writing f(points[i]) to {@code out[i]}.
   *
   * @throws IllegalArgumentException if {@code out} is shorter than {@code points}
   */
  default void values(double[][] points, double[] out) {
    if (out.length < points.length) {
      throw new IllegalArgumentException(
          "out has length " + out.length + " but " + points.length + " points were given");
    }
    for (int i = 0; i < points.length; i++) {
      out[i] = value(points[i]);
    }
  }
}
