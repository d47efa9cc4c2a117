package io.convopt.solvers.conv;

import io.convopt.kernel.Box;
import io.convopt.kernel.ConvexKernel;
import io.convopt.kernel.ConvolutionSums;
import io.convopt.kernel.FineGrid;
import io.convopt.kernel.LiftedSamples;
import io.convopt.kernel.PointSet;
import io.convopt.kernel.SampleCache;
import io.convopt.solvers.api.IterationListener;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.api.StopReason;
import io.convopt.solvers.api.StoppingRule;
import java.util.Map;
import java.util.Optional;

/**
 * Algorithm 2: n-D convolutional descent on F = g_δ * (f + C)^N (paper Algorithm 2; its box was
 * lost, this follows the prose).
 *
 * <p>∇F is eq. (20) by the kernel's Riemann sums: the outer integral over the coarse cells of θ₀ +
 * ηℤⁿ inside the box whose midpoints lie outside the δ-ball, plus the ball integral on a fine grid
 * of step δ/k (see {@link Gradient}). Steps are component-wise signs by default ({@link
 * StepRule#SIGN}); normalised-gradient steps are an option. Cost per iteration: O(cells·n) for the
 * outer sum plus O((2k)ⁿ) for the ball.
 */
public final class ConvolutionDescent implements Solver {

  private final ConvolutionSettings settings;
  private final StepRule stepRule;
  private final StoppingRule extraStop;
  private final IterationListener listener;

  public ConvolutionDescent(ConvolutionSettings settings) {
    this(settings, StepRule.SIGN, null, IterationListener.none());
  }

  private ConvolutionDescent(
      ConvolutionSettings settings,
      StepRule stepRule,
      StoppingRule extraStop,
      IterationListener listener) {
    this.settings = settings;
    this.stepRule = stepRule;
    this.extraStop = extraStop;
    this.listener = listener;
  }

  public ConvolutionDescent withStepRule(StepRule rule) {
    return new ConvolutionDescent(settings, rule, extraStop, listener);
  }

  public ConvolutionDescent withStoppingRule(StoppingRule rule) {
    return new ConvolutionDescent(settings, stepRule, rule, listener);
  }

  public ConvolutionDescent withListener(IterationListener l) {
    return new ConvolutionDescent(settings, stepRule, extraStop, l);
  }

  public ConvolutionDescent withSettings(ConvolutionSettings s) {
    return new ConvolutionDescent(s, stepRule, extraStop, listener);
  }

  @Override
  public String name() {
    return "alg2";
  }

  @Override
  public Optimum optimize(Problem problem, double[] start) {
    problem.requireStart(start);
    Box box = problem.box();
    int n = box.dimension();
    RunContext run = RunContext.forIterations(problem, settings, extraStop, listener);
    checkBallSize(n, settings);
    BoxLattice lat = new BoxLattice(run.samples, box, start, settings);
    Gradient gradient = new Gradient(lat, run.samples, box, start, settings);
    double eta = settings.eta();
    double[] theta = start.clone();
    long[] k = new long[n]; // lattice coordinates for SIGN steps: theta = start + k * eta, exactly
    run.recordStart(theta);
    StopReason reason;
    while (true) {
      double[] grad = gradient.at(theta);
      double[] next = new double[n];
      if (stepRule == StepRule.SIGN) {
        for (int i = 0; i < n; i++) {
          next[i] = RunContext.latticeSignStep(k, i, grad[i], start, eta, box);
        }
      } else {
        double norm = 0;
        for (double g : grad) {
          norm += g * g;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < n; i++) {
          next[i] = norm > 0 ? theta[i] - eta * grad[i] / norm : theta[i];
        }
        next = box.clip(next);
      }
      Optional<StopReason> r = run.step(theta, grad, next);
      theta = next;
      if (r.isPresent()) {
        reason = r.get();
        break;
      }
    }
    Map<String, String> s = settings.describe(box);
    s.put("step_rule", stepRule.name());
    s.put("shift_C", Double.toString(lat.shift));
    s.put("coarse_cells", Integer.toString(lat.cells));
    return run.finish(name(), theta, reason, s);
  }

  /** Upper bound on fine points per ball ((2k)^n), to fail fast in high dimension. */
  static final long MAX_BALL_POINTS = 2_000_000L;

  private static void checkBallSize(int n, ConvolutionSettings s) {
    double pts = Math.pow(2.0 * s.fineStepsPerDelta(), n);
    if (pts > MAX_BALL_POINTS) {
      throw new IllegalArgumentException(
          "the fine delta-ball grid would have "
              + (long) pts
              + " points per"
              + " iteration ((2 * fine steps per delta)^n), more than "
              + MAX_BALL_POINTS
              + "; lower the fine steps per delta or use a zigzag solver");
    }
  }

  /**
   * ∇F(θ) of eq. (20) in units of (f_max + C)^N, split as the kernel discretizes it: the outer
   * integral over the coarse cells whose midpoints lie outside the δ-ball ({@link
   * ConvolutionSums#outerGradient}, SIMD path for the grid sizes used here) plus the ball integral
   * on the fine midpoint grid of step δ/k ({@link FineGrid#midpointBall}, points shared between
   * iterations through the run's sample cache) by {@link ConvolutionSums#gradient}.
   */
  static final class Gradient {
    private final BoxLattice lat;
    private final SampleCache cache;
    private final Box box;
    private final double[] origin;
    private final ConvexKernel kernel;
    private final double fineStep;

    Gradient(BoxLattice lat, SampleCache cache, Box box, double[] origin, ConvolutionSettings s) {
      this.lat = lat;
      this.cache = cache;
      this.box = box;
      this.origin = origin.clone();
      this.kernel = ConvexKernel.of(s.delta());
      this.fineStep = s.fineStep();
    }

    double[] at(double[] theta) {
      int n = theta.length;
      double[] g = ConvolutionSums.outerGradient(kernel, theta, lat.lifted, null);
      PointSet ball = FineGrid.midpointBall(theta, kernel.delta(), origin, fineStep, box);
      LiftedSamples inner = LiftedSamples.of(ball, cache, lat.lift);
      double[] gb = ConvolutionSums.gradient(kernel, theta, inner, null);
      for (int i = 0; i < n; i++) {
        g[i] += gb[i];
      }
      return g;
    }
  }
}
