package io.convopt.solvers.relu;

import java.util.Locale;

/**
 * Which convex program over the activation patterns is solved: the gated program, the
 * cone-constrained ReLU program, or its adversarially robust variant.
 */
public enum Formulation {
  /** (CG): unconstrained group Lasso, weights U (d x P); the gated ReLU network. */
  GATED,
  /** (CR): constrained group Lasso, weights V, W (d x P each) in the pattern cones. */
  RELU,
  /**
   * Adversarially robust (CR) variant for an l-infinity radius eps. Solved by {@code
   * io.convopt.solvers.relu.robust.RobustAdmmSolver} on a {@code
   * io.convopt.solvers.relu.robust.RobustReluProblem}; {@link ReluProblem} and the solvers of the
   * standard programs reject it.
   */
  RELU_ROBUST;

  /** Parses the fixture spelling ({@code gated}, {@code relu}, {@code relu_robust}). */
  public static Formulation parse(String name) {
    if (name == null) {
      throw new IllegalArgumentException("formulation: missing (expected gated or relu)");
    }
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "gated":
        return GATED;
      case "relu":
        return RELU;
      case "relu_robust":
        return RELU_ROBUST;
      default:
        throw new IllegalArgumentException(
            "formulation: unknown value '" + name + "' (expected gated, relu or relu_robust)");
    }
  }

  /** The fixture spelling. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
