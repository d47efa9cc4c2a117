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

  /** Row block of {@link #rowBlocks} on the plain path, made on first use. */
  private double[] passBlock;

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
    productRows(0, n, ut, xu);
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
    adjointRows(0, n, m, gt);
    for (int j = 0; j < blocks; j++) {
      for (int c = 0; c < d; c++) {
        grad[j * d + c] = gt[c * blocks + j];
      }
    }
  }

  /**
   * One pass over the rows in blocks, for methods that must not hold n x B arrays: for each row
   * block [r0, r0 + rows) the visitor receives a rows x B row-major array holding {@code XU[k,j] =
   * x_{r0+k} . u_j} (when u is given; else its contents are unspecified), may overwrite it with a
   * matrix M_R, and {@code grad_j = sum_R X_R^T M_R[:,j]} is accumulated (when grad is given,
   * overwritten). Memory: one block of about {@link #PASS_BLOCK_ELEMENTS} elements besides the
   * operator's own; the ND4J path does the two products as row-blocked GEMMs.
   *
   * <p>The visitor must not start another pass of this operator (the block array is shared).
   *
   * @param u block weights (B x d), or null to skip the products
   * @param visitor reads the products of a row block and writes M_R into the same array
   * @param grad B x d output, or null to skip the adjoint
   */
  public void rowBlocks(double[] u, RowBlockVisitor visitor, double[] grad) {
    if (useNd4j) {
      gemm().rowBlocks(u, visitor, grad);
      return;
    }
    int rows = Math.max(1, Math.min(n, PASS_BLOCK_ELEMENTS / blocks));
    if (passBlock == null) {
      passBlock = new double[rows * blocks];
    }
    double[] blk = passBlock;
    double[] ut = transposed;
    if (u != null) {
      transpose(u, ut);
    }
    double[] gt = grad == null ? null : new double[d * blocks];
    for (int r0 = 0; r0 < n; r0 += rows) {
      int len = Math.min(rows, n - r0);
      if (u != null) {
        productRows(r0, len, ut, blk);
      }
      visitor.visit(r0, len, blk);
      if (gt != null) {
        adjointRows(r0, len, blk, gt);
      }
    }
    if (grad != null) {
      for (int j = 0; j < blocks; j++) {
        for (int c = 0; c < d; c++) {
          grad[j * d + c] = gt[c * blocks + j];
        }
      }
    }
  }

  /** Receives the products of one row block and writes the block's M (see {@link #rowBlocks}). */
  @FunctionalInterface
  public interface RowBlockVisitor {
    /**
     * @param r0 first row of the block
     * @param rows rows in the block
     * @param block rows x B row-major: products on entry, M_R on exit
     */
    void visit(int r0, int rows, double[] block);
  }

  /** Elements of the row block of {@link #rowBlocks} (1 MB in float64 on the plain path). */
  public static final int PASS_BLOCK_ELEMENTS = 1 << 17;

  /** {@code yhat_k = sum_j sign_j D[k,p(j)] x_k . u_j} without an n x B intermediate. */
  public void maskedPredict(double[] u, double[] yhat) {
    if (useNd4j) {
      gemm().predict(u, yhat);
      return;
    }
    rowBlocks(
        u,
        (r0, rows, blk) -> {
          for (int k = 0; k < rows; k++) {
            yhat[r0 + k] = maskedRowSum(r0 + k, blk, k * blocks);
          }
        },
        null);
  }

  /** {@code grad_j = sign_j X^T D_p(j) a} without an n x B intermediate. */
  public void maskedAdjoint(double[] a, double[] grad) {
    if (useNd4j) {
      gemm().adjoint(a, grad);
      return;
    }
    rowBlocks(
        null,
        (r0, rows, blk) -> {
          for (int k = 0; k < rows; k++) {
            int mo = (r0 + k) * patterns;
            int ro = k * blocks;
            double ak = a[r0 + k];
            for (int j = 0; j < blocks; j++) {
              blk[ro + j] = mask[mo + pattern(j)] ? sign(j) * ak : 0.0;
            }
          }
        },
        grad);
  }

  /** {@code sum_j sign_j D[k,p(j)] row[off + j]} for sample k. */
  public double maskedRowSum(int k, double[] row, int off) {
    int mo = k * patterns;
    double s = 0;
    for (int i = 0; i < patterns; i++) {
      if (mask[mo + i]) {
        s += row[off + i];
        if (constrained) {
          s -= row[off + patterns + i];
        }
      }
    }
    return s;
  }

  private void transpose(double[] u, double[] ut) {
    for (int j = 0; j < blocks; j++) {
      for (int c = 0; c < d; c++) {
        ut[c * blocks + j] = u[j * d + c];
      }
    }
  }

  /** Rows [r0, r0 + rows) of XU into out (rows x B) from the transposed weights ut (d x B). */
  private void productRows(int r0, int rows, double[] ut, double[] out) {
    for (int kk = 0; kk < rows; kk++) {
      int xo = (r0 + kk) * d;
      int ro = kk * blocks;
      double x0 = x[xo];
      for (int j = 0; j < blocks; j++) {
        out[ro + j] = x0 * ut[j];
      }
      for (int c = 1; c < d; c++) {
        double xc = x[xo + c];
        int to = c * blocks;
        for (int j = 0; j < blocks; j++) {
          out[ro + j] += xc * ut[to + j];
        }
      }
    }
  }

  /** gt (d x B) += X_R^T M_R for rows [r0, r0 + rows), M_R rows x B. */
  private void adjointRows(int r0, int rows, double[] mr, double[] gt) {
    for (int kk = 0; kk < rows; kk++) {
      int xo = (r0 + kk) * d;
      int ro = kk * blocks;
      for (int c = 0; c < d; c++) {
        double xc = x[xo + c];
        if (xc == 0) {
          continue;
        }
        int to = c * blocks;
        for (int j = 0; j < blocks; j++) {
          gt[to + j] += xc * mr[ro + j];
        }
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
    double[] g = new double[blocks * d];
    if (gamma == null) {
      maskedAdjoint(z, g);
    } else {
      double[] m = new double[n * blocks];
      combine(z, gamma, m);
      adjoint(m, g);
    }
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
    double[] yh = new double[n];
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
      maskedPredict(u, yh);
      maskedAdjoint(yh, u);
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
