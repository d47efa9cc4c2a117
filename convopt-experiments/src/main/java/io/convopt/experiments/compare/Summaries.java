package io.convopt.experiments.compare;

import io.convopt.experiments.io.CsvRowWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Summaries of a comparison, computed from the runs and traces files (so a resumed run is
 * summarised as a whole) and returned as Tablesaw tables.
 *
 * <p><b>Problems and trials.</b> A problem is a (dataset, β) pair; a trial is a (problem, seed)
 * pair. For SGD and Adam the trial's run is the learning rate with the lowest <em>final training
 * objective</em> for that seed (hindsight selection on training data only, favourable to them;
 * diverged runs are never selected unless all diverged). Convex methods have one run per trial (the
 * seed selects the sampled patterns).
 *
 * <p><b>Reference objective.</b> best(p) = the lowest objective of a ReLU network seen on problem p
 * by any method, run and trace point (CR, SGD, Adam; all learning rates and seeds). CG trains a
 * gated network — a different model whose optimum lower-bounds CR's on the same patterns — so it is
 * measured against the same reference but does not define it.
 *
 * <p><b>Performance profile</b> (as in Mishkin et al.'s experiments): for tolerance τ ∈ {1, 0.5,
 * 0.1, 0.01}, the fraction of a method's trials whose trace has reached objective ≤ best + τ |best|
 * by time t, on a log grid of times. Extra curves: {@code sgd-all-lr}/{@code adam-all-lr} count
 * every (learning rate, seed) run as a trial (no selection), and {@code any} is the fraction of
 * problems on which some ReLU run reached the tolerance — 1 at the last time by construction.
 * Fractions are in [0, 1] and non-decreasing in t and in τ.
 *
 * <p><b>Sensitivity</b>: per problem and method, the spread of final objective (relative to best)
 * and of the test metric over all runs (learning rates × seeds for SGD/Adam; pattern seeds for the
 * convex methods). <b>Metrics</b>: per problem and method, test metric over the trials (selected
 * runs) — mean, s.d., min, max.
 */
public final class Summaries {

  /** Profile tolerances. */
  public static final double[] TOLERANCES = {1.0, 0.5, 0.1, 0.01};

  /** Points of the profile's log time grid. */
  static final int TIME_POINTS = 40;

  /** A run row as read back. */
  public record RunRec(
      String key,
      String dataset,
      String task,
      String method,
      String model,
      double beta,
      double learningRate,
      long seed,
      double finalObjective,
      boolean diverged,
      double testAccuracy,
      double testMse,
      String stopReason,
      double relativeGap,
      double violation,
      double wallSeconds) {

    boolean relu() {
      return "relu".equals(model);
    }

    boolean regression() {
      return "regression".equals(task);
    }

    double metric() {
      return regression() ? testMse : testAccuracy;
    }

    double objectiveOrInf() {
      return diverged || !Double.isFinite(finalObjective)
          ? Double.POSITIVE_INFINITY
          : finalObjective;
    }
  }

  /** A trace point as read back. */
  public record Point(double seconds, double objective) {}

  /** The comparison as read from disk, with the derived selections. */
  public static final class Data {
    final List<RunRec> runs;
    final Map<String, List<Point>> traces;
    final Map<String, Double> best = new LinkedHashMap<>();

    /** problem → method → selected runs (one per seed). */
    final Map<String, Map<String, List<RunRec>>> selected = new LinkedHashMap<>();

    /** problem → method → all runs. */
    final Map<String, Map<String, List<RunRec>>> all = new LinkedHashMap<>();

    Data(List<RunRec> runs, Map<String, List<Point>> traces) {
      this.runs = runs;
      this.traces = traces;
      for (RunRec r : runs) {
        all.computeIfAbsent(problem(r), k -> new LinkedHashMap<>())
            .computeIfAbsent(r.method(), k -> new ArrayList<>())
            .add(r);
        if (r.relu()) {
          double b = r.objectiveOrInf();
          for (Point p : traces.getOrDefault(r.key(), List.of())) {
            b = Math.min(b, p.objective());
          }
          best.merge(problem(r), b, Math::min);
        }
      }
      for (Map.Entry<String, Map<String, List<RunRec>>> e : all.entrySet()) {
        Map<String, List<RunRec>> sel = new LinkedHashMap<>();
        for (Map.Entry<String, List<RunRec>> m : e.getValue().entrySet()) {
          Map<Long, RunRec> bySeed = new LinkedHashMap<>();
          for (RunRec r : m.getValue()) {
            RunRec cur = bySeed.get(r.seed());
            if (cur == null || r.objectiveOrInf() < cur.objectiveOrInf()) {
              bySeed.put(r.seed(), r);
            }
          }
          sel.put(m.getKey(), new ArrayList<>(bySeed.values()));
        }
        selected.put(e.getKey(), sel);
      }
    }

