package io.convopt.report.section;

import io.convopt.report.data.CsvTable;
import io.convopt.report.html.Html;
import io.convopt.report.plot.Figure;
import io.convopt.report.plot.Line;
import io.convopt.report.plot.Marker;
import io.convopt.report.plot.MarkerShape;
import io.convopt.report.plot.Range;
import io.convopt.report.plot.Svg;
import io.convopt.report.plot.XYPlot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Convex vs non-convex training ({@code compare-training}): for one folder {@code compare*} of the
 * results, the checked claims (findings.csv), the problems each method solves at the relative gaps
 * 1, 0.5, 0.1 and 0.01 (verdicts.csv, with each gap in gaps.csv), performance profiles per
 * tolerance (profile.csv), objective-vs-time traces per dataset and β (traces.csv with runs.csv),
 * min/median/max bars of the final objective relative to the best ReLU objective (sensitivity.csv)
 * and the test-metric table (metrics.csv). Every file is optional; the section says which are
 * missing. Time axes are log10 seconds (points at time 0 are left out).
 */
public final class CompareSection {
  private CompareSection() {}

  public static final List<String> PROFILE =
      List.of("method", "tolerance", "time_seconds", "fraction", "trials");
  public static final List<String> TRACES =
      List.of(
          "run_key",
          "dataset",
          "method",
          "beta",
          "learning_rate",
          "seed",
          "point",
          "wall_seconds",
          "objective");
  public static final List<String> SENSITIVITY =
      List.of(
          "dataset",
          "beta",
          "method",
          "best_objective",
          "objective_min",
          "objective_median",
          "objective_max");
  public static final List<String> METRICS =
      List.of(
          "dataset",
          "beta",
          "method",
          "metric",
          "trials",
          "mean",
          "sd",
          "train_objective_mean",
          "relative_gap_to_best");
  public static final List<String> FINDINGS = List.of("claim", "verdict", "evidence");
  public static final List<String> VERDICTS =
      List.of(
          "method",
          "problems",
          "solved_gap_1",
          "solved_gap_0.5",
          "solved_gap_0.1",
          "solved_gap_0.01",
          "claim_lower_than_adam");

  private static final Map<String, String> COLOURS =
      Map.of(
          "cg", "#1b9e77", "cr", "#d95f02", "sgd", "#7570b3", "adam", "#e7298a", "any", "#000000");

