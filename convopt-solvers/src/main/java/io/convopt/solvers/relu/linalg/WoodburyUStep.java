package io.convopt.solvers.relu.linalg;

/**
 * ADMM u-step by the Woodbury identity: with {@code B = blockdiag(I + g sigma X^T X)} and {@code H
 * = (I + g sigma X^T X)^{-1}} (d x d),
 *
 * <pre>
 *   A = B + kappa F^T F,
 *   A^{-1} b = w - B^{-1} F^T C^{-1} F w,   w = B^{-1} b,
 *   C = I / kappa + F B^{-1} F^T = I / kappa + m (X H X^T) ⊙ (D D^T)      (n x n),
 * </pre>
 *
 * where m = 2 for RELU (each pattern carries a V and a W block, sign^2 = 1) and 1 for GATED. Only
 * the n x n matrix {@code C0 = m (X H X^T) ⊙ (D D^T)} and the Cholesky factor of {@code C0 +
 * I/kappa} are cached: memory 2 n^2 doubles instead of (Bd)^2.
 *
 * <p>Cost: setup O(n^2 d + n^2 P / 64 + n^3 / 3 + d^3) ({@code D D^T} by popcounts of packed
 * pattern rows); per solve two GEMM-sized products (O(n d B), masked without n x B arrays), one n x
 * n triangular pair (2 n^2) and 2 B d^2 for the block products; a change of kappa refactors C (n^3
 * / 3, through LAPACK above {@link CholeskyFactor#LAPACK_MIN_ORDER}). Not thread-safe.
 */
public final class WoodburyUStep implements UStep {
  private final PatternOperator op;
  private final double[] h;
  private final double[] c0;
  private CholeskyFactor factor;
  private int factorizations;
  private final double[] w;
  private final double[] f;
  private final double[] g;

  public WoodburyUStep(PatternOperator op, double kappa, double sigma) {
    this.op = op;
    int n = op.n;
    int d = op.d;
    this.h = new CholeskyFactor(UStep.baseBlock(op, sigma), d).inverse();
    this.c0 = capacitanceCore(op, h);
    this.w = new double[op.blocks * d];
    this.f = new double[n];
    this.g = new double[op.blocks * d];
    setKappa(kappa);
  }

  /** {@code m (X H X^T) ⊙ (D D^T)}, row-major n x n (symmetric, both triangles filled). */
  public static double[] capacitanceCore(PatternOperator op, double[] h) {
    int n = op.n;
    int d = op.d;
    int p = op.patterns;
    double mult = op.constrained ? 2.0 : 1.0;
    double[] xh = new double[n * d];
    for (int k = 0; k < n; k++) {
      for (int a = 0; a < d; a++) {
        double s = 0;
        for (int b = 0; b < d; b++) {
          s += op.x[k * d + b] * h[b * d + a];
        }
        xh[k * d + a] = s;
      }
    }
    int words = (p + 63) >>> 6;
    long[] bits = new long[n * words];
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < p; i++) {
        if (op.mask[k * p + i]) {
          bits[k * words + (i >>> 6)] |= 1L << (i & 63);
        }
      }
    }
    double[] c = new double[n * n];
    for (int k = 0; k < n; k++) {
      int ko = k * words;
      for (int l = 0; l <= k; l++) {
        int lo = l * words;
        int shared = 0;
        for (int q = 0; q < words; q++) {
          shared += Long.bitCount(bits[ko + q] & bits[lo + q]);
        }
        double v = 0;
        if (shared != 0) {
          double s = 0;
          for (int a = 0; a < d; a++) {
            s += xh[k * d + a] * op.x[l * d + a];
          }
          v = mult * shared * s;
        }
        c[k * n + l] = v;
        c[l * n + k] = v;
      }
    }
    return c;
  }

  @Override
  public void setKappa(double kappa) {
    if (!(kappa > 0) || !Double.isFinite(kappa)) {
      throw new IllegalArgumentException("kappa: must be finite and > 0, got " + kappa);
    }
    int n = op.n;
    double[] a = c0.clone();
    double diag = 1.0 / kappa;
    for (int k = 0; k < n; k++) {
      a[k * n + k] += diag;
    }
    factor = CholeskyFactor.of(a, n);
    factorizations++;
  }

  @Override
  public void solve(double[] rhs, double[] out) {
    int d = op.d;
    int len = op.blocks * d;
    UStep.applyBlockwise(h, d, op.blocks, rhs, w);
    op.maskedPredict(w, f);
    factor.solveInPlace(f);
    op.maskedAdjoint(f, g);
    UStep.applyBlockwise(h, d, op.blocks, g, out);
    for (int i = 0; i < len; i++) {
      out[i] = w[i] - out[i];
    }
  }

  @Override
  public int[] cachedShape() {
    return new int[] {factor.order(), factor.order()};
  }

  @Override
  public int factorizations() {
    return factorizations;
  }
}
