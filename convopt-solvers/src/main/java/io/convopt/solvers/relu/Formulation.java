package io.convopt.solvers.relu;

import java.util.Locale;

/** Which convex program over the activation patterns is solved (spec §1.3, §1.5, §2.6). */
public enum Formulation {
  /** (CG): unconstrained group Lasso, weights U (d x P); the gated ReLU network. */
  GATED,
  /** (CR): constrained group Lasso, weights V, W (d x P each) in the pattern cones. */
  RELU,
  /** Adversarially robust (CR) variant; recognised but not supported yet (later issue). */
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
