package io.convopt.solvers.relu.linalg;

/**
 * The two masked maps a gated first-order method needs, without n x B intermediates in the caller:
 * {@code yhat = sum_j sign_j D_p(j) X u_j} and its adjoint {@code grad_j = sign_j X^T D_p(j) a}.
 * Implemented by {@link BlockedPatternOperator} (row-blocked GEMMs, fused masking) and by {@link
 * LoopPatternMaps} (plain loops for small problems). Not thread-safe.
 */
public interface PatternMaps {
  /** yhat (length n) from block weights u (B x d). */
  void predict(double[] u, double[] yhat);

  /** grad (B x d, overwritten) from a (length n). */
  void adjoint(double[] a, double[] grad);

  /**
   * The maps of {@code op}'s program: the blocked GEMM operator when n d B is at least {@link
   * PatternOperator#ND4J_THRESHOLD}, the precision is FLOAT32 or a block size is given, else the
   * plain loops of {@code op} (which should then be built without ND4J).
   */
  static PatternMaps of(PatternOperator op, Precision precision, int blockRows) {
    long work = (long) op.n * op.d * op.blocks;
    if (work >= PatternOperator.ND4J_THRESHOLD || precision != Precision.FLOAT64 || blockRows > 0) {
      return BlockedPatternOperator.of(op, precision, blockRows);
    }
    return new LoopPatternMaps(op);
  }

  /**
   * The float64 maps of a gated program on n rows of X (row-major n x d) whose block s is active on
   * the rows {@code rows[blocks[s]]}: the blocks of a working set or of a support, given by their
   * row lists rather than by a full mask.
   */
  static PatternMaps ofRowLists(double[] x, int n, int d, int[][] rows, int[] blocks) {
    int m = blocks.length;
    boolean[] mask = new boolean[n * m];
    for (int s = 0; s < m; s++) {
      for (int k : rows[blocks[s]]) {
        mask[k * m + s] = true;
      }
    }
    return of(new PatternOperator(n, d, m, false, x, mask), Precision.FLOAT64, 0);
  }
}
