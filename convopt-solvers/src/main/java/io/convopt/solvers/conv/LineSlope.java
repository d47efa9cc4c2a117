package io.convopt.solvers.conv;

import io.convopt.kernel.Box;
import java.util.Map;

/**
 * The directional convolution slope of eq. (4)–(5) along the line x + t·v (v a unit vector):
 * D = d/ds [g_δ * φ](0) = −∫ g_δ'(t) φ(t) dt with φ(t) = w(f(x + t v)) inside the box and 0
 * outside. As in eq. (16): D = L − R + M, with L, R the coarse masses at t &lt; −δ and t &gt; δ (cells
 * (c + ½)η of the line's own lattice) and M the window term on a fine grid of step δ/k.
 * Moving x by −η·sign(D)·v is a sign step of the restricted problem.
 */
final class LineSlope {

  /** Where samples come from: an optional cache keyed by the caller. */
  interface Sampler {
    /** f at coarse line cell c (t = (c + ½)η) or fine point m (t = −δ + (m + ½)h). */
    double sample(boolean fine, long index, double[] point);
  }

  private LineSlope() {}

  /** Largest [tlo, thi] with x + t v inside the box. */
  static double[] range(Box box, double[] x, double[] v) {
    double tlo = Double.NEGATIVE_INFINITY;
    double thi = Double.POSITIVE_INFINITY;
    for (int j = 0; j < x.length; j++) {
      if (Math.abs(v[j]) > 1e-15) {
        double a = (box.lower(j) - x[j]) / v[j];
        double b = (box.upper(j) - x[j]) / v[j];
        tlo = Math.max(tlo, Math.min(a, b));
        thi = Math.min(thi, Math.max(a, b));
      }
    }
    return new double[] {tlo, thi};
  }

  /**
   * The slope D in units of (f_max + C)^N, or 0 when the line holds no cell. The lift is read from
   * {@code lift} at call time, so a running shift works.
   */
  static double slope(Box box, double[] x, double[] v, ConvolutionSettings s, LiftSource lift, Sampler sampler) {
    double eta = s.eta();
    double delta = s.delta();
    double h = s.fineStep();
    double[] tr = range(box, x, v);
    long c0 = (long) Math.ceil(tr[0] / eta - 1e-9);
    long c1 = (long) Math.floor(tr[1] / eta + 1e-9); // exclusive
    int n = x.length;
    double[] p = new double[n];
    double[] fv = new double[(int) Math.max(0, c1 - c0)];
    double[] tv = new double[fv.length];
    for (long c = c0; c < c1; c++) {
      double t = (c + 0.5) * eta;
      point(box, x, v, t, p);
      fv[(int) (c - c0)] = sampler.sample(false, c, p);
      tv[(int) (c - c0)] = t;
    }
    int fineCount = 2 * s.fineStepsPerDelta();
    double[] ff = new double[fineCount];
    double[] tf = new double[fineCount];
    boolean[] in = new boolean[fineCount];
    for (int m = 0; m < fineCount; m++) {
      double t = -delta + (m + 0.5) * h;
      tf[m] = t;
      if (t >= tr[0] && t <= tr[1]) {
        point(box, x, v, t, p);
        ff[m] = sampler.sample(true, m, p);
        in[m] = true;
      }
    }
    LiftScale w = lift.current();
    double left = 0;
    double right = 0;
    for (int j = 0; j < fv.length; j++) {
      if (tv[j] < -delta) {
        left += w.weight(fv[j]);
      } else if (tv[j] > delta) {
        right += w.weight(fv[j]);
      }
    }
    double mid = 0;
    for (int m = 0; m < fineCount; m++) {
      if (in[m]) {
        mid += -tf[m] * w.weight(ff[m]);
      }
    }
    return eta * (left - right) + mid * h / delta;
  }

  private static void point(Box box, double[] x, double[] v, double t, double[] p) {
    for (int j = 0; j < x.length; j++) {
      // Clamp: t comes from the box range, so this only removes rounding in the last ulp.
      p[j] = Math.min(box.upper(j), Math.max(box.lower(j), x[j] + t * v[j]));
    }
  }

  /** Supplies the lift in force (fixed after a box sample, or updated with a running minimum). */
  interface LiftSource {
    LiftScale current();
  }

  /** A LiftSource with a running minimum/maximum over every sample seen. */
  static final class RunningLift implements LiftSource {
    private final ShiftRule rule;
    private final double power;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private LiftScale scale;

    RunningLift(ShiftRule rule, double power) {
      this.rule = rule;
      this.power = power;
    }

    void observe(double f) {
      if (f < min || f > max) {
        min = Math.min(min, f);
        max = Math.max(max, f);
        scale = null;
      }
    }

    @Override
    public LiftScale current() {
      if (scale == null) {
        scale = new LiftScale(min, max, rule, power);
      }
      return scale;
    }
  }

  /** Unused-map guard for callers that key caches by long arrays. */
  static <K> double cached(Map<K, Double> cache, K key, java.util.function.Supplier<Double> compute) {
    Double v = cache.get(key);
    if (v == null) {
      v = compute.get();
      cache.put(key, v);
    }
    return v;
  }
}
