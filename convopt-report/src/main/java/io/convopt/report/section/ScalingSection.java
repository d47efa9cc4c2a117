package io.convopt.report.section;

import io.convopt.report.data.CsvTable;
import io.convopt.report.html.Html;
import io.convopt.report.plot.Colormap;
import io.convopt.report.plot.Figure;
import io.convopt.report.plot.Line;
import io.convopt.report.plot.Range;
import io.convopt.report.plot.XYPlot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The scaling study ({@code scaling/scaling.csv}): for each evaluation budget per dimension, the
 * mean success rate of every solver against the dimension, and a plain statement of the cells where
 * the multi-resolution convolution solver matches or beats the best peer and where it falls behind.
 */
public final class ScalingSection {
  private ScalingSection() {}

  public static final List<String> REQUIRED =
      List.of("solver", "dimension", "budget_per_dim", "mean_success_rate");

  /** The solver whose wins and losses the summary states. */
  static final String FOCUS = "conv-multires";

  public static Section build(CsvTable t, Names names) {
    String title = "Scaling: dimension x budget";
    if (t == null) {
      return new Section(
          "scaling", title, Html.absent("scaling/scaling.csv (./convopt scaling)"), List.of(), "");
    }
    t.require(REQUIRED.toArray(String[]::new));
    TreeSet<Double> budgets = new TreeSet<>();
    List<String> solvers = new ArrayList<>();
    for (int r = 0; r < t.rowCount(); r++) {
      budgets.add(t.number(r, "budget_per_dim"));
      t.number(r, "dimension");
      t.number(r, "mean_success_rate");
      if (!solvers.contains(t.text(r, "solver"))) {
        solvers.add(t.text(r, "solver"));
      }
    }
    List<Figure> figures = new ArrayList<>();
    for (double b : budgets) {
      XYPlot.Builder plot =
          XYPlot.builder(names.unique("scaling", "b" + (long) b))
              .title(String.format(Locale.ROOT, "Budget %d evaluations per dimension", (long) b))
              .caption(
                  String.format(
                      Locale.ROOT,
                      "Mean success rate over the study's functions vs dimension, budget %d*d.",
                      (long) b))
              .labels("dimension d", "mean success rate")
              .yDomain(new Range(0, 1));
      for (int i = 0; i < solvers.size(); i++) {
        TreeMap<Double, Double> curve = new TreeMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
          if (t.text(r, "solver").equals(solvers.get(i)) && t.number(r, "budget_per_dim") == b) {
            curve.put(t.number(r, "dimension"), t.number(r, "mean_success_rate"));
          }
        }
        double[] x = curve.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = curve.values().stream().mapToDouble(Double::doubleValue).toArray();
        Line l = Line.of(solvers.get(i), Colormap.category(i), x, y);
        plot.line(i >= 8 ? l.dashed(Colormap.categoryDash(i)) : l);
      }
      figures.add(plot.build());
    }
    String verdict = verdict(t);
    StringBuilder html = new StringBuilder(Html.p(verdict));
    figures.forEach(f -> html.append(Html.figure(f)));
    html.append(Html.plain(t, "data-table"));
    return new Section("scaling", title, html.toString(), figures, verdict);
  }

  /**
   * Cells (d, B) where the focus solver's success rate is ≥ the best other solver's, and where it
   * is below.
   */
  static String verdict(CsvTable t) {
    TreeMap<String, double[]> cells = new TreeMap<>(); // key -> {focus, best other}
    for (int r = 0; r < t.rowCount(); r++) {
      String key =
          String.format(
              Locale.ROOT,
              "d=%d/B=%d",
              (long) t.number(r, "dimension"),
              (long) t.number(r, "budget_per_dim"));
      double[] c =
          cells.computeIfAbsent(key, k -> new double[] {Double.NaN, Double.NEGATIVE_INFINITY});
      double v = t.number(r, "mean_success_rate");
      if (t.text(r, "solver").equals(FOCUS)) {
        c[0] = v;
      } else {
        c[1] = Math.max(c[1], v);
      }
    }
    List<String> wins = new ArrayList<>();
    List<String> losses = new ArrayList<>();
    for (var e : cells.entrySet()) {
      double[] c = e.getValue();
      if (Double.isNaN(c[0]) || c[1] == Double.NEGATIVE_INFINITY) {
        continue;
      }
      (c[0] >= c[1] ? wins : losses).add(e.getKey());
    }
    if (wins.isEmpty() && losses.isEmpty()) {
      return "Scaling: " + FOCUS + " is not in the study.";
    }
    return "Scaling: "
        + FOCUS
        + " matches or beats the best other solver in "
        + wins.size()
        + " of "
        + (wins.size() + losses.size())
        + " (dimension, budget) cells"
        + (wins.isEmpty() ? "" : " (" + String.join(", ", wins) + ")")
        + "; it falls behind in "
        + (losses.isEmpty() ? "none" : String.join(", ", losses))
        + ".";
  }
}
