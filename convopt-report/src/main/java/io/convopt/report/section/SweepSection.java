package io.convopt.report.section;

import io.convopt.report.data.CsvTable;
import io.convopt.report.html.Html;
import io.convopt.report.plot.CategoryHeatmap;
import io.convopt.report.plot.Figure;
import io.convopt.report.plot.Svg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parameter sweeps: each sweep file as a (folded) table, and per (function, algorithm) a heatmap of
 * the mean final error over the starts, on the η × N grid. Colour is logarithmic when the errors
 * are positive and span more than two decades.
 */
public final class SweepSection {
  private SweepSection() {}

  public static final List<String> REQUIRED =
      List.of("function", "algorithm", "eta", "power", "start", "final_error");

  public static Section build(List<CsvTable> tables, Names names) {
    String title = "Parameter sweeps";
    if (tables.isEmpty()) {
      return new Section("sweeps", title, Html.absent("sweeps/*.csv"), List.of(), "");
    }
    for (CsvTable t : tables) {
      t.require(REQUIRED.toArray(String[]::new));
      for (int r = 0; r < t.rowCount(); r++) {
        t.number(r, "eta");
        t.number(r, "power");
        t.number(r, "final_error");
      }
    }
    StringBuilder html =
        new StringBuilder(
            Html.p(
                "Final error (mean over starts; non-finite runs left out of the mean) for each step"
                    + " size \u03b7 and power N."));
    List<Figure> figures = new ArrayList<>();
    for (Map.Entry<String, List<Groups.Ref>> g :
        Groups.by(tables, "function", "algorithm").entrySet()) {
      figures.add(heatmap(g.getKey(), g.getValue(), names));
    }
    for (Figure f : figures) {
      html.append(Html.figure(f));
    }
    for (CsvTable t : tables) {
      html.append("<h3>")
          .append(Html.esc(t.name()))
          .append("</h3>\n")
          .append(Html.plain(t, "data-table"));
    }
    return new Section(
        "sweeps", title, html.toString(), figures, figures.size() + " sweep heatmap(s).");
  }

  private static Figure heatmap(String key, List<Groups.Ref> rows, Names names) {
    // Category labels keep the text as written, ordered by numeric value.
    TreeMap<Double, String> etas = new TreeMap<>();
    TreeMap<Double, String> powers = new TreeMap<>();
    for (Groups.Ref r : rows) {
      etas.putIfAbsent(r.number("eta"), r.text("eta"));
      powers.putIfAbsent(r.number("power"), r.text("power"));
    }
    List<Double> ex = new ArrayList<>(etas.keySet());
    List<Double> py = new ArrayList<>(powers.keySet());
    double[][] sum = new double[py.size()][ex.size()];
    int[][] n = new int[py.size()][ex.size()];
    int dropped = 0;
    for (Groups.Ref r : rows) {
      double e = r.number("final_error");
      if (!Double.isFinite(e)) {
        dropped++;
        continue;
      }
      int i = ex.indexOf(r.number("eta"));
      int j = py.indexOf(r.number("power"));
      sum[j][i] += e;
      n[j][i]++;
    }
    double[][] mean = new double[py.size()][ex.size()];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    String best = "";
    for (int j = 0; j < py.size(); j++) {
      for (int i = 0; i < ex.size(); i++) {
        mean[j][i] = n[j][i] == 0 ? Double.NaN : sum[j][i] / n[j][i];
        if (n[j][i] > 0) {
          if (mean[j][i] < lo) {
            best =
                "; best \u03b7 = "
                    + etas.get(ex.get(i))
                    + ", N = "
                    + powers.get(py.get(j))
                    + " ("
                    + Svg.value(mean[j][i])
                    + ")";
          }
          lo = Math.min(lo, mean[j][i]);
          hi = Math.max(hi, mean[j][i]);
        }
      }
    }
    boolean log = lo > 0 && hi / lo > 100;
    String caption =
        key
            + ": mean final error over "
            + rows.size()
            + " run(s)"
            + (dropped > 0 ? " (" + dropped + " non-finite left out)" : "")
            + best
            + "; lower is better.";
    return new CategoryHeatmap(
        names.unique("sweep", key),
        key + ": mean final error",
        caption,
        "\u03b7 (step size)",
        "N (power)",
        new ArrayList<>(etas.values()),
        new ArrayList<>(powers.values()),
        mean,
        "final error",
        log);
  }
}
