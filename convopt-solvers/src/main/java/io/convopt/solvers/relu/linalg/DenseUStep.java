package io.convopt.solvers.relu.linalg;

/**
 * ADMM u-step by a dense Cholesky factor of {@code A = I + kappa F^T F + g blockdiag(X^T X)}, a
 * (Bd) x (Bd) matrix (B blocks of size d): the fallback for tiny problems (Bd below n, where it is
 * smaller than the Woodbury n x n system) and the reference the Woodbury solve is tested against.
 * Setup O(n (Bd)^2 + (Bd)^3 / 3), per solve 2 (Bd)^2, memory 3 (Bd)^2 (F^T F and the constant part
 * are kept so that a penalty change only refactors). Not thread-safe.
 */
public final class DenseUStep implements UStep {
  private final int dim;
  private final double[] ftf;
  private final double[] base;
  private CholeskyFactor factor;
  private int factorizations;

  public DenseUStep(PatternOperator op, double kappa, double sigma) {
    int n = op.n;
    int d = op.d;
    int blocks = op.blocks;
    this.dim = blocks * d;
    if ((long) dim * dim > 50_000_000L) {
      throw new IllegalArgumentException(
          "uStep: dense needs a " + dim + " x " + dim + " matrix (too large); use woodbury or cg");
    }
    double[] fm = new double[n * dim];
    for (int k = 0; k < n; k++) {
      for (int j = 0; j < blocks; j++) {
        if (op.active(k, j)) {
          double sg = op.sign(j);
          for (int c = 0; c < d; c++) {
            fm[k * dim + j * d + c] = sg * op.x[k * d + c];
          }
        }
      }
    }
    this.ftf = new double[dim * dim];
    for (int k = 0; k < n; k++) {
      int ro = k * dim;
      for (int a = 0; a < dim; a++) {
        double fa = fm[ro + a];
        if (fa != 0) {
          int ao = a * dim;
          for (int b = 0; b <= a; b++) {
            ftf[ao + b] += fa * fm[ro + b];
          }
        }
      }
    }
    this.base = new double[dim * dim];
    double[] blk = UStep.baseBlock(op, sigma);
    for (int j = 0; j < blocks; j++) {
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          base[(j * d + a) * dim + j * d + b] = blk[a * d + b];
        }
      }
    }
    setKappa(kappa);
  }

  @Override
  public void setKappa(double kappa) {
    double[] a = new double[dim * dim];
    for (int i = 0; i < a.length; i++) {
      a[i] = base[i] + kappa * ftf[i];
    }
    factor = new CholeskyFactor(a, dim);
    factorizations++;
  }

  @Override
  public void solve(double[] rhs, double[] out) {
    System.arraycopy(rhs, 0, out, 0, dim);
    factor.solveInPlace(out);
  }

  @Override
  public int[] cachedShape() {
    return new int[] {dim, dim};
  }

  @Override
  public int factorizations() {
    return factorizations;
  }
}
