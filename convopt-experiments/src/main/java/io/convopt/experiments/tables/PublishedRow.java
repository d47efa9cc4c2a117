package io.convopt.experiments.tables;

import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * One row of the paper's Table 1 or 2, exactly as printed (see {@code data/paper/README.md}).
 *
 * @param table 1 or 2
 * @param row position in the printed table, from 1
 * @param function test-function name (LOG1, POLY1, LOG2, ROSENBROCK)
 * @param algorithm alg1, alg2, zigzag1 or zigzag2
 * @param eta the step η
 * @param power the power N, or empty where the paper does not print it
 * @param steps the step count T, or empty where the paper does not print it
 * @param start the start point
 * @param result the paper's final point
 */
public record PublishedRow(
    int table,
    int row,
    String function,
    String algorithm,
    double eta,
    OptionalInt power,
    OptionalInt steps,
    double[] start,
    double[] result) {

  public PublishedRow {
    if (start.length != result.length) {
      throw new IllegalArgumentException(
          "table "
              + table
              + " row "
              + row
              + ": start has "
              + start.length
              + " coordinates but the result has "
              + result.length);
    }
    if (!(eta > 0) || Double.isInfinite(eta)) {
      throw new IllegalArgumentException(
          "table " + table + " row " + row + ": eta must be > 0, got " + eta);
    }
    start = start.clone();
    result = result.clone();
  }

  @Override
  public double[] start() {
    return start.clone();
  }

  @Override
  public double[] result() {
    return result.clone();
  }

  public int dimension() {
    return start.length;
  }

  /** A stable key for resuming runs: "t1r3". */
  public String key() {
    return "t" + table + "r" + row;
  }

  /** Formats a point as the tables print it: "0.51" in 1-D, "(0.5, 0.5)" in n-D. */
  public static String formatPoint(double[] p) {
    if (p.length == 1) {
      return trim(p[0]);
    }
    return Arrays.stream(p)
        .mapToObj(PublishedRow::trim)
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.6f", v);
    s = s.replaceAll("0+$", "");
    if (s.endsWith(".")) {
      s = s + "0";
    }
    return s.equals("-0.0") ? "0.0" : s;
  }
}