  /**
   * Builds the section of one comparison folder.
   *
   * @param folder the folder name (e.g. {@code compare} or {@code compare-quick})
   * @param tables the CSV files of that folder, by file name ({@code runs.csv}, {@code
   *     profile.csv}, …)
   */
  public static Section build(String folder, Map<String, CsvTable> tables, Names names) {
    String id = names.unique(folder);
    String title = "Convex vs non-convex training (" + folder + ")";
    StringBuilder html =
        new StringBuilder(
            Html.p(
                "The same two-layer ReLU network trained by the convex programs (CG: gated"
                    + " relaxation, R-FISTA; CR: constrained ReLU program, the solver named in"
                    + " provenance.csv) and by SGD/Adam on the same objective (half squared error"
                    + " summed + beta/2 squared weights). A problem is a dataset and beta; SGD/Adam"
                    + " use, per seed, the learning rate with the lowest training objective. In the"
                    + " profiles and figures CG, a different (gated) model, is compared with, but"
                    + " does not define, the best ReLU objective."));
    List<Figure> figures = new ArrayList<>();
    CsvTable findings = tables.get("findings.csv");
    String summary = "";
    if (findings != null) {
      findings.require(FINDINGS.toArray(String[]::new));
      html.append("<h3>What the measurements say</h3>\n")
          .append(
              Html.table(
                  "data-table findings",
                  FINDINGS,
                  findings.rowCount(),
                  (r, c) -> Html.td(findings.text(r, FINDINGS.get(c)))));
      int holds = 0;
      for (int r = 0; r < findings.rowCount(); r++) {
        holds += findings.keyword(r, "verdict").equals("holds") ? 1 : 0;
      }
      summary =
          String.format(
              Locale.ROOT,
              "Convex vs non-convex (%s): %d of %d claims hold on the measured problems.",
              folder,
              holds,
              findings.rowCount());
    }
    CsvTable verdicts = tables.get("verdicts.csv");
    if (verdicts != null) {
      verdicts.require(VERDICTS.toArray(String[]::new));
      html.append("<h3>Verdicts at the solved tolerances</h3>\n")
          .append(
              Html.p(
                  "Problems (dataset, beta, seed) each method solves: its final training objective"
                      + " f within (f - f_best)/|f_best| <= 1, 0.5, 0.1, 0.01 of the lowest final"
                      + " objective any method reached on that problem (CG's gated model included;"
                      + " SGD/Adam at their best learning rate). best_on: problems on which the"
                      + " method reached f_best; lower_than_adam: problems on which its f is below"
                      + " Adam's; claim_lower_than_adam: the verdict from the solved counts."))
          .append(Html.plain(verdicts, "data-table verdicts"));
      CsvTable gaps = tables.get("gaps.csv");
      if (gaps != null) {
        html.append(Html.plain(gaps, "data-table gaps"));
      }
    }
    CsvTable profile = tables.get("profile.csv");
    if (profile != null) {
      profile.require(PROFILE.toArray(String[]::new));
      html.append("<h3>Performance profiles</h3>\n")
          .append(
              Html.p(
                  "Fraction of trials whose training objective is within the tolerance (relative to"
                      + " the best ReLU objective found by any method) by the given time. Dashed:"
                      + " every learning rate counted as a trial; black dashed: problems solved by"
                      + " any ReLU run."));
      for (Figure f : profiles(id, profile, names)) {
        figures.add(f);
        html.append(Html.figure(f));
      }
    }
    CsvTable traces = tables.get("traces.csv");
    if (traces != null) {
      traces.require(TRACES.toArray(String[]::new));
      html.append("<h3>Objective vs time</h3>\n")
          .append(
              Html.p(
                  "Training objective of every run against its wall time (CG: one point per"
                      + " certificate check; CR: start and end; SGD/Adam: one point per epoch)."));
      for (Figure f : traceFigures(id, traces, names)) {
        figures.add(f);
        html.append(Html.figure(f));
      }
    }
    CsvTable sens = tables.get("sensitivity.csv");
    if (sens != null) {
      sens.require(SENSITIVITY.toArray(String[]::new));
      html.append("<h3>Sensitivity to hyper-parameters and seeds</h3>\n")
          .append(
              Html.p(
                  "Final objective divided by the best ReLU objective: bar from min to max over all"
                      + " runs (SGD/Adam: learning rates x seeds; convex: pattern seeds), marker at"
                      + " the median."));
      Figure f = sensitivityFigure(id, sens, names);
      figures.add(f);
      html.append(Html.figure(f));
      html.append(Html.plain(sens, "data-table"));
    }
    CsvTable metrics = tables.get("metrics.csv");
    if (metrics != null) {
      metrics.require(METRICS.toArray(String[]::new));
      html.append("<h3>Test metric per dataset</h3>\n")
          .append(
              Html.p(
                  "Mean \u00b1 s.d. over seeds (accuracy: "
                      + "higher is better; MSE in standardised target units: lower is better)."));
      List<String> head =
          List.of(
              "dataset",
              "beta",
              "method",
              "metric",
              "mean \u00b1 sd",
              "trials",
              "train objective",
              "gap to best");
      html.append(
          Html.foldIfLong(
              Html.table(
                  "data-table metrics",
                  head,
                  metrics.rowCount(),
                  (r, c) -> {
                    switch (c) {
                      case 0:
                        return Html.td(metrics.text(r, "dataset"));
                      case 1:
                        return Html.td(metrics.text(r, "beta"));
                      case 2:
                        return Html.td(metrics.text(r, "method"));
                      case 3:
                        return Html.td(metrics.text(r, "metric"));
                      case 4:
                        return Html.td(
                            fmt(opt(metrics, r, "mean")) + " \u00b1 " + fmt(opt(metrics, r, "sd")));
                      case 5:
                        return Html.td(metrics.text(r, "trials"));
                      case 6:
                        return Html.td(fmt(opt(metrics, r, "train_objective_mean")));
                      default:
                        return Html.td(fmt(opt(metrics, r, "relative_gap_to_best")));
                    }
                  }),
              metrics.rowCount(),
              "metrics.csv"));
    }
    for (String other : tables.keySet()) {
      if (!List.of(
              "findings.csv",
              "profile.csv",
              "traces.csv",
              "sensitivity.csv",
              "metrics.csv",
              "verdicts.csv",
              "gaps.csv")
          .contains(other)) {
        CsvTable t = tables.get(other);
        html.append("<h3>")
            .append(Html.esc(t.name()))
            .append("</h3>\n")
            .append(Html.plain(t, "data-table"));
      }
    }
    if (summary.isEmpty()) {
      summary = "Convex vs non-convex (" + folder + "): " + figures.size() + " figure(s).";
    }
    return new Section(id, title, html.toString(), figures, summary);
  }

