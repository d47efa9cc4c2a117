package io.convopt.report.section;

import io.convopt.report.data.CsvTable;
import io.convopt.report.html.Html;
import io.convopt.report.plot.Colormap;
import io.convopt.report.plot.Field;
import io.convopt.report.plot.Figure;
import io.convopt.report.plot.Line;
import io.convopt.report.plot.Marker;
import io.convopt.report.plot.MarkerShape;
import io.convopt.report.plot.Svg;
import io.convopt.report.plot.XYPlot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * 2-D functions: a filled contour of f with every run's iterate path on top (the "2-D paths"
 * section), and distance-to-optimum curves against iterations and evaluations ("convergence").
 */
public final class PathSection {
  private PathSection() {}

  public static final List<String> CONTOUR_REQUIRED = List.of("function", "x", "y", "f");
  public static final List<String> PATH_REQUIRED =
      List.of(
          "function", "algorithm", "run", "iteration", "evaluations", "x", "y", "f", "distance");

  /** Both sections; index 0 is the paths section, index 1 the convergence section. */
  public static List<Section> build(List<CsvTable> contours, List<CsvTable> paths, Names names) {
    for (CsvTable t : contours) {
      t.require(CONTOUR_REQUIRED.toArray(String[]::new));
    }
    for (CsvTable t : paths) {
      t.require(PATH_REQUIRED.toArray(String[]::new));
    }
    Map<String, List<Groups.Ref>> contourByFn = Groups.by(contours, "function");
    Map<String, List<Groups.Ref>> pathsByFn = Groups.by(paths, "function");
    return List.of(pathSection(contourByFn, pathsByFn, names), convergence(pathsByFn, names));
  }

  /** One iterate path, sorted by iteration. */
  private record Run(
      String label, double[] it, double[] ev, double[] x, double[] y, double[] dist) {}

