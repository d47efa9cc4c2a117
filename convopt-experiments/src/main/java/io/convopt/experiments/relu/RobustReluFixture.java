package io.convopt.experiments.relu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.robust.RobustReluProblem;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@code relu_robust} fixture (convex adversarial training, fixture README): the common fields of
 * {@link ReluFixture} plus {@code eps} (finite, >= 0) and {@code
 * perturbation.perturbed_column_indices} (0-based, distinct, within [0, d)); when the latter is
 * absent every column except {@code bias_column_index} (default: the last) is perturbed. Malformed
 * fields raise {@link IllegalArgumentException} naming them.
 *
 * @param base the common fields
 * @param eps ball radius
 * @param perturbed mask of perturbed columns
 */
public record RobustReluFixture(ReluFixture base, double eps, boolean[] perturbed) {
  private static final ObjectMapper MAPPER = ReluFixture.MAPPER;

  public static RobustReluFixture read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("problem file not found: " + file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.getFileName().toString());
    }
  }

  public static RobustReluFixture parse(InputStream in, String fallbackName) throws IOException {
    byte[] bytes = in.readAllBytes();
    ReluFixture base = ReluFixture.parse(new ByteArrayInputStream(bytes), fallbackName);
    return of(base, MAPPER.readTree(bytes));
  }

  /** Adds the robust fields of {@code root} to an already parsed base fixture. */
  static RobustReluFixture of(ReluFixture base, JsonNode root) {
    if (base.formulation() != Formulation.RELU_ROBUST) {
      throw new IllegalArgumentException(
          "formulation: expected relu_robust, got " + base.formulation().id());
    }
    JsonNode e = root.get("eps");
    if (e == null || !e.isNumber() || !(e.asDouble() >= 0) || !Double.isFinite(e.asDouble())) {
      throw new IllegalArgumentException("eps: missing, not a number, negative or not finite");
    }
    int d = base.x()[0].length;
    boolean[] mask = new boolean[d];
    JsonNode idx = root.path("perturbation").get("perturbed_column_indices");
    if (idx != null && !idx.isNull()) {
      if (!idx.isArray()) {
        throw new IllegalArgumentException("perturbation.perturbed_column_indices: not an array");
      }
      for (JsonNode v : idx) {
        if (!v.isInt() || v.asInt() < 0 || v.asInt() >= d || mask[v.asInt()]) {
          throw new IllegalArgumentException(
              "perturbation.perturbed_column_indices: entry "
                  + v
                  + " is not a distinct integer in [0, "
                  + (d - 1)
                  + "]");
        }
        mask[v.asInt()] = true;
      }
    } else {
      JsonNode b = root.get("bias_column_index");
      int bias = b == null ? d - 1 : b.asInt(-2);
      if (bias < -1 || bias >= d) {
        throw new IllegalArgumentException(
            "bias_column_index: must be -1 or in [0, " + (d - 1) + "]");
      }
      mask = RobustReluProblem.allBut(d, bias);
    }
    return new RobustReluFixture(base, e.asDouble(), mask);
  }

  /** The robust problem as stated in the file. */
  public RobustReluProblem problem() {
    ActivationPatterns p = ActivationPatterns.of(base.x(), base.d01(), base.gates());
    return new RobustReluProblem(base.x(), base.y(), p, base.beta(), eps, perturbed, base.loss());
  }
}
