package io.convopt.report.section;

import io.convopt.report.data.BenchmarkResult;
import io.convopt.report.html.Html;
import io.convopt.report.plot.Svg;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JMH results as a table, plus the vector-over-scalar speed-up wherever a benchmark exists in a
 * scalar and a vector variant with equal mode and parameters (the variant is recognised in the
 * method name or in a parameter value). Ratios within one run are what the style guide asks us to
 * report on noisy shared cores.
 */
public final class BenchmarkSection {
  private BenchmarkSection() {}

  /** A matched scalar/vector pair; speed-up > 1 means the vector variant is faster. */
  public record Pair(String key, String params, BenchmarkResult scalar, BenchmarkResult vector) {
    public double speedup() {
      return scalar.timeMode() ? scalar.score() / vector.score() : vector.score() / scalar.score();
    }
  }

  public static Section build(Map<String, List<BenchmarkResult>> files) {
    String title = "Kernel micro-benchmarks (JMH)";
    if (files.isEmpty()) {
      return new Section("benchmarks", title, Html.absent("bench/*.json"), List.of(), "");
    }
    List<BenchmarkResult> all = new ArrayList<>();
    files.values().forEach(all::addAll);
    List<String> headers =
        List.of(
            "benchmark", "mode", "params", "score", "\u00b1 error", "unit", "secondary metrics");
    StringBuilder html = new StringBuilder();
    html.append(
        Html.p(all.size() + " JMH result(s) from " + String.join(", ", files.keySet()) + "."));
    html.append(
        Html.foldIfLong(
            Html.table(
                "bench-table",
                headers,
                all.size(),
                (r, c) -> {
                  BenchmarkResult b = all.get(r);
                  return switch (c) {
                    case 0 ->
                        "<td title=\""
                            + Html.esc(b.benchmark())
                            + "\">"
                            + Html.esc(b.shortName())
                            + "</td>";
                    case 1 -> Html.td(b.mode());
                    case 2 -> Html.td(b.paramText());
                    case 3 -> "<td class=\"num\">" + Html.esc(Svg.value(b.score())) + "</td>";
                    case 4 -> "<td class=\"num\">" + Html.esc(Svg.value(b.scoreError())) + "</td>";
                    case 5 -> Html.td(b.unit());
                    default -> Html.td(b.secondary().toString().replaceAll("[{}]", ""));
                  };
                }),
            all.size(),
            "benchmarks"));
    List<Pair> pairs = pairs(all);
    String summary = all.size() + " benchmark result(s)";
    if (!pairs.isEmpty()) {
      html.append("<h3>Vector over scalar</h3>\n");
      html.append(
          Html.p(
              "Speed-up of the vector variant over the scalar one, measured in the same run (time"
                  + " modes: scalar / vector; throughput: vector / scalar). Above 1 means the"
                  + " vector code is faster."));
      html.append(
          Html.table(
              "ratio-table",
              List.of("benchmark", "mode", "params", "scalar", "vector", "speed-up"),
              pairs.size(),
              (r, c) -> {
                Pair p = pairs.get(r);
                return switch (c) {
                  case 0 -> Html.td(p.key());
                  case 1 -> Html.td(p.scalar().mode());
                  case 2 -> Html.td(p.params());
                  case 3 ->
                      "<td class=\"num\">"
                          + Html.esc(Svg.value(p.scalar().score()) + " " + p.scalar().unit())
                          + "</td>";
                  case 4 ->
                      "<td class=\"num\">"
                          + Html.esc(Svg.value(p.vector().score()) + " " + p.vector().unit())
                          + "</td>";
                  default ->
                      "<td class=\"num ratio\">" + Html.esc(Svg.value(p.speedup())) + "\u00d7</td>";
                };
              }));
      summary += ", " + pairs.size() + " scalar/vector pair(s)";
    }
    return new Section("benchmarks", title, html.toString(), List.of(), summary + ".");
  }

  /** Scalar/vector pairs with equal benchmark stem, mode and remaining parameters. */
  public static List<Pair> pairs(List<BenchmarkResult> all) {
    Map<String, BenchmarkResult[]> byKey = new LinkedHashMap<>();
    for (BenchmarkResult b : all) {
      String variant = null;
      String name = b.benchmark();
      String lower = name.toLowerCase(Locale.ROOT);
      Map<String, String> rest = new java.util.TreeMap<>();
      for (Map.Entry<String, String> e : b.params().entrySet()) {
        String v = e.getValue().toLowerCase(Locale.ROOT);
        if (variant == null && (v.equals("scalar") || v.equals("vector"))) {
          variant = v;
        } else {
          rest.put(e.getKey(), e.getValue());
        }
      }
      if (variant == null) {
        int s = lower.lastIndexOf("scalar");
        int v = lower.lastIndexOf("vector");
        if (s >= 0 && s > v) {
          variant = "scalar";
          name = name.substring(0, s) + "*" + name.substring(s + 6);
        } else if (v >= 0) {
          variant = "vector";
          name = name.substring(0, v) + "*" + name.substring(v + 6);
        }
      }
      if (variant == null) {
        continue;
      }
      String shortName = name.substring(name.lastIndexOf('.') + 1);
      StringBuilder restText = new StringBuilder();
      rest.forEach(
          (k, v) ->
              restText.append(restText.length() == 0 ? "" : ", ").append(k).append('=').append(v));
      String key = shortName + "\u0000" + b.mode() + "\u0000" + restText;
      BenchmarkResult[] slot = byKey.computeIfAbsent(key, k -> new BenchmarkResult[2]);
      slot[variant.equals("scalar") ? 0 : 1] = b;
    }
    List<Pair> out = new ArrayList<>();
    for (Map.Entry<String, BenchmarkResult[]> e : byKey.entrySet()) {
      if (e.getValue()[0] != null && e.getValue()[1] != null) {
        String[] parts = e.getKey().split("\u0000", -1);
        out.add(new Pair(parts[0], parts[2], e.getValue()[0], e.getValue()[1]));
      }
    }
    return out;
  }
}
