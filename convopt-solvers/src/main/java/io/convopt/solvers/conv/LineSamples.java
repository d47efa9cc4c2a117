package io.convopt.solvers.conv;

import io.convopt.kernel.Box;
import io.convopt.kernel.ConvexKernel;
import io.convopt.kernel.ConvolutionSums;
import io.convopt.kernel.LiftFunction;
import io.convopt.kernel.ShiftRule;
import java.util.Map;

/**
 * Samples of f along the line x + t·v (v a unit vector) for the directional convolution slope of
 * eq. (4)–(5), D = d/ds [g_δ * φ](0) = −∫ g_δ'(t) φ(t) dt with φ(t) = w(f(x + t v)) inside the box
 * and 0 outside. As in eq. (16) the line is discretized on two grids: the coarse cells of the
 * line's own lattice (midpoints t = (c + ½)η inside the box; those with |t| &gt; δ are the outer
 * masses L and R) and the fine window t = −δ + (m + ½)h, h = δ/k (the window term M). The
 * arithmetic is the kernel's: D = {@link ConvolutionSums#directionalSlope} over the outer coarse
 * samples (cell η) plus the same over the fine window samples (cell h). Moving x by −η·sign(D)·v is
 * a sign step of the restricted problem.
 */
final class LineSamples {

  /** Where samples come from: an optional cache keyed by the caller. */
  interface Sampler {
    /** f at coarse line cell c (t = (c + ½)η) or fine point m (t = −δ + (m + ½)h). */
    double sample(boolean fine, long index, double[] point);
  }

  private final double[] outerT;
  private final double[] outerF;
  private final double[] fineT;
  private final double[] fineF;

  private LineSamples(double[] outerT, double[] outerF, double[] fineT, double[] fineF) {
    this.outerT = outerT;
    this.outerF = outerF;
    this.fineT = fineT;
    this.fineF = fineF;
  }

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
   * Samples every coarse cell of the line inside the box (all are taken, so that a running lift
   * sees them) and the fine window points inside the box.
   */
  static LineSamples sample(
      Box box, double[] x, double[] v, ConvolutionSettings s, Sampler sampler) {
    double eta = s.eta();
    double delta = s.delta();
    double h = s.fineStep();
    double[] tr = range(box, x, v);
    long c0 = (long) Math.ceil(tr[0] / eta - 1e-9);
    long c1 = (long) Math.floor(tr[1] / eta + 1e-9); // exclusive
    int n = x.length;
    double[] p = new double[n];
    int cells = (int) Math.max(0, c1 - c0);
    double[] ot = new double[cells];
    double[] of = new double[cells];
    int outer = 0;
    for (long c = c0; c < c1; c++) {
      double t = (c + 0.5) * eta;
      point(box, x, v, t, p);
      double f = sampler.sample(false, c, p);
      if (t < -delta || t > delta) { // cells with midpoints in the window belong to M
        ot[outer] = t;
        of[outer] = f;
        outer++;
      }
    }
    int fineCount = 2 * s.fineStepsPerDelta();
    double[] ft = new double[fineCount];
    double[] ff = new double[fineCount];
    int fine = 0;
    for (int m = 0; m < fineCount; m++) {
      double t = -delta + (m + 0.5) * h;
      if (t >= tr[0] && t <= tr[1]) {
        point(box, x, v, t, p);
        ft[fine] = t;
        ff[fine] = sampler.sample(true, m, p);
        fine++;
      }
    }
    return new LineSamples(
        java.util.Arrays.copyOf(ot, outer),
        java.util.Arrays.copyOf(of, outer),
        java.util.Arrays.copyOf(ft, fine),
        java.util.Arrays.copyOf(ff, fine));
  }

  /**
   * D = η Σ<sub>|t|&gt;δ</sub> g_δ'(−t) w(f) + h Σ<sub>window</sub> g_δ'(−t) w(f) = η(L − R) + M,
   * in units of (f_max + C)^N, with the lift in force now; 0 when the line holds no sample.
   */
  double slope(ConvexKernel kernel, LiftFunction lift, double eta, double h) {
    double outer =
        ConvolutionSums.directionalSlope(kernel, outerT, lift.weights(outerF, null), eta);
    double window = ConvolutionSums.directionalSlope(kernel, fineT, lift.weights(fineF, null), h);
    return outer + window;
  }

  /** The lift fitted on this line's own samples (min and max of the coarse and window samples). */
  LiftFunction ownLift(ShiftRule rule, double power) {
    double min = Math.min(Lifts.min(outerF), Lifts.min(fineF));
    double max = Math.max(Lifts.max(outerF), Lifts.max(fineF));
    return Lifts.fit(rule, power, min, max);
  }

  private static void point(Box box, double[] x, double[] v, double t, double[] p) {
    for (int j = 0; j < x.length; j++) {
      // Clamp: t comes from the box range, so this only removes rounding in the last ulp.
      p[j] = Math.min(box.upper(j), Math.max(box.lower(j), x[j] + t * v[j]));
    }
  }

  /** Supplies the lift in force (fixed after a box sample, or updated with a running minimum). */
  interface LiftSource {
    LiftFunction current();

    /** C of the lift in force, for provenance. */
    double shift();
  }

  /** A LiftSource with a running minimum/maximum over every sample seen. */
  static final class RunningLift implements LiftSource {
    private final ShiftRule rule;
    private final double power;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private LiftFunction lift;

    RunningLift(ShiftRule rule, double power) {
      this.rule = rule;
      this.power = power;
    }

    void observe(double f) {
      if (f < min || f > max) {
        min = Math.min(min, f);
        max = Math.max(max, f);
        lift = null;
      }
    }

    @Override
    public LiftFunction current() {
      if (lift == null) {
        lift = Lifts.fit(rule, power, min, max);
      }
      return lift;
    }

    @Override
    public double shift() {
      return Lifts.shift(rule, min, max);
    }
  }

  /** The value cached under {@code key}, computed once. */
  static <K> double cached(
      Map<K, Double> cache, K key, java.util.function.Supplier<Double> compute) {
    Double v = cache.get(key);
    if (v == null) {
      v = compute.get();
      cache.put(key, v);
    }
    return v;
  }
}
