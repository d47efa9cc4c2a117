package io.convopt.solvers.relu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Solves one problem for a sequence of beta values, each solve warm-started from the previous
 * solution (largest beta first is the usual order: solutions grow from zero as beta decreases).
 * Immutable; the returned list is unmodifiable and in the order of the given betas.
 */
public final class RegularizationPath {
  private RegularizationPath() {}

  /**
   * @param problem data, patterns, loss and formulation (its own beta is ignored)
   * @param betas values of beta, each finite and >= 0
   * @param solver solver to use for every point
   */
  public static List<ReluSolution> solve(
      ReluProblem problem, double[] betas, ConvexReluSolver solver) {
    if (betas == null || betas.length == 0) {
      throw new IllegalArgumentException("betas: empty");
    }
    List<ReluSolution> out = new ArrayList<>();
    ReluSolution previous = null;
    for (double b : betas) {
      ReluSolution s = solver.solve(problem.withBeta(b), previous);
      out.add(s);
      previous = s;
    }
    return Collections.unmodifiableList(out);
  }
}
