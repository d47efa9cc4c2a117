package io.convopt.report.plot;

/** A closed interval [lo, hi] used to fix an axis domain. */
public record Range(double lo, double hi) {
  public Range {
    if (!(hi > lo)) {
      throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
    }
  }
}
