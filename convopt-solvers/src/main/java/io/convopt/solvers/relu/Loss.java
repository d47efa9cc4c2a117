package io.convopt.solvers.relu;

/**
 * Data terms of the convex ReLU programs, all <em>summed</em> over samples (no 1/n factor), as in
 * the fixture README:
 *
 * <ul>
 *   <li>{@link #SQUARED}: {@code (1/2) sum_k (yhat_k - y_k)^2};
 *   <li>{@link #HINGE}: {@code sum_k max(0, 1 - y_k yhat_k)}, labels in {-1, +1};
 *   <li>{@link #LOGISTIC}: {@code sum_k log(1 + exp(-y_k yhat_k))}, labels in {-1, +1}.
 * </ul>
 *
 * <p>Besides value and gradient, each loss supplies what the Fenchel dual needs: with a dual vector
 * z (at the optimum {@code z = -gradient}), the dual objective is {@code -L*(-z)}, defined on a
 * domain onto which {@link #projectDual} maps any candidate. Squared: {@code -L*(-z) =
 * -(1/2)||z||^2 + z.y} on all of R^n. Hinge: {@code sum_k a_k} with {@code a_k = y_k z_k in [0,
 * 1]}. Logistic: {@code sum_k H(a_k)} (binary entropy in nats), same box. The domains are
 * star-shaped about 0, so shrinking z by a factor in [0, 1] keeps it in the domain, which is what
 * the dual scaling in {@link Certificate} relies on.
 *
 * <p>Stateless and thread-safe.
 */
public enum Loss {
  /** Half the squared error. Smooth, gradient 1-Lipschitz in yhat. */
  SQUARED(true, false),
  /** Hinge loss; not differentiable, handled through its proximal map. */
  HINGE(false, true),
  /** Logistic loss; smooth, gradient 1/4-Lipschitz in yhat. */
  LOGISTIC(true, true);

  private final boolean smooth;
  private final boolean needsSignLabels;

  Loss(boolean smooth, boolean needsSignLabels) {
    this.smooth = smooth;
    this.needsSignLabels = needsSignLabels;
  }

  /** True when the loss has a Lipschitz gradient (then no splitting multiplier is needed). */
  public boolean isSmooth() {
    return smooth;
  }

  /** True when targets must be labels in {-1, +1}. */
  public boolean needsSignLabels() {
    return needsSignLabels;
  }

  /** Parses the fixture spelling ({@code squared}, {@code hinge}, {@code logistic}). */
  public static Loss parse(String name) {
    if (name == null) {
      throw new IllegalArgumentException("loss: missing (expected squared, hinge or logistic)");
    }
    switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "squared":
      case "square":
      case "squared_error":
        return SQUARED;
      case "hinge":
        return HINGE;
      case "logistic":
        return LOGISTIC;
      default:
        throw new IllegalArgumentException(
            "loss: unknown value '" + name + "' (expected squared, hinge or logistic)");
    }
  }

  /** Value of the data term at predictions {@code yhat}. */
  public double value(double[] yhat, double[] y) {
    double s = 0;
    switch (this) {
      case SQUARED:
        for (int k = 0; k < y.length; k++) {
          double r = yhat[k] - y[k];
          s += 0.5 * r * r;
        }
        return s;
      case HINGE:
        for (int k = 0; k < y.length; k++) {
          s += Math.max(0.0, 1.0 - y[k] * yhat[k]);
        }
        return s;
      default:
        for (int k = 0; k < y.length; k++) {
          s += softplus(-y[k] * yhat[k]);
        }
        return s;
    }
  }

  /**
   * Gradient of a smooth loss with respect to yhat, written into {@code out}; returns the value.
   *
   * @throws IllegalStateException for the hinge loss
   */
  public double gradient(double[] yhat, double[] y, double[] out) {
    double s = 0;
    switch (this) {
      case SQUARED:
        for (int k = 0; k < y.length; k++) {
          double r = yhat[k] - y[k];
          out[k] = r;
          s += 0.5 * r * r;
        }
        return s;
      case LOGISTIC:
        for (int k = 0; k < y.length; k++) {
          double m = -y[k] * yhat[k];
          s += softplus(m);
          out[k] = -y[k] * sigmoid(m);
        }
        return s;
      default:
        throw new IllegalStateException("the hinge loss has no gradient; use its proximal map");
    }
  }

  /**
   * Proximal map of {@code tau * L} at {@code w}: {@code argmin_s L(s) + ||s - w||^2 / (2 tau)},
   * into {@code out}. Closed form for squared and hinge; for logistic a few safeguarded Newton
   * steps per coordinate (each coordinate is a strictly convex scalar problem).
   */
  public void prox(double[] w, double[] y, double tau, double[] out) {
    switch (this) {
      case SQUARED:
        for (int k = 0; k < y.length; k++) {
          out[k] = (w[k] + tau * y[k]) / (1.0 + tau);
        }
        return;
      case HINGE:
        for (int k = 0; k < y.length; k++) {
          double m = y[k] * w[k];
          double mp;
          if (m >= 1.0) {
            mp = m;
          } else if (m <= 1.0 - tau) {
            mp = m + tau;
          } else {
            mp = 1.0;
          }
          out[k] = y[k] * mp;
        }
        return;
      default:
        for (int k = 0; k < y.length; k++) {
          // minimise softplus(-m) + (m - m0)^2 / (2 tau) over the margin m = y s.
          double m0 = y[k] * w[k];
          double m = m0;
          for (int it = 0; it < 60; it++) {
            double sg = sigmoid(-m);
            double g = -sg + (m - m0) / tau;
            double h = sg * (1 - sg) + 1.0 / tau;
            double step = g / h;
            m -= step;
            if (Math.abs(step) <= 1e-15 * (1 + Math.abs(m))) {
              break;
            }
          }
          out[k] = y[k] * m;
        }
    }
  }

  /** Maps a dual candidate into the domain of {@code -L*(-z)} (in place). */
  public void projectDual(double[] z, double[] y) {
    if (this == SQUARED) {
      return;
    }
    for (int k = 0; k < y.length; k++) {
      double a = Math.min(1.0, Math.max(0.0, y[k] * z[k]));
      z[k] = a * y[k];
    }
  }

  /** Dual objective {@code -L*(-z)} for z in the dual domain (see {@link #projectDual}). */
  public double dualValue(double[] z, double[] y) {
    double s = 0;
    switch (this) {
      case SQUARED:
        for (int k = 0; k < y.length; k++) {
          s += -0.5 * z[k] * z[k] + z[k] * y[k];
        }
        return s;
      case HINGE:
        for (int k = 0; k < y.length; k++) {
          s += y[k] * z[k];
        }
        return s;
      default:
        for (int k = 0; k < y.length; k++) {
          double a = y[k] * z[k];
          s += entropy(a);
        }
        return s;
    }
  }

  /** {@code log(1 + e^t)}, without overflow. */
  public static double softplus(double t) {
    return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
  }

  /** {@code 1 / (1 + e^-t)}. */
  public static double sigmoid(double t) {
    if (t >= 0) {
      return 1.0 / (1.0 + Math.exp(-t));
    }
    double e = Math.exp(t);
    return e / (1.0 + e);
  }

  private static double entropy(double a) {
    double s = 0;
    if (a > 0) {
      s -= a * Math.log(a);
    }
    if (a < 1) {
      s -= (1 - a) * Math.log1p(-a);
    }
    return s;
  }
}
