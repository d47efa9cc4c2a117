package io.convopt.kernel;

/**
 * Argument checks shared by the kernel classes; every message names the parameter and the allowed
 * range.
 */
final class Checks {

  private Checks() {}

  static double finite(String name, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(
          name + " = " + v + " is not allowed: it must be a finite number");
    }
    return v;
  }

  static double positive(String name, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(
          name + " = " + v + " is not allowed: it must be finite and > 0");
    }
    return v;
  }

  static double[] finiteVector(String name, double[] v) {
    if (v == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException(
            name + "[" + i + "] = " + v[i] + " is not allowed: every entry must be finite");
      }
    }
    return v;
  }

  static void sameLength(String nameA, int a, String nameB, int b) {
    if (a != b) {
      throw new IllegalArgumentException(
          "dimension mismatch: "
              + nameA
              + " has length "
              + a
              + " but "
              + nameB
              + " has length "
              + b
              + "; they must be equal");
    }
  }

  /** Checks that a point count fits the grid limit; {@code what} describes the grid. */
  static int gridSize(String what, double count) {
    if (!(count <= KernelTunables.MAX_GRID_POINTS)) {
      throw new IllegalArgumentException(
          what
              + " would have "
              + (long) Math.min(count, Long.MAX_VALUE)
              + " points ("
              + String.format(java.util.Locale.ROOT, "%.3g", count)
              + "), more than the limit KernelTunables.MAX_GRID_POINTS = "
              + KernelTunables.MAX_GRID_POINTS
              + "; use a larger step or a smaller box");
    }
    return (int) count;
  }
}
