package io.convopt.solvers.nonconvex;

/**
 * Data terms of the non-convex objective, summed over samples (not averaged), as in the convex
 * programs (Pilanci and Ergen's scaling: ½ Σ (ŷ − y)² + β Σ (‖v_i‖ + ‖w_i‖)).
 */
public enum Loss {
  /** ½ Σ_k (f_k − y_k)²; derivative f_k − y_k. */
  SQUARED {
    @Override
    public double value(double f, double y) {
      double r = f - y;
      return 0.5 * r * r;
    }

    @Override
    public double derivative(double f, double y) {
      return f - y;
    }
  },
  /**
   * Σ_k max(0, 1 − y_k f_k) for labels ±1; the subgradient used is −y_k where y_k f_k &lt; 1 and 0
   * otherwise (0 at the kink).
   */
  HINGE {
    @Override
    public double value(double f, double y) {
      return Math.max(0.0, 1.0 - y * f);
    }

    @Override
    public double derivative(double f, double y) {
      return y * f < 1.0 ? -y : 0.0;
    }
  };

  /** The loss of one sample with prediction {@code f} and target {@code y}. */
  public abstract double value(double f, double y);

  /** d value / d f (a subgradient at kinks). */
  public abstract double derivative(double f, double y);
}
