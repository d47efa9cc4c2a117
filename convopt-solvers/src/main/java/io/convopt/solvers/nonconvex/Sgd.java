package io.convopt.solvers.nonconvex;

import java.util.Locale;

/**
 * Plain stochastic gradient descent θ ← θ − η_t g with a fixed rate η_t = η or inverse-time decay
 * η_t = η / (1 + κ t), where t = 0, 1, … counts the steps since {@link #initialise}.
 */
public final class Sgd implements Optimiser {

  private final double learningRate;
  private final double decay;
  private long steps;

  private Sgd(double learningRate, double decay) {
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "learning rate must be finite and > 0, got " + learningRate);
    }
    if (!(decay >= 0) || Double.isInfinite(decay)) {
      throw new IllegalArgumentException("decay must be finite and >= 0, got " + decay);
    }
    this.learningRate = learningRate;
    this.decay = decay;
  }

  /** SGD with a fixed learning rate η &gt; 0. */
  public static Sgd fixed(double learningRate) {
    return new Sgd(learningRate, 0.0);
  }

  /** SGD with η_t = η / (1 + κ t), κ ≥ 0 per step. */
  public static Sgd inverseTimeDecay(double learningRate, double decayPerStep) {
    return new Sgd(learningRate, decayPerStep);
  }

  /** The decay rate κ (0 for a fixed rate). */
  public double decay() {
    return decay;
  }

  /** The rate the next step will use. */
  public double currentRate() {
    return learningRate / (1.0 + decay * steps);
  }

  @Override
  public void initialise(int parameterCount) {
    steps = 0;
  }

  @Override
  public void step(double[] params, double[] gradient) {
    if (params.length != gradient.length) {
      throw new IllegalArgumentException(
          "params and gradient lengths differ: " + params.length + " vs " + gradient.length);
    }
    double eta = currentRate();
    for (int i = 0; i < params.length; i++) {
      params[i] -= eta * gradient[i];
    }
    steps++;
  }

  @Override
  public void reset() {
    steps = 0;
  }

  @Override
  public Sgd copy() {
    return new Sgd(learningRate, decay);
  }

  @Override
  public String name() {
    return "sgd";
  }

  @Override
  public double learningRate() {
    return learningRate;
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "sgd(lr=%s, decay=%s)", learningRate, decay);
  }
}
