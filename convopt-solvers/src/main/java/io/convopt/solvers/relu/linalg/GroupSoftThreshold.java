package io.convopt.solvers.relu.linalg;

/**
 * Group soft-thresholding, the proximal map of {@code tau sum_j ||u_j||_2} over consecutive blocks
 * u_j of a fixed size: {@code u_j <- u_j max(0, 1 - tau / ||u_j||)}. Used by every convex ReLU
 * solver (R-FISTA, ADMM, the robust ADMM) for the group-norm regulariser.
 */
public final class GroupSoftThreshold {
  private GroupSoftThreshold() {}

  /** Applies the map in place to all blocks of {@code u}; {@code tau <= 0} leaves u unchanged. */
  public static void apply(double[] u, int blockSize, double tau) {
    if (tau <= 0) {
      return;
    }
    for (int o = 0; o < u.length; o += blockSize) {
      double s = 0;
      for (int c = 0; c < blockSize; c++) {
        s += u[o + c] * u[o + c];
      }
      double nrm = Math.sqrt(s);
      double f = nrm > tau ? 1 - tau / nrm : 0;
      for (int c = 0; c < blockSize; c++) {
        u[o + c] *= f;
      }
    }
  }
}