  private static Map<String, Run> runs(List<Groups.Ref> rows) {
    Map<String, List<Groups.Ref>> byRun = new LinkedHashMap<>();
    // Grouped by algorithm so the legend lists each algorithm's runs together; the run key
    // already names the algorithm in the tables' paths ("t2r1 zigzag1 from (0, 0)").
    List<Groups.Ref> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(r -> r.text("algorithm")));
    for (Groups.Ref r : sorted) {
      String run = r.text("run");
      String label = run.contains(r.text("algorithm")) ? run : r.text("algorithm") + " run " + run;
      byRun.computeIfAbsent(label, k -> new ArrayList<>()).add(r);
    }
    Map<String, Run> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Groups.Ref>> e : byRun.entrySet()) {
      List<Groups.Ref> rs = new ArrayList<>(e.getValue());
      rs.sort(Comparator.comparingDouble(r -> r.number("iteration")));
      int n = rs.size();
      double[] it = new double[n];
      double[] ev = new double[n];
      double[] x = new double[n];
      double[] y = new double[n];
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        Groups.Ref r = rs.get(i);
        it[i] = r.number("iteration");
        ev[i] = r.number("evaluations");
        x[i] = r.number("x");
        y[i] = r.number("y");
        d[i] = r.number("distance");
        r.number("f");
      }
      out.put(e.getKey(), new Run(e.getKey(), it, ev, x, y, d));
    }
    return out;
  }

  private static Section pathSection(
      Map<String, List<Groups.Ref>> contourByFn,
      Map<String, List<Groups.Ref>> pathsByFn,
      Names names) {
    String title = "2-D iterate paths";
    if (contourByFn.isEmpty()) {
      String note =
          pathsByFn.isEmpty()
              ? Html.absent("contours/*.csv or paths/*.csv")
              : Html.absent("contours/*.csv (paths are shown under convergence only)");
      return new Section("paths", title, note, List.of(), "");
    }
    List<Figure> figures = new ArrayList<>();
    StringBuilder html =
        new StringBuilder(
            Html.p(
                "Filled contours of f (bands at quantiles of f, yellow = high) with each"
                    + " algorithm's iterates on top. Hollow circles mark starts, filled squares the"
                    + " final iterates, the star the largest f on the grid."));
    for (Map.Entry<String, List<Groups.Ref>> fn : contourByFn.entrySet()) {
      Field field = field(fn.getValue());
      if (field == null) {
        html.append(
            Html.p(
                fn.getKey()
                    + ": the contour grid has fewer than 2 distinct x or y values; skipped."));
        continue;
      }
      XYPlot.Builder plot =
          XYPlot.builder(names.unique("paths", fn.getKey()))
              .title(fn.getKey() + ": f with iterate paths")
              .labels("x", "y")
              .field(field);
      double[][] z = field.z();
      double[] xs = field.xs();
      double[] ys = field.ys();
      int bi = -1;
      int bj = -1;
      for (int j = 0; j < ys.length; j++) {
        for (int i = 0; i < xs.length; i++) {
          if (Double.isFinite(z[j][i]) && (bi < 0 || z[j][i] > z[bj][bi])) {
            bi = i;
            bj = j;
          }
        }
      }
      Map<String, Run> runs = runs(pathsByFn.getOrDefault(fn.getKey(), List.of()));
      int k = 0;
      StringBuilder ends = new StringBuilder();
      for (Run run : runs.values()) {
        String colour = Colormap.category(k);
        Line line = Line.of(run.label(), colour, run.x(), run.y()).withHalo();
        String dash = Colormap.categoryDash(k);
        plot.line(dash == null ? line : line.dashed(dash));
        int last = run.x().length - 1;
        plot.marker(
            Marker.of(
                    k == 0 ? "start" : null,
                    run.x()[0],
                    run.y()[0],
                    MarkerShape.CIRCLE,
                    colour,
                    false)
                .withTooltip(
                    run.label()
                        + " start ("
                        + Svg.value(run.x()[0])
                        + ", "
                        + Svg.value(run.y()[0])
                        + ")"));
        plot.marker(
            Marker.of(
                    k == 0 ? "end" : null,
                    run.x()[last],
                    run.y()[last],
                    MarkerShape.SQUARE,
                    colour,
                    true)
                .withTooltip(
                    run.label()
                        + " end ("
                        + Svg.value(run.x()[last])
                        + ", "
                        + Svg.value(run.y()[last])
                        + ")"));
        ends.append(k == 0 ? "" : "; ")
            .append(run.label())
            .append(" ends at (")
            .append(Svg.value(run.x()[last]))
            .append(", ")
            .append(Svg.value(run.y()[last]))
            .append(')');
        k++;
      }
      if (bi >= 0) {
        plot.marker(
            Marker.of("max f on grid", xs[bi], ys[bj], MarkerShape.STAR, "#000000", true)
                .withTooltip(
                    "largest f on the grid at ("
                        + Svg.value(xs[bi])
                        + ", "
                        + Svg.value(ys[bj])
                        + ")"));
      }
      String caption =
          fn.getKey()
              + ": "
              + runs.size()
              + " run(s)"
              + (ends.length() > 0 ? "; " + ends : "")
              + ".";
      figures.add(plot.caption(caption).build());
    }
    for (Figure f : figures) {
      html.append(Html.figure(f));
    }
    return new Section(
        "paths", title, html.toString(), figures, figures.size() + " contour/path figure(s).");
  }

  /** Builds the grid from (x, y, f) rows; missing grid points become NaN. Null if degenerate. */
  static Field field(List<Groups.Ref> rows) {
    TreeSet<Double> xs = new TreeSet<>();
    TreeSet<Double> ys = new TreeSet<>();
    for (Groups.Ref r : rows) {
      xs.add(r.number("x"));
      ys.add(r.number("y"));
    }
    if (xs.size() < 2 || ys.size() < 2) {
      return null;
    }
    double[] gx = xs.stream().mapToDouble(Double::doubleValue).toArray();
    double[] gy = ys.stream().mapToDouble(Double::doubleValue).toArray();
    double[][] z = new double[gy.length][gx.length];
    for (double[] row : z) {
      Arrays.fill(row, Double.NaN);
    }
    for (Groups.Ref r : rows) {
      int i = Arrays.binarySearch(gx, r.number("x"));
      int j = Arrays.binarySearch(gy, r.number("y"));
      z[j][i] = r.number("f");
    }
    return new Field(gx, gy, z, "f", 12);
  }

  private static Section convergence(Map<String, List<Groups.Ref>> pathsByFn, Names names) {
    String title = "Convergence";
    if (pathsByFn.isEmpty()) {
      return new Section("convergence", title, Html.absent("paths/*.csv"), List.of(), "");
    }
    List<Figure> figures = new ArrayList<>();
    StringBuilder html =
        new StringBuilder(
            Html.p(
                "Distance of the iterate to the optimum against iterations and against function"
                    + " evaluations, one line per (algorithm, run). The y axis is logarithmic when"
                    + " every distance is positive."));
    for (Map.Entry<String, List<Groups.Ref>> fn : pathsByFn.entrySet()) {
      Map<String, Run> runs = runs(fn.getValue());
      boolean positive = true;
      for (Run r : runs.values()) {
        for (double d : r.dist()) {
          positive &= d > 0 && Double.isFinite(d);
        }
      }
      Map<String, String> algorithms = new LinkedHashMap<>();
      for (String[] axis :
          new String[][] {{"iteration", "iterations"}, {"evaluations", "evaluations"}}) {
        XYPlot.Builder plot =
            XYPlot.builder(names.unique("convergence", fn.getKey(), axis[1]))
                .title(fn.getKey() + ": distance to the optimum vs " + axis[1])
                .labels(axis[0], "distance to optimum" + (positive ? " (log)" : ""))
                .logY(positive);
        int k = 0;
        for (Run r : runs.values()) {
          Line line =
              Line.of(
                  r.label(),
                  Colormap.category(k),
                  axis[0].equals("iteration") ? r.it() : r.ev(),
                  r.dist());
          String dash = Colormap.categoryDash(k);
          plot.line(dash == null ? line : line.dashed(dash));
          algorithms.put(r.label(), Svg.value(r.dist()[r.dist().length - 1]));
          k++;
        }
        StringBuilder caption =
            new StringBuilder(fn.getKey() + ", vs " + axis[1] + ". Final distance: ");
        int i = 0;
        for (Map.Entry<String, String> a : algorithms.entrySet()) {
          caption.append(i++ == 0 ? "" : "; ").append(a.getKey()).append(" ").append(a.getValue());
        }
        figures.add(plot.caption(caption.append('.').toString()).build());
      }
    }
    for (Figure f : figures) {
      html.append(Html.figure(f));
    }
    LinkedHashSet<String> fns = new LinkedHashSet<>(pathsByFn.keySet());
    return new Section(
        "convergence",
        title,
        html.toString(),
        figures,
        figures.size() + " convergence figure(s) for " + String.join(", ", fns) + ".");
  }
}
