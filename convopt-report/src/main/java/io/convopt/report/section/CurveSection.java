package io.convopt.report.section;

import io.convopt.report.data.CsvTable;
import io.convopt.report.html.Html;
import io.convopt.report.plot.Colormap;
import io.convopt.report.plot.Figure;
import io.convopt.report.plot.Line;
import io.convopt.report.plot.Marker;
import io.convopt.report.plot.MarkerShape;
import io.convopt.report.plot.Range;
import io.convopt.report.plot.Svg;
import io.convopt.report.plot.XYPlot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 1-D surrogate curves: f scaled to [0, 1] and F = g_δ * (f + C)^N normalised to [0, 1] for each
 * power N, with argmin F per N and argmax f marked. As N grows the argmin of F should move towards
 * argmax f, which is the paper's central claim in one picture.
 */
public final class CurveSection {
  private CurveSection() {}

  public static final List<String> REQUIRED = List.of("function", "power", "x", "f", "F");

  public static Section build(List<CsvTable> tables, Names names) {
    String title = "1-D surrogate curves";
    if (tables.isEmpty()) {
      return new Section("curves", title, Html.absent("curves/*.csv"), List.of(), "");
    }
    List<Figure> figures = new ArrayList<>();
    StringBuilder html = new StringBuilder();
    html.append(
        Html.p(
            "Each panel shows f scaled to [0, 1] (black, dashed) and the surrogate F = g\u03b4 * (f"
                + " + C)^N normalised to [0, 1] for several powers N. Circles mark argmin F for"
                + " each N; the star marks argmax f. As N grows the minimiser of F should walk"
                + " towards argmax f."));
    for (CsvTable t : tables) {
      t.require(REQUIRED.toArray(String[]::new));
    }
    for (Map.Entry<String, List<Groups.Ref>> fn : Groups.by(tables, "function").entrySet()) {
      figures.add(figure(fn.getKey(), fn.getValue(), names));
    }
    for (Figure f : figures) {
      html.append(Html.figure(f));
    }
    return new Section(
        "curves", title, html.toString(), figures, figures.size() + " surrogate-curve figure(s).");
  }

  private static Figure figure(String function, List<Groups.Ref> rows, Names names) {
    // power -> rows sorted by x; TreeMap orders the powers numerically.
    Map<Double, List<Groups.Ref>> byPower = new TreeMap<>();
    for (Groups.Ref r : rows) {
      byPower.computeIfAbsent(r.number("power"), k -> new ArrayList<>()).add(r);
    }
    XYPlot.Builder plot =
        XYPlot.builder(names.unique("curves", function))
            .title(function + ": f and the surrogate F for each N")
            .labels("x", "value scaled to [0, 1]")
            .yDomain(new Range(-0.02, 1.04));
    StringBuilder caption = new StringBuilder(function + ". argmin F: ");
    int k = 0;
    int powers = byPower.size();
    double[] fx = null;
    double[] fv = null;
    for (Map.Entry<Double, List<Groups.Ref>> e : byPower.entrySet()) {
      List<Groups.Ref> rs = new ArrayList<>(e.getValue());
      rs.sort(Comparator.comparingDouble(r -> r.number("x")));
      double[] x = new double[rs.size()];
      double[] f = new double[rs.size()];
      double[] big = new double[rs.size()];
      for (int i = 0; i < rs.size(); i++) {
        x[i] = rs.get(i).number("x");
        f[i] = rs.get(i).number("f");
        big[i] = rs.get(i).number("F");
      }
      if (fx == null) {
        fx = x;
        fv = f;
      }
      String colour = Colormap.viridis(powers == 1 ? 0 : 0.85 * k / (powers - 1));
      String n = Svg.value(e.getKey());
      plot.line(Line.of("F, N = " + n, colour, x, Groups.unit(big)));
      int best = Groups.argBest(big, 1);
      if (best >= 0) {
        plot.marker(
            Marker.of(
                    k == 0 ? "argmin F (colour = N)" : null,
                    x[best],
                    Groups.unit(big)[best],
                    MarkerShape.CIRCLE,
                    colour,
                    true)
                .withTooltip("argmin F for N = " + n + ": x = " + Svg.value(x[best])));
        caption
            .append(k == 0 ? "" : ", ")
            .append("N=")
            .append(n)
            .append(" \u2192 ")
            .append(Svg.value(x[best]));
      }
      k++;
    }
    if (fx != null) {
      double[] fs = Groups.unit(fv);
      plot.line(Line.of("f (scaled)", "#000000", fx, fs).dashed("6 4"));
      int top = Groups.argBest(fv, -1);
      if (top >= 0) {
        plot.marker(
            Marker.of("argmax f", fx[top], fs[top], MarkerShape.STAR, "#000000", true)
                .withTooltip("argmax f: x = " + Svg.value(fx[top])));
        caption.append("; argmax f = ").append(Svg.value(fx[top]));
      }
    }
    caption.append('.');
    return plot.caption(caption.toString()).build();
  }
}
