package io.convopt.solvers.relu.sampling;

import java.util.Locale;

/**
 * Scenario-approach guarantee for sampled activation patterns (Bai, Gautam and Sojoudi, arXiv
 * 2201.01965, "sampled convex programs").
 *
 * <p><b>Why it applies.</b> The dual of the gated program (CG) over a pattern set S is {@code max_z
 * -L*(-z)} subject to {@code ||X^T D_h z|| <= beta} for every gate h in S: a convex program in
 * {@code zeta = n} variables with one constraint per sampled gate. With N i.i.d. Gaussian gates it
 * is a scenario program, and the violation probability {@code V = P_h(||X^T D_h z*|| > beta)} of
 * its (unique, for a strongly convex conjugate such as the squared loss) solution is exactly the
 * probability that a fresh random pattern would improve the primal solution. Campi and Garatti
 * (SIAM J. Optim. 19, 2008, Thm 1) give {@code P^N(V > eps) <= B(N, eps, zeta) = sum_{i < zeta}
 * C(N, i) eps^i (1 - eps)^(N - i)}. Duplicated or all-zero patterns do not change the program, so N
 * counts the raw draws. Calafiore (SIAM J. Optim. 20, 2010) shows {@code N >= (2/eps)(ln(1/delta) +
 * zeta - 1)} suffices; {@link #requiredDraws} returns the smallest N from the exact tail instead.
 *
 * <p>The guarantee is conservative in zeta (the dual's support rank can be smaller than n) and says
 * nothing about the constrained program (CR), whose dual constraint sets are not of this form.
 *
 * @param draws N, the number of i.i.d. gates drawn
 * @param decisionVariables zeta (n for the gated dual)
 * @param delta confidence parameter: the statement holds with probability >= 1 - delta
 * @param epsilon violation probability bound achieved
 */
public record ScenarioBound(int draws, int decisionVariables, double delta, double epsilon) {

  /** The epsilon achieved by N draws at confidence 1 - delta. */
  public static ScenarioBound achieved(int draws, int decisionVariables, double delta) {
    check(decisionVariables, delta);
    if (draws < 0) {
      throw new IllegalArgumentException("draws: must be >= 0, got " + draws);
    }
    if (draws < decisionVariables) {
      return new ScenarioBound(draws, decisionVariables, delta, 1.0);
    }
    double lo = 0;
    double hi = 1;
    for (int it = 0; it < 200 && hi - lo > 1e-15; it++) {
      double mid = 0.5 * (lo + hi);
      if (logTail(draws, mid, decisionVariables) <= Math.log(delta)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return new ScenarioBound(draws, decisionVariables, delta, hi);
  }

  /**
   * The scenario bound of sampled patterns (zeta = n); N = the gates drawn before deduplication.
   */
  public static ScenarioBound of(ActivationPatterns patterns, double delta) {
    return achieved(patterns.gatesDrawn(), patterns.samples(), delta);
  }

  /** Smallest N with {@code B(N, epsilon, zeta) <= delta}. */
  public static int requiredDraws(double epsilon, double delta, int decisionVariables) {
    check(decisionVariables, delta);
    if (!(epsilon > 0 && epsilon < 1)) {
      throw new IllegalArgumentException("epsilon: must be in (0, 1), got " + epsilon);
    }
    double target = Math.log(delta);
    long hi =
        Math.max(
            decisionVariables,
            (long) Math.ceil(2 / epsilon * (Math.log(1 / delta) + decisionVariables)));
    while (logTail(hi, epsilon, decisionVariables) > target) {
      hi *= 2;
      if (hi > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("epsilon/delta: required draws exceed 2^31");
      }
    }
    long lo = decisionVariables - 1; // tail is 1 > delta there
    while (hi - lo > 1) {
      long mid = (lo + hi) >>> 1;
      if (logTail(mid, epsilon, decisionVariables) <= target) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return (int) hi;
  }

  /**
   * Samples patterns with the smallest number of draws for which, with confidence 1 - delta, a
   * fresh Gaussian pattern improves the gated solution with probability at most epsilon.
   */
  public static ActivationPatterns sampleUntil(
      double[][] x, double epsilon, double delta, long seed) {
    if (x == null || x.length == 0) {
      throw new IllegalArgumentException("X: empty matrix");
    }
    return ActivationPatterns.sample(x, requiredDraws(epsilon, delta, x.length), seed);
  }

  /** {@code log B(N, eps, zeta)}, summed in log space (no under/overflow). */
  static double logTail(long n, double eps, int zeta) {
    if (zeta > n) {
      return 0.0;
    }
    double logEps = Math.log(eps);
    double log1m = Math.log1p(-eps);
    double logTerm = n * log1m; // i = 0
    double max = logTerm;
    double[] terms = new double[zeta];
    terms[0] = logTerm;
    for (int i = 1; i < zeta; i++) {
      logTerm += Math.log((double) (n - i + 1) / i) + logEps - log1m;
      terms[i] = logTerm;
      max = Math.max(max, logTerm);
    }
    double s = 0;
    for (double t : terms) {
      s += Math.exp(t - max);
    }
    return Math.min(0.0, max + Math.log(s));
  }

  private static void check(int zeta, double delta) {
    if (zeta <= 0) {
      throw new IllegalArgumentException("decisionVariables: must be positive, got " + zeta);
    }
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("delta: must be in (0, 1), got " + delta);
    }
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "scenario bound: %d draws, %d decision variables -> P(a fresh pattern improves the gated"
            + " solution) <= %.4g with confidence 1 - %.1e",
        draws,
        decisionVariables,
        epsilon,
        delta);
  }
}
