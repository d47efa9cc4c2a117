package io.convopt.experiments.robust;

import io.convopt.experiments.compare.Findings;
import io.convopt.experiments.io.CsvRowWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Summaries of a {@code compare-robust} run, computed from {@code runs.csv} and {@code
 * robustness.csv} (so a resumed run is summarised as a whole): per dataset, method and radius, the
 * robust accuracy over the seeds (mean, s.d., min, max) with the PGD and clean accuracies, as a
 * Tablesaw table; and the checked claim "the adversarial convex program gives more robust
 * networks", each comparison a plain count over (dataset, ε &gt; 0) pairs of mean robust accuracies
 * (strictly higher counts as a win; ties are reported). Only rows of the current grid's run keys
 * are used; of repeated (run, ε) rows the last is kept.
 */
public final class RobustSummaries {

  /** One robustness measurement as read back. */
  public record Point(
      String key,
      String dataset,
      String method,
      long seed,
      double eps,
      double pgd,
      double robust,
      double clean) {}

  /** One run as read back (the fields the summaries need). */
  public record Run(
      String key,
      String dataset,
      String method,
      long seed,
      double cleanAccuracy,
      String stopReason,
      double relativeGap,
      double violation,
      double trainSeconds,
      double linearShare,
      double nontrivialShare,
      double gaussianNontrivialShare) {}

  /** The run as read from disk. */
  public record Data(List<Run> runs, List<Point> points) {

    /** Datasets in first-appearance order. */
    public List<String> datasets() {
      Set<String> s = new LinkedHashSet<>();
      for (Run r : runs) {
        s.add(r.dataset());
      }
      return new ArrayList<>(s);
    }

    /** Radii present, ascending. */
    public List<Double> radii() {
      return new ArrayList<>(new TreeSet<>(points.stream().map(Point::eps).toList()));
    }

    /** Mean robust accuracy over seeds of (dataset, method, eps); NaN if absent. */
    public double meanRobust(String dataset, String method, double eps) {
      return mean(
          points.stream()
              .filter(
                  p -> p.dataset().equals(dataset) && p.method().equals(method) && p.eps() == eps)
              .mapToDouble(Point::robust)
              .toArray());
    }

    /** Mean clean accuracy over seeds of (dataset, method); NaN if absent. */
    public double meanClean(String dataset, String method) {
      return mean(
          runs.stream()
              .filter(r -> r.dataset().equals(dataset) && r.method().equals(method))
              .mapToDouble(Run::cleanAccuracy)
              .toArray());
    }
  }

  private RobustSummaries() {}

  /** Reads the two files, keeping the rows whose run key is in {@code keys}. */
  public static Data read(Path runsCsv, Path robustnessCsv, Set<String> keys) {
    Map<String, Run> runs = new LinkedHashMap<>();
    if (Files.exists(runsCsv)) {
      List<List<String>> rows = CsvRowWriter.readAll(runsCsv);
      List<String> h = rows.get(0);
      for (List<String> v : rows.subList(1, rows.size())) {
        if (v.size() != h.size() || !keys.contains(v.get(h.indexOf("run_key")))) {
          continue;
        }
        Run r =
            new Run(
                get(h, v, "run_key"),
                get(h, v, "dataset"),
                get(h, v, "method"),
                Long.parseLong(get(h, v, "seed")),
                number(get(h, v, "clean_accuracy")),
                get(h, v, "stop_reason"),
                number(get(h, v, "relative_gap")),
                number(get(h, v, "constraint_violation")),
                number(get(h, v, "train_seconds")),
                number(get(h, v, "linear_share")),
                number(optional(h, v, "nontrivial_share")),
                number(optional(h, v, "gaussian_nontrivial_share")));
        runs.put(r.key(), r);
      }
    }
    Map<String, Point> points = new LinkedHashMap<>();
    if (Files.exists(robustnessCsv)) {
      List<List<String>> rows = CsvRowWriter.readAll(robustnessCsv);
      List<String> h = rows.get(0);
      for (List<String> v : rows.subList(1, rows.size())) {
        if (v.size() != h.size() || !runs.containsKey(v.get(h.indexOf("run_key")))) {
          continue;
        }
        Point p =
            new Point(
                get(h, v, "run_key"),
                get(h, v, "dataset"),
                get(h, v, "method"),
                Long.parseLong(get(h, v, "seed")),
                number(get(h, v, "eps")),
                number(get(h, v, "pgd_accuracy")),
                number(get(h, v, "robust_accuracy")),
                number(get(h, v, "clean_accuracy")));
        points.remove(p.key() + "@" + p.eps());
        points.put(p.key() + "@" + p.eps(), p);
      }
    }
    return new Data(new ArrayList<>(runs.values()), new ArrayList<>(points.values()));
  }

