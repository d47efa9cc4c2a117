package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.ConvexReluSolver;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.ProgressListener;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.StopReason;
import java.util.Locale;

/**
 * The default convex ReLU solver: picks a method from the problem's shape and loss and says why.
 *
 * <ul>
 *   <li>The interior-point method ({@code ipm.InteriorPointSolver}) where it applies (beta > 0) and
 *       its Newton step is affordable: estimated at most {@link #IPM_MAX_STEP_MADDS} multiply-adds
 *       ({@link #newtonStepMadds}) and its matrices at most a quarter of the JVM's heap ({@link
 *       #newtonStepBytes}). It converges in 20-100 steps whatever the conditioning (on the fixtures
 *       it is 100-300x faster than the first-order methods).
 *   <li>Otherwise R-FISTA ({@link ProximalGradientSolver}) for the gated program with a smooth
 *       loss, and ADMM ({@link AdmmSolver}, matrix-free conjugate-gradient u-step for large n) for
 *       the constrained program or the hinge loss.
 *   <li>If the IPM stops without meeting the tolerance (e.g. a hinge stall, or a cone without
 *       interior point), the first-order method finishes from its point (warm start) with the rest
 *       of the time budget.
 * </ul>
 *
 * Solvers by name: {@link ReluSolvers#byName}. The robust program is not a {@link ReluProblem}; the
 * commands choose its robust interior-point method for it. The time limit of the settings covers
 * all methods run; iterations and seconds of the result are those of the method that produced it
 * (the reason states the total). Immutable and thread-safe.
 */
public final class AutoSolver implements ConvexReluSolver {
  /** Largest estimated Newton step, in multiply-adds, for which the IPM is chosen. */
  public static final double IPM_MAX_STEP_MADDS = 2e9;

  /** Which method, and why. */
  public record Choice(String solver, String reason) {}

  private final ReluSolverSettings settings;

  public AutoSolver(ReluSolverSettings settings) {
    if (settings == null) {
      throw new IllegalArgumentException("settings: missing");
    }
    this.settings = settings;
  }

  @Override
  public String name() {
    return "auto";
  }

  @Override
  public ReluSolverSettings settings() {
    return settings;
  }

  /**
   * Multiply-adds of one IPM Newton step: the block factors {@code n B d^2}, plus the dense {@code
   * (Bd)}-size system {@code n (Bd)^2 + (Bd)^3/3} when {@code B d < n}, else the n x n capacitance
   * matrix {@code n^2 B d + n^3/3}.
   */
  public static double newtonStepMadds(ReluProblem p) {
    double n = p.samples();
    double bd = (double) blocks(p) * p.dimension();
    double base = n * bd * p.dimension();
    return base + (bd < n ? n * bd * bd + bd * bd * bd / 3 : n * n * bd + n * n * n / 3);
  }

  /** Bytes of the IPM's largest arrays: {@code M} (n B d) and the system ((Bd)^2 or n^2). */
  public static double newtonStepBytes(ReluProblem p) {
    double n = p.samples();
    double bd = (double) blocks(p) * p.dimension();
    return 8 * (n * bd + (bd < n ? bd * bd : n * n));
  }

  private static int blocks(ReluProblem p) {
    return p.patterns().count() * (p.formulation() == Formulation.RELU ? 2 : 1);
  }

