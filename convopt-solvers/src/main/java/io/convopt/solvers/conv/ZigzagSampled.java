package io.convopt.solvers.conv;

import io.convopt.kernel.Box;
import io.convopt.kernel.ConvexKernel;
import io.convopt.solvers.api.IterationListener;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.api.StopReason;
import io.convopt.solvers.api.StoppingRule;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Algorithm 4, "zigzag2": walk along the sampled direction where f is largest on the sphere of
 * radius r around the iterate (Proposition 1), by sign steps of the directional convolution slope
 * (eq. 4–5), shrinking r over the run (paper Algorithm 4, from its prose).
 *
 * <p>Each iteration draws M unit directions (seeded), evaluates f at x + r·u clipped into the box,
 * walks along the best one. Defaults (ours; the paper's were lost): M = 8, r₀ = half the smallest
 * box side, linear shrink to δ. Iterates leave the lattice, so line samples are not cached.
 */
public final class ZigzagSampled implements Solver {

  private final ConvolutionSettings settings;
  private final int directions;
  private final double r0;
  private final RadiusSchedule schedule;
  private final ZigzagShift shift;
  private final StoppingRule extraStop;
  private final IterationListener listener;

  public ZigzagSampled(ConvolutionSettings settings) {
    this(settings, 8, Double.NaN, RadiusSchedule.LINEAR, null, null, IterationListener.none());
  }

  private ZigzagSampled(
      ConvolutionSettings settings,
      int directions,
      double r0,
      RadiusSchedule schedule,
      ZigzagShift shift,
      StoppingRule extraStop,
      IterationListener listener) {
    if (directions < 1) {
      throw new IllegalArgumentException(
          "number of sampled directions M must be >= 1, got " + directions);
    }
    if (!Double.isNaN(r0) && (!(r0 > 0) || Double.isInfinite(r0))) {
      throw new IllegalArgumentException(
          "initial radius r0 must be finite and > 0 (NaN for the default), got " + r0);
    }
    this.settings = settings;
    this.directions = directions;
    this.r0 = r0;
    this.schedule = schedule;
    this.shift = shift;
    this.extraStop = extraStop;
    this.listener = listener;
  }

  public ZigzagSampled withDirections(int m) {
    return new ZigzagSampled(settings, m, r0, schedule, shift, extraStop, listener);
  }

  /** Initial radius r₀; NaN restores the default (half the smallest box side). */
  public ZigzagSampled withInitialRadius(double r) {
    return new ZigzagSampled(settings, directions, r, schedule, shift, extraStop, listener);
  }

  public ZigzagSampled withSchedule(RadiusSchedule s) {
    return new ZigzagSampled(settings, directions, r0, s, shift, extraStop, listener);
  }

  public ZigzagSampled withShiftSource(ZigzagShift s) {
    return new ZigzagSampled(settings, directions, r0, schedule, s, extraStop, listener);
  }

  public ZigzagSampled withStoppingRule(StoppingRule rule) {
    return new ZigzagSampled(settings, directions, r0, schedule, shift, rule, listener);
  }

  public ZigzagSampled withListener(IterationListener l) {
    return new ZigzagSampled(settings, directions, r0, schedule, shift, extraStop, l);
  }

  public ZigzagSampled withSettings(ConvolutionSettings s) {
    return new ZigzagSampled(s, directions, r0, schedule, shift, extraStop, listener);
  }

  @Override
  public String name() {
    return "zigzag2";
  }

  @Override
  public Optimum optimize(Problem problem, double[] start) {
    problem.requireStart(start);
    Box box = problem.box();
    int n = box.dimension();
    long t = settings.iterations(box);
    RunContext run = RunContext.forIterations(problem, settings, extraStop, listener);
    ZigzagShift source = Zigzag.resolveShift(shift, box, settings.eta());
    LineSamples.LiftSource lift = Zigzag.liftSource(source, run, box, start, settings);
    LineSamples.RunningLift running = lift instanceof LineSamples.RunningLift r ? r : null;
    ConvexKernel kernel = ConvexKernel.of(settings.delta());
    double smallest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      smallest = Math.min(smallest, box.width(i));
    }
    double rStart = Double.isNaN(r0) ? smallest / 2 : r0;
    SplittableRandom rng = new SplittableRandom(settings.seed());
    double eta = settings.eta();
    double[] x = start.clone();
    run.recordStart(x);
    StopReason reason;
    long k = 0;
    while (true) {
      double r = schedule.radius(rStart, settings.delta(), k, t);
      double[] best = null;
      double bestF = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < directions; j++) {
        double[] u = unitVector(rng, n);
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
          p[i] = x[i] + r * u[i];
        }
        double fp = run.f.value(box.clip(p));
        if (running != null) {
          running.observe(fp);
        }
        if (fp > bestF) {
          bestF = fp;
          best = u;
        }
      }
      double[] v = best;
      LineSamples line =
          LineSamples.sample(
              box,
              x,
              v,
              settings,
              (fine, index, p) -> {
                double f = run.f.value(p);
                if (running != null) {
                  running.observe(f);
                }
                return f;
              });
      var lineLift = Zigzag.liftFor(source, lift, line, settings);
      double d = line.slope(kernel, lineLift, eta, settings.fineStep());
      double[] next = new double[n];
      double sgn = Math.signum(d);
      for (int i = 0; i < n; i++) {
        next[i] = x[i] - eta * sgn * v[i];
      }
      next = box.clip(next);
      double[] slope = new double[n];
      for (int i = 0; i < n; i++) {
        slope[i] = d * v[i]; // the slope along v, as a vector in the walking direction
      }
      Optional<StopReason> res = run.step(x, slope, next);
      x = next;
      k++;
      if (res.isPresent()) {
        reason = res.get();
        break;
      }
    }
    Map<String, String> s = settings.describe(box);
    s.put("directions", Integer.toString(directions));
    s.put("r0", Double.toString(rStart));
    s.put("schedule", schedule.name());
    s.put("shift_source", source.name());
    return run.finish(name(), x, reason, s);
  }

  /** Uniform on the sphere: a normalised standard Gaussian vector. */
  static double[] unitVector(SplittableRandom rng, int n) {
    while (true) {
      double[] u = new double[n];
      double norm = 0;
      for (int i = 0; i < n; i++) {
        u[i] = gaussian(rng);
        norm += u[i] * u[i];
      }
      norm = Math.sqrt(norm);
      if (norm > 1e-12) {
        for (int i = 0; i < n; i++) {
          u[i] /= norm;
        }
        return u;
      }
    }
  }

  /** Marsaglia polar method; SplittableRandom has no nextGaussian on JDK 17. */
  private static double gaussian(SplittableRandom rng) {
    while (true) {
      double a = 2 * rng.nextDouble() - 1;
      double b = 2 * rng.nextDouble() - 1;
      double s = a * a + b * b;
      if (s > 0 && s < 1) {
        return a * Math.sqrt(-2 * Math.log(s) / s);
      }
    }
  }
}
