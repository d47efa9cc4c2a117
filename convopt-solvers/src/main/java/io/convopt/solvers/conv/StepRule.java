package io.convopt.solvers.conv;

/** How Algorithm 2 turns ∇F into a step of length about η. */
public enum StepRule {
  /**
   * θ ← θ − η·sign(∇F), component-wise (default): iterates stay on θ₀ + ηℤⁿ, as all of the paper's
   * 2-D results do (all four 2-D outputs of Table 1 lie on θ₀ + ηℤ²).
   */
  SIGN,
  /** θ ← θ − η·∇F/‖∇F‖: the "normalised gradient descent" of the prose. */
  NORMALIZED_GRADIENT
}
