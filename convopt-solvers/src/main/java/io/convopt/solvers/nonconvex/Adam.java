package io.convopt.solvers.nonconvex;

import java.util.Locale;

/**
 * Adam (Kingma &amp; Ba 2015, Algorithm 1): m ← β1 m + (1−β1) g, v ← β2 v + (1−β2) g², θ ← θ − η m̂
 * / (√v̂ + ε) with the bias corrections m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t). Defaults β1 =
 * 0.9, β2 = 0.999, ε = 1e-8.
 */
public final class Adam implements Optimiser {

  private final double learningRate;
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private double[] m;
  private double[] v;
  private long t;

  private Adam(double learningRate, double beta1, double beta2, double epsilon) {
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "learning rate must be finite and > 0, got " + learningRate);
    }
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException(
          "beta1 and beta2 must be in [0, 1), got " + beta1 + ", " + beta2);
    }
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
    }
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  /** Adam with learning rate η and the default β1, β2, ε. */
  public static Adam of(double learningRate) {
    return new Adam(learningRate, 0.9, 0.999, 1e-8);
  }

  /** Adam with every hyper-parameter given. */
  public static Adam of(double learningRate, double beta1, double beta2, double epsilon) {
    return new Adam(learningRate, beta1, beta2, epsilon);
  }

  @Override
  public void initialise(int parameterCount) {
    m = new double[parameterCount];
    v = new double[parameterCount];
    t = 0;
  }

  @Override
  public void step(double[] params, double[] gradient) {
    if (m == null) {
      throw new IllegalStateException("initialise(int) was not called");
    }
    if (params.length != m.length || gradient.length != m.length) {
      throw new IllegalArgumentException(
          "expected "
              + m.length
              + " parameters, got params "
              + params.length
              + " and gradient "
              + gradient.length);
    }
    t++;
    double c1 = 1.0 - Math.pow(beta1, t);
    double c2 = 1.0 - Math.pow(beta2, t);
    for (int i = 0; i < params.length; i++) {
      double g = gradient[i];
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      double mHat = m[i] / c1;
      double vHat = v[i] / c2;
      params[i] -= learningRate * mHat / (Math.sqrt(vHat) + epsilon);
    }
  }

  @Override
  public void reset() {
    m = null;
    v = null;
    t = 0;
  }

  @Override
  public Adam copy() {
    return new Adam(learningRate, beta1, beta2, epsilon);
  }

  @Override
  public String name() {
    return "adam";
  }

  @Override
  public double learningRate() {
    return learningRate;
  }

  @Override
  public String describe() {
    return String.format(
        Locale.ROOT,
        "adam(lr=%s, beta1=%s, beta2=%s, eps=%s)",
        learningRate,
        beta1,
        beta2,
        epsilon);
  }
}
