package io.convopt.solvers.relu.robust;

import io.convopt.solvers.relu.Loss;

/**
 * Closed-form worst case of a loss over an l_inf ball when the prediction is linear on the ball,
 * {@code yhat(delta) = yhat + delta . z} with {@code ||delta[J]||_inf <= eps}: {@code max_delta
 * delta . z = eps ||z[J]||_1}, so
 *
 * <pre>
 * hinge:   (1 - y yhat + eps ||z[J]||_1)_+
 * squared: (1/2) (|y - yhat| + eps ||z[J]||_1)^2
 * </pre>
 *
 * Both are attained at the corner {@code delta_c = eps s_c} with {@code s_c = sign(z_c)} times the
 * sign that decreases the margin (hinge: -y; squared: sign(yhat - y), + when equal). Stateless.
 */
public final class RobustLoss {
  private RobustLoss() {}

  /** Worst-case loss of one sample. */
  public static double value(Loss loss, double y, double yhat, double l1) {
    switch (loss) {
      case HINGE:
        return Math.max(0.0, 1.0 - y * yhat + l1);
      case SQUARED:
        {
          double t = Math.abs(y - yhat) + l1;
          return 0.5 * t * t;
        }
      default:
        throw new IllegalArgumentException("loss: expected hinge or squared, got " + loss);
    }
  }

  /** Sign (+1/-1) by which the worst perturbation moves the prediction. */
  public static double worstDirection(Loss loss, double y, double yhat) {
    if (loss == Loss.HINGE) {
      return -y;
    }
    return yhat >= y ? 1.0 : -1.0;
  }
}
