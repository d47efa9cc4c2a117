package io.convopt.solvers.relu.linalg;

/**
 * The linear solve of the ADMM u-step: {@code (I + kappa F^T F + g sigma G^T G) u = b}, with F:
 * blocks -> yhat the prediction map, G the cone map (g = 1 for RELU, 0 for GATED, where there are
 * no cones) and sigma > 0 the weight of the cone constraints. Because {@code (2D_i - I)^2 = I},
 * {@code G^T G = blockdiag(X^T X)}; the matrix is constant except through kappa, which only changes
 * when the ADMM penalty is re-balanced. Implementations: {@link WoodburyUStep} (n x n factor),
 * {@link DenseUStep} ((Bd) x (Bd) factor) and {@link ConjugateGradientUStep} (matrix-free). Not
 * thread-safe.
 */
public interface UStep {
  /** Solves the system for {@code rhs} (length B d) into {@code out} (may not alias rhs). */
  public void solve(double[] rhs, double[] out);

  /** Sets kappa (refactoring if needed). */
  public void setKappa(double kappa);

  /** Relative residual target of an iterative solve (ignored by the direct ones). */
  public default void setAccuracy(double relative) {}

  /** Rows and columns of the cached factor ({0, 0} when nothing is cached). */
  public int[] cachedShape();

  /** Number of factorisations done so far (CG: 0). */
  public int factorizations();

  /** Inner iterations done so far (CG only; 0 for the direct solves). */
  public default long innerIterations() {
    return 0;
  }

  /** {@code X^T X} (d x d, row-major). */
  public static double[] gram(PatternOperator op) {
    int n = op.n;
    int d = op.d;
    double[] g = new double[d * d];
    for (int k = 0; k < n; k++) {
      int xo = k * d;
      for (int a = 0; a < d; a++) {
        double xa = op.x[xo + a];
        if (xa != 0) {
          for (int b = 0; b < d; b++) {
            g[a * d + b] += xa * op.x[xo + b];
          }
        }
      }
    }
    return g;
  }

  /** {@code out_j = H in_j} for every block j, H symmetric d x d row-major. */
  public static void applyBlockwise(double[] h, int d, int blocks, double[] in, double[] out) {
    for (int j = 0; j < blocks; j++) {
      int o = j * d;
      for (int a = 0; a < d; a++) {
        double s = 0;
        int ho = a * d;
        for (int b = 0; b < d; b++) {
          s += h[ho + b] * in[o + b];
        }
        out[o + a] = s;
      }
    }
  }

  /** The block matrix {@code I + g sigma X^T X}. */
  public static double[] baseBlock(PatternOperator op, double sigma) {
    int d = op.d;
    double[] b = op.constrained ? gram(op) : new double[d * d];
    for (int i = 0; i < b.length; i++) {
      b[i] *= sigma;
    }
    for (int a = 0; a < d; a++) {
      b[a * d + a] += 1.0;
    }
    return b;
  }
}