  /** A numeric cell that may be empty (NaN then). */
  static double opt(CsvTable t, int row, String column) {
    String s = t.textOrEmpty(row, column);
    return s.isEmpty() ? Double.NaN : t.number(row, column);
  }

  private static String fmt(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "\u2013";
  }

  private static String colour(String method) {
    String base = method.endsWith("-all-lr") ? method.substring(0, method.length() - 7) : method;
    return COLOURS.getOrDefault(base, "#666666");
  }

  private static List<Figure> profiles(String id, CsvTable t, Names names) {
    Map<Double, Map<String, List<double[]>>> byTol = new TreeMap<>((a, b) -> Double.compare(b, a));
    for (int r = 0; r < t.rowCount(); r++) {
      byTol
          .computeIfAbsent(t.number(r, "tolerance"), k -> new LinkedHashMap<>())
          .computeIfAbsent(t.text(r, "method"), k -> new ArrayList<>())
          .add(new double[] {t.number(r, "time_seconds"), t.number(r, "fraction")});
    }
    List<Figure> out = new ArrayList<>();
    for (Map.Entry<Double, Map<String, List<double[]>>> e : byTol.entrySet()) {
      String tol = Svg.value(e.getKey());
      XYPlot.Builder plot =
          XYPlot.builder(names.unique(id, "profile", "tol", tol))
              .title("Performance profile, tolerance " + tol)
              .labels("log10 wall time [s]", "fraction of trials solved")
              .yDomain(new Range(-0.02, 1.04));
      StringBuilder caption = new StringBuilder("Tolerance " + tol + ". Final fractions: ");
      boolean first = true;
      for (Map.Entry<String, List<double[]>> m : e.getValue().entrySet()) {
        List<double[]> pts = m.getValue();
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        for (int i = 0; i < x.length; i++) {
          x[i] = pts.get(i)[0] > 0 ? Math.log10(pts.get(i)[0]) : Double.NaN;
          y[i] = pts.get(i)[1];
        }
        Line l = Line.of(m.getKey(), colour(m.getKey()), x, y);
        plot.line(
            m.getKey().endsWith("-all-lr")
                ? l.dashed("6 3")
                : m.getKey().equals("any") ? l.dashed("2 3") : l);
        caption
            .append(first ? "" : ", ")
            .append(m.getKey())
            .append(' ')
            .append(Svg.value(y[y.length - 1]));
        first = false;
      }
      out.add(plot.caption(caption.append('.').toString()).build());
    }
    return out;
  }

