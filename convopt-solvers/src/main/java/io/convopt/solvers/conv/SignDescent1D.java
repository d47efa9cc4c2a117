package io.convopt.solvers.conv;

import io.convopt.kernel.Box;
import io.convopt.kernel.ConvexKernel;
import io.convopt.kernel.IncrementalMasses1D;
import io.convopt.kernel.LatticeGrid1D;
import io.convopt.kernel.LiftFunction;
import io.convopt.solvers.api.IterationListener;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.api.StopReason;
import io.convopt.solvers.api.StoppingRule;
import java.util.Map;
import java.util.Optional;

/**
 * Algorithm 1: one-dimensional convolutional sign descent on F = g_δ * (f + C)^N (paper Algorithm
 * 1; its box was lost, this follows the prose).
 *
 * <p>The iterates live on the lattice θ₀ + ηℤ ({@link LatticeGrid1D}). The coarse Riemann grid is
 * the cells [θ₀ + jη, θ₀ + (j+1)η] inside the box, sampled at their <em>midpoints</em>, so a pole
 * on the lattice (LOG1's are) is never sampled. With δ = η the cells that touch [θ − δ, θ + δ] are
 * exactly the window, integrated instead on a fine grid of step δ/k (fine midpoints, each evaluated
 * once per run through the run's sample cache). The slope is eq. (16), F'(θ) = L(θ) − R(θ) + M(θ),
 * from the kernel's {@link IncrementalMasses1D} in its cell-midpoint layout: L and R are read off
 * compensated prefix/suffix tables (eq. 17/18: O(1) per move, no drift), M is the kernel's Riemann
 * sum over the fine window, O(k) per step.
 *
 * <p>Returns the final iterate θ_T, as the paper's tables do (sign descent ends oscillating between
 * two neighbouring lattice points).
 */
public final class SignDescent1D implements Solver {

  private final ConvolutionSettings settings;
  private final StoppingRule extraStop;
  private final IterationListener listener;

  public SignDescent1D(ConvolutionSettings settings) {
    this(settings, null, IterationListener.none());
  }

  private SignDescent1D(
      ConvolutionSettings settings, StoppingRule extraStop, IterationListener listener) {
    this.settings = settings;
    this.extraStop = extraStop;
    this.listener = listener;
  }

  /** Adds a stopping rule (e.g. {@link StoppingRule#twoCycle()}) to the iteration budget. */
  public SignDescent1D withStoppingRule(StoppingRule rule) {
    return new SignDescent1D(settings, rule, listener);
  }

  public SignDescent1D withListener(IterationListener l) {
    return new SignDescent1D(settings, extraStop, l);
  }

  public SignDescent1D withSettings(ConvolutionSettings s) {
    return new SignDescent1D(s, extraStop, listener);
  }

  public ConvolutionSettings settings() {
    return settings;
  }

  @Override
  public String name() {
    return "alg1";
  }

  @Override
  public Optimum optimize(Problem problem, double[] start) {
    if (problem.dimension() != 1) {
      throw new IllegalArgumentException(
          "Algorithm 1 is one-dimensional; problem '"
              + problem.name()
              + "' has dimension "
              + problem.dimension()
              + " (use ConvolutionDescent or a zigzag solver)");
    }
    problem.requireStart(start);
    RunContext run = RunContext.forIterations(problem, settings, extraStop, listener);
    double origin = start[0];
    double eta = settings.eta();
    // Iterates: the lattice θ₀ + ηℤ in the box; coarse cells: its whole cells, at their midpoints.
    Box span = BoxLattice.snappedBox(problem.box(), start, eta);
    LatticeGrid1D grid = LatticeGrid1D.of(origin, eta, span.lower(0), span.upper(0));
    double[] values = run.samples.values(grid.midpoints());
    double fmin = Lifts.min(values);
    double fmax = Lifts.max(values);
    LiftFunction lift = Lifts.fit(settings.shift(), settings.power(), fmin, fmax);
    IncrementalMasses1D state =
        IncrementalMasses1D.createMidpoint(
            grid,
            lift.weights(values, null),
            ConvexKernel.of(settings.delta()),
            settings.fineStep(),
            IncrementalMasses1D.weightFunction(run.samples, lift),
            grid.nearestIndex(origin));

    double theta = grid.pointAt(state.index());
    run.recordStart(new double[] {theta});
    StopReason reason;
    while (true) {
      double d = state.slope(); // eq. (16): L − R (O(1) from the kernel's tables) + M (fine window)
      state = state.moveBy(-(long) Math.signum(d)); // eq. (18), stopped at the ends of the lattice
      double thetaNext = grid.pointAt(state.index());
      Optional<StopReason> r =
          run.step(new double[] {theta}, new double[] {d}, new double[] {thetaNext});
      theta = thetaNext;
      if (r.isPresent()) {
        reason = r.get();
        break;
      }
    }
    Map<String, String> s = settings.describe(problem.box());
    s.put("shift_C", Double.toString(Lifts.shift(settings.shift(), fmin, fmax)));
    s.put("coarse_cells", Integer.toString(grid.cellCount()));
    return run.finish(name(), new double[] {theta}, reason, s);
  }
}
