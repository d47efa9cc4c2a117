package io.convopt.report.section;

import io.convopt.report.data.CsvTable;
import io.convopt.report.html.Html;
import io.convopt.report.plot.CategoryHeatmap;
import io.convopt.report.plot.Colormap;
import io.convopt.report.plot.Figure;
import io.convopt.report.plot.Line;
import io.convopt.report.plot.Range;
import io.convopt.report.plot.XYPlot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The global-optimization benchmark ({@code benchmark/summary.csv}, {@code
 * benchmark/data_profile.csv}): a solver × function heatmap of the success rate, the data profile
 * (fraction of (function, run) pairs solved vs evaluations per dimension, log scale) and the
 * summary table with ERT. Losses are shown exactly like wins: every registered solver appears,
 * sorted by mean success rate.
 */
public final class GlobalBenchmarkSection {
  private GlobalBenchmarkSection() {}

  public static final List<String> SUMMARY =
      List.of("solver", "function", "runs", "successes", "success_rate", "ert");
  public static final List<String> PROFILE = List.of("solver", "budget_per_dim", "fraction_solved");

  /**
   * @param summary {@code benchmark/summary.csv} or null
   * @param profile {@code benchmark/data_profile.csv} or null
   */
  public static Section build(CsvTable summary, CsvTable profile, Names names) {
    String title = "Global-optimization benchmark";
    if (summary == null) {
      return new Section(
          "benchmark",
          title,
          Html.absent("benchmark/summary.csv (./convopt benchmark)"),
          List.of(),
          "");
    }
    summary.require(SUMMARY.toArray(String[]::new));
    List<String> solvers = new ArrayList<>();
    List<String> functions = new ArrayList<>();
    for (int r = 0; r < summary.rowCount(); r++) {
      addOnce(solvers, summary.text(r, "solver"));
      addOnce(functions, summary.text(r, "function"));
      summary.number(r, "success_rate");
      summary.number(r, "ert");
    }
    double[][] rate = new double[solvers.size()][functions.size()];
    double[] logErt = new double[solvers.size()];
    for (double[] row : rate) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    for (int r = 0; r < summary.rowCount(); r++) {
      int s = solvers.indexOf(summary.text(r, "solver"));
      rate[s][functions.indexOf(summary.text(r, "function"))] = summary.number(r, "success_rate");
      // Ties in success rate are broken by the geometric mean ERT; an unsolved function counts as
      // 1e12 evaluations, so "never solved" always ranks below "solved late".
      double ert = summary.number(r, "ert");
      logErt[s] += Math.log10(Double.isFinite(ert) && ert > 0 ? ert : 1e12);
    }
    // Best solvers first, so the heatmap reads top-down as a ranking.
    Map<String, Double> mean = new LinkedHashMap<>();
    for (int s = 0; s < solvers.size(); s++) {
      double sum = 0;
      int n = 0;
      for (double v : rate[s]) {
        if (Double.isFinite(v)) {
          sum += v;
          n++;
        }
      }
      mean.put(solvers.get(s), n == 0 ? Double.NaN : sum / n);
    }
    List<String> order = new ArrayList<>(solvers);
    order.sort(
        (a, b) ->
            mean.get(b).equals(mean.get(a))
                ? Double.compare(logErt[solvers.indexOf(a)], logErt[solvers.indexOf(b)])
                : Double.compare(mean.get(b), mean.get(a)));
    double[][] sorted = new double[order.size()][];
    for (int i = 0; i < order.size(); i++) {
      sorted[i] = rate[solvers.indexOf(order.get(i))];
    }
    List<Figure> figures = new ArrayList<>();
    figures.add(
        new CategoryHeatmap(
            names.unique("benchmark", "success"),
            "Success rate per solver and function",
            "Fraction of seeded runs that reached |f - f*| <= 1e-3 (absolute) within the evaluation"
                + " budget; solvers"
                + " sorted by mean success rate, ties by geometric-mean ERT (best first).",
            "function",
            "solver",
            functions,
            order,
            sorted,
            "success rate",
            false));
    if (profile != null) {
      profile.require(PROFILE.toArray(String[]::new));
      figures.add(dataProfile(profile, order, names));
    }
    StringBuilder html =
        new StringBuilder(
            Html.p(
                "Every solver under the same evaluation budget, charged for every call of f (grid"
                    + " samples included); ERT = expected evaluations to success (failures charged"
                    + " the full budget)."));
    for (Figure f : figures) {
      html.append(Html.figure(f));
    }
    html.append(Html.plain(summary, "data-table"));
    String best = order.get(0);
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Benchmark: %d solvers x %d functions;"
                    + " ranked first %s (mean success %.0f%%, geometric-mean ERT %.0f)",
                solvers.size(),
                functions.size(),
                best,
                100 * mean.get(best),
                Math.pow(10, logErt[solvers.indexOf(best)] / functions.size())));
    for (String s : order) {
      if (s.startsWith("conv")
          || s.startsWith("zigzag")
          || s.equals("median")
          || s.equals("continuation")) {
        line.append(
            String.format(
                Locale.ROOT,
                "; best convolution solver %s, rank %d (mean success %.0f%%)",
                s,
                order.indexOf(s) + 1,
                100 * mean.get(s)));
        break;
      }
    }
    return new Section("benchmark", title, html.toString(), figures, line + ".");
  }

  private static Figure dataProfile(CsvTable profile, List<String> order, Names names) {
    XYPlot.Builder b =
        XYPlot.builder(names.unique("benchmark", "data-profile"))
            .title("Data profile")
            .caption(
                "Fraction of (function, run) pairs solved within a budget of 10^x evaluations per"
                    + " dimension.")
            .labels("log10(evaluations / dimension)", "fraction solved")
            .yDomain(new Range(0, 1));
    Map<String, List<double[]>> points = new LinkedHashMap<>();
    for (int r = 0; r < profile.rowCount(); r++) {
      double budget = profile.number(r, "budget_per_dim");
      double fraction = profile.number(r, "fraction_solved");
      if (budget > 0 && Double.isFinite(fraction)) {
        points
            .computeIfAbsent(profile.text(r, "solver"), k -> new ArrayList<>())
            .add(new double[] {Math.log10(budget), fraction});
      }
    }
    int i = 0;
    for (String s : order) {
      List<double[]> p = points.get(s);
      if (p == null) {
        continue;
      }
      p.sort((u, v) -> Double.compare(u[0], v[0]));
      double[] x = new double[p.size()];
      double[] y = new double[p.size()];
      for (int k = 0; k < x.length; k++) {
        x[k] = p.get(k)[0];
        y[k] = p.get(k)[1];
      }
      Line l = Line.of(s, Colormap.category(i), x, y);
      b.line(i >= 8 ? l.dashed(Colormap.categoryDash(i)) : l);
      i++;
    }
    return b.build();
  }

  private static void addOnce(List<String> list, String v) {
    if (!list.contains(v)) {
      list.add(v);
    }
  }
}
