package io.convopt.solvers.conv;

/**
 * What one iteration of zigzag1 is. The paper's Table 2 rules out {@link #SINGLE_MOVE} for its step
 * counts (row 13 needs ≥ 134 y-moves in 200 steps), so {@link #FULL_CYCLE} is the default.
 */
public enum ZigzagUnit {
  /** One ±η move along one axis; axes taken cyclically. */
  SINGLE_MOVE,
  /** One ±η move along every axis in turn. */
  FULL_CYCLE,
  /**
   * Moves along the current axis until the slope's sign flips, then the next axis; an iteration is
   * one move.
   */
  UNTIL_SIGN_FLIP
}