  private static List<Figure> traceFigures(String id, CsvTable t, Names names) {
    Map<String, Map<String, List<double[]>>> byProblem = new LinkedHashMap<>();
    Map<String, String> methodOf = new HashMap<>();
    for (int r = 0; r < t.rowCount(); r++) {
      String problem = t.text(r, "dataset") + ", beta " + t.text(r, "beta");
      String key = t.text(r, "run_key");
      if (t.text(r, "point").equals("0")) {
        byProblem.computeIfAbsent(problem, k -> new LinkedHashMap<>()).put(key, new ArrayList<>());
      }
      methodOf.put(key, t.text(r, "method"));
      double time = opt(t, r, "wall_seconds");
      double obj = opt(t, r, "objective");
      byProblem
          .computeIfAbsent(problem, k -> new LinkedHashMap<>())
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(new double[] {time > 0 ? Math.log10(time) : Double.NaN, obj});
    }
    List<Figure> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<double[]>>> p : byProblem.entrySet()) {
      XYPlot.Builder plot =
          XYPlot.builder(names.unique(id, "trace", p.getKey()))
              .title("Objective vs time: " + p.getKey())
              .labels("log10 wall time [s]", "training objective (log scale)")
              .logY(true);
      Map<String, Boolean> labelled = new HashMap<>();
      double lowest = Double.POSITIVE_INFINITY;
      String lowestBy = "";
      for (Map.Entry<String, List<double[]>> run : p.getValue().entrySet()) {
        String m = methodOf.get(run.getKey());
        double[] x = new double[run.getValue().size()];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          x[i] = run.getValue().get(i)[0];
          y[i] = run.getValue().get(i)[1];
          if (Double.isFinite(y[i]) && y[i] < lowest && !"cg".equals(m)) {
            lowest = y[i];
            lowestBy = m;
          }
        }
        String label = labelled.putIfAbsent(m, true) == null ? m : null;
        plot.line(new Line(label, colour(m), x, y, "cg".equals(m) ? "4 2" : null, 1.5, false));
        if (x.length > 0) {
          plot.marker(
              Marker.of(null, x[x.length - 1], y[y.length - 1], MarkerShape.CIRCLE, colour(m), true)
                  .withTooltip(run.getKey()));
        }
      }
      out.add(
          plot.caption(
                  p.getKey()
                      + ": "
                      + p.getValue().size()
                      + " runs; lowest ReLU objective "
                      + (Double.isFinite(lowest)
                          ? Svg.value(lowest) + " (" + lowestBy + ")"
                          : "n/a")
                      + "; CG (dashed) is the gated relaxation.")
              .build());
    }
    return out;
  }

  private static Figure sensitivityFigure(String id, CsvTable t, Names names) {
    XYPlot.Builder plot =
        XYPlot.builder(names.unique(id, "sensitivity"))
            .title("Final objective / best ReLU objective: min, median, max")
            .labels("problem (see caption); methods side by side", "objective / best (log scale)")
            .logY(true);
    Map<String, Integer> problems = new LinkedHashMap<>();
    Map<String, Integer> methods = new LinkedHashMap<>();
    for (int r = 0; r < t.rowCount(); r++) {
      problems.putIfAbsent(
          t.text(r, "dataset") + " beta " + t.text(r, "beta"), problems.size() + 1);
      methods.putIfAbsent(t.text(r, "method"), methods.size());
    }
    double width = 0.7;
    Map<String, Boolean> labelled = new HashMap<>();
    for (int r = 0; r < t.rowCount(); r++) {
      String m = t.text(r, "method");
      double best = opt(t, r, "best_objective");
      double lo = opt(t, r, "objective_min") / best;
      double med = opt(t, r, "objective_median") / best;
      double hi = opt(t, r, "objective_max") / best;
      double x =
          problems.get(t.text(r, "dataset") + " beta " + t.text(r, "beta"))
              + (methods.size() == 1
                  ? 0
                  : -width / 2 + width * methods.get(m) / (methods.size() - 1));
      String label = labelled.putIfAbsent(m, true) == null ? m : null;
      plot.line(
          new Line(label, colour(m), new double[] {x, x}, new double[] {lo, hi}, null, 3, false));
      plot.marker(
          Marker.of(null, x, med, MarkerShape.CIRCLE, colour(m), true)
              .withTooltip(
                  t.text(r, "dataset")
                      + " beta "
                      + t.text(r, "beta")
                      + " "
                      + m
                      + ": median "
                      + Svg.value(med)));
    }
    StringBuilder caption = new StringBuilder("Problems: ");
    for (Map.Entry<String, Integer> e : problems.entrySet()) {
      caption
          .append(e.getValue() == 1 ? "" : ", ")
          .append(e.getValue())
          .append(" = ")
          .append(e.getKey());
    }
    return plot.caption(caption.append('.').toString()).build();
  }
}
