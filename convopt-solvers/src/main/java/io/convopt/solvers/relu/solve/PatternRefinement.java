package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.ConvexReluSolver;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.certificate.GlobalOptimalityCheck;
import io.convopt.solvers.relu.certificate.GlobalOptimalityReport;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Certified pattern refinement: solve the convex program on the given (sampled) patterns, check the
 * dual certificate of global optimality against a complete pattern set ({@link
 * GlobalOptimalityCheck}); while it fails, add the violating patterns (largest violation first, at
 * most {@code maxAddedPerRound} per round) and re-solve warm-started from the previous weights (new
 * blocks at zero, {@link WarmStarts}). A column-generation scheme: each round's program is a
 * restriction of the full one, the added patterns are exactly those whose dual constraint the
 * current dual point violates, so the loop stops at the latest when every pattern is in the set.
 *
 * <p>Stops as certified when the relative gap is at most {@code tolerance}; as not certified when
 * {@code maxRounds} re-solves were used or when the gap is above tolerance but no new pattern
 * violates (the solves are then not accurate enough for the requested tolerance). Immutable and
 * thread-safe if the solver is.
 */
public final class PatternRefinement {
  private final ConvexReluSolver solver;
  private final double tolerance;
  private final int maxRounds;
  private final int maxAddedPerRound;

  /**
   * @param solver solver used for every round
   * @param tolerance relative-gap tolerance of the certificate, in (0, 1)
   * @param maxRounds maximal number of re-solves after the first, >= 0
   * @param maxAddedPerRound maximal number of patterns added per round, >= 1
   */
  public PatternRefinement(
      ConvexReluSolver solver, double tolerance, int maxRounds, int maxAddedPerRound) {
    if (solver == null) {
      throw new IllegalArgumentException("solver: missing");
    }
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance: must be in (0, 1), got " + tolerance);
    }
    if (maxRounds < 0) {
      throw new IllegalArgumentException("maxRounds: must be >= 0, got " + maxRounds);
    }
    if (maxAddedPerRound < 1) {
      throw new IllegalArgumentException("maxAddedPerRound: must be >= 1, got " + maxAddedPerRound);
    }
    this.solver = solver;
    this.tolerance = tolerance;
    this.maxRounds = maxRounds;
    this.maxAddedPerRound = maxAddedPerRound;
  }

  /**
   * Result of a refinement run.
   *
   * @param problem the final problem (the initial patterns followed by the added ones)
   * @param solution its solution
   * @param reports one certificate report per solve, in order
   * @param solutions one solution per solve, in order
   * @param certified whether the last report certifies global optimality
   */
  public record Result(
      ReluProblem problem,
      ReluSolution solution,
      List<GlobalOptimalityReport> reports,
      List<ReluSolution> solutions,
      boolean certified) {}

  /** Runs the refinement from {@code initial}'s patterns against the complete set {@code all}. */
  public Result run(ReluProblem initial, ActivationPatterns all) {
    List<GlobalOptimalityReport> reports = new ArrayList<>();
    List<ReluSolution> sols = new ArrayList<>();
    ReluProblem p = initial;
    ReluSolution sol = solver.solve(p);
    for (int round = 0; ; round++) {
      GlobalOptimalityReport r = GlobalOptimalityCheck.check(p, sol, all, tolerance);
      reports.add(r);
      sols.add(sol);
      if (r.globallyOptimal()) {
        return new Result(p, sol, List.copyOf(reports), List.copyOf(sols), true);
      }
      if (round >= maxRounds) {
        break;
      }
      ActivationPatterns extended = extend(p, all, r.violating());
      if (extended == null) {
        break;
      }
      ReluProblem q =
          new ReluProblem(p.features(), p.targets(), extended, p.beta(), p.loss(), p.formulation());
      sol = solver.solve(q, WarmStarts.withAddedPatterns(sol, q));
      p = q;
    }
    return new Result(p, sol, List.copyOf(reports), List.copyOf(sols), false);
  }

  /**
   * p's patterns followed by up to maxAddedPerRound new ones from {@code candidates}; null if none.
   */
  private ActivationPatterns extend(ReluProblem p, ActivationPatterns all, int[] candidates) {
    ActivationPatterns cur = p.patterns();
    int n = cur.samples();
    Set<String> have = new HashSet<>();
    for (int j = 0; j < cur.count(); j++) {
      have.add(key(cur, j, n));
    }
    List<Integer> add = new ArrayList<>();
    for (int c : candidates) {
      if (add.size() >= maxAddedPerRound) {
        break;
      }
      if (have.add(key(all, c, n))) {
        add.add(c);
      }
    }
    if (add.isEmpty()) {
      return null;
    }
    int total = cur.count() + add.size();
    int[][] d01 = new int[n][total];
    boolean gates = cur.hasGates() && all.hasGates();
    double[][] g = gates ? new double[p.dimension()][total] : null;
    for (int j = 0; j < total; j++) {
      ActivationPatterns src = j < cur.count() ? cur : all;
      int col = j < cur.count() ? j : add.get(j - cur.count());
      for (int k = 0; k < n; k++) {
        d01[k][j] = src.active(k, col) ? 1 : 0;
      }
      if (gates) {
        double[] gate = src.gate(col);
        for (int c = 0; c < gate.length; c++) {
          g[c][j] = gate[c];
        }
      }
    }
    return ActivationPatterns.of(p.features(), d01, g);
  }

  private static String key(ActivationPatterns a, int j, int n) {
    char[] c = new char[n];
    for (int k = 0; k < n; k++) {
      c[k] = a.active(k, j) ? '1' : '0';
    }
    return new String(c);
  }
}
