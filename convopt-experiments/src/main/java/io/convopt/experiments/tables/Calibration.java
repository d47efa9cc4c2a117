package io.convopt.experiments.tables;

import io.convopt.experiments.functions.PaperFunctions;
import io.convopt.experiments.functions.TestFunction;
import io.convopt.kernel.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The calibration experiment: for a reconstructed function family with free parameters, run every
 * published row of that function (both tables) for each candidate on a fixed grid, and rank the
 * candidates by agreement with the paper — most matches, then most near rows, then the smallest
 * total distance, ties to the earlier grid point. This is fitting to the published rows, on
 * purpose and in the open: every output of a calibrated function says "calibrated".
 */
public final class Calibration {

  /** One candidate's score. */
  public record Candidate(Map<String, Double> parameters, Box box, int matches, int near, double totalDistanceEta,
      int rows, int gridIndex) {

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
      default -> throw new IllegalArgumentException("function '" + function + "' has no calibration grid; "
          + "calibratable: " + calibratable());
    }
    return out;
  }

  /**
   * Scores every grid point, in parallel over {@code threads}; the result is independent of the
   * thread count (each candidate's runs are deterministic and the ranking is a total order).
   */
  public static List<Candidate> run(String function, int threads, long seed, Consumer<Candidate> onDone) {
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
    List<Map.Entry<Map<String, Double>, Box>> grid = grid(function);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<Candidate>> futures = new ArrayList<>();
      for (int g = 0; g < grid.size(); g++) {
        final int gi = g;
        futures.add(pool.submit(() -> {
          var e = grid.get(gi);
          TestFunction f = PaperFunctions.withParameters(base, e.getKey(), e.getValue());
          PaperTableRun run = new PaperTableRun(Map.of(base.name(), f), seed);
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
          Candidate c = new Candidate(e.getKey(), e.getValue(), match, near, total, rows.size(), gi);
          synchronized (onDone) {
            onDone.accept(c);
          }
          return c;
        }));
      }
      List<Candidate> out = new ArrayList<>();
      for (Future<Candidate> f : futures) {
        out.add(f.get());
      }
      out.sort(Comparator.comparingInt((Candidate c) -> -c.matches())
          .thenComparingInt(c -> -c.near())
          .thenComparingDouble(Candidate::totalDistanceEta)
          .thenComparingInt(Candidate::gridIndex));
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("calibration interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("calibration of " + function + " failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
