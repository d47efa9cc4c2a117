package io.convopt.solvers.relu;

/**
 * Optimality certificate of a convex ReLU solution.
 *
 * <p><b>Duality gap</b> (every formulation and loss). With a dual candidate z (the negative loss
 * gradient at yhat for smooth losses, the loss-splitting multiplier for the hinge) mapped into the
 * loss's dual domain, and cone multipliers gamma >= 0 for RELU (zero for GATED), the Fenchel dual
 * of the program is
 *
 * <pre>
 *   max -L*(-z)  s.t.  ||sign_j X^T D_p(j) z + X^T ((2D_p(j) - 1) gamma_j)|| ≤ beta
 *                      for all blocks j,
 * </pre>
 *
 * which is homogeneous in (z, gamma), so the candidate is scaled by {@code s = min(1, beta / max_j
 * ||.||)} to make it feasible. Then {@code gap = primal - dual}. For GATED (and squared loss it is
 * exactly the fixture README formula) the gap bounds {@code primal - optimum}. For RELU it does so
 * when the solution is feasible; read it together with {@link #constraintViolation}.
 *
 * <p><b>KKT residuals</b> (RELU; NaN for GATED where the gap alone certifies):
 *
 * <ul>
 *   <li>{@code constraintViolation}: {@code max_{k,j} (-(2D-1) X u_j)_k^+ / max_{k,j} |X u_j|_k}
 *       (scale-free, as in the fixture's {@code scaled_violation});
 *   <li>{@code stationarity}: norm of the minimum-norm subgradient of the Lagrangian in the
 *       weights, divided by {@code sqrt(B) max(beta, max_j ||grad_j||)} (B = number of blocks);
 *   <li>{@code complementarity}: {@code |sum_{k,j} gamma_kj c_kj| / primal} (units of the
 *       objective).
 * </ul>
 *
 * @param primal objective at the solution
 * @param dual dual objective at the scaled candidate
 * @param gap primal - dual
 * @param relativeGap gap / max(|primal|, 1e-300)
 * @param dualScale the factor s applied to the candidate ({@code min(1, beta / max_j ||.||)}; the
 *     gated first-order solvers take the best feasible point on the candidate's ray instead, which
 *     may lie beyond 1 for the squared loss)
 * @param constraintViolation scaled max cone violation (0 for GATED)
 * @param stationarity relative Lagrangian stationarity (NaN for GATED)
 * @param complementarity relative complementarity (NaN for GATED)
 */
public record Certificate(
    double primal,
    double dual,
    double gap,
    double relativeGap,
    double dualScale,
    double constraintViolation,
    double stationarity,
    double complementarity) {

  /** Largest of the relative gap and the KKT residuals that apply. */
  public double worst() {
    double w = Math.max(relativeGap, constraintViolation);
    if (!Double.isNaN(stationarity)) {
      w = Math.max(w, Math.max(stationarity, complementarity));
    }
    return w;
  }
}
