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

  /** Divides the scaled duals {@code u} by {@code factor} in place (rho was multiplied by it). */
  public static void rescaleDual(double[] u, double factor) {
    double inv = 1.0 / factor;
    for (int i = 0; i < u.length; i++) {
      u[i] *= inv;
    }
  }
}
