package io.convopt.report.data;

import java.util.Locale;

/**
 * How close our result is to the paper's, as judged by the experiments module. Each verdict has a
 * symbol and a word so the table does not rely on colour alone.
 */
public enum Verdict {
  MATCH("\u2713", "match"),
  NEAR("\u2248", "near"),
  DIFFERS("\u2717", "differs");

  private final String symbol;
  private final String word;

  Verdict(String symbol, String word) {
    this.symbol = symbol;
    this.word = word;
  }

  public String symbol() {
    return symbol;
  }

  public String word() {
    return word;
  }

  /** Parses a verdict cell; the caller turns the exception into a row/column message. */
  public static Verdict parse(String text) {
    return valueOf(text.strip().toUpperCase(Locale.ROOT));
  }
}