  /**
   * Per dataset, method and radius: {@code dataset, method, eps, trials, robust_mean, robust_sd,
   * robust_min, robust_max, pgd_mean, clean_mean, linear_share_mean, nontrivial_share_mean} (s.d.
   * with n − 1, 0 for one trial; the last two are the runs' means of {@code linear_share} and
   * {@code nontrivial_share}, NaN for SGD).
   */
  public static Table summary(Data d) {
    StringColumn ds = StringColumn.create("dataset");
    StringColumn method = StringColumn.create("method");
    DoubleColumn eps = DoubleColumn.create("eps");
    IntColumn trials = IntColumn.create("trials");
    DoubleColumn mean = DoubleColumn.create("robust_mean");
    DoubleColumn sd = DoubleColumn.create("robust_sd");
    DoubleColumn min = DoubleColumn.create("robust_min");
    DoubleColumn max = DoubleColumn.create("robust_max");
    DoubleColumn pgd = DoubleColumn.create("pgd_mean");
    DoubleColumn clean = DoubleColumn.create("clean_mean");
    DoubleColumn linear = DoubleColumn.create("linear_share_mean");
    DoubleColumn nontrivial = DoubleColumn.create("nontrivial_share_mean");
    Map<String, List<Point>> groups = new LinkedHashMap<>();
    for (String dataset : d.datasets()) {
      for (RobustMethod m : RobustMethod.values()) {
        for (double e : d.radii()) {
          for (Point p : d.points()) {
            if (p.dataset().equals(dataset) && p.method().equals(m.id()) && p.eps() == e) {
              groups
                  .computeIfAbsent(
                      dataset + "\u0000" + m.id() + "\u0000" + e, k -> new ArrayList<>())
                  .add(p);
            }
          }
        }
      }
    }
    for (List<Point> g : groups.values()) {
      Point first = g.get(0);
      double[] r = g.stream().mapToDouble(Point::robust).toArray();
      ds.append(first.dataset());
      method.append(first.method());
      eps.append(first.eps());
      trials.append(g.size());
      mean.append(mean(r));
      sd.append(sd(r));
      min.append(java.util.Arrays.stream(r).min().orElse(Double.NaN));
      max.append(java.util.Arrays.stream(r).max().orElse(Double.NaN));
      pgd.append(mean(g.stream().mapToDouble(Point::pgd).toArray()));
      clean.append(mean(g.stream().mapToDouble(Point::clean).toArray()));
      List<Run> runs =
          d.runs().stream()
              .filter(
                  x ->
                      x.dataset().equals(first.dataset())
                          && x.method().equals(first.method())
                          && Double.isFinite(x.linearShare()))
              .toList();
      linear.append(mean(runs.stream().mapToDouble(Run::linearShare).toArray()));
      nontrivial.append(mean(runs.stream().mapToDouble(Run::nontrivialShare).toArray()));
    }
    return Table.create(
        "robust-summary",
        ds,
        method,
        eps,
        trials,
        mean,
        sd,
        min,
        max,
        pgd,
        clean,
        linear,
        nontrivial);
  }

