package io.convopt.solvers.relu.barrier;

/**
 * Step length along a Newton direction: {@value #TO_BOUNDARY} of the largest step that stays
 * strictly feasible (at most 1), halved until Armijo's sufficient decrease {@code f(x + a dx) -
 * f(x) <= -}{@value #ARMIJO}{@code a lambda^2} holds, at most {@value #HALVINGS} times. Stateless.
 */
public final class BarrierLineSearch {
  /** Armijo constant. */
  public static final double ARMIJO = 1e-4;

  /** Fraction of the largest feasible step. */
  public static final double TO_BOUNDARY = 0.99;

  /** Halvings before the search gives up. */
  static final int HALVINGS = 60;

  private BarrierLineSearch() {}

  /**
   * The accepted step for the direction last computed by {@code f}, whose squared Newton decrement
   * is {@code lambda2}; 0 when no step gives a decrease.
   */
  public static double step(NewtonBarrier f, double lambda2) {
    double alpha = Math.min(1.0, TO_BOUNDARY * f.maxStep());
    for (int ls = 0; ls < HALVINGS && alpha > 0; ls++) {
      if (f.valueChange(alpha) <= -ARMIJO * alpha * lambda2) {
        return alpha;
      }
      alpha *= 0.5;
    }
    return 0;
  }
}
