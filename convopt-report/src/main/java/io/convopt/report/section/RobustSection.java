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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adversarial robustness ({@code compare-robust}): for one folder {@code robust*} of the results,
 * the checked claims (findings.csv), one figure per dataset of robust test accuracy against the
 * attack radius ε with a line per method (mean over seeds, a bar from the lowest to the highest
 * seed, from robust-summary.csv) and the summary table. Every file is optional; other CSVs of the
 * folder (runs, robustness, provenance) are shown as plain tables (long ones folded).
 */
public final class RobustSection {
  private RobustSection() {}

  public static final List<String> SUMMARY =
      List.of(
          "dataset",
          "method",
          "eps",
          "trials",
          "robust_mean",
          "robust_sd",
          "robust_min",
          "robust_max",
          "pgd_mean",
          "clean_mean");
  public static final List<String> FINDINGS = List.of("claim", "verdict", "evidence");

  private static final Map<String, String> COLOURS =
      Map.of("cr", "#d95f02", "cr-robust", "#1b9e77", "sgd", "#7570b3", "sgd-pgd", "#e7298a");

  /**
   * Builds the section of one robustness folder.
   *
   * @param folder the folder name ({@code robust} or {@code robust-quick})
   * @param tables the CSV files of that folder, by file name
   */
  public static Section build(String folder, Map<String, CsvTable> tables, Names names) {
    String id = names.unique(folder);
    String title = "Adversarial robustness (" + folder + ")";
    StringBuilder html =
        new StringBuilder(
            Html.p(
                "Two-layer ReLU networks trained four ways with the same width, beta and summed"
                    + " hinge loss: cr (standard convex program), cr-robust (convex adversarial"
                    + " training at eps_train), sgd, and sgd-pgd (SGD with PGD adversarial training"
                    + " at eps_train). Robust accuracy: the test rows still classified correctly"
                    + " under every seeded l_inf PGD attack of radius at most eps (standardised"
                    + " feature units, bias not perturbed); eps = 0 is the clean accuracy. PGD is a"
                    + " heuristic attack, so these are upper bounds on the worst-case accuracy."));
    List<Figure> figures = new ArrayList<>();
    String summary = "";
    CsvTable findings = tables.get("findings.csv");
    if (findings != null) {
      findings.require(FINDINGS.toArray(String[]::new));
      html.append("<h3>What the measurements say</h3>\n")
          .append(
              Html.table(
                  "data-table findings",
                  FINDINGS,
                  findings.rowCount(),
                  (r, c) -> Html.td(findings.text(r, FINDINGS.get(c)))));
      if (findings.rowCount() > 0) {
        summary =
            String.format(
                Locale.ROOT,
                "Adversarial robustness (%s): \"%s\" %s.",
                folder,
                findings.text(0, "claim"),
                findings.keyword(0, "verdict"));
      }
    }
    CsvTable t = tables.get("robust-summary.csv");
    if (t != null) {
      t.require(SUMMARY.toArray(String[]::new));
      html.append("<h3>Robust accuracy vs radius</h3>\n")
          .append(
              Html.p(
                  "Mean over seeds (line and markers) with "
                      + "a bar from the lowest to the highest seed."));
      for (Figure f : figures(id, t, names)) {
        figures.add(f);
        html.append(Html.figure(f));
      }
      List<String> head =
          List.of(
              "dataset",
              "method",
              "eps",
              "trials",
              "robust mean \u00b1 sd",
              "min",
              "max",
              "PGD (single radius) mean",
              "clean mean");
      html.append(
          Html.foldIfLong(
              Html.table(
                  "data-table robust",
                  head,
                  t.rowCount(),
                  (r, c) -> {
                    switch (c) {
                      case 0:
                        return Html.td(t.text(r, "dataset"));
                      case 1:
                        return Html.td(t.text(r, "method"));
                      case 2:
                        return Html.td(t.text(r, "eps"));
                      case 3:
                        return Html.td(t.text(r, "trials"));
                      case 4:
                        return Html.td(
                            fmt(opt(t, r, "robust_mean"))
                                + " \u00b1 "
                                + fmt(opt(t, r, "robust_sd")));
                      case 5:
                        return Html.td(fmt(opt(t, r, "robust_min")));
                      case 6:
                        return Html.td(fmt(opt(t, r, "robust_max")));
                      case 7:
                        return Html.td(fmt(opt(t, r, "pgd_mean")));
                      default:
                        return Html.td(fmt(opt(t, r, "clean_mean")));
                    }
                  }),
              t.rowCount(),
              "robust-summary.csv"));
    } else {
      html.append(Html.absent("robust-summary.csv"));
    }
    for (Map.Entry<String, CsvTable> other : tables.entrySet()) {
      if (!List.of("findings.csv", "robust-summary.csv").contains(other.getKey())) {
        CsvTable o = other.getValue();
        html.append("<h3>")
            .append(Html.esc(o.name()))
            .append("</h3>\n")
            .append(Html.foldIfLong(Html.plain(o, "data-table"), o.rowCount(), o.name()));
      }
    }
    if (summary.isEmpty()) {
      summary = "Adversarial robustness (" + folder + "): " + figures.size() + " figure(s).";
    }
    return new Section(id, title, html.toString(), figures, summary);
  }

