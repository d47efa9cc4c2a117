package io.convopt.solvers.relu.linalg;

/**
 * The linear maps of one program, over "blocks": GATED has B = P blocks (u_i, sign +1); RELU has B
 * = 2P blocks, V blocks first (sign +1) then W blocks (sign -1), block j using pattern j mod P.
 * Weights are stored block-contiguous: {@code u[j*d + c]}.
 *
 * <ul>
 *   <li>{@link #products}: {@code XU[k,j] = x_k . u_j} (an n x d x B GEMM);
 *   <li>{@link #predict}: {@code yhat_k = sum_j sign_j D[k,p(j)] XU[k,j]};
 *   <li>{@link #adjoint}: {@code grad_j = X^T M[:,j]} (the transposed GEMM);
 *   <li>cone slacks {@code c[k,j] = (2 D[k,p(j)] - 1) XU[k,j]} (RELU constraints are c >= 0).
 * </ul>
 *
 * <p>Dispatches the two GEMMs to ND4J above {@link #ND4J_THRESHOLD} multiply-adds (below it the JNI
 * and copy overhead exceeds the gain; every fixture here is below), through a {@link
 * BlockedPatternOperator} that keeps X resident and reuses its buffers. Not thread-safe (a d x B
 * scratch array); one instance per solve and thread.
 */
public final class PatternOperator {
  /** n*d*B above which the GEMMs go to ND4J. */
  public static final long ND4J_THRESHOLD = 4_000_000L;

  public final int n;
  public final int d;
  public final int patterns;
  public final int blocks;
  public final boolean constrained;
  public final double[] x;
  public final boolean[] mask;
  private final boolean useNd4j;

  /** The resident ND4J operator, made on first use when useNd4j. */
  private BlockedPatternOperator gemm;

  /** Scratch d x B for the transposed weights/gradient of the plain-Java GEMMs. */
  private final double[] transposed;

  /**
   * The operator of a program with n rows of dimension d (row-major {@code x}, shared, not copied)
   * and P patterns ({@code mask[k*P + i]}: row k active in pattern i, shared); {@code constrained}
   * selects the RELU program (2P blocks) over GATED (P blocks). The GEMMs go to ND4J when n*d*B
   * reaches {@link #ND4J_THRESHOLD}.
   */
  public PatternOperator(
      int n, int d, int patterns, boolean constrained, double[] x, boolean[] mask) {
    this(
        n,
        d,
        patterns,
        constrained,
        x,
        mask,
        d * (long) n * patterns * (constrained ? 2 : 1) >= ND4J_THRESHOLD);
  }

  /** As {@link #PatternOperator(int, int, int, boolean, double[], boolean[])}, choosing ND4J. */
  public PatternOperator(
      int n,
      int d,
      int patterns,
      boolean constrained,
      double[] x,
      boolean[] mask,
      boolean useNd4j) {
    this.n = n;
    this.d = d;
    this.patterns = patterns;
    this.constrained = constrained;
    this.blocks = constrained ? 2 * patterns : patterns;
    this.x = x;
    this.mask = mask;
    this.useNd4j = useNd4j;
    this.transposed = useNd4j ? null : new double[d * blocks];
  }

  private BlockedPatternOperator gemm() {
    if (gemm == null) {
      gemm = new BlockedPatternOperator(n, d, patterns, constrained, x, mask, Precision.FLOAT64, 0);
    }
    return gemm;
  }

  public int pattern(int j) {
    return j < patterns ? j : j - patterns;
  }

  public double sign(int j) {
    return j < patterns ? 1.0 : -1.0;
  }

  public boolean active(int k, int j) {
    return mask[k * patterns + pattern(j)];
  }

  /** XU (n x B, row-major) from block weights u (B x d). */
  public void products(double[] u, double[] xu) {
    if (useNd4j) {
      gemm().products(u, xu);
      return;
    }
    // row k of XU is sum_c x[k,c] U^T[c,:]: axpys over contiguous rows of length B, which the JIT
    // vectorises (a dot product of length d per entry would not be)
    double[] ut = transposed;
    for (int j = 0; j < blocks; j++) {
      for (int c = 0; c < d; c++) {
        ut[c * blocks + j] = u[j * d + c];
      }
    }
    for (int k = 0; k < n; k++) {
      int xo = k * d;
      int ro = k * blocks;
      double x0 = x[xo];
      for (int j = 0; j < blocks; j++) {
        xu[ro + j] = x0 * ut[j];
      }
      for (int c = 1; c < d; c++) {
        double xc = x[xo + c];
        int to = c * blocks;
        for (int j = 0; j < blocks; j++) {
          xu[ro + j] += xc * ut[to + j];
        }
      }
    }
  }

  /** yhat from XU. */
  public void predict(double[] xu, double[] yhat) {
    for (int k = 0; k < n; k++) {
      int ro = k * blocks;
      int mo = k * patterns;
      double s = 0;
      for (int i = 0; i < patterns; i++) {
        if (mask[mo + i]) {
          s += xu[ro + i];
          if (constrained) {
            s -= xu[ro + patterns + i];
          }
        }
      }
      yhat[k] = s;
    }
  }

