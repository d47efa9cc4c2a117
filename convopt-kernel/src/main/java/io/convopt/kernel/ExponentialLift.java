package io.convopt.kernel;

/**
 * The exponential (softmax) lift w = exp(β (f − f<sub>max</sub>)), where f<sub>max</sub> is the
 * largest reference sample (the paper mentions it and rejects it for blowing up; computed relative
 * to the maximum it cannot overflow on the reference samples). {@link LiftFunction#logScale()} is
 * β·f<sub>max</sub>: the true weights exp(βf) are that factor larger.
 *
 * <p>Errors ({@link IllegalArgumentException}): β not finite or ≤ 0; NaN/±∞ values; overflow for a
 * value far above the reference maximum. Immutable and thread-safe.
 */
public final class ExponentialLift implements Lift {

  private final double beta;

  private ExponentialLift(double beta) {
    this.beta = Checks.positive("beta", beta);
  }

  /** The lift exp(β f) (scaled), β &gt; 0. */
  public static ExponentialLift of(double beta) {
    return new ExponentialLift(beta);
  }

  /** β. */
  public double beta() {
    return beta;
  }

  @Override
  public LiftFunction fit(double[] samples) {
    PowerLift.checkSamples(samples);
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < samples.length; i++) {
      max = Math.max(max, samples[i]);
    }
    final double ref = max;
    final double b = beta;
    return new LiftFunction() {
      @Override
      public double weight(double f) {
        if (!Double.isFinite(f)) {
          throw new IllegalArgumentException(
              "f = " + f + " is not allowed: the lift needs a finite value");
        }
        double w = Math.exp(b * (f - ref));
        if (w == Double.POSITIVE_INFINITY) {
          throw new IllegalArgumentException(
              "exp(beta (f - max)) overflows at f = "
                  + f
                  + " (max = "
                  + ref
                  + ", beta = "
                  + b
                  + "); fit the lift on samples that include this point");
        }
        return w;
      }

      @Override
      public double logScale() {
        return b * ref;
      }

      @Override
      public String toString() {
        return "ExponentialLift[beta=" + b + ", max=" + ref + "]";
      }
    };
  }
}