  /** The checked claims (see the class comment). */
  public static List<Findings.Finding> findings(Data d, double epsTrain) {
    List<Findings.Finding> out = new ArrayList<>();
    List<Double> positive = d.radii().stream().filter(e -> e > 0).toList();
    int wins = 0;
    int total = 0;
    List<String> parts = new ArrayList<>();
    for (String other : List.of("cr", "sgd", "sgd-pgd")) {
      int[] c = compare(d, other, positive, null);
      wins += c[0];
      total += c[2];
      if (c[2] > 0) {
        parts.add(
            String.format(
                Locale.ROOT, "vs %s: higher in %d, tied in %d of %d", other, c[0], c[1], c[2]));
      }
    }
    out.add(
        new Findings.Finding(
            "The adversarial convex program (cr-robust) gives more robust networks: higher mean"
                + " robust test accuracy under l_inf PGD than every other method at every eps > 0"
                + " and dataset",
            verdict(wins, total),
            (parts.isEmpty() ? "no comparison" : String.join("; ", parts))
                + " (dataset, eps) pairs"));
    for (String other : List.of("cr", "sgd", "sgd-pgd")) {
      List<String> detail = new ArrayList<>();
      int[] c = compare(d, other, positive, detail);
      out.add(
          new Findings.Finding(
              "cr-robust is more robust than " + other + " (mean robust accuracy over seeds)",
              verdict(c[0], c[2]),
              c[0]
                  + " of "
                  + c[2]
                  + " (dataset, eps > 0) pairs higher, "
                  + c[1]
                  + " tied"
                  + (detail.isEmpty() ? "" : ": " + String.join("; ", detail))));
    }
    // at the training radius, if it is on the grid
    if (d.radii().contains(epsTrain)) {
      int best = 0;
      int n = 0;
      List<String> detail = new ArrayList<>();
      for (String ds : d.datasets()) {
        double cr = d.meanRobust(ds, "cr-robust", epsTrain);
        if (Double.isNaN(cr)) {
          continue;
        }
        double top = Double.NEGATIVE_INFINITY;
        String who = "";
        for (RobustMethod m : RobustMethod.values()) {
          double v = d.meanRobust(ds, m.id(), epsTrain);
          if (m != RobustMethod.CR_ROBUST && v > top) {
            top = v;
            who = m.id();
          }
        }
        if (top == Double.NEGATIVE_INFINITY) {
          continue;
        }
        n++;
        if (cr > top) {
          best++;
        }
        detail.add(
            String.format(Locale.ROOT, "%s: cr-robust %.3f, best other %s %.3f", ds, cr, who, top));
      }
      out.add(
          new Findings.Finding(
              "At the training radius eps = "
                  + epsTrain
                  + " cr-robust has the highest mean"
                  + " robust accuracy",
              verdict(best, n),
              best
                  + " of "
                  + n
                  + " datasets"
                  + (detail.isEmpty() ? "" : " (" + String.join("; ", detail) + ")")));
    }
    // price in clean accuracy
    int lower = 0;
    int n = 0;
    List<String> detail = new ArrayList<>();
    for (String ds : d.datasets()) {
      double r = d.meanClean(ds, "cr-robust");
      double s = d.meanClean(ds, "cr");
      if (Double.isNaN(r) || Double.isNaN(s)) {
        continue;
      }
      n++;
      if (r < s) {
        lower++;
      }
      detail.add(String.format(Locale.ROOT, "%s: %.3f vs %.3f", ds, r, s));
    }
    out.add(
        new Findings.Finding(
            "Robust convex training costs clean test accuracy (cr-robust below cr)",
            verdict(lower, n),
            lower
                + " of "
                + n
                + " datasets"
                + (detail.isEmpty() ? "" : " (" + String.join("; ", detail) + ")")));
    out.add(solverReach(d));
    out.add(nonlinear(d));
    return out;
  }

  /** {wins, ties, compared} of cr-robust against {@code other} over datasets × radii. */
  private static int[] compare(Data d, String other, List<Double> radii, List<String> detail) {
    int wins = 0;
    int ties = 0;
    int total = 0;
    for (String ds : d.datasets()) {
      List<String> cells = new ArrayList<>();
      for (double e : radii) {
        double a = d.meanRobust(ds, "cr-robust", e);
        double b = d.meanRobust(ds, other, e);
        if (Double.isNaN(a) || Double.isNaN(b)) {
          continue;
        }
        total++;
        wins += a > b ? 1 : 0;
        ties += a == b ? 1 : 0;
        cells.add(String.format(Locale.ROOT, "eps %s %.3f vs %.3f", e, a, b));
      }
      if (detail != null && !cells.isEmpty()) {
        detail.add(ds + " " + String.join(", ", cells));
      }
    }
    return new int[] {wins, ties, total};
  }

