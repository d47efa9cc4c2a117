package io.convopt.experiments.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A step size × power × start grid for one test function and one algorithm. Immutable.
 *
 * @param function test-function name (a paper function: LOG1, POLY1, LOG2, ROSENBROCK)
 * @param algorithm alg1, alg2, zigzag1, zigzag2, median or continuation
 * @param etas step sizes η (δ = η)
 * @param powers powers N
 * @param starts start points
 * @param steps iteration budget T per run (0 = the default rule)
 * @param seed seed of every run (zigzag2's directions)
 */
public record SweepSpec(
    String function,
    String algorithm,
    List<Double> etas,
    List<Double> powers,
    List<double[]> starts,
    long steps,
    long seed) {

  public SweepSpec {
    if (etas.isEmpty() || powers.isEmpty() || starts.isEmpty()) {
      throw new IllegalArgumentException(
          "a sweep needs at least one eta, one power and one start; got "
              + etas.size()
              + " etas, "
              + powers.size()
              + " powers, "
              + starts.size()
              + " starts");
    }
    for (double e : etas) {
      if (!(e > 0) || Double.isInfinite(e)) {
        throw new IllegalArgumentException("every eta must be finite and > 0, got " + e);
      }
    }
    for (double n : powers) {
      if (!(n > 0) || Double.isInfinite(n)) {
        throw new IllegalArgumentException("every power N must be finite and > 0, got " + n);
      }
    }
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be >= 0 (0 = default rule), got " + steps);
    }
    etas = List.copyOf(etas);
    powers = List.copyOf(powers);
    starts = starts.stream().map(double[]::clone).toList();
  }

  /** One run of the grid. */
  public record Cell(String key, double eta, double power, double[] start) {}

  /** All runs, in a stable order, each with a key that identifies it across reruns. */
  public List<Cell> cells() {
    List<Cell> out = new ArrayList<>();
    for (double e : etas) {
      for (double n : powers) {
        for (double[] s : starts) {
          StringBuilder k = new StringBuilder();
          k.append(function)
              .append('|')
              .append(algorithm)
              .append("|eta=")
              .append(e)
              .append("|N=")
              .append(n)
              .append("|start=");
          for (int i = 0; i < s.length; i++) {
            k.append(i > 0 ? ";" : "").append(s[i]);
          }
          out.add(new Cell(k.toString().toLowerCase(Locale.ROOT), e, n, s.clone()));
        }
      }
    }
    return out;
  }

  /** Parses "0.5" or "0.5,1" style lists. */
  public static List<Double> parseList(String text) {
    List<Double> out = new ArrayList<>();
    for (String p : text.split(",")) {
      if (!p.isBlank()) {
        try {
          out.add(Double.parseDouble(p.trim()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "'" + p.trim() + "' in '" + text + "' is not a number");
        }
      }
    }
    return out;
  }

  /**
   * Parses starts "1.5;0.8" (1-D) or "0.3 -0.3;0.8 0.9" (points separated by ';', coordinates by
   * spaces).
   */
  public static List<double[]> parseStarts(String text) {
    List<double[]> out = new ArrayList<>();
    for (String p : text.split(";")) {
      if (p.isBlank()) {
        continue;
      }
      String[] c = p.trim().split("[\\s]+");
      double[] x = new double[c.length];
      for (int i = 0; i < c.length; i++) {
        try {
          x[i] = Double.parseDouble(c[i]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "start '" + p.trim() + "': '" + c[i] + "' is not a number");
        }
      }
      out.add(x);
    }
    return out;
  }
}
