package io.convopt.solvers.relu.barrier;

/**
 * The logarithmic barrier {@code -sum log v_i} of linear slacks v along a direction dv (the images
 * of a Newton direction): the largest feasible step and the change of the barrier, summed term by
 * term (no cancellation between large values). An entry with {@code v = 1, dv = 0} contributes
 * nothing, so a caller marks slacks that carry no constraint that way. Stateless.
 */
public final class LinearSlacks {
  private LinearSlacks() {}

  /** min(bound, the largest alpha with {@code v + alpha dv > 0} for every entry). */
  public static double maxStep(double bound, double[] v, double[] dv) {
    double a = bound;
    for (int i = 0; i < v.length; i++) {
      if (dv[i] < 0) {
        a = Math.min(a, -v[i] / dv[i]);
      }
    }
    return a;
  }

  /**
   * {@code -sum log(1 + alpha dv_i / v_i)}, the change of {@code -sum log v_i} for a step alpha;
   * +infinity when a slack would not stay positive.
   */
  public static double logChange(double alpha, double[] v, double[] dv) {
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      double arg = alpha * dv[i] / v[i];
      if (!(arg > -1)) {
        return Double.POSITIVE_INFINITY;
      }
      s -= Math.log1p(arg);
    }
    return s;
  }
}
