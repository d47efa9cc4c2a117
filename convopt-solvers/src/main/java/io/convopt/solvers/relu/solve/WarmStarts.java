package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.certificate.Evaluator;

/**
 * Warm starts across pattern sets: maps a solution of a problem with P patterns to a starting point
 * for a problem whose first P patterns are the same ones (in the same order) followed by new
 * patterns (the caller guarantees this; a solution does not store its patterns), by giving the new
 * blocks zero weight. The objective of the mapped point equals the old objective (new blocks
 * contribute nothing). Used by the certified pattern refinement ({@code
 * io.convopt.solvers.relu.solve.PatternRefinement}).
 */
public final class WarmStarts {
  private WarmStarts() {}

  /**
   * The old weights padded with zero blocks for the added patterns.
   *
   * @throws IllegalArgumentException if formulation, dimension or pattern count are incompatible
   */
  public static ReluSolution withAddedPatterns(ReluSolution old, ReluProblem extended) {
    if (old.formulation() != extended.formulation() || old.dimension() != extended.dimension()) {
      throw new IllegalArgumentException(
          "extended: formulation/dimension differ from the warm start's");
    }
    int p = old.patternCount();
    int q = extended.patterns().count();
    if (q < p) {
      throw new IllegalArgumentException(
          "extended: has " + q + " patterns, fewer than the warm start's " + p);
    }
    int d = old.dimension();
    int groups = old.formulation() == Formulation.GATED ? 1 : 2;
    double[] src = old.blockView();
    double[] dst = new double[groups * q * d];
    for (int g = 0; g < groups; g++) {
      System.arraycopy(src, g * p * d, dst, g * q * d, p * d);
    }
    Evaluator ev = new Evaluator(extended.operator(), extended);
    double data = ev.dataTerm(dst);
    return new ReluSolution(
        extended,
        dst,
        ev.yhat,
        data,
        ev.penalty(dst),
        old.certificate(),
        0,
        0,
        0.0,
        old.stopReason(),
        old.solver(),
        old.settings());
  }
}
