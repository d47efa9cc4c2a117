package io.convopt.solvers.conv;

/**
 * The order in which zigzag1 visits the axes. The paper does not say which axis comes first; with a
 * full cycle per iteration the first axis decides which line's slope is taken at the start point
 * itself, which can decide a trap (Table 2: "poorly when the initial x-value is negative").
 */
public enum ZigzagAxisOrder {
  /** Axis 0 (x) first, then 1, 2, … (default). */
  ASCENDING,
  /** The last axis first, then downwards (in 2-D: y first). */
  DESCENDING;

  /** The axis visited at position {@code position} of a cycle over {@code n} axes. */
  int axis(int position, int n) {
    return this == ASCENDING ? position : n - 1 - position;
  }
}
