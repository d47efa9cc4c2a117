package io.convopt.solvers.conv;

/** Where the zigzag walks take the samples that fix the lift's shift C and scale. */
public enum ZigzagShift {
  /**
   * A coarse grid of the whole box at step η (counted), as Algorithms 1–2 do; the default while
   * that grid has at most {@link #MAX_BOX_GRID} cells.
   */
  BOX_GRID,
  /**
   * The running min/max of every sample the walk has taken (no extra evaluations; scales with n).
   */
  RUNNING,
  /**
   * The min/max of the current line's own samples, renewed on every line: each 1-D step is
   * Algorithm 1 run on the restriction, which shifts that restriction by its own minimum (a reading
   * of "increase f by a large enough constant" applied per line; no extra evaluations).
   */
  LINE;

  public static final long MAX_BOX_GRID = 1L << 20;
}
