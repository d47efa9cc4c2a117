package io.convopt.solvers.relu.linalg;

/**
 * The ADMM penalty update by residual balancing (Boyd et al., Distributed Optimization and
 * Statistical Learning via ADMM, 2011, section 3.4.1): double rho when the relative primal residual
 * exceeds {@value #IMBALANCE} times the relative dual one, halve it in the opposite case, else keep
 * it. With scaled duals {@code u = lambda / rho} the duals must be divided by the same factor
 * ({@link #rescaleDual}) so that lambda is unchanged. Used by both ADMM solvers.
 */
public final class ResidualBalancing {
  /** Ratio of the relative residuals beyond which rho changes. */
  public static final double IMBALANCE = 10.0;

  /** Factor by which rho grows or shrinks. */
  public static final double STEP = 2.0;

  private ResidualBalancing() {}

  /**
   * The factor for rho: {@value #STEP} when {@code relPrimal > IMBALANCE relDual}, its inverse when
   * {@code relDual > IMBALANCE relPrimal}, else 1.
   */
  public static double factor(double relPrimal, double relDual) {
    if (relPrimal > IMBALANCE * relDual) {
      return STEP;
    }
    if (relDual > IMBALANCE * relPrimal) {
      return 1.0 / STEP;
    }
    return 1.0;
  }

  /** Largest change of rho in one step of {@link #ratioFactor}. */
  public static final double RATIO_STEP_MAX = 100.0;

  /**
   * The factor for rho by the residuals' ratio (as in OSQP, Stellato et al. 2020, section 5.2):
   * {@code sqrt(relPrimal / relDual)}, clamped to [1/{@value #RATIO_STEP_MAX}, {@value
   * #RATIO_STEP_MAX}], when one relative residual exceeds {@value #IMBALANCE} times the other, else
   * 1. One step instead of {@code log2} of the imbalance doublings: each change of rho may cost a
   * refactorisation, and the doublings are spaced by a check interval, so a penalty that starts
   * 10^3 off would otherwise take tens of checks to arrive.
   */
  public static double ratioFactor(double relPrimal, double relDual) {
    if (factor(relPrimal, relDual) == 1.0) {
      return 1.0;
    }
    double f = Math.sqrt(relPrimal / Math.max(relDual, 1e-300));
    return Math.min(RATIO_STEP_MAX, Math.max(1.0 / RATIO_STEP_MAX, f));
  }

  /** Divides the scaled duals {@code u} by {@code factor} in place (rho was multiplied by it). */
  public static void rescaleDual(double[] u, double factor) {
    double inv = 1.0 / factor;
    for (int i = 0; i < u.length; i++) {
      u[i] *= inv;
    }
  }
}
