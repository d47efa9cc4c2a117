package io.convopt.solvers.nonconvex;

import java.util.Locale;

/**
 * Immutable configuration of a non-convex training run; every {@code withX} returns a new instance
 * and validates its argument ({@link IllegalArgumentException} on bad values).
 *
 * <p>Defaults: width m = 32, β = 1e-3, squared loss, {@link Adam} with η = 1e-3, 100 epochs,
 * mini-batches of 10 % of the rows (at least one row), seed 42, no time limit.
 *
 * <p>Time limit: the trainer stops at the first mini-batch step at which the wall time since
 * training began (per-epoch objective evaluations included) reaches the limit, so a run overshoots
 * it by at most one step and one objective evaluation; {@link Double#POSITIVE_INFINITY} means no
 * limit.
 */
public final class NonConvexConfig {

  private final int width;
  private final double beta;
  private final Loss loss;
  private final Optimiser optimiser;
  private final int epochs;
  private final double batchFraction;
  private final long seed;
  private final double timeLimitSeconds;

  private NonConvexConfig(
      int width,
      double beta,
      Loss loss,
      Optimiser optimiser,
      int epochs,
      double batchFraction,
      long seed,
      double timeLimitSeconds) {
    if (width <= 0) {
      throw new IllegalArgumentException("width must be positive, got " + width);
    }
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be finite and >= 0, got " + beta);
    }
    if (loss == null || optimiser == null) {
      throw new IllegalArgumentException("loss and optimiser must not be null");
    }
    if (epochs < 0) {
      throw new IllegalArgumentException("epochs must be >= 0, got " + epochs);
    }
    if (!(batchFraction > 0 && batchFraction <= 1)) {
      throw new IllegalArgumentException("batch fraction must be in (0, 1], got " + batchFraction);
    }
    if (!(timeLimitSeconds > 0)) {
      throw new IllegalArgumentException(
          "time limit must be > 0 seconds (infinity for none), got " + timeLimitSeconds);
    }
    this.width = width;
    this.beta = beta;
    this.loss = loss;
    this.optimiser = optimiser.copy();
    this.epochs = epochs;
    this.batchFraction = batchFraction;
    this.seed = seed;
    this.timeLimitSeconds = timeLimitSeconds;
  }

  /** The defaults listed in the class comment. */
  public static NonConvexConfig defaults() {
    return new NonConvexConfig(
        32, 1e-3, Loss.SQUARED, Adam.of(1e-3), 100, 0.1, 42L, Double.POSITIVE_INFINITY);
  }

  public NonConvexConfig withWidth(int w) {
    return new NonConvexConfig(
        w, beta, loss, optimiser, epochs, batchFraction, seed, timeLimitSeconds);
  }

  public NonConvexConfig withBeta(double b) {
    return new NonConvexConfig(
        width, b, loss, optimiser, epochs, batchFraction, seed, timeLimitSeconds);
  }

  public NonConvexConfig withLoss(Loss l) {
    return new NonConvexConfig(
        width, beta, l, optimiser, epochs, batchFraction, seed, timeLimitSeconds);
  }

  public NonConvexConfig withOptimiser(Optimiser o) {
    return new NonConvexConfig(width, beta, loss, o, epochs, batchFraction, seed, timeLimitSeconds);
  }

  public NonConvexConfig withEpochs(int e) {
    return new NonConvexConfig(
        width, beta, loss, optimiser, e, batchFraction, seed, timeLimitSeconds);
  }

  /** Mini-batch size as a fraction of n (rounded, at least 1); 1 gives full-batch steps. */
  public NonConvexConfig withBatchFraction(double f) {
    return new NonConvexConfig(width, beta, loss, optimiser, epochs, f, seed, timeLimitSeconds);
  }

  public NonConvexConfig withSeed(long s) {
    return new NonConvexConfig(
        width, beta, loss, optimiser, epochs, batchFraction, s, timeLimitSeconds);
  }

  /** A copy that stops training once {@code seconds} of wall time have passed (see above). */
  public NonConvexConfig withTimeLimit(double seconds) {
    return new NonConvexConfig(width, beta, loss, optimiser, epochs, batchFraction, seed, seconds);
  }

  public int width() {
    return width;
  }

  public double beta() {
    return beta;
  }

  public Loss loss() {
    return loss;
  }

  /** A fresh copy of the optimiser prototype. */
  public Optimiser optimiser() {
    return optimiser.copy();
  }

  public int epochs() {
    return epochs;
  }

  public double batchFraction() {
    return batchFraction;
  }

  public long seed() {
    return seed;
  }

  /** Training-time limit in seconds ({@link Double#POSITIVE_INFINITY}: none). */
  public double timeLimitSeconds() {
    return timeLimitSeconds;
  }

  /** The batch size used for {@code n} rows: max(1, round(fraction · n)). */
  public int batchSize(int n) {
    return (int) Math.max(1, Math.min(n, Math.round(batchFraction * n)));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "NonConvexConfig[width=%d, beta=%s, loss=%s, optimiser=%s, epochs=%d,"
            + " batchFraction=%s, seed=%d, timeLimit=%s]",
        width,
        beta,
        loss,
        optimiser.describe(),
        epochs,
        batchFraction,
        seed,
        timeLimitSeconds);
  }
}
