package io.convopt.solvers.conv;

import io.convopt.kernel.SampleCache;
import io.convopt.solvers.api.CountingObjective;
import io.convopt.solvers.api.IterationListener;
import io.convopt.solvers.api.IterationState;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.StopReason;
import io.convopt.solvers.api.StoppingRule;
import io.convopt.solvers.api.TrajectoryPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bookkeeping of one run: counted objective, clock, trajectory, stopping rules and listener.
 * Not thread-safe; one per call of {@code optimize}.
 */
final class RunContext {

  final Problem problem;
  final CountingObjective f;

  /**
   * f through the counted objective, once per distinct sample point (kernel cache keyed by bits).
   */
  final SampleCache samples;

  private final StoppingRule stop;
  private final IterationListener listener;
  private final boolean record;
  private final long startNanos = System.nanoTime();
  private final List<TrajectoryPoint> trajectory = new ArrayList<>();
  private double[] beforePrevious;
  private long iteration;

  RunContext(Problem problem, StoppingRule stop, IterationListener listener, boolean record) {
    this.problem = problem;
    this.f = new CountingObjective(problem.objective(), problem.box());
    this.samples = SampleCache.of(f::value, f::values, problem.dimension());
    this.stop = stop;
    this.listener = listener;
    this.record = record;
  }

  /**
   * A run stopped by the settings' iteration budget T, or earlier by {@code extra} (may be null).
   */
  static RunContext forIterations(
      Problem problem,
      ConvolutionSettings settings,
      StoppingRule extra,
      IterationListener listener) {
    StoppingRule stop = StoppingRule.maxIterations(settings.iterations(problem.box()));
    if (extra != null) {
      stop = stop.or(extra);
    }
    return new RunContext(problem, stop, listener, settings.recordTrajectory());
  }

  /**
   * One sign step along axis i on the lattice start + kη: k[i] moves by −sign unless that would
   * leave the box (then the step is not taken). Returns the new coordinate, computed from the
   * integer index so that lattice points are exact and repeatable.
   */
  static double latticeSignStep(
      long[] k, int i, double slope, double[] start, double eta, io.convopt.kernel.Box box) {
    long ki = k[i] - (long) Math.signum(slope);
    double xi = start[i] + ki * eta;
    if (xi >= box.lower(i) - 1e-12 * eta && xi <= box.upper(i) + 1e-12 * eta) {
      k[i] = ki;
    }
    return start[i] + k[i] * eta;
  }

  long evaluations() {
    return f.evaluations();
  }

  long iteration() {
    return iteration;
  }

  void recordStart(double[] x) {
    if (record) {
      trajectory.add(new TrajectoryPoint(0, x, new double[0], f.evaluations()));
    }
  }

  /**
   * Records a step from {@code previous} (with the slope that produced it) to {@code next}; returns
   * the reason to stop, if any.
   */
  Optional<StopReason> step(double[] previous, double[] slope, double[] next) {
    iteration++;
    if (record) {
      // The slope belongs to the iterate it was computed at: attach it to the previous point.
      int last = trajectory.size() - 1;
      TrajectoryPoint p = trajectory.get(last);
      trajectory.set(last, new TrajectoryPoint(p.iteration(), p.point(), slope, p.evaluations()));
      trajectory.add(new TrajectoryPoint(iteration, next, new double[0], f.evaluations()));
    }
    IterationState s =
        new IterationState(
            iteration,
            next,
            previous,
            beforePrevious,
            slope,
            f.evaluations(),
            System.nanoTime() - startNanos);
    beforePrevious = previous.clone();
    Optional<StopReason> r = stop.check(s);
    if (r.isPresent()) {
      return r;
    }
    return listener.onIteration(s) == IterationListener.Action.STOP
        ? Optional.of(StopReason.LISTENER)
        : Optional.empty();
  }

  /**
   * f at the returned point. A pole there (+∞, e.g. LOG1 at 0.5) is reported as +∞, which is the
   * truth; NaN or −∞ is an error.
   */
  double finalValue(double[] x) {
    double v = problem.objective().value(x);
    if (Double.isNaN(v) || v == Double.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException(
          "f"
              + java.util.Arrays.toString(x)
              + " = "
              + v
              + " at the returned point: the objective must be finite (or +inf at a pole)");
    }
    return v;
  }

  Optimum finish(String solver, double[] x, StopReason reason, Map<String, String> settings) {
    long evals = f.evaluations();
    double value = finalValue(x);
    return new Optimum(
        solver,
        x,
        value,
        iteration,
        evals + 1,
        System.nanoTime() - startNanos,
        reason,
        trajectory,
        settings);
  }

  /**
   * For solvers without an iteration loop of their own (surrogate solves): sets the count and
   * finishes.
   */
  Optimum finishAfter(
      String solver, double[] x, long iterations, StopReason reason, Map<String, String> settings) {
    this.iteration = iterations;
    return finish(solver, x, reason, settings);
  }
}
