package io.convopt.solvers.relu.certificate;

import java.util.Locale;

/**
 * Result of checking the dual certificate of global optimality for a solution computed on a
 * (sampled) set of activation patterns, against a complete set of patterns (every chamber of the
 * hyperplane arrangement).
 *
 * <p>With the dual candidate {@code z = -grad L(yhat)} (the residual {@code y - yhat} for the
 * (1/2)-scaled squared loss) the dual constraint of the non-convex problem reads {@code c(z) =
 * max_j max_{u in K_j, ||u|| <= 1} |z^T D_j X u| <= beta} over all chambers j (RELU: {@code K_j} is
 * the pattern cone; GATED: no cone, so the inner max is {@code ||X^T D_j z||}). Scaling {@code z_s
 * = min(1, beta / c) z} makes it feasible, so {@code lowerBound = -L*(-z_s)} is a lower bound on
 * the training objective of every two-layer network of any width (and on the convex program over
 * all patterns), while {@code primal} is attained by the recovered network: {@code relativeGap =
 * (primal - lowerBound) / primal} bounds its relative suboptimality.
 *
 * @param beta the weight-decay parameter
 * @param sampledMax {@code c(z)} over the solution's own patterns (about beta at a KKT point)
 * @param allMax {@code c(z)} over the complete set
 * @param primal objective of the solution
 * @param lowerBound dual value at the scaled candidate
 * @param relativeGap {@code (primal - lowerBound) / max(|primal|, 1e-300)}
 * @param patternsChecked size of the complete set
 * @param violating indices (into the complete set) of patterns with {@code c_j(z) > beta}, largest
 *     first
 * @param violatingValues their {@code c_j(z)}
 * @param tolerance the relative-gap tolerance used for the verdict
 * @param globallyOptimal {@code relativeGap <= tolerance}
 */
public record GlobalOptimalityReport(
    double beta,
    double sampledMax,
    double allMax,
    double primal,
    double lowerBound,
    double relativeGap,
    int patternsChecked,
    int[] violating,
    double[] violatingValues,
    double tolerance,
    boolean globallyOptimal) {

  /** Number of patterns that violate the dual constraint. */
  public int violationCount() {
    return violating.length;
  }

  /** One line: verdict, constraint values against beta, bounds and gap. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: max dual constraint %.6g over %d patterns (sampled %.6g) vs beta %.6g, %d violating;"
            + " objective %.10g, lower bound %.10g, relative gap %.3e (tol %.1e)",
        globallyOptimal ? "globally optimal" : "not globally optimal",
        allMax,
        patternsChecked,
        sampledMax,
        beta,
        violating.length,
        primal,
        lowerBound,
        relativeGap,
        tolerance);
  }
}
