package io.convopt.experiments.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * The one number formatter of the experiments, with one convention for non-finite values in every
 * file and on the terminal: NaN means "no value" (not applicable, not measured) and is an empty
 * cell, as Tablesaw, pandas and R read it; infinities are {@code Infinity} and {@code -Infinity}
 * (e.g. an expected running time without a success), which {@link Double#parseDouble}, pandas and R
 * read back. {@link #parse} reads both back. Locale-independent.
 */
public final class Numbers {
  private Numbers() {}

  /** Shortest text that reads back to the same double (for CSV cells). */
  public static String exact(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  /** Whole numbers without a decimal point (3, not 3.0), others as {@link #exact}. */
  public static String compact(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : exact(v);
  }

  /** {@code digits} significant digits ({@code %.Ng}), e.g. 0.0123457 for 6. */
  public static String significant(double v, int digits) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "g", v) : exact(v);
  }

  /** A fixed number of decimals ({@code %.Nf}), e.g. seconds as 1.2346 for 4. */
  public static String fixed(double v, int decimals) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : exact(v);
  }

  /**
   * For summaries people read: {@code digits} significant digits without trailing zeros and without
   * an exponent between 1e-4 and 1e6 (0.5, 12.3, 1.23e-07).
   */
  public static String rounded(double v, int digits) {
    if (!Double.isFinite(v)) {
      return exact(v);
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e-4 && a < 1e6) {
      BigDecimal b = new BigDecimal(v).round(new MathContext(digits));
      return b.stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
  }

  /** Reads a cell written by this class: empty (or "NaN") is NaN. */
  public static double parse(String cell) {
    String s = cell == null ? "" : cell.trim();
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }
}
