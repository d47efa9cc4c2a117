package io.convopt.solvers.conv;

import io.convopt.kernel.Box;
import io.convopt.kernel.ShiftRule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hyper-parameters shared by Algorithms 1–4, named after their role in the paper. Immutable;
 * change one with a {@code withX} method.
 *
 * <p>Defaults (ours, not the paper's, which lost them): δ = η, fine window step δ/10, T = ⌈largest
 * box side / η⌉ + 50, C = −min of the sampled f (the kernel's {@code ShiftRule.minShift(0)} applied
 * to the solver's coarse samples; samples found later below that minimum get weight 0), seed 42.
 */
public final class ConvolutionSettings {

  /** Upper bound on coarse lattice cells, to fail fast instead of exhausting memory. */
  public static final long MAX_CELLS = 50_000_000L;

  private final double eta;
  private final double power;
  private final double delta;
  private final int fineStepsPerDelta;
  private final long iterations;
  private final ShiftRule shift;
  private final long seed;
  private final boolean recordTrajectory;

  private ConvolutionSettings(
      double eta,
      double power,
      double delta,
      int fineStepsPerDelta,
      long iterations,
      ShiftRule shift,
      long seed,
      boolean recordTrajectory) {
    if (!(eta > 0) || Double.isInfinite(eta)) {
      throw new IllegalArgumentException("step eta must be finite and > 0, got " + eta);
    }
    if (!(power > 0) || Double.isInfinite(power)) {
      throw new IllegalArgumentException("power N must be finite and > 0, got " + power);
    }
    if (!Double.isNaN(delta) && (!(delta > 0) || Double.isInfinite(delta))) {
      throw new IllegalArgumentException(
          "kernel width delta must be finite and > 0 (or NaN for delta = eta), got " + delta);
    }
    if (fineStepsPerDelta < 1 || fineStepsPerDelta > 10_000) {
      throw new IllegalArgumentException(
          "fine steps per delta must be in [1, 10000], got " + fineStepsPerDelta);
    }
    if (iterations < 0) {
      throw new IllegalArgumentException(
          "iteration budget T must be >= 1 (or 0 for the default), got " + iterations);
    }
    this.eta = eta;
    this.power = power;
    this.delta = delta;
    this.fineStepsPerDelta = fineStepsPerDelta;
    this.iterations = iterations;
    this.shift = java.util.Objects.requireNonNull(shift, "shift");
    this.seed = seed;
    this.recordTrajectory = recordTrajectory;
  }

  /** Settings with step η and power N, everything else at its default. */
  public static ConvolutionSettings of(double eta, double power) {
    return new ConvolutionSettings(
        eta, power, Double.NaN, 10, 0, ShiftRule.minShift(0), 42L, false);
  }

  public ConvolutionSettings withEta(double v) {
    return new ConvolutionSettings(
        v, power, delta, fineStepsPerDelta, iterations, shift, seed, recordTrajectory);
  }

  public ConvolutionSettings withPower(double v) {
    return new ConvolutionSettings(
        eta, v, delta, fineStepsPerDelta, iterations, shift, seed, recordTrajectory);
  }

  /** Kernel width δ; NaN restores the default δ = η. */
  public ConvolutionSettings withDelta(double v) {
    return new ConvolutionSettings(
        eta, power, v, fineStepsPerDelta, iterations, shift, seed, recordTrajectory);
  }

  /** Fine window step = δ / k (the paper's finer Riemann step for the window integral). */
  public ConvolutionSettings withFineStepsPerDelta(int k) {
    return new ConvolutionSettings(eta, power, delta, k, iterations, shift, seed, recordTrajectory);
  }

  /** Iteration budget T; 0 restores the default rule. */
  public ConvolutionSettings withIterations(long t) {
    return new ConvolutionSettings(
        eta, power, delta, fineStepsPerDelta, t, shift, seed, recordTrajectory);
  }

  public ConvolutionSettings withShift(ShiftRule rule) {
    return new ConvolutionSettings(
        eta, power, delta, fineStepsPerDelta, iterations, rule, seed, recordTrajectory);
  }

  public ConvolutionSettings withSeed(long s) {
    return new ConvolutionSettings(
        eta, power, delta, fineStepsPerDelta, iterations, shift, s, recordTrajectory);
  }

  public ConvolutionSettings withTrajectory(boolean record) {
    return new ConvolutionSettings(
        eta, power, delta, fineStepsPerDelta, iterations, shift, seed, record);
  }

  public double eta() {
    return eta;
  }

  public double power() {
    return power;
  }

  /** δ, resolved: η when not set. */
  public double delta() {
    return Double.isNaN(delta) ? eta : delta;
  }

  public int fineStepsPerDelta() {
    return fineStepsPerDelta;
  }

  /** Fine window step δ / k. */
  public double fineStep() {
    return delta() / fineStepsPerDelta;
  }

  public ShiftRule shift() {
    return shift;
  }

  public long seed() {
    return seed;
  }

  public boolean recordTrajectory() {
    return recordTrajectory;
  }

  /** T for this box: the configured budget, or ⌈largest side / η⌉ + 50. */
  public long iterations(Box box) {
    if (iterations > 0) {
      return iterations;
    }
    double side = 0;
    for (int i = 0; i < box.dimension(); i++) {
      side = Math.max(side, box.width(i));
    }
    return (long) Math.ceil(side / eta - 1e-9) + 50;
  }

  /** The parameters by name, for provenance. */
  public Map<String, String> describe(Box box) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("eta", Double.toString(eta));
    m.put("power", Double.toString(power));
    m.put("delta", Double.toString(delta()));
    m.put("fine_step", Double.toString(fineStep()));
    m.put("iterations", Long.toString(iterations(box)));
    m.put("shift", shift.toString());
    m.put("seed", Long.toString(seed));
    return m;
  }
}
