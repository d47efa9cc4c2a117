package io.convopt.solvers.relu.linalg;

/**
 * {@link PatternMaps} over the plain-Java loops of {@link PatternOperator}, through n x B scratch
 * arrays: the fast choice for small problems, where ND4J's call overhead dominates. Not
 * thread-safe.
 */
final class LoopPatternMaps implements PatternMaps {
  private final PatternOperator op;
  private final double[] nb;

  LoopPatternMaps(PatternOperator op) {
    this.op = op;
    this.nb = new double[op.n * op.blocks];
  }

  @Override
  public void predict(double[] u, double[] yhat) {
    op.products(u, nb);
    op.predict(nb, yhat);
  }

  @Override
  public void adjoint(double[] a, double[] grad) {
    op.combine(a, null, nb);
    op.adjoint(nb, grad);
  }
}