    /** The problems in first-appearance order. */
    public List<String> problems() {
      return new ArrayList<>(all.keySet());
    }

    /** Reference objective of a problem (+∞ if no ReLU run finished). */
    public double best(String problem) {
      return best.getOrDefault(problem, Double.POSITIVE_INFINITY);
    }
  }

  private Summaries() {}

  /** "dataset|beta". */
  static String problem(RunRec r) {
    return r.dataset() + "|" + r.beta();
  }

  /**
   * Reads the runs file and the traces file (last block per run key), keeping only the runs whose
   * key is in {@code keys} (null keeps all): a folder resumed with another grid is summarised for
   * the current grid only.
   */
  public static Data read(Path runsCsv, Path tracesCsv, java.util.Set<String> keys) {
    List<List<String>> rows = CsvRowWriter.readAll(runsCsv);
    List<String> h = rows.get(0);
    List<RunRec> runs = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      if (r.size() != h.size() || keys != null && !keys.contains(get(r, h, "run_key"))) {
        continue;
      }
      if (get(r, h, "stop_reason").startsWith("skipped:")) {
        continue; // a cut of the grid, not a result
      }
      runs.add(
          new RunRec(
              get(r, h, "run_key"),
              get(r, h, "dataset"),
              get(r, h, "task"),
              get(r, h, "method"),
              get(r, h, "model"),
              dbl(r, h, "beta"),
              dbl(r, h, "learning_rate"),
              Long.parseLong(get(r, h, "seed")),
              dbl(r, h, "final_objective"),
              Boolean.parseBoolean(get(r, h, "diverged")),
              dbl(r, h, "test_accuracy"),
              dbl(r, h, "test_mse"),
              get(r, h, "stop_reason"),
              dbl(r, h, "relative_gap"),
              dbl(r, h, "constraint_violation"),
              dbl(r, h, "wall_seconds")));
    }
    Map<String, List<Point>> traces = new HashMap<>();
    List<List<String>> trows = CsvRowWriter.readAll(tracesCsv);
    List<String> th = trows.get(0);
    for (List<String> r : trows.subList(1, trows.size())) {
      if (r.size() != th.size()) {
        continue;
      }
      String key = get(r, th, "run_key");
      if (get(r, th, "point").equals("0")) {
        traces.put(key, new ArrayList<>());
      }
      double obj = dbl(r, th, "objective");
      if (Double.isFinite(obj)) {
        traces
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(new Point(dbl(r, th, "wall_seconds"), obj));
      }
    }
    return new Data(runs, traces);
  }

  private static String get(List<String> row, List<String> header, String column) {
    int i = header.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException("column '" + column + "' missing; columns: " + header);
    }
    return row.get(i);
  }

  private static double dbl(List<String> row, List<String> header, String column) {
    String s = get(row, header, column);
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  /** Time at which run r first reaches objective ≤ threshold (+∞ if never). */
  static double firstHit(Data d, RunRec r, double threshold) {
    double t = Double.POSITIVE_INFINITY;
    for (Point p : d.traces.getOrDefault(r.key(), List.of())) {
      if (p.objective() <= threshold) {
        t = Math.min(t, p.seconds());
      }
    }
    return t;
  }

  static double threshold(double best, double tol) {
    return best + tol * Math.abs(best);
  }

  /** The performance profile (columns: method, tolerance, time_seconds, fraction, trials). */
  public static Table profile(Data d) {
    double tMin = Double.POSITIVE_INFINITY;
    double tMax = 0;
    for (List<Point> ps : d.traces.values()) {
      for (Point p : ps) {
        if (p.seconds() > 0) {
          tMin = Math.min(tMin, p.seconds());
        }
        tMax = Math.max(tMax, p.seconds());
      }
    }
    if (!(tMax > 0)) {
      tMax = 1;
      tMin = 1;
    }
    double[] grid = new double[TIME_POINTS];
    for (int i = 0; i < TIME_POINTS; i++) {
      grid[i] =
          TIME_POINTS == 1 || tMax <= tMin
              ? tMax
              : tMin * Math.pow(tMax / tMin, (double) i / (TIME_POINTS - 1));
    }
    grid[TIME_POINTS - 1] = tMax;
    // curve label → list of hit-time arrays (one per trial, per tolerance)
    Map<String, List<double[]>> hits = new LinkedHashMap<>();
    TreeSet<String> methods = new TreeSet<>();
    d.all.values().forEach(m -> methods.addAll(m.keySet()));
    List<String> order = new ArrayList<>();
    for (Method m : Method.values()) {
      if (methods.contains(m.id())) {
        order.add(m.id());
      }
    }
    for (String p : d.problems()) {
      double best = d.best(p);
      if (!Double.isFinite(best)) {
        continue;
      }
      double[] anyHit = new double[TOLERANCES.length];
      Arrays.fill(anyHit, Double.POSITIVE_INFINITY);
      for (String m : order) {
        for (RunRec r : d.selected.get(p).getOrDefault(m, List.of())) {
          hits.computeIfAbsent(m, k -> new ArrayList<>()).add(hitTimes(d, r, best));
        }
        for (RunRec r : d.all.get(p).getOrDefault(m, List.of())) {
          double[] h = hitTimes(d, r, best);
          if (!Method.parse(m).isConvex()) {
            hits.computeIfAbsent(m + "-all-lr", k -> new ArrayList<>()).add(h);
          }
          if (r.relu()) {
            for (int i = 0; i < h.length; i++) {
              anyHit[i] = Math.min(anyHit[i], h[i]);
            }
          }
        }
      }
      hits.computeIfAbsent("any", k -> new ArrayList<>()).add(anyHit);
    }
    StringColumn method = StringColumn.create("method");
    DoubleColumn tol = DoubleColumn.create("tolerance");
    DoubleColumn time = DoubleColumn.create("time_seconds");
    DoubleColumn frac = DoubleColumn.create("fraction");
    IntColumn trials = IntColumn.create("trials");
    List<String> labels = new ArrayList<>();
    for (String m : order) {
      labels.add(m);
    }
    for (String m : order) {
      if (hits.containsKey(m + "-all-lr")) {
        labels.add(m + "-all-lr");
      }
    }
    labels.add("any");
    for (String label : labels) {
      List<double[]> hs = hits.getOrDefault(label, List.of());
      if (hs.isEmpty()) {
        continue;
      }
      for (int ti = 0; ti < TOLERANCES.length; ti++) {
        for (double t : grid) {
          int solved = 0;
          for (double[] h : hs) {
            if (h[ti] <= t) {
              solved++;
            }
          }
          method.append(label);
          tol.append(TOLERANCES[ti]);
          time.append(t);
          frac.append((double) solved / hs.size());
          trials.append(hs.size());
        }
      }
    }
    return Table.create("profile", method, tol, time, frac, trials);
  }

  private static double[] hitTimes(Data d, RunRec r, double best) {
    double[] h = new double[TOLERANCES.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = firstHit(d, r, threshold(best, TOLERANCES[i]));
    }
    return h;
  }

  /** Sensitivity: spread over all runs of each (problem, method). */
  public static Table sensitivity(Data d) {
    StringColumn ds = StringColumn.create("dataset");
    DoubleColumn beta = DoubleColumn.create("beta");
    StringColumn method = StringColumn.create("method");
    StringColumn over = StringColumn.create("varied");
    IntColumn runs = IntColumn.create("runs");
    IntColumn diverged = IntColumn.create("diverged");
    DoubleColumn best = DoubleColumn.create("best_objective");
    DoubleColumn oMin = DoubleColumn.create("objective_min");
    DoubleColumn oMed = DoubleColumn.create("objective_median");
    DoubleColumn oMax = DoubleColumn.create("objective_max");
    DoubleColumn relSpread = DoubleColumn.create("relative_spread");
    DoubleColumn relMed = DoubleColumn.create("relative_gap_median");
    StringColumn metric = StringColumn.create("metric");
    DoubleColumn mMin = DoubleColumn.create("metric_min");
    DoubleColumn mMed = DoubleColumn.create("metric_median");
    DoubleColumn mMax = DoubleColumn.create("metric_max");
    for (String p : d.problems()) {
      double b = d.best(p);
      for (Map.Entry<String, List<RunRec>> e : d.all.get(p).entrySet()) {
        List<RunRec> rs = e.getValue();
        RunRec first = rs.get(0);
        double[] obj =
            rs.stream()
                .filter(r -> !r.diverged() && Double.isFinite(r.finalObjective()))
                .mapToDouble(RunRec::finalObjective)
                .sorted()
                .toArray();
        double[] met =
            rs.stream().mapToDouble(RunRec::metric).filter(Double::isFinite).sorted().toArray();
        ds.append(first.dataset());
        beta.append(first.beta());
        method.append(e.getKey());
        over.append(
            Method.parse(e.getKey()).isConvex() ? "pattern seeds" : "learning rates x seeds");
        runs.append(rs.size());
        diverged.append((int) rs.stream().filter(RunRec::diverged).count());
        best.append(b);
        oMin.append(min(obj));
        oMed.append(median(obj));
        oMax.append(max(obj));
        relSpread.append(obj.length == 0 ? Double.NaN : (max(obj) - min(obj)) / Math.abs(b));
        relMed.append(obj.length == 0 ? Double.NaN : (median(obj) - b) / Math.abs(b));
        metric.append(first.regression() ? "test_mse" : "test_accuracy");
        mMin.append(min(met));
        mMed.append(median(met));
        mMax.append(max(met));
      }
    }
    return Table.create(
        "sensitivity",
        ds,
        beta,
        method,
        over,
        runs,
        diverged,
        best,
        oMin,
        oMed,
        oMax,
        relSpread,
        relMed,
        metric,
        mMin,
        mMed,
        mMax);
  }

  /** Test metric per (problem, method) over the trials (selected runs). */
  public static Table metrics(Data d) {
    StringColumn ds = StringColumn.create("dataset");
    DoubleColumn beta = DoubleColumn.create("beta");
    StringColumn method = StringColumn.create("method");
    StringColumn model = StringColumn.create("model");
    StringColumn metric = StringColumn.create("metric");
    IntColumn trials = IntColumn.create("trials");
    DoubleColumn mean = DoubleColumn.create("mean");
    DoubleColumn sd = DoubleColumn.create("sd");
    DoubleColumn mn = DoubleColumn.create("min");
    DoubleColumn mx = DoubleColumn.create("max");
    DoubleColumn obj = DoubleColumn.create("train_objective_mean");
    DoubleColumn gap = DoubleColumn.create("relative_gap_to_best");
    StringColumn lrs = StringColumn.create("selected_learning_rates");
    DoubleColumn wall = DoubleColumn.create("wall_seconds_mean");
    for (String p : d.problems()) {
      double b = d.best(p);
      for (Map.Entry<String, List<RunRec>> e : d.selected.get(p).entrySet()) {
        List<RunRec> rs = e.getValue();
        RunRec first = rs.get(0);
        double[] met = rs.stream().mapToDouble(RunRec::metric).filter(Double::isFinite).toArray();
        double[] o = rs.stream().mapToDouble(RunRec::objectiveOrInf).toArray();
        ds.append(first.dataset());
        beta.append(first.beta());
        method.append(e.getKey());
        model.append(first.model());
        metric.append(first.regression() ? "test_mse" : "test_accuracy");
        trials.append(rs.size());
        mean.append(mean(met));
        sd.append(sd(met));
        mn.append(min(met));
        mx.append(max(met));
        double om = mean(o);
        obj.append(Double.isFinite(om) ? om : Double.NaN);
        gap.append(Double.isFinite(om) ? (om - b) / Math.abs(b) : Double.NaN);
        StringBuilder sb = new StringBuilder();
        for (RunRec r : rs) {
          if (Double.isFinite(r.learningRate())) {
            sb.append(sb.length() == 0 ? "" : ";").append(r.learningRate());
          }
        }
        lrs.append(sb.toString());
        wall.append(mean(rs.stream().mapToDouble(RunRec::wallSeconds).toArray()));
      }
    }
    return Table.create(
        "metrics", ds, beta, method, model, metric, trials, mean, sd, mn, mx, obj, gap, lrs, wall);
  }

  static double min(double[] v) {
    return v.length == 0 ? Double.NaN : Arrays.stream(v).min().getAsDouble();
  }

  static double max(double[] v) {
    return v.length == 0 ? Double.NaN : Arrays.stream(v).max().getAsDouble();
  }

  static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  static double mean(double[] v) {
    return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
  }

  static double sd(double[] v) {
    if (v.length < 2) {
      return v.length == 1 ? 0.0 : Double.NaN;
    }
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / (v.length - 1));
  }
}