  /** grad (B x d) = blockwise X^T M, M n x B row-major. Overwrites grad. */
  public void adjoint(double[] m, double[] grad) {
    if (useNd4j) {
      gemm().adjointOf(m, grad);
      return;
    }
    // accumulate G^T = X^T M (d x B) by axpys over contiguous rows of M, then transpose
    double[] gt = transposed;
    java.util.Arrays.fill(gt, 0.0);
    for (int k = 0; k < n; k++) {
      int xo = k * d;
      int ro = k * blocks;
      for (int c = 0; c < d; c++) {
        double xc = x[xo + c];
        if (xc == 0) {
          continue;
        }
        int to = c * blocks;
        for (int j = 0; j < blocks; j++) {
          gt[to + j] += xc * m[ro + j];
        }
      }
    }
    for (int j = 0; j < blocks; j++) {
      for (int c = 0; c < d; c++) {
        grad[j * d + c] = gt[c * blocks + j];
      }
    }
  }

  /** Fills {@code m[k,j] = sign_j D[k,p(j)] a_k + S[k,j] b[k,j]} (b may be null), S = 2D - 1. */
  public void combine(double[] a, double[] b, double[] m) {
    for (int k = 0; k < n; k++) {
      int ro = k * blocks;
      int mo = k * patterns;
      for (int j = 0; j < blocks; j++) {
        boolean on = mask[mo + pattern(j)];
        double v = on ? sign(j) * a[k] : 0.0;
        if (b != null) {
          v += on ? b[ro + j] : -b[ro + j];
        }
        m[ro + j] = v;
      }
    }
  }

  /** Cone slacks c[k,j] = (2D - 1) XU[k,j]. */
  public void slacks(double[] xu, double[] c) {
    for (int k = 0; k < n; k++) {
      int ro = k * blocks;
      int mo = k * patterns;
      for (int j = 0; j < blocks; j++) {
        c[ro + j] = mask[mo + pattern(j)] ? xu[ro + j] : -xu[ro + j];
      }
    }
  }

  /** {@code max_j ||sign_j X^T D_p z + X^T (S_j gamma_j)||} (gamma may be null). */
  public double maxBlockNorm(double[] z, double[] gamma) {
    double[] m = new double[n * blocks];
    combine(z, gamma, m);
    double[] g = new double[blocks * d];
    adjoint(m, g);
    double best = 0;
    for (int j = 0; j < blocks; j++) {
      best = Math.max(best, blockNorm(g, j, d));
    }
    return best;
  }

  /**
   * Upper estimate of {@code ||A||^2 = lambda_max(A^T A)}, A: blocks -> yhat, by 50 power
   * iterations from a fixed start (deterministic), inflated by 1 %.
   */
  public double predictionNormSquared() {
    double[] u = new double[blocks * d];
    java.util.Arrays.fill(u, 1.0);
    double[] xu = new double[n * blocks];
    double[] yh = new double[n];
    double[] m = new double[n * blocks];
    double lam = 0;
    for (int it = 0; it < 50; it++) {
      double nu = 0;
      for (double t : u) {
        nu += t * t;
      }
      nu = Math.sqrt(nu);
      if (nu == 0) {
        return 0;
      }
      for (int i = 0; i < u.length; i++) {
        u[i] /= nu;
      }
      products(u, xu);
      predict(xu, yh);
      combine(yh, null, m);
      adjoint(m, u);
      lam = nu;
    }
    double nu = 0;
    for (double t : u) {
      nu += t * t;
    }
    return Math.max(lam, Math.sqrt(nu)) * 1.01;
  }

  /** {@code lambda_max(X^T X)} estimate (the cone map's block norm squared), inflated by 1 %. */
  public double dataNormSquared() {
    double[] v = new double[d];
    java.util.Arrays.fill(v, 1.0 / Math.sqrt(d));
    double lam = 0;
    for (int it = 0; it < 100; it++) {
      double[] w = new double[d];
      for (int k = 0; k < n; k++) {
        double s = 0;
        for (int c = 0; c < d; c++) {
          s += x[k * d + c] * v[c];
        }
        for (int c = 0; c < d; c++) {
          w[c] += s * x[k * d + c];
        }
      }
      double nw = 0;
      for (double t : w) {
        nw += t * t;
      }
      nw = Math.sqrt(nw);
      if (nw == 0) {
        return 0;
      }
      for (int c = 0; c < d; c++) {
        v[c] = w[c] / nw;
      }
      lam = nw;
    }
    return lam * 1.01;
  }

  public static double blockNorm(double[] u, int j, int d) {
    double s = 0;
    int o = j * d;
    for (int c = 0; c < d; c++) {
      s += u[o + c] * u[o + c];
    }
    return Math.sqrt(s);
  }
}
