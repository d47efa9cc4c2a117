package io.convopt.experiments.data;

import java.util.Locale;

/** The {@code task} column of {@code data/manifest.tsv}. */
public enum Task {
  /** Integer class indices 0..K−1 in the last column {@code target}. */
  CLASSIFICATION,
  /** A real response in the last column {@code target}. */
  REGRESSION,
  /** A single numeric column, one sample per row, in time order. */
  TIMESERIES;

  static Task parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
