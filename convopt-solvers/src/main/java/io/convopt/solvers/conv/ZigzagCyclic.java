package io.convopt.solvers.conv;

import io.convopt.kernel.Box;
import io.convopt.kernel.ConvexKernel;
import io.convopt.solvers.api.IterationListener;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.api.StopReason;
import io.convopt.solvers.api.StoppingRule;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Algorithm 3, "zigzag1": lazy cyclic one-dimensional convolution steps along the axes (paper
 * Algorithm 3, from its prose). Along axis i the walker takes a sign step of the 1-D convolution of
 * the restriction φ(t) = (f(x + t eᵢ) + C)^N (eq. 16 at θ = 0). Iterates stay on x₀ + ηℤⁿ, and
 * every line sample lies on that lattice shifted by η/2 along the line, so samples are cached and
 * each point is evaluated once per run. Can be trapped at a local maximum whose lines it dominates
 * (Table 2).
 */
public final class ZigzagCyclic implements Solver {

  private final ConvolutionSettings settings;
  private final ZigzagUnit unit;
  private final ZigzagAxisOrder order;
  private final ZigzagShift shift;
  private final StoppingRule extraStop;
  private final IterationListener listener;

  public ZigzagCyclic(ConvolutionSettings settings) {
    this(
        settings,
        ZigzagUnit.FULL_CYCLE,
        ZigzagAxisOrder.ASCENDING,
        null,
        null,
        IterationListener.none());
  }

  private ZigzagCyclic(
      ConvolutionSettings settings,
      ZigzagUnit unit,
      ZigzagAxisOrder order,
      ZigzagShift shift,
      StoppingRule extraStop,
      IterationListener listener) {
    this.settings = settings;
    this.unit = unit;
    this.order = java.util.Objects.requireNonNull(order, "axis order");
    this.shift = shift;
    this.extraStop = extraStop;
    this.listener = listener;
  }

  public ZigzagCyclic withUnit(ZigzagUnit u) {
    return new ZigzagCyclic(settings, u, order, shift, extraStop, listener);
  }

  /** Which axis comes first (default {@link ZigzagAxisOrder#ASCENDING}: x first). */
  public ZigzagCyclic withAxisOrder(ZigzagAxisOrder o) {
    return new ZigzagCyclic(settings, unit, o, shift, extraStop, listener);
  }

  /** Shift source; null (default) picks BOX_GRID when affordable, else RUNNING. */
  public ZigzagCyclic withShiftSource(ZigzagShift s) {
    return new ZigzagCyclic(settings, unit, order, s, extraStop, listener);
  }

  public ZigzagCyclic withStoppingRule(StoppingRule rule) {
    return new ZigzagCyclic(settings, unit, order, shift, rule, listener);
  }

  public ZigzagCyclic withListener(IterationListener l) {
    return new ZigzagCyclic(settings, unit, order, shift, extraStop, l);
  }

  @Override
  public String name() {
    return "zigzag1";
  }

  @Override
  public Optimum optimize(Problem problem, double[] start) {
    problem.requireStart(start);
    Box box = problem.box();
    int n = box.dimension();
    RunContext run = RunContext.forIterations(problem, settings, extraStop, listener);
    ZigzagShift source = Zigzag.resolveShift(shift, box, settings.eta());
    LineSamples.LiftSource lift = Zigzag.liftSource(source, run, box, start, settings);
    LineSamples.RunningLift running = lift instanceof LineSamples.RunningLift r ? r : null;
    ConvexKernel kernel = ConvexKernel.of(settings.delta());
    double eta = settings.eta();
    double h = settings.fineStep();
    double delta = settings.delta();
    long[] k = new long[n];
    double[] x = start.clone();
    Map<Key, Double> cache = new HashMap<>();
    run.recordStart(x);
    int axis = 0;
    double lastSign = 0;
    StopReason reason;
    outer:
    while (true) {
      int moves = unit == ZigzagUnit.FULL_CYCLE ? n : 1;
      double[] before = x.clone();
      double[] slopes = new double[n];
      for (int m = 0; m < moves; m++) {
        final int i = order.axis(axis, n);
        double[] v = new double[n];
        v[i] = 1.0;
        long fineBase = Math.round((x[i] - delta - start[i]) / h);
        LineSamples line =
            LineSamples.sample(
                box,
                x,
                v,
                settings,
                (fine, index, p) -> {
                  long[] key = k.clone();
                  // Coarse line cells: half-integer lattice along axis i; fine points: the global
                  // fine grid.
                  key[i] = fine ? fineBase + index : 2 * k[i] + 2 * index + 1;
                  return LineSamples.cached(
                      cache,
                      new Key(fine ? i : -1 - i, key),
                      () -> {
                        double f = run.f.value(p);
                        if (running != null) {
                          running.observe(f);
                        }
                        return f;
                      });
                });
        double d = line.slope(kernel, Zigzag.liftFor(source, lift, line, settings), eta, h);
        slopes[i] = d;
        x[i] = RunContext.latticeSignStep(k, i, d, start, eta, box);
        double sign = Math.signum(d);
        if (unit == ZigzagUnit.UNTIL_SIGN_FLIP) {
          if (lastSign != 0 && sign != lastSign) {
            axis = (axis + 1) % n;
            lastSign = 0;
          } else {
            lastSign = sign;
          }
        } else {
          axis = (axis + 1) % n;
        }
      }
      Optional<StopReason> r = run.step(before, slopes, x.clone());
      if (r.isPresent()) {
        reason = r.get();
        break outer;
      }
    }
    Map<String, String> s = settings.describe(box);
    s.put("unit", unit.name());
    s.put("axis_order", order.name());
    s.put("shift_source", source.name());
    s.put("shift_C", source == ZigzagShift.LINE ? "per line" : Double.toString(lift.shift()));
    return run.finish(name(), x, reason, s);
  }

  private record Key(int kind, long[] idx) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.kind == kind && Arrays.equals(idx, k.idx);
    }

    @Override
    public int hashCode() {
      return 31 * kind + Arrays.hashCode(idx);
    }
  }
}