  private static List<Figure> figures(String id, CsvTable t, Names names) {
    Map<String, Map<String, List<double[]>>> byDataset = new LinkedHashMap<>();
    for (int r = 0; r < t.rowCount(); r++) {
      byDataset
          .computeIfAbsent(t.text(r, "dataset"), k -> new LinkedHashMap<>())
          .computeIfAbsent(t.text(r, "method"), k -> new ArrayList<>())
          .add(
              new double[] {
                t.number(r, "eps"),
                opt(t, r, "robust_mean"),
                opt(t, r, "robust_min"),
                opt(t, r, "robust_max")
              });
    }
    List<Figure> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<double[]>>> d : byDataset.entrySet()) {
      XYPlot.Builder plot =
          XYPlot.builder(names.unique(id, "accuracy", d.getKey()))
              .title("Robust test accuracy vs eps: " + d.getKey())
              .labels("attack radius eps (l_inf, standardised units)", "robust test accuracy")
              .yDomain(new Range(-0.02, 1.04));
      StringBuilder caption =
          new StringBuilder(d.getKey() + ". Robust accuracy at the largest eps: ");
      boolean first = true;
      for (Map.Entry<String, List<double[]>> m : d.getValue().entrySet()) {
        List<double[]> pts = new ArrayList<>(m.getValue());
        pts.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        String c = COLOURS.getOrDefault(m.getKey(), "#666666");
        for (int i = 0; i < x.length; i++) {
          double[] p = pts.get(i);
          x[i] = p[0];
          y[i] = p[1];
          if (Double.isFinite(p[2]) && Double.isFinite(p[3]) && p[3] > p[2]) {
            plot.line(
                new Line(
                    null, c, new double[] {p[0], p[0]}, new double[] {p[2], p[3]}, null, 1, false));
          }
          plot.marker(
              Marker.of(null, p[0], p[1], MarkerShape.CIRCLE, c, true)
                  .withTooltip(m.getKey() + " eps " + Svg.value(p[0]) + ": " + Svg.value(p[1])));
        }
        Line l = Line.of(m.getKey(), c, x, y);
        plot.line(m.getKey().equals("cr") || m.getKey().equals("sgd") ? l.dashed("6 3") : l);
        caption
            .append(first ? "" : ", ")
            .append(m.getKey())
            .append(' ')
            .append(y.length == 0 ? "n/a" : Svg.value(y[y.length - 1]));
        first = false;
      }
      out.add(
          plot.caption(
                  caption
                      .append(". Dashed: standard training; solid: adversarial training.")
                      .toString())
              .build());
    }
    return out;
  }

  private static double opt(CsvTable t, int row, String column) {
    String s = t.textOrEmpty(row, column);
    return s.isEmpty() ? Double.NaN : t.number(row, column);
  }

  private static String fmt(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "\u2013";
  }
}
