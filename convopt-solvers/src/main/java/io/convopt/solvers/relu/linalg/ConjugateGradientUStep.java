package io.convopt.solvers.relu.linalg;

/**
 * Matrix-free ADMM u-step for large problems: preconditioned conjugate gradients on {@code A = I +
 * kappa F^T F + g blockdiag(X^T X)} with the block preconditioner {@code blockdiag(I + g X^T
 * X)^{-1}} (exact on the cone part), warm-started from the previous solution, stopped at a relative
 * residual set by the caller (the ADMM driver tightens it with its own residuals, so the inexact
 * steps are summable). Per CG step two GEMM-sized products (O(n d B), masked without n x B arrays)
 * and 2 B d^2; memory O(B d + n) besides the d x d preconditioner. Not thread-safe.
 */
public final class ConjugateGradientUStep implements UStep {
  /** Hard cap on CG steps per solve. */
  public static final int MAX_STEPS = 500;

  private final PatternOperator op;
  private final double[] gram;
  private final double[] h;
  private double kappa;
  private double accuracy = 1e-3;
  private long steps;
  private final double[] x;
  private final double[] r;
  private final double[] z;
  private final double[] p;
  private final double[] ap;
  private final double[] yh;

  public ConjugateGradientUStep(PatternOperator op, double kappa, double sigma) {
    this.op = op;
    int len = op.blocks * op.d;
    this.gram = op.constrained ? scaled(UStep.gram(op), sigma) : null;
    this.h = new CholeskyFactor(UStep.baseBlock(op, sigma), op.d).inverse();
    this.x = new double[len];
    this.r = new double[len];
    this.z = new double[len];
    this.p = new double[len];
    this.ap = new double[len];
    this.yh = new double[op.n];
    setKappa(kappa);
  }

  private static double[] scaled(double[] a, double f) {
    for (int i = 0; i < a.length; i++) {
      a[i] *= f;
    }
    return a;
  }

  @Override
  public void setKappa(double k) {
    if (!(k > 0) || !Double.isFinite(k)) {
      throw new IllegalArgumentException("kappa: must be finite and > 0, got " + k);
    }
    this.kappa = k;
  }

  @Override
  public void setAccuracy(double relative) {
    this.accuracy = Math.max(relative, 1e-15);
  }

  /** out = A in. */
  public void apply(double[] in, double[] out) {
    int len = in.length;
    op.maskedPredict(in, yh);
    op.maskedAdjoint(yh, out);
    for (int i = 0; i < len; i++) {
      out[i] = in[i] + kappa * out[i];
    }
    if (gram != null) {
      int d = op.d;
      for (int j = 0; j < op.blocks; j++) {
        int o = j * d;
        for (int a = 0; a < d; a++) {
          double s = 0;
          for (int b = 0; b < d; b++) {
            s += gram[a * d + b] * in[o + b];
          }
          out[o + a] += s;
        }
      }
    }
  }

  @Override
  public void solve(double[] rhs, double[] out) {
    int len = rhs.length;
    apply(x, ap);
    double bn = 0;
    for (int i = 0; i < len; i++) {
      r[i] = rhs[i] - ap[i];
      bn += rhs[i] * rhs[i];
    }
    double target = accuracy * Math.sqrt(bn);
    UStep.applyBlockwise(h, op.d, op.blocks, r, z);
    System.arraycopy(z, 0, p, 0, len);
    double rz = dot(r, z);
    for (int it = 0; it < MAX_STEPS && Math.sqrt(dot(r, r)) > target; it++) {
      apply(p, ap);
      double pap = dot(p, ap);
      if (!(pap > 0)) {
        break;
      }
      double alpha = rz / pap;
      for (int i = 0; i < len; i++) {
        x[i] += alpha * p[i];
        r[i] -= alpha * ap[i];
      }
      UStep.applyBlockwise(h, op.d, op.blocks, r, z);
      double rzn = dot(r, z);
      double bc = rzn / rz;
      rz = rzn;
      for (int i = 0; i < len; i++) {
        p[i] = z[i] + bc * p[i];
      }
      steps++;
    }
    System.arraycopy(x, 0, out, 0, len);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Override
  public int[] cachedShape() {
    return new int[] {0, 0};
  }

  @Override
  public int factorizations() {
    return 0;
  }

  @Override
  public long innerIterations() {
    return steps;
  }
}
