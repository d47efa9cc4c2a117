package io.convopt.experiments.tables;

/**
 * How close our result is to the paper's, in units of the step η: the resolution of sign descent,
 * whose iterates oscillate between neighbouring lattice points at the end.
 */
public enum Verdict {
  /** Within 2η: the same answer up to the final ±η oscillation and the paper's rounding. */
  MATCH,
  /** Within 5η. */
  NEAR,
  /** Farther than 5η. */
  DIFFERS;

  public static final double MATCH_ETAS = 2.0;
  public static final double NEAR_ETAS = 5.0;

  /**
   * The verdict for a Euclidean distance measured in units of η. A small tolerance (1e-9 η) absorbs
   * the rounding of lattice coordinates such as 0.3 + 7·0.1.
   */
  public static Verdict of(double distanceInEta) {
    if (Double.isNaN(distanceInEta) || distanceInEta < 0) {
      throw new IllegalArgumentException(
          "distance in units of eta must be >= 0, got " + distanceInEta);
    }
    if (distanceInEta <= MATCH_ETAS + 1e-9) {
      return MATCH;
    }
    return distanceInEta <= NEAR_ETAS + 1e-9 ? NEAR : DIFFERS;
  }

  /** Lower-case label used in CSV files. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
