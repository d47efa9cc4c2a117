package io.convopt.experiments.tables;

import io.convopt.experiments.functions.PaperFunctions;
import io.convopt.experiments.functions.TestFunction;
import io.convopt.experiments.io.Numbers;
import io.convopt.kernel.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The calibration experiment: for a reconstructed function family with free parameters, run every
 * published row of that function (both tables) for each candidate on a fixed grid, and rank the
 * candidates by agreement with the paper — most matches, then most near rows, then the smallest
 * total distance, ties to the earlier grid point. This is fitting to the published rows, on purpose
 * and in the open: every output of a calibrated function says "calibrated".
 */
public final class Calibration {

  /** One candidate's score. */
  public record Candidate(
      Map<String, Double> parameters,
      Box box,
      int matches,
      int near,
      double totalDistanceEta,
      int rows,
      int gridIndex) {

    public String describe() {
      StringBuilder sb = new StringBuilder();
      parameters.forEach((k, v) -> sb.append(k).append('=').append(fmt(v)).append(' '));
      sb.append("box=").append(box);
      return sb.toString().trim();
    }
  }

  private Calibration() {}

  /** Families that have a calibration grid. */
  public static List<String> calibratable() {
    return List.of("POLY1", "LOG2", "ROSENBROCK");
  }

  /** The documented search grid of a family (see data/test-functions/README.md). */
  public static List<Map.Entry<Map<String, Double>, Box>> grid(String function) {
    TestFunction base = PaperFunctions.byName(function);
    List<Map.Entry<Map<String, Double>, Box>> out = new ArrayList<>();
    switch (function.toUpperCase(Locale.ROOT)) {
      case "POLY1" -> {
        for (int mi = 3; mi <= 8; mi++) {
          for (int li = 12; li <= 18; li++) {
            Map<String, Double> p = new LinkedHashMap<>(base.parameters());
            p.put("m", mi / 10.0);
            p.put("l", li / 10.0);
            out.add(Map.entry(p, base.box()));
          }
        }
      }
      case "LOG2" -> {
        double[] cs = {0.5, 0.6, 0.7, 0.8};
        double[] sAs = {1e-3, 3e-3, 1e-2};
        double[] sBs = {1e-4, 3e-4, 1e-3};
        double[][] bs = {{-0.4, -0.4}, {-0.45, -0.45}, {-0.4, -0.45}, {-0.45, -0.4}, {-0.5, -0.5}};
        for (double c : cs) {
          for (double sA : sAs) {
            for (double sB : sBs) {
              for (double[] b : bs) {
                Map<String, Double> p = new LinkedHashMap<>(base.parameters());
                p.put("c", c);
                p.put("sA", sA);
                p.put("sB", sB);
                p.put("bx", b[0]);
                p.put("by", b[1]);
                out.add(Map.entry(p, base.box()));
              }
            }
          }
        }
      }
      case "ROSENBROCK" -> {
        for (double transform : new double[] {0, 1}) {
          for (double half : new double[] {1.5, 2.0, 2.5}) {
            Map<String, Double> p = new LinkedHashMap<>(base.parameters());
            p.put("transform", transform);
            out.add(Map.entry(p, Box.of(new double[] {-half, -half}, new double[] {half, half})));
          }
        }
      }
      default ->
          throw new IllegalArgumentException(
              "function '"
                  + function
                  + "' has no calibration grid; "
                  + "calibratable: "
                  + calibratable());
    }
    return out;
  }

  /** The published rows of {@code function} (both tables). */
  static List<PublishedRow> rows(String function) {
    TestFunction base = PaperFunctions.byName(function);
    List<PublishedRow> rows = new ArrayList<>();
    for (PublishedRow r : PublishedTables.table1()) {
      if (r.function().equalsIgnoreCase(base.name())) {
        rows.add(r);
      }
    }
    for (PublishedRow r : PublishedTables.table2()) {
      if (r.function().equalsIgnoreCase(base.name())) {
        rows.add(r);
      }
    }
    return rows;
  }

  /**
   * Scores grid point {@code gridIndex} of {@code function}'s grid against every published row of
   * the function (deterministic; a pure function of its arguments).
   */
  public static Candidate score(String function, long seed, int gridIndex) {
    TestFunction base = PaperFunctions.byName(function);
    var e = grid(function).get(gridIndex);
    TestFunction f = PaperFunctions.withParameters(base, e.getKey(), e.getValue());
    PaperTableRun run = new PaperTableRun(Map.of(base.name(), f), seed);
    List<PublishedRow> rows = rows(function);
    int match = 0;
    int near = 0;
    double total = 0;
    for (PublishedRow r : rows) {
      RowOutcome o;
      try {
        o = run.run(r);
      } catch (IllegalArgumentException ex) {
        total += 1e6; // e.g. a start outside this candidate's box: the candidate cannot run the row
        continue;
      }
      total += o.distanceInEta();
      match += o.verdict() == Verdict.MATCH ? 1 : 0;
      near += o.verdict() == Verdict.NEAR ? 1 : 0;
    }
    return new Candidate(e.getKey(), e.getValue(), match, near, total, rows.size(), gridIndex);
  }

  /**
   * The ranking order: most matches, then most near rows, then the smallest total distance, ties to
   * the earlier grid point (a total order, so the ranking does not depend on thread counts).
   */
  public static <T> Comparator<T> ranking(
      java.util.function.ToIntFunction<T> matches,
      java.util.function.ToIntFunction<T> near,
      java.util.function.ToDoubleFunction<T> total,
      java.util.function.ToIntFunction<T> gridIndex) {
    return Comparator.comparingInt((T c) -> -matches.applyAsInt(c))
        .thenComparingInt(c -> -near.applyAsInt(c))
        .thenComparingDouble(total)
        .thenComparingInt(gridIndex);
  }

  static String fmt(double v) {
    return Numbers.significant(v, 6);
  }
}
