package io.convopt.solvers.conv.sampled;

import java.util.SplittableRandom;

/**
 * A randomised quasi-Monte Carlo sequence in [0,1)^d: the additive recurrence (Kronecker) sequence
 * q_k = frac(s + k·α) with α_i = φ_d^{−(i+1)}, where φ_d is the positive root of x^{d+1} = x + 1
 * (Roberts' R_d sequence, low discrepancy in every dimension), and s a uniform random shift drawn
 * from the seed (Cranley–Patterson rotation). The rotation makes every point marginally uniform, so
 * sample averages are unbiased Monte Carlo estimates, while the points stay evenly spread. Cost
 * O(d) per point, independent of any grid. Not thread-safe.
 */
final class QmcSequence {

  private final double[] alpha;
  private final double[] shift;
  private long index;

  QmcSequence(int dimension, SplittableRandom rng) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
    }
    double phi = 2.0;
    for (int it = 0; it < 64; it++) { // fixed point of x = (1 + x)^(1/(d+1)), converges fast
      phi = Math.pow(1.0 + phi, 1.0 / (dimension + 1));
    }
    this.alpha = new double[dimension];
    this.shift = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      alpha[i] = frac(Math.pow(1.0 / phi, i + 1));
      shift[i] = rng.nextDouble();
    }
  }

  /** The next point of the sequence (a fresh array). */
  double[] next() {
    index++;
    double[] q = new double[alpha.length];
    for (int i = 0; i < q.length; i++) {
      // index * alpha exactly representable up to 2^53: reduce alpha's product mod 1 term-wise
      q[i] = frac(shift[i] + frac(index * alpha[i]));
    }
    return q;
  }

  private static double frac(double v) {
    return v - Math.floor(v);
  }
}
