package io.convopt.solvers.relu.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convopt.solvers.relu.Certificate;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.TwoLayerNetwork;
import java.util.Locale;

/**
 * The JSON format of a {@link ConvexReluModel}, version {@value #VERSION}:
 *
 * <pre>
 * { "format": "convopt-relu-model", "version": 1,
 *   "formulation": "gated"|"relu", "loss": "squared"|"hinge"|"logistic", "beta": B,
 *   "inputs": d, "bias": true|false,
 *   "standardization": null | {"mean": [d], "scale": [d]},
 *   "network": {"first_layer": [[d']...m], "output_weights": [m], "gates": null | [[d']...m]},
 *   "fit": {"rows", "patterns", "gates_drawn", "seed", "objective", "data_term", "penalty",
 *           "certificate": {"primal", "dual", "gap", "relative_gap", "dual_scale",
 *                           "constraint_violation", "stationarity", "complementarity"},
 *           "solver", "solver_reason", "iterations", "outer_iterations", "seconds",
 *           "stop_reason", "tolerance"} }
 * </pre>
 *
 * with {@code d' = d + 1} when {@code bias}; a certificate field that does not apply (NaN) is
 * written as null. Doubles are written in shortest round-trip form, so reading gives back the same
 * bits. Reading checks the format name, the version and every shape, and names the field at fault.
 * Stateless.
 */
final class ModelJson {
  /** The format name in the {@code format} field. */
  static final String FORMAT = "convopt-relu-model";

  /** The version this class writes and reads. */
  static final int VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ModelJson() {}

