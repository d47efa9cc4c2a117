package io.convopt.report.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convopt.report.ReportException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of a JMH JSON result file ({@code -rf json}): the benchmark method, mode, parameters
 * and the primary score with its error. Secondary metrics are kept as name → "score unit" text.
 */
public record BenchmarkResult(
    String benchmark,
    String mode,
    Map<String, String> params,
    double score,
    double scoreError,
    String unit,
    Map<String, String> secondary) {

  public BenchmarkResult {
    params = Map.copyOf(params);
    secondary = Map.copyOf(secondary);
  }

  /** The method name without the package and class, e.g. {@code convolveVector}. */
  public String shortName() {
    int dot = benchmark.lastIndexOf('.');
    return dot < 0 ? benchmark : benchmark.substring(dot + 1);
  }

  /** The parameters as "a=1, b=2" in a stable (sorted) order. */
  public String paramText() {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(params)
        .forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return sb.toString();
  }

  /** True for modes where a smaller score is better (time per operation). */
  public boolean timeMode() {
    return !mode.toLowerCase(Locale.ROOT).startsWith("thrpt");
  }

  /** Reads a JMH JSON array; {@code displayName} names the file in error messages. */
  public static List<BenchmarkResult> read(Path file, String displayName) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new ReportException(displayName + ": not valid JSON (" + e.getMessage() + ")", e);
    }
    if (root == null || !root.isArray()) {
      throw new ReportException(displayName + ": expected a JMH result array at the top level");
    }
    List<BenchmarkResult> out = new ArrayList<>();
    int i = 0;
    for (JsonNode n : root) {
      i++;
      JsonNode pm = n.path("primaryMetric");
      if (!n.hasNonNull("benchmark") || !pm.has("score")) {
        throw new ReportException(
            displayName + ", entry " + i + ": missing 'benchmark' or 'primaryMetric.score'");
      }
      Map<String, String> params = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = n.path("params").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        params.put(e.getKey(), e.getValue().asText());
      }
      Map<String, String> secondary = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> sit = n.path("secondaryMetrics").fields();
      while (sit.hasNext()) {
        Map.Entry<String, JsonNode> e = sit.next();
        secondary.put(
            e.getKey(),
            e.getValue().path("score").asText("")
                + " "
                + e.getValue().path("scoreUnit").asText(""));
      }
      out.add(
          new BenchmarkResult(
              n.get("benchmark").asText(),
              n.path("mode").asText(""),
              params,
              pm.path("score").asDouble(Double.NaN),
              pm.path("scoreError").asDouble(Double.NaN),
              pm.path("scoreUnit").asText(""),
              secondary));
    }
    return List.copyOf(out);
  }
}
