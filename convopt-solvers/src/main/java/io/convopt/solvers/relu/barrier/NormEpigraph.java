package io.convopt.solvers.relu.barrier;

/**
 * The epigraph {@code t >= ||u||} of a Euclidean norm in a log-barrier objective, with t eliminated
 * in closed form [derived]. With {@code p = tau beta} the minimum over t of {@code p t - log(t^2 -
 * ||u||^2)} is attained at {@code t = (1 + q) / p}, {@code q = sqrt(1 + p^2 ||u||^2)}, and leaves
 *
 * <pre>
 *   phi(u) = 1 + q - log(2 (1 + q) / p^2),   grad phi = p^2 u / (1 + q),
 *   Hess phi = p^2/(1+q) (I - e e^T) + p^2/(q (1+q)) e e^T,   e = u / ||u||,
 * </pre>
 *
 * the same central path (partial minimisation keeps self-concordance) without a variable whose cone
 * would only allow tiny tangential steps. All methods take {@code p2 = p^2} and {@code norm2 =
 * ||u||^2}. Stateless.
 */
public final class NormEpigraph {
  private NormEpigraph() {}

  /** phi(u). */
  public static double value(double p2, double norm2) {
    double q = Math.sqrt(1 + p2 * norm2);
    return 1 + q - Math.log(2 * (1 + q) / p2);
  }

  /**
   * The Hessian's eigenvalue across the radial direction, {@code p^2 / (1 + q)}; also the factor of
   * the gradient, {@code grad phi = tangential * u}.
   */
  public static double tangential(double p2, double norm2) {
    return p2 / (1 + Math.sqrt(1 + p2 * norm2));
  }

  /** The Hessian's eigenvalue along u, {@code p^2 / (q (1 + q))}. */
  public static double radial(double p2, double norm2) {
    double q = Math.sqrt(1 + p2 * norm2);
    return p2 / (1 + q) / q;
  }

  /**
   * The coefficient f of {@code Hess phi = tangential I + f u u^T}: {@code -p^4 / (q (1 + q)^2)}
   * (equal to {@code (radial - tangential) / ||u||^2}, without its cancellation at small u).
   */
  public static double rankOne(double p2, double norm2) {
    double q = Math.sqrt(1 + p2 * norm2);
    return -p2 * p2 / (q * (1 + q) * (1 + q));
  }

  /**
   * {@code phi(u + alpha du) - phi(u)} from {@code u . du} and {@code ||du||^2}, in a form without
   * cancellation between the two values.
   */
  public static double valueChange(double p2, double norm2, double udu, double dd, double alpha) {
    double q0 = Math.sqrt(1 + p2 * norm2);
    double dn2 = alpha * (2 * udu + alpha * dd); // ||u + alpha du||^2 - ||u||^2
    double q1 = Math.sqrt(Math.max(1.0, 1 + p2 * (norm2 + dn2)));
    double dq = p2 * dn2 / (q0 + q1);
    return dq - Math.log1p(dq / (1 + q0));
  }
}
