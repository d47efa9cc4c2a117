package io.convopt.experiments.calibration;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One free parameter of a candidate family: a range sampled uniformly (linear scale) or
 * log-uniformly, or a short list of discrete choices.
 *
 * @param name the parameter's name in the family's formula
 * @param lo lower end of the range (unused for choices)
 * @param hi upper end of the range (unused for choices)
 * @param log true for log-uniform sampling
 * @param choices the discrete values, or empty for a continuous range
 */
public record FreeParameter(String name, double lo, double hi, boolean log, List<Double> choices) {

  public FreeParameter {
    choices = List.copyOf(choices);
    if (choices.isEmpty() && !(lo < hi && Double.isFinite(lo) && Double.isFinite(hi))) {
      throw new IllegalArgumentException(
          "parameter " + name + ": need finite lo < hi, got [" + lo + ", " + hi + "]");
    }
    if (log && !(lo > 0)) {
      throw new IllegalArgumentException(
          "parameter " + name + ": a log range needs lo > 0, got " + lo);
    }
  }

  /** A linear range. */
  public static FreeParameter linear(String name, double lo, double hi) {
    return new FreeParameter(name, lo, hi, false, List.of());
  }

  /** A log-uniform range. */
  public static FreeParameter logScale(String name, double lo, double hi) {
    return new FreeParameter(name, lo, hi, true, List.of());
  }

  /** Discrete choices (codes of an enum, or numbers). */
  public static FreeParameter choice(String name, double... values) {
    List<Double> v = new java.util.ArrayList<>();
    for (double d : values) {
      v.add(d);
    }
    return new FreeParameter(name, Double.NaN, Double.NaN, false, v);
  }

  public boolean discrete() {
    return !choices.isEmpty();
  }

  /** A value drawn from {@code rng}. */
  double sample(SplittableRandom rng) {
    if (discrete()) {
      return choices.get(rng.nextInt(choices.size()));
    }
    double u = rng.nextDouble();
    return log ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))) : lo + u * (hi - lo);
  }

  /** "[lo, hi]", "[lo, hi] log" or "{a, b}" for documentation. */
  public String range() {
    if (discrete()) {
      StringBuilder sb = new StringBuilder("{");
      for (int i = 0; i < choices.size(); i++) {
        sb.append(i > 0 ? ", " : "").append(Candidate.fmt(choices.get(i)));
      }
      return sb.append('}').toString();
    }
    return "[" + Candidate.fmt(lo) + ", " + Candidate.fmt(hi) + "]" + (log ? " log" : "");
  }
}
