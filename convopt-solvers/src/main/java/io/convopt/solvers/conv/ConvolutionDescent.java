package io.convopt.solvers.conv;

import io.convopt.kernel.Box;
import io.convopt.solvers.api.IterationListener;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.api.StopReason;
import io.convopt.solvers.api.StoppingRule;
import java.util.Map;
import java.util.Optional;

/**
 * Algorithm 2: n-D convolutional descent on F = g_δ * (f + C)^N (spec §4).
 *
 * <p>∇F is eq. (20) by Riemann sums: the outer integral over the coarse cells of θ₀ + ηℤⁿ inside
 * the box whose midpoints lie outside the δ-ball, plus the ball integral on a fine grid of step
 * δ/k. Steps are component-wise signs by default ({@link StepRule#SIGN}); normalised-gradient steps
 * are an option. Cost per iteration: O(cells·n) for the outer sum plus O((2k)ⁿ) for the ball.
 */
public final class ConvolutionDescent implements Solver {

  private final ConvolutionSettings settings;
  private final StepRule stepRule;
  private final StoppingRule extraStop;
  private final IterationListener listener;

  public ConvolutionDescent(ConvolutionSettings settings) {
    this(settings, StepRule.SIGN, null, IterationListener.none());
  }

  private ConvolutionDescent(ConvolutionSettings settings, StepRule stepRule, StoppingRule extraStop,
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
    BoxLattice lat = new BoxLattice(run, box, start, settings);
    FineBall ball = new FineBall(run, box, start, settings);
    double eta = settings.eta();
    double[] theta = start.clone();
    long[] k = new long[n]; // lattice coordinates for SIGN steps: theta = start + k * eta, exactly
    run.recordStart(theta);
    StopReason reason;
    while (true) {
      double[] grad = gradient(lat, ball, theta);
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
    s.put("shift_C", Double.toString(lat.lift.shift));
    s.put("coarse_cells", Integer.toString(lat.cells));
    return run.finish(name(), theta, reason, s);
  }

  /** ∇F(θ), eq. (20), in units of (f_max + C)^N. */
  static double[] gradient(BoxLattice lat, FineBall ball, double[] theta) {
    int n = theta.length;
    double[] g = OuterSums.gradient(lat.mid, lat.w, theta, ball == null ? 0.0 : ballRadius(ball));
    for (int i = 0; i < n; i++) {
      g[i] *= lat.cellVolume;
    }
    if (ball != null) {
      ball.addBallGradient(theta, lat.lift, g);
    }
    return g;
  }

  private static double ballRadius(FineBall ball) {
    return ball.delta();
  }
}
