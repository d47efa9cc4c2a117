package io.convopt.experiments.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convopt.kernel.Box;
import io.convopt.solvers.api.Objective;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The paper's four test functions as documented reconstructions (their definitions were lost; see
 * {@code data/test-functions/README.md}). Parameters come from {@code functions.json} there, or are
 * given explicitly by the calibration experiment.
 */
public final class PaperFunctions {

  private static final String RESOURCE = "/data/test-functions/functions.json";

  private PaperFunctions() {}

  /** All four, keyed by upper-case name, in the order LOG1, POLY1, LOG2, ROSENBROCK. */
  public static Map<String, TestFunction> all() {
    JsonNode root = readJson();
    Map<String, TestFunction> out = new LinkedHashMap<>();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!name.startsWith("_")) {
        out.put(name, fromJson(name, root.get(name)));
      }
    }
    return out;
  }

  /**
   * The "_reading" entry of functions.json as name → text (empty when absent): the algorithmic
   * reading the shipped reconstruction was calibrated with, if it is not the default one.
   */
  public static Map<String, String> shippedReading() {
    JsonNode r = readJson().get("_reading");
    Map<String, String> out = new LinkedHashMap<>();
    if (r != null) {
      r.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  /** One function by name (case-insensitive). */
  public static TestFunction byName(String name) {
    TestFunction f = all().get(name.toUpperCase(Locale.ROOT));
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown paper function '" + name + "'; known: " + all().keySet());
    }
    return f;
  }

  /** The same family with other parameters (used by calibration); the box is kept. */
  public static TestFunction withParameters(
      TestFunction base, Map<String, Double> params, Box box) {
    String family = base.name().toLowerCase(Locale.ROOT);
    // The grid calibration of LOG2 searches the isotropic family "log2", whatever is shipped.
    String formula = Log2Families.isLog2(family) ? Log2Families.formula(family) : base.formula();
    return build(base.name(), family, formula, box, params, base.calibrated(), base.source(), "");
  }

  /**
   * A LOG2 candidate of any family in {@link Log2Families#FAMILIES}, labelled as calibrated with
   * the note {@code calibration} (e.g. "family log2-aniso, candidate 17").
   */
  public static TestFunction log2(
      String family, Map<String, Double> params, Box box, String calibration) {
    return build(
        "LOG2",
        family,
        Log2Families.formula(family),
        box,
        params,
        true,
        "ours: LOG2 family " + family + " (data/test-functions/README.md)",
        calibration);
  }

  private static JsonNode readJson() {
    try (InputStream in = PaperFunctions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + RESOURCE);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static TestFunction fromJson(String name, JsonNode n) {
    Box box = Box.of(doubles(n, "lower"), doubles(n, "upper"));
    Map<String, Double> params = new LinkedHashMap<>();
    n.get("parameters")
        .fields()
        .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asDouble()));
    JsonNode note = n.get("calibration");
    return build(
        name,
        require(n, "family").asText(),
        require(n, "formula").asText(),
        box,
        params,
        require(n, "calibrated").asBoolean(),
        require(n, "source").asText(),
        note == null ? "" : note.asText());
  }

  private static TestFunction build(
      String name,
      String family,
      String formula,
      Box box,
      Map<String, Double> p,
      boolean calibrated,
      String source,
      String calibration) {
    Objective f;
    double[] gmax;
    List<double[]> local = new ArrayList<>();
    switch (family) {
      case "log1" -> {
        double pp = get(p, "p"), q = get(p, "q"), w = get(p, "w");
        f = x -> -Math.log(Math.abs(x[0] - pp)) - w * Math.log(Math.abs(x[0] - q));
        gmax = new double[] {pp};
        local.add(new double[] {q});
      }
      case "poly1" -> {
        double g = get(p, "g"), m = get(p, "m"), l = get(p, "l");
        // f' = -(x-g)(x-m)(x-l) = -(x^3 - s1 x^2 + s2 x - s3), integrated with f(0) = 0.
        double s1 = g + m + l, s2 = g * m + g * l + m * l, s3 = g * m * l;
        f =
            x -> {
              double t = x[0];
              return -(((t / 4 - s1 / 3) * t + s2 / 2) * t - s3) * t;
            };
        gmax = new double[] {g};
        local.add(new double[] {l});
      }
      case "log2", "log2-aniso", "log2-power", "log2-bump" -> {
        f = Log2Families.objective(family, p);
        gmax = new double[] {get(p, "ax"), get(p, "ay")};
        local.add(new double[] {get(p, "bx"), get(p, "by")});
      }
      case "rosenbrock" -> {
        boolean log = get(p, "transform") != 0.0;
        f =
            x -> {
              double a = x[1] - x[0] * x[0], b = 1 - x[0];
              double r = 100 * a * a + b * b;
              return log ? -Math.log1p(r) : 1.0 / (1.0 + r);
            };
        gmax = new double[] {1.0, 1.0};
      }
      default ->
          throw new IllegalArgumentException(name + ": unknown function family '" + family + "'");
    }
    return new TestFunction(
        name, formula, f, box, gmax, local, p, true, calibrated, source, calibration);
  }

  private static double get(Map<String, Double> p, String key) {
    Double v = p.get(key);
    if (v == null || !Double.isFinite(v)) {
      throw new IllegalArgumentException(
          "test-function parameter '" + key + "' is missing or not finite: " + v);
    }
    return v;
  }

  private static JsonNode require(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null) {
      throw new IllegalArgumentException(RESOURCE + ": missing field '" + field + "'");
    }
    return v;
  }

  private static double[] doubles(JsonNode n, String field) {
    JsonNode a = require(n, field);
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asDouble();
    }
    return out;
  }
}