  /** The method for a problem and the reason, as printed by the commands. */
  public static Choice choose(ReluProblem p) {
    String firstOrder = firstOrder(p);
    String shape =
        String.format(Locale.ROOT, "n=%d, d=%d, B=%d", p.samples(), p.dimension(), blocks(p));
    if (!(p.beta() > 0)) {
      return new Choice(
          firstOrder,
          "beta = 0: the interior-point method needs beta > 0; " + describe(firstOrder));
    }
    double madds = newtonStepMadds(p);
    double bytes = newtonStepBytes(p);
    double heap = Runtime.getRuntime().maxMemory();
    if (madds > IPM_MAX_STEP_MADDS) {
      return new Choice(
          firstOrder,
          String.format(
              Locale.ROOT,
              "%s: an interior-point Newton step would cost ~%.1e multiply-adds (limit %.0e); %s",
              shape,
              madds,
              IPM_MAX_STEP_MADDS,
              describe(firstOrder)));
    }
    if (bytes > heap / 4) {
      return new Choice(
          firstOrder,
          String.format(
              Locale.ROOT,
              "%s: the interior-point matrices would take %.0f MB (over a quarter of the %.0f MB"
                  + " heap); %s",
              shape,
              bytes / 1e6,
              heap / 1e6,
              describe(firstOrder)));
    }
    return new Choice(
        "ipm",
        String.format(
            Locale.ROOT,
            "%s, beta > 0: interior-point Newton step ~%.1e multiply-adds, %.0f MB (20-100 steps);"
                + " %s finishes if it stops short of the tolerance",
            shape,
            madds,
            bytes / 1e6,
            firstOrder));
  }

  /** The settings with what is left of the time limit for a solve started at t0. */
  private ReluSolverSettings remaining(long t0) {
    double left = settings.timeLimitSeconds() - (System.nanoTime() - t0) * 1e-9;
    return settings.withTimeLimit(Math.max(left, 1e-3));
  }

  private static String firstOrder(ReluProblem p) {
    return p.formulation() == Formulation.GATED && p.loss().isSmooth() ? "fista" : "admm";
  }

  private static String describe(String firstOrder) {
    return firstOrder.equals("fista")
        ? "R-FISTA (gated program, smooth loss; on working sets of patterns from "
            + ProximalGradientSolver.WORKING_SET_PATTERNS
            + " patterns)"
        : "ADMM (constrained program or non-smooth loss)";
  }

  @Override
  public ReluSolution solve(
      ReluProblem problem, ReluSolution warmStart, ProgressListener listener) {
    return solveExplained(problem, warmStart, listener).solution();
  }

  /** A solution and the choice that produced it (the reason mentions any fallback). */
  public record Explained(ReluSolution solution, Choice choice) {}

  /**
   * Solves with the chosen method and returns the solution with the reason; the listener hears
   * every method that runs, the time limit covers them all.
   */
  public Explained solveExplained(
      ReluProblem problem, ReluSolution warmStart, ProgressListener listener) {
    Choice c = choose(problem);
    ConvexReluSolver first = ReluSolvers.byName(c.solver(), settings);
    if (!c.solver().equals("ipm")) {
      return new Explained(first.solve(problem, warmStart, listener), c);
    }
    long t0 = System.nanoTime();
    ReluSolution ipm;
    try {
      ipm = first.solve(problem, warmStart, listener);
    } catch (IllegalArgumentException e) {
      // a cone without interior point: the first-order method does not need one
      String fo = firstOrder(problem);
      ReluSolution s = ReluSolvers.byName(fo, remaining(t0)).solve(problem, warmStart, listener);
      return new Explained(
          s,
          new Choice(
              fo,
              c.reason()
                  + "; the interior-point method could not start ("
                  + e.getMessage()
                  + "), so "
                  + describe(fo)
                  + " solved it"));
    }
    if (ipm.stopReason() == StopReason.CONVERGED
        || ipm.stopReason() == StopReason.STOPPED_BY_LISTENER
        || settings.timeUp(t0)) {
      return new Explained(ipm, c);
    }
    String fo = firstOrder(problem);
    ReluSolution polished = ReluSolvers.byName(fo, remaining(t0)).solve(problem, ipm, listener);
    ReluSolution best =
        polished.certificate().worst() <= ipm.certificate().worst() ? polished : ipm;
    double seconds = (System.nanoTime() - t0) * 1e-9;
    return new Explained(
        best,
        new Choice(
            best.solver(),
            c.reason()
                + String.format(
                    Locale.ROOT,
                    "; the interior-point method stopped with %s at relative gap %.1e after %.2f s,"
                        + " so %s continued from its point (%.2f s in all)",
                    ipm.stopReason(),
                    ipm.certificate().relativeGap(),
                    ipm.wallSeconds(),
                    fo,
                    seconds)));
  }
}
