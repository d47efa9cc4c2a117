package io.convopt.solvers.relu.barrier;

import io.convopt.solvers.relu.linalg.CholeskyFactor;

/**
 * Solves {@code A x = b} with the Cholesky factor of an assembled approximation of A, followed by
 * rounds of iterative refinement {@code x += L^{-T} L^{-1} (b - A x)} against a more accurate
 * product with A. In a barrier's Newton matrix the entries ~1/slack^2 ~ tau^2 drown its moderate
 * eigenvalues in the assembled matrix; refinement against a product summed from the terms restores
 * them. Stateless.
 */
public final class RefinedCholesky {
  /** A product {@code out = A v} (out does not alias v). */
  @FunctionalInterface
  public interface Product {
    void apply(double[] v, double[] out);
  }

  private RefinedCholesky() {}

  /** x := solution of {@code A x = b} after {@code rounds} refinement rounds (x not aliasing b). */
  public static void solve(CholeskyFactor f, Product a, double[] b, double[] x, int rounds) {
    System.arraycopy(b, 0, x, 0, b.length);
    f.solveInPlace(x);
    double[] e = new double[b.length];
    for (int round = 0; round < rounds; round++) {
      a.apply(x, e);
      for (int i = 0; i < e.length; i++) {
        e[i] = b[i] - e[i];
      }
      f.solveInPlace(e);
      for (int i = 0; i < e.length; i++) {
        x[i] += e[i];
      }
    }
  }
}