  static String write(ConvexReluModel m) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("format", FORMAT);
    o.put("version", VERSION);
    o.put("formulation", m.formulation().id());
    o.put("loss", m.loss().name().toLowerCase(Locale.ROOT));
    o.put("beta", m.beta());
    o.put("inputs", m.inputs());
    o.put("bias", m.hasBias());
    Standardization st = m.standardization();
    if (st == null) {
      o.putNull("standardization");
    } else {
      ObjectNode s = o.putObject("standardization");
      s.set("mean", vector(st.mean()));
      s.set("scale", vector(st.scale()));
    }
    ObjectNode net = o.putObject("network");
    TwoLayerNetwork n = m.network();
    net.set("first_layer", matrix(n.firstLayer()));
    net.set("output_weights", vector(n.secondLayer()));
    if (n.isGated()) {
      net.set("gates", matrix(n.gates()));
    } else {
      net.putNull("gates");
    }
    FitSummary f = m.summary();
    ObjectNode fit = o.putObject("fit");
    fit.put("rows", f.rows());
    fit.put("patterns", f.patterns());
    fit.put("gates_drawn", f.gatesDrawn());
    fit.put("seed", f.seed());
    fit.put("objective", f.objective());
    fit.put("data_term", f.dataTerm());
    fit.put("penalty", f.penalty());
    Certificate c = f.certificate();
    ObjectNode cert = fit.putObject("certificate");
    number(cert, "primal", c.primal());
    number(cert, "dual", c.dual());
    number(cert, "gap", c.gap());
    number(cert, "relative_gap", c.relativeGap());
    number(cert, "dual_scale", c.dualScale());
    number(cert, "constraint_violation", c.constraintViolation());
    number(cert, "stationarity", c.stationarity());
    number(cert, "complementarity", c.complementarity());
    fit.put("solver", f.solver());
    fit.put("solver_reason", f.solverReason());
    fit.put("iterations", f.iterations());
    fit.put("outer_iterations", f.outerIterations());
    fit.put("seconds", f.seconds());
    fit.put("stop_reason", f.stopReason().name());
    fit.put("tolerance", f.tolerance());
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write model JSON", e);
    }
  }

  static ConvexReluModel read(String json) {
    JsonNode o;
    try {
      o = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("model: not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("model: expected a JSON object");
    }
    String format = text(o, "format");
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException(
          "model: format is '" + format + "', expected '" + FORMAT + "'");
    }
    int version = integer(o, "version");
    if (version != VERSION) {
      throw new IllegalArgumentException(
          "model: version "
              + version
              + " is not supported (this build reads version "
              + VERSION
              + ")");
    }
    Formulation formulation = Formulation.parse(text(o, "formulation"));
    Loss loss = Loss.parse(text(o, "loss"));
    double beta = real(o, "beta");
    int inputs = integer(o, "inputs");
    JsonNode b = field(o, "bias");
    if (!b.isBoolean()) {
      throw new IllegalArgumentException("model: field 'bias' must be true or false");
    }
    boolean bias = b.booleanValue();
    Standardization st = null;
    JsonNode sn = field(o, "standardization");
    if (!sn.isNull()) {
      st =
          new Standardization(
              vector(sn, "standardization.mean", "mean"),
              vector(sn, "standardization.scale", "scale"));
    }
    JsonNode net = field(o, "network");
    int features = inputs + (bias ? 1 : 0);
    double[][] w1 = matrix(net, "network.first_layer", "first_layer", features);
    double[] w2 = vector(net, "network.output_weights", "output_weights");
    if (w2.length != w1.length) {
      throw new IllegalArgumentException(
          "model: network.output_weights has "
              + w2.length
              + " entries but network.first_layer has "
              + w1.length
              + " neurons");
    }
    JsonNode gn = field(net, "gates");
    double[][] gates = null;
    if (!gn.isNull()) {
      gates = matrix(net, "network.gates", "gates", features);
      if (gates.length != w1.length) {
        throw new IllegalArgumentException(
            "model: network.gates has "
                + gates.length
                + " rows but network.first_layer has "
                + w1.length
                + " neurons");
      }
    }
    JsonNode fit = field(o, "fit");
    JsonNode c = field(fit, "certificate");
    Certificate cert =
        new Certificate(
            optional(c, "primal"),
            optional(c, "dual"),
            optional(c, "gap"),
            optional(c, "relative_gap"),
            optional(c, "dual_scale"),
            optional(c, "constraint_violation"),
            optional(c, "stationarity"),
            optional(c, "complementarity"));
    StopReason stop;
    try {
      stop = StopReason.valueOf(text(fit, "stop_reason"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "model: fit.stop_reason '" + text(fit, "stop_reason") + "' is not a stop reason");
    }
    FitSummary summary =
        new FitSummary(
            integer(fit, "rows"),
            integer(fit, "patterns"),
            integer(fit, "gates_drawn"),
            field(fit, "seed").asLong(),
            real(fit, "objective"),
            real(fit, "data_term"),
            real(fit, "penalty"),
            cert,
            text(fit, "solver"),
            text(fit, "solver_reason"),
            integer(fit, "iterations"),
            integer(fit, "outer_iterations"),
            real(fit, "seconds"),
            stop,
            real(fit, "tolerance"));
    return new ConvexReluModel(
        formulation, loss, beta, inputs, bias, st, new TwoLayerNetwork(w1, w2, gates), summary);
  }

  private static ArrayNode vector(double[] v) {
    ArrayNode a = MAPPER.createArrayNode();
    for (double x : v) {
      a.add(x);
    }
    return a;
  }

  private static ArrayNode matrix(double[][] m) {
    ArrayNode a = MAPPER.createArrayNode();
    for (double[] row : m) {
      a.add(vector(row));
    }
    return a;
  }

  private static void number(ObjectNode o, String name, double v) {
    if (Double.isFinite(v)) {
      o.put(name, v);
    } else {
      o.putNull(name);
    }
  }

  private static JsonNode field(JsonNode o, String name) {
    JsonNode v = o.get(name);
    if (v == null) {
      throw new IllegalArgumentException("model: field '" + name + "' is missing");
    }
    return v;
  }

  private static String text(JsonNode o, String name) {
    JsonNode v = field(o, name);
    if (!v.isTextual()) {
      throw new IllegalArgumentException("model: field '" + name + "' must be a string");
    }
    return v.textValue();
  }

  private static int integer(JsonNode o, String name) {
    JsonNode v = field(o, name);
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException("model: field '" + name + "' must be an integer");
    }
    return v.intValue();
  }

  private static double real(JsonNode o, String name) {
    JsonNode v = field(o, name);
    if (!v.isNumber()) {
      throw new IllegalArgumentException("model: field '" + name + "' must be a number");
    }
    return v.doubleValue();
  }

  private static double optional(JsonNode o, String name) {
    JsonNode v = field(o, name);
    return v.isNull() ? Double.NaN : real(o, name);
  }

  private static double[] vector(JsonNode parent, String path, String name) {
    JsonNode a = field(parent, name);
    if (!a.isArray()) {
      throw new IllegalArgumentException("model: field '" + path + "' must be an array");
    }
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      JsonNode x = a.get(i);
      if (!x.isNumber()) {
        throw new IllegalArgumentException(
            "model: " + path + "[" + i + "] must be a number, got " + x);
      }
      v[i] = x.doubleValue();
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException("model: " + path + "[" + i + "] is not finite");
      }
    }
    return v;
  }

  private static double[][] matrix(JsonNode parent, String path, String name, int cols) {
    JsonNode a = field(parent, name);
    if (!a.isArray()) {
      throw new IllegalArgumentException("model: field '" + path + "' must be an array of rows");
    }
    double[][] m = new double[a.size()][];
    for (int i = 0; i < m.length; i++) {
      JsonNode row = a.get(i);
      ObjectNode wrap = MAPPER.createObjectNode();
      wrap.set("row", row);
      m[i] = vector(wrap, path + "[" + i + "]", "row");
      if (m[i].length != cols) {
        throw new IllegalArgumentException(
            "model: "
                + path
                + "["
                + i
                + "] has "
                + m[i].length
                + " entries, expected "
                + cols
                + " (inputs, plus 1 when bias is true)");
      }
    }
    return m;
  }
}
