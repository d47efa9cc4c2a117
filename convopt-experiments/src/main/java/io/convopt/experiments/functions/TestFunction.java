package io.convopt.experiments.functions;

import io.convopt.kernel.Box;
import io.convopt.solvers.api.Objective;
import io.convopt.solvers.api.Problem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named test function with its box, its known maxima and where its definition came from.
 *
 * @param name e.g. "LOG2"
 * @param formula the formula in words
 * @param objective f, to be maximised
 * @param box the box the paper restricts f to
 * @param globalMax the global maximiser
 * @param localMaxima other local maximisers (traps)
 * @param parameters the family's parameters (provenance)
 * @param reconstruction true when the paper's definition was lost and this is ours
 * @param calibrated true when the parameters were chosen by the calibration experiment
 * @param source one line of provenance
 * @param calibration which family and which calibration chose the parameters ("" when none)
 */
public record TestFunction(
    String name,
    String formula,
    Objective objective,
    Box box,
    double[] globalMax,
    List<double[]> localMaxima,
    Map<String, Double> parameters,
    boolean reconstruction,
    boolean calibrated,
    String source,
    String calibration) {

  /** A function without a calibration note. */
  public TestFunction(
      String name,
      String formula,
      Objective objective,
      Box box,
      double[] globalMax,
      List<double[]> localMaxima,
      Map<String, Double> parameters,
      boolean reconstruction,
      boolean calibrated,
      String source) {
    this(
        name,
        formula,
        objective,
        box,
        globalMax,
        localMaxima,
        parameters,
        reconstruction,
        calibrated,
        source,
        "");
  }

  public TestFunction {
    calibration = calibration == null ? "" : calibration;
    if (globalMax.length != box.dimension()) {
      throw new IllegalArgumentException(
          name
              + ": global max has dimension "
              + globalMax.length
              + " but the box has "
              + box.dimension());
    }
    globalMax = globalMax.clone();
    localMaxima = localMaxima.stream().map(double[]::clone).toList();
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  @Override
  public double[] globalMax() {
    return globalMax.clone();
  }

  public int dimension() {
    return box.dimension();
  }

  /** The optimisation problem; the known optimum is attached for scoring only. */
  public Problem problem() {
    return Problem.of(name, objective, box).withKnownOptimum(globalMax, objective.value(globalMax));
  }

  /**
   * Label for outputs: "reconstruction, calibrated" / "reconstruction" / "standard", followed by
   * the calibration note in brackets when there is one (which family, which calibration).
   */
  public String provenanceLabel() {
    if (!reconstruction) {
      return "standard";
    }
    String label = calibrated ? "reconstruction, calibrated" : "reconstruction";
    return calibration.isEmpty() ? label : label + " (" + calibration + ")";
  }
}
