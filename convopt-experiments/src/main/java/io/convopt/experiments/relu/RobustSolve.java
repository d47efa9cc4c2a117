package io.convopt.experiments.relu;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.robust.RobustAdmmSolver;
import io.convopt.solvers.relu.robust.RobustConeMargin;
import io.convopt.solvers.relu.robust.RobustReluProblem;
import io.convopt.solvers.relu.robust.RobustReluSolver;
import io.convopt.solvers.relu.robust.RobustSolution;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code relu-solve} path for {@code relu_robust} fixtures: reads {@link RobustReluFixture},
 * solves with the default robust solver (the interior-point method, {@link
 * RobustReluSolver#defaultSolver}) or the {@link RobustAdmmSolver}, and prints how many patterns
 * have no robust-cone interior at eps (given explicitly, they are accepted: the constraints force
 * their weights to zero), objective, duality-gap certificate, cone violation, iterations, seconds
 * and the reference comparison (JSON line with {@code --json}). Exit codes as {@link
 * ReluSolveCommand}.
 */
final class RobustSolve {
  private RobustSolve() {}

  static int run(
      Path file,
      String solver,
      double tol,
      int maxIterations,
      int repeat,
      boolean json,
      String reason,
      PrintWriter out,
      PrintWriter err) {
    RobustReluFixture fx;
    RobustReluProblem p;
    try {
      fx = RobustReluFixture.read(file);
      p = fx.problem();
    } catch (IllegalArgumentException e) {
      err.println("relu-solve: bad problem file " + file + ": " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("relu-solve: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
    RobustReluSolver rs =
        "admm".equals(solver)
            ? new RobustAdmmSolver(
                RobustAdmmSolver.Settings.defaults()
                    .withTolerance(tol)
                    .withMaxIterations(maxIterations))
            : RobustReluSolver.defaultSolver(tol, maxIterations);
    RobustSolution s = rs.solve(p);
    for (int r = 1; r < repeat; r++) {
      // warm timing: the same solve again in this JVM
      out.printf(Locale.ROOT, "solve %d      %.4f s%n", r, s.wallSeconds());
      s = rs.solve(p);
    }
    ReluFixture b = fx.base();
    out.printf(
        Locale.ROOT,
        "problem      %s (relu_robust, %s loss, n=%d, d=%d, P=%d, beta=%s, eps=%s)%n",
        b.name(),
        p.loss().name().toLowerCase(Locale.ROOT),
        p.samples(),
        p.dimension(),
        p.patterns().count(),
        p.beta(),
        p.eps());
    int fixed = 0;
    for (double[] w : RobustConeMargin.interiorPoints(p)) {
      fixed += w == null ? 1 : 0;
    }
    out.printf(
        Locale.ROOT,
        "patterns     %d given, %d with no robust-cone interior at eps (weights forced to 0)%n",
        p.patterns().count(),
        fixed);
    out.printf(Locale.ROOT, "solver       %s, tol %s%n", s.solver(), tol);
    out.printf(Locale.ROOT, "choice       %s%n", reason);
    out.printf(
        Locale.ROOT,
        "objective    %.12g (data %.12g + penalty %.12g)%n",
        s.objective(),
        s.dataTerm(),
        s.penalty());
    out.printf(
        Locale.ROOT,
        "certificate  duality gap %.3e (relative %.3e); robust-cone violation %.3e%n",
        s.gap(),
        s.relativeGap(),
        s.constraintViolation());
    out.printf(
        Locale.ROOT,
        "iterations   %d %s, %s%n",
        s.iterations(),
        "ipm".equals(s.solver()) ? "Newton steps" : "ADMM iterations",
        s.stopReason());
    out.printf(Locale.ROOT, "seconds      %.4f%n", s.wallSeconds());
    if (!Double.isNaN(b.referenceObjective())) {
      out.printf(
          Locale.ROOT,
          "reference    %.12g (relative difference %.3e; reference solver %.3f s)%n",
          b.referenceObjective(),
          (s.objective() - b.referenceObjective()) / Math.abs(b.referenceObjective()),
          b.referenceSeconds());
    }
    if (json) {
      ObjectNode o = new ObjectMapper().createObjectNode();
      o.put("problem", b.name());
      o.put("formulation", "relu_robust");
      o.put("loss", p.loss().name().toLowerCase(Locale.ROOT));
      o.put("solver", s.solver());
      o.put("patterns_without_robust_interior", fixed);
      o.put("solver_choice_reason", reason);
      o.put("objective", s.objective());
      o.put("data_term", s.dataTerm());
      o.put("penalty", s.penalty());
      o.put("certificate", s.relativeGap());
      o.put("duality_gap", s.gap());
      o.put("constraint_violation", s.constraintViolation());
      o.put("iterations", s.iterations());
      o.put("seconds", s.wallSeconds());
      o.put("stop_reason", s.stopReason().name());
      if (!Double.isNaN(b.referenceObjective())) {
        o.put("reference_objective", b.referenceObjective());
        o.put("reference_seconds", b.referenceSeconds());
      }
      out.println(o.toString());
    }
    out.flush();
    return s.stopReason() == StopReason.CONVERGED ? 0 : 1;
  }
}
