package io.convopt.solvers.relu.ipm;

import io.convopt.solvers.relu.linalg.PatternOperator;

/**
 * The map {@code F u = sum_j sign_j D_p(j) X u_j} from the stacked blocks to the predictions, and
 * its adjoint, through the shared {@link PatternOperator}, with its own scratch (not thread-safe;
 * one instance per user).
 */
final class OutputMap {
  private final PatternOperator op;
  private final double[] scrXu;
  private final double[] scrM;

  OutputMap(PatternOperator op) {
    this.op = op;
    this.scrXu = new double[op.n * op.blocks];
    this.scrM = new double[op.n * op.blocks];
  }

  /** out (n) = F v, v of length B d. */
  void forward(double[] v, double[] out) {
    op.products(v, scrXu);
    op.predict(scrXu, out);
  }

  /** out (B d) = F^T a. */
  void adjoint(double[] a, double[] out) {
    op.combine(a, null, scrM);
    op.adjoint(scrM, out);
  }
}
