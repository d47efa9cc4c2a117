package io.convopt.solvers.conv;

/** Where the zigzag walks take the samples that fix the lift's shift C and scale. */
public enum ZigzagShift {
  /**
   * A coarse grid of the whole box at step η (counted), as Algorithms 1–2 do; the default while
   * that grid has at most {@link #MAX_BOX_GRID} cells.
   */
  BOX_GRID,
  /** The running min/max of every sample the walk has taken (no extra evaluations; scales with n). */
  RUNNING;

  public static final long MAX_BOX_GRID = 1L << 20;
}
