package io.convopt.experiments.relu;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convopt.solvers.relu.Certificate;
import io.convopt.solvers.relu.ConvexReluSolver;
import io.convopt.solvers.relu.ProgressListener;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.solve.AdmmSolver;
import io.convopt.solvers.relu.solve.AutoSolver;
import io.convopt.solvers.relu.solve.ReluSolvers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code convopt relu-solve --problem FILE.json [--solver auto|fista|al|admm|ipm] [--u-step
 * auto|woodbury|dense|cg] [--tol 1e-6] [--time-limit S] [--repeat N] [--json]}: solves a convex
 * two-layer ReLU program given in the fixture JSON format and prints the objective, its
 * certificate, iterations and seconds; with {@code --json} the last line is one JSON object. The
 * default solver {@code auto} ({@link AutoSolver}) prints which method it chose and why ({@code
 * solver_choice_reason} in the JSON).
 *
 * <p>Exit codes: 0 solved to tolerance; 1 failure (not converged within the budget, unsupported
 * formulation, I/O error); 2 usage error (bad options, or a problem file with a missing or
 * malformed field, named in the message).
 */
@Command(
    name = "relu-solve",
    mixinStandardHelpOptions = true,
    header = "Solve a convex two-layer ReLU program with a certificate.",
    description = {
      "Solves a convex two-layer ReLU training program (gated, constrained or robust; squared,"
          + " hinge or logistic loss) given as a JSON problem file, and prints the objective with"
          + " its certificate of optimality (duality gap).",
      "The file format is documented in data/examples/relu/README.md; example problems to try"
          + " are in data/examples/relu/ (e.g. --problem"
          + " data/examples/relu/gated_sq_synth1d.json).",
      "Exit codes: 0 solved, 1 failure/not converged/unsupported, 2 usage error or bad file."
    })
public final class ReluSolveCommand implements Callable<Integer> {

  /** Solver choices. */
  public enum SolverChoice {
    auto,
    fista,
    al,
    admm,
    ipm
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--problem",
      required = true,
      paramLabel = "FILE.json",
      description =
          "Problem file: JSON with fields X, y, D, beta, loss, formulation and"
              + " optional G (format: data/examples/relu/README.md).")
  Path problem;

  @Option(
      names = "--solver",
      paramLabel = "auto|fista|al|admm|ipm",
      defaultValue = "auto",
      description =
          "One of ${COMPLETION-CANDIDATES}. auto (default: ipm where beta > 0 and its Newton step"
              + " is affordable, else fista for gated/smooth loss, admm otherwise; robust: the"
              + " robust ipm), fista (gated, smooth loss), al (augmented Lagrangian, any), admm"
              + " (gated/relu/robust, any loss) or ipm (interior point, gated/relu/robust, any"
              + " loss, beta > 0).")
  SolverChoice solver;

  @Option(
      names = "--time-limit",
      paramLabel = "S",
      description =
          "wall-clock seconds per solve (default: none); the best certified point so"
              + " far is returned with stop reason TIME_LIMIT")
  Double timeLimit;

  @Option(
      names = "--u-step",
      paramLabel = "auto|woodbury|dense|cg",
      defaultValue = "auto",
      description =
          "admm only: how the u-step system is solved, one of auto, woodbury, dense"
              + " or cg (default: ${DEFAULT-VALUE}).")
  String uStep;

  @Option(
      names = "--tol",
      defaultValue = "1e-6",
      description = "Relative duality-gap / KKT tolerance (default: ${DEFAULT-VALUE}).")
  double tol;

  @Option(
      names = "--max-iterations",
      defaultValue = "500000",
      description =
          "Iteration budget: R-FISTA iterations (fista, al), ADMM iterations or"
              + " Newton steps (ipm) (default: ${DEFAULT-VALUE}).")
  int maxIterations;

