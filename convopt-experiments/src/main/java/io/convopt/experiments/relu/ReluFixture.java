package io.convopt.experiments.relu;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A convex ReLU problem in the fixture JSON format (see the fixtures' README): required fields
 * {@code X} (n rows of d numbers), {@code y} (n numbers), {@code D} (n rows of P 0/1 integers),
 * {@code beta}, {@code loss}, {@code formulation}; optional {@code G} (d x P gates, checked to
 * reproduce D), {@code name}, {@code reference.optimal_objective}, {@code solver.wall_time_s} and
 * {@code same_pattern_optima}. Every malformed field raises an {@link IllegalArgumentException}
 * naming it, and so does an {@code eps} on a gated or relu problem (a radius belongs to relu_robust
 * only). Immutable.
 *
 * @param name instance name (file name when absent)
 * @param formulation the fixture's formulation (may be RELU_ROBUST, which {@link #problem()}
 *     rejects)
 * @param loss loss
 * @param beta penalty weight
 * @param x data
 * @param y targets
 * @param d01 patterns
 * @param gates gates or null
 * @param referenceObjective reference optimum or NaN
 * @param referenceSeconds reference solver wall time or NaN
 * @param samePatternOptima reference optima of other formulations on the same patterns
 */
public record ReluFixture(
    String name,
    Formulation formulation,
    Loss loss,
    double beta,
    double[][] x,
    double[] y,
    int[][] d01,
    double[][] gates,
    double referenceObjective,
    double referenceSeconds,
    Map<String, Double> samePatternOptima) {

  /**
   * Reads NaN and Infinity tokens as numbers so that the field check below can reject them with the
   * entry's name (JSON itself has no such numbers; a strict parser would only say "invalid").
   */
  static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  /** Reads a fixture file. */
  public static ReluFixture read(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("problem file " + file + " is a folder, not a JSON file");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("problem file not found: " + file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.getFileName().toString());
    }
  }

  /** Reads a fixture from a stream. */
  public static ReluFixture parse(InputStream in, String fallbackName) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(notJson(e));
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("problem file: expected a JSON object");
    }
    String name = root.path("name").isTextual() ? root.get("name").asText() : fallbackName;
    Formulation f = Formulation.parse(text(root, "formulation"));
    JsonNode epsNode = root.get("eps");
    if (f != Formulation.RELU_ROBUST && epsNode != null && !epsNode.isNull()) {
      // a radius on a non-robust program would be silently ignored: say so instead
      throw new IllegalArgumentException(
          "eps: a perturbation radius is only meaningful for"
              + " formulation relu_robust, but this problem is "
              + f.id());
    }
    Loss loss = Loss.parse(text(root, "loss"));
    if (!root.has("beta")) {
      throw new IllegalArgumentException("beta: missing (a number >= 0, the penalty weight)");
    }
    double beta = number(root.get("beta"), "beta");
    if (beta < 0) {
      throw new IllegalArgumentException("beta is " + beta + "; the penalty weight must be >= 0");
    }
    double[][] x = matrix(root, "X");
    double[] y = vector(root, "y");
    int[][] d = intMatrix(root, "D");
    double[][] g = root.has("G") && !root.get("G").isNull() ? matrix(root, "G") : null;
    double ref = root.path("reference").path("optimal_objective").asDouble(Double.NaN);
    double secs = root.path("solver").path("wall_time_s").asDouble(Double.NaN);
    Map<String, Double> same = new LinkedHashMap<>();
    JsonNode sp = root.path("same_pattern_optima");
    if (sp.isObject()) {
      sp.fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().isNumber()) {
                  same.put(e.getKey(), e.getValue().asDouble());
                }
              });
    }
    return new ReluFixture(
        name, f, loss, beta, x, y, d, g, ref, secs, Collections.unmodifiableMap(same));
  }

  /** The problem as stated in the file. */
  public ReluProblem problem() {
    return problem(formulation);
  }

  /** The same data, patterns, beta and loss under another formulation. */
  public ReluProblem problem(Formulation as) {
    if (as == Formulation.RELU_ROBUST) {
      throw new UnsupportedOperationException(
          "formulation relu_robust (convex adversarial training) is not supported yet");
    }
    ActivationPatterns p = ActivationPatterns.of(x, d01, gates);
    return new ReluProblem(x, y, p, beta, loss, as);
  }

  /**
   * Says in our words why a file is not JSON, with the line and column, without the parser's
   * internal hints (feature names, source descriptions).
   */
  static String notJson(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    int cut = reason.indexOf(": enable");
    if (cut < 0) {
      cut = reason.indexOf(" (for ");
    }
    if (cut >= 0) {
      reason = reason.substring(0, cut);
    }
    reason = reason.replace("\n", " ").replaceAll("\\s+", " ").trim();
    return "problem file is not valid JSON" + where + (reason.isEmpty() ? "" : " (" + reason + ")");
  }

  private static String text(JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException(field + ": missing or not a string");
    }
    return n.asText();
  }

  private static double number(JsonNode v, String where) {
    if (v == null || !v.isNumber()) {
      if (v != null && v.isTextual()) {
        String s = v.asText();
        if (s.equalsIgnoreCase("nan") || s.toLowerCase().contains("inf")) {
          throw new IllegalArgumentException(where + " is " + s + " (must be finite)");
        }
      }
      throw new IllegalArgumentException(where + " is not a number");
    }
    double d = v.asDouble();
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException(where + " is " + d + " (must be finite)");
    }
    return d;
  }

  private static double[] vector(JsonNode root, String field) {
    JsonNode a = root.get(field);
    if (a == null || !a.isArray()) {
      throw new IllegalArgumentException(field + ": missing or not an array");
    }
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = number(a.get(i), field + ": entry " + i);
    }
    return v;
  }

  private static double[][] matrix(JsonNode root, String field) {
    JsonNode a = root.get(field);
    if (a == null || !a.isArray() || a.size() == 0) {
      throw new IllegalArgumentException(field + ": missing, empty or not an array of rows");
    }
    double[][] m = new double[a.size()][];
    int cols = -1;
    for (int i = 0; i < m.length; i++) {
      JsonNode row = a.get(i);
      if (!row.isArray()) {
        throw new IllegalArgumentException(field + ": row " + i + " is not an array");
      }
      if (cols < 0) {
        cols = row.size();
      } else if (row.size() != cols) {
        throw new IllegalArgumentException(
            field
                + ": ragged matrix, row "
                + i
                + " has "
                + row.size()
                + " entries, expected "
                + cols);
      }
      m[i] = new double[cols];
      for (int j = 0; j < cols; j++) {
        m[i][j] = number(row.get(j), field + ": entry (" + i + "," + j + ")");
      }
    }
    return m;
  }

  private static int[][] intMatrix(JsonNode root, String field) {
    double[][] m = matrix(root, field);
    int[][] out = new int[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = new int[m[i].length];
      for (int j = 0; j < m[i].length; j++) {
        double v = m[i][j];
        if (v != 0 && v != 1) {
          throw new IllegalArgumentException(
              field + ": entry (" + i + "," + j + ") is " + v + ", expected 0 or 1");
        }
        out[i][j] = (int) v;
      }
    }
    return out;
  }
}
