package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.Loss;

/**
 * Lower bounds on the optimum of one gated program {@code min_U L(yhat(U)) + beta sum_j ||u_j||}
 * from dual candidates. Its Fenchel dual is {@code max -L*(-z)} subject to {@code ||X^T D_j z|| <=
 * beta} for every pattern j; the constraints are homogeneous, so every point {@code s z} with
 * {@code |s| <= beta / max_j ||X^T D_j z||} is feasible and its dual value is a lower bound.
 *
 * <p>{@link #offer} takes the best point on that segment, not just {@code s = min(1, ...)}. For the
 * squared loss the dual value {@code s z.y - s^2 ||z||^2 / 2} is maximal at {@code s = z.y /
 * ||z||^2}, clipped to the segment; for the logistic loss (domain {@code 0 <= y_k z_k <= 1}, so
 * {@code 0 <= s <= 1}) a golden-section search on the concave dual value, compared with the end
 * point. The best value offered so far is kept: every offered point is feasible for the same
 * program, so the maximum is a valid bound too, and the gap {@code primal - best} never grows from
 * a worse dual candidate.
 *
 * <p>Not thread-safe (keeps the best value and a scratch vector); one instance per program.
 */
final class GatedDual {
  private static final int GOLDEN_STEPS = 60;

  private final Loss loss;
  private final double[] y;
  private final double beta;
  private final double[] scratch;
  private double best = Double.NEGATIVE_INFINITY;
  private double lastScale;

  GatedDual(Loss loss, double[] y, double beta) {
    this.loss = loss;
    this.y = y;
    this.beta = beta;
    this.scratch = new double[y.length];
  }

  /**
   * Offers the candidate z (in the loss's dual domain, see {@link Loss#projectDual}) whose largest
   * constraint norm is {@code maxNorm = max_j ||X^T D_j z||}; returns the best dual value so far.
   */
  double offer(double[] z, double maxNorm) {
    double limit = maxNorm > 0 ? beta / maxNorm : Double.POSITIVE_INFINITY;
    double s;
    double value;
    if (loss == Loss.SQUARED) {
      double a = 0;
      double b = 0;
      for (int k = 0; k < z.length; k++) {
        a += z[k] * y[k];
        b += z[k] * z[k];
      }
      s = b > 0 ? Math.max(-limit, Math.min(limit, a / b)) : 0.0;
      value = s * a - 0.5 * s * s * b;
    } else {
      double hi = Math.min(1.0, limit);
      s = hi;
      value = valueAt(z, hi);
      double lo = 0;
      double g = 0.5 * (Math.sqrt(5) - 1);
      double top = hi;
      for (int it = 0; it < GOLDEN_STEPS && top - lo > 1e-12 * hi; it++) {
        double m1 = top - g * (top - lo);
        double m2 = lo + g * (top - lo);
        if (valueAt(z, m1) >= valueAt(z, m2)) {
          top = m2;
        } else {
          lo = m1;
        }
      }
      double mid = 0.5 * (lo + top);
      double v = valueAt(z, mid);
      if (v > value) {
        s = mid;
        value = v;
      }
    }
    lastScale = s;
    if (value > best) {
      best = value;
    }
    return best;
  }

  /** The factor s of the last offered candidate. */
  double lastScale() {
    return lastScale;
  }

  /** The best dual value offered so far (negative infinity before the first offer). */
  double best() {
    return best;
  }

  private double valueAt(double[] z, double s) {
    for (int k = 0; k < z.length; k++) {
      scratch[k] = s * z[k];
    }
    return loss.dualValue(scratch, y);
  }
}