  @Option(
      names = "--repeat",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Solve N times in the same JVM and report the last solve (warm timing; the"
              + " seconds of every solve are printed; default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--json", description = "Print one JSON object on the last line.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!(tol > 0) || !Double.isFinite(tol)) {
      err.println("relu-solve: --tol must be a positive number, got " + tol);
      return 2;
    }
    if (maxIterations <= 0) {
      err.println("relu-solve: --max-iterations must be positive");
      return 2;
    }
    if (repeat <= 0) {
      err.println("relu-solve: --repeat must be positive");
      return 2;
    }
    if (timeLimit != null && !(timeLimit > 0)) {
      err.println(
          "relu-solve: --time-limit must be a positive number of seconds, got " + timeLimit);
      return 2;
    }
    ReluFixture fx;
    ReluProblem p;
    try {
      fx = ReluFixture.read(problem);
      if (fx.beta() == 0) {
        err.println(
            "relu-solve: warning: beta = 0, so the penalty vanishes and the duality-gap certificate"
                + " is vacuous (it cannot close unless the data are fit exactly); expect the solver"
                + " to run to --max-iterations. Give beta > 0 for a certified solution.");
      }
      if (fx.formulation() == io.convopt.solvers.relu.Formulation.RELU_ROBUST) {
        boolean byDefault = solver == null || "auto".equals(solver.name());
        if (!byDefault && solver != SolverChoice.ipm && solver != SolverChoice.admm) {
          err.println(
              "relu-solve: --solver "
                  + solver.name()
                  + " does not support relu_robust;"
                  + " use ipm (the default) or admm");
          return 2;
        }
        String why =
            byDefault
                ? "relu_robust: the robust interior-point method (the default for the robust"
                    + " program; --solver admm gives the robust ADMM)"
                : "requested with --solver " + solver.name();
        return RobustSolve.run(
            problem,
            byDefault ? "ipm" : solver.name(),
            tol,
            maxIterations,
            repeat,
            json,
            why,
            out,
            err);
      }
      p = fx.problem();
    } catch (IllegalArgumentException e) {
      err.println("relu-solve: bad problem file " + problem + ": " + e.getMessage());
      return 2;
    } catch (UnsupportedOperationException e) {
      err.println("relu-solve: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("relu-solve: cannot read " + problem + ": " + e.getMessage());
      return 1;
    }
    ReluSolverSettings settings =
        ReluSolverSettings.defaults().withTolerance(tol).withMaxIterations(maxIterations);
    if (timeLimit != null) {
      settings = settings.withTimeLimit(timeLimit);
    }
    if (solver == SolverChoice.fista
        && (p.formulation() != io.convopt.solvers.relu.Formulation.GATED || !p.loss().isSmooth())) {
      err.println(fistaUnsupported(p));
      return 2;
    }
    ConvexReluSolver s =
        ReluSolvers.choose(solver == null ? ReluSolvers.AUTO : solver.name(), p, settings).solver();
    if (s instanceof AdmmSolver admm) {
      try {
        s = admm.withUStep(AdmmSolver.UStepMethod.parse(uStep));
      } catch (IllegalArgumentException e) {
        err.println("relu-solve: --u-step: " + e.getMessage());
        return 2;
      }
    }
    ReluSolution sol;
    String reason = "requested with --solver " + solver;
    try {
      sol = null;
      for (int r = 0; r < repeat; r++) {
        if (sol != null) {
          out.printf(Locale.ROOT, "solve %d      %.4f s%n", r, sol.wallSeconds());
        }
        if (s instanceof AutoSolver) {
          AutoSolver.Explained e =
              ((AutoSolver) s).solveExplained(p, null, ProgressListener.none());
          sol = e.solution();
          reason = e.choice().reason();
        } else {
          sol = s.solve(p);
        }
      }
    } catch (IllegalArgumentException e) {
      err.println("relu-solve: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      err.println("relu-solve: solver failed: " + e);
      return 1;
    }
    Certificate c = sol.certificate();
    out.printf(
        Locale.ROOT,
        "problem      %s (%s, %s loss, n=%d, d=%d, P=%d, beta=%s)%n",
        fx.name(),
        p.formulation().id(),
        p.loss().name().toLowerCase(Locale.ROOT),
        p.samples(),
        p.dimension(),
        p.patterns().count(),
        p.beta());
    out.printf(Locale.ROOT, "solver       %s, tol %s%n", sol.solver(), tol);
    out.printf(Locale.ROOT, "choice       %s%n", reason);
    out.printf(
        Locale.ROOT,
        "objective    %.12g (data %.12g + penalty %.12g)%n",
        sol.objective(),
        sol.dataTerm(),
        sol.penalty());
    out.printf(
        Locale.ROOT, "certificate  duality gap %.3e (relative %.3e)", c.gap(), c.relativeGap());
    if (!Double.isNaN(c.stationarity())) {
      out.printf(
          Locale.ROOT,
          "; KKT: violation %.3e, stationarity %.3e, complementarity %.3e",
          c.constraintViolation(),
          c.stationarity(),
          c.complementarity());
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "iterations   %d (outer %d), %s%n",
        sol.iterations(),
        sol.outerIterations(),
        sol.stopReason());
    out.printf(Locale.ROOT, "seconds      %.4f%n", sol.wallSeconds());
    if (p.formulation() == io.convopt.solvers.relu.Formulation.GATED) {
      // patterns given without a draw count: P draws is a lower bound on N, so the bound is
      // conservative
      out.println(io.convopt.solvers.relu.sampling.ScenarioBound.of(p.patterns(), 1e-3));
    }
    if (!Double.isNaN(fx.referenceObjective())) {
      out.printf(
          Locale.ROOT,
          "reference    %.12g (relative difference %.3e; reference solver %.3f s)%n",
          fx.referenceObjective(),
          (sol.objective() - fx.referenceObjective()) / Math.abs(fx.referenceObjective()),
          fx.referenceSeconds());
    }
    if (json) {
      ObjectNode o = new ObjectMapper().createObjectNode();
      o.put("problem", fx.name());
      o.put("formulation", p.formulation().id());
      o.put("loss", p.loss().name().toLowerCase(Locale.ROOT));
      o.put("solver", sol.solver());
      o.put("solver_requested", solver.name());
      o.put("solver_choice_reason", reason);
      o.put("objective", sol.objective());
      o.put("data_term", sol.dataTerm());
      o.put("penalty", sol.penalty());
      o.put("certificate", c.relativeGap());
      o.put("duality_gap", c.gap());
      o.put("constraint_violation", c.constraintViolation());
      if (!Double.isNaN(c.stationarity())) {
        o.put("stationarity", c.stationarity());
        o.put("complementarity", c.complementarity());
      }
      o.put("iterations", sol.iterations());
      o.put("outer_iterations", sol.outerIterations());
      o.put("seconds", sol.wallSeconds());
      o.put("stop_reason", sol.stopReason().name());
      if (p.formulation() == io.convopt.solvers.relu.Formulation.GATED) {
        o.put(
            "scenario_epsilon",
            io.convopt.solvers.relu.sampling.ScenarioBound.of(p.patterns(), 1e-3).epsilon());
      }
      if (!Double.isNaN(fx.referenceObjective())) {
        o.put("reference_objective", fx.referenceObjective());
        o.put("reference_seconds", fx.referenceSeconds());
      }
      out.println(o.toString());
    }
    out.flush();
    return sol.stopReason() == StopReason.CONVERGED ? 0 : 1;
  }

  /** Why fista cannot take this problem, and which solver to use instead. */
  static String fistaUnsupported(ReluProblem p) {
    String what =
        p.formulation().id()
            + " program with "
            + p.loss().name().toLowerCase(Locale.ROOT)
            + " loss";
    String instead =
        p.beta() > 0
            ? "use --solver ipm (interior point: the fastest on these programs), or al or admm"
            : "use --solver al or admm (ipm needs beta > 0)";
    return "relu-solve: --solver fista solves the gated program with a smooth loss only; this"
        + " file holds a "
        + what
        + ": "
        + instead
        + ".";
  }
}
