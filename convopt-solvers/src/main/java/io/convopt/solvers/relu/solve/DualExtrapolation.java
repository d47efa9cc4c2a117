package io.convopt.solvers.relu.solve;

/**
 * Dual extrapolation of a first-order method's dual candidates (as Massias, Gramfort and Salmon do
 * for the Lasso in Celer). Near the solution, block descent on a fixed support moves the residuals
 * {@code r_t = -grad L(yhat_t)} like a linear recursion, which converges to the dual optimum much
 * more slowly than the primal objective; from the last {@link #DEPTH} + 1 consecutive candidates
 * the combination {@code sum_i c_i r_i} (i = 1..K) with {@code sum_i c_i = 1} minimising the norm
 * of the combined differences {@code sum_i c_i (r_i - r_{i-1})} estimates the limit. The caller
 * scales the result to dual feasibility like any other candidate, so the bound stays valid whatever
 * the extrapolation returns; it only helps when the estimate is closer to the dual optimum.
 *
 * <p>Candidates must come from consecutive iterations of the same map: {@link #reset} after any
 * other move of the primal point (a primal extrapolation, a Newton step). Not thread-safe.
 */
final class DualExtrapolation {
  /** Differences combined (K). */
  static final int DEPTH = 5;

  private final double[][] history;
  private final double[] combined;
  private int count;

  /** For candidates of length n. */
  DualExtrapolation(int n) {
    history = new double[DEPTH + 1][n];
    combined = new double[n];
  }

  /** Forgets the candidates recorded so far. */
  void reset() {
    count = 0;
  }

  /** Records the next candidate (copied); the oldest is dropped once DEPTH + 1 are held. */
  void record(double[] r) {
    if (count == DEPTH + 1) {
      double[] oldest = history[0];
      System.arraycopy(history, 1, history, 0, DEPTH);
      history[DEPTH] = oldest;
      count = DEPTH;
    }
    System.arraycopy(r, 0, history[count], 0, r.length);
    count++;
  }

  /**
   * Writes the extrapolated candidate into out and returns true; returns false, out untouched, when
   * fewer than DEPTH + 1 candidates are held or the combination is singular or not finite.
   */
  boolean extrapolate(double[] out) {
    if (count < DEPTH + 1) {
      return false;
    }
    int k = DEPTH;
    double[] c = ExtrapolationWeights.of(history, k);
    if (c == null) {
      return false;
    }
    java.util.Arrays.fill(combined, 0.0);
    for (int a = 0; a < k; a++) {
      double ca = c[a];
      double[] h = history[a + 1];
      for (int t = 0; t < combined.length; t++) {
        combined[t] += ca * h[t];
      }
    }
    for (double v : combined) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    System.arraycopy(combined, 0, out, 0, combined.length);
    return true;
  }
}