  private static Findings.Finding solverReach(Data d) {
    List<String> parts = new ArrayList<>();
    int converged = 0;
    int n = 0;
    for (String m : List.of("cr", "cr-robust")) {
      int c = 0;
      int k = 0;
      double gap = 0;
      double viol = 0;
      for (Run r : d.runs()) {
        if (r.method().equals(m)) {
          k++;
          c += "converged".equals(r.stopReason()) ? 1 : 0;
          gap = Math.max(gap, r.relativeGap());
          viol = Math.max(viol, r.violation());
        }
      }
      if (k > 0) {
        parts.add(
            String.format(
                Locale.ROOT,
                "%s: %d of %d certified, largest relative gap %.2e, largest scaled"
                    + " violation %.2e",
                m,
                c,
                k,
                gap,
                viol));
      }
      converged += c;
      n += k;
    }
    return new Findings.Finding(
        "The convex programs were solved to their certificate tolerance within the budget"
            + " (otherwise the networks are what the budget reached)",
        verdict(converged, n),
        parts.isEmpty() ? "no convex runs" : String.join("; ", parts));
  }

  /**
   * Whether cr-robust's networks use more than the all-active (linear) pattern: a network counts as
   * nonlinear when less than 99 % of its group norm sits on that pattern.
   */
  private static Findings.Finding nonlinear(Data d) {
    List<String> parts = new ArrayList<>();
    int nonlinear = 0;
    int n = 0;
    for (String m : List.of("cr-robust", "cr")) {
      int k = 0;
      int c = 0;
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      double nt = 0;
      double gnt = 0;
      for (Run r : d.runs()) {
        if (r.method().equals(m) && Double.isFinite(r.linearShare())) {
          k++;
          c += r.linearShare() < 0.99 ? 1 : 0;
          lo = Math.min(lo, r.linearShare());
          hi = Math.max(hi, r.linearShare());
          nt += r.nontrivialShare();
          gnt += r.gaussianNontrivialShare();
        }
      }
      if (k > 0) {
        parts.add(
            String.format(
                Locale.ROOT,
                "%s: %d of %d networks nonlinear, share of the group norm on the all-active pattern"
                    + " %.4f..%.4f; patterns with a non-trivial robust cone at eps_train %.2f"
                    + " (Gaussian gates of the same seeds: %.2f)",
                m,
                c,
                k,
                lo,
                hi,
                nt / k,
                gnt / k));
      }
      if (m.equals("cr-robust")) {
        nonlinear = c;
        n = k;
      }
    }
    return new Findings.Finding(
        "cr-robust's networks use ReLU patterns beyond the all-active (linear) one (less than 99%"
            + " of the group norm on it); otherwise its robustness is that of a robust linear hinge"
            + " model",
        verdict(nonlinear, n), parts.isEmpty() ? "no convex runs" : String.join("; ", parts));
  }

  private static String verdict(int yes, int total) {
    if (total == 0) {
      return "not measured";
    }
    return yes == total ? "holds" : yes == 0 ? "does not hold" : "mixed";
  }

  /** A column that older runs files lack (empty when absent). */
  private static String optional(List<String> h, List<String> v, String col) {
    int i = h.indexOf(col);
    return i < 0 ? "" : v.get(i);
  }

  private static String get(List<String> h, List<String> v, String col) {
    int i = h.indexOf(col);
    if (i < 0) {
      throw new IllegalArgumentException("missing column '" + col + "'; columns: " + h);
    }
    return v.get(i);
  }

  private static double number(String s) {
    return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  static double mean(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  static double sd(double[] v) {
    if (v.length < 2) {
      return 0;
    }
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / (v.length - 1));
  }
}
