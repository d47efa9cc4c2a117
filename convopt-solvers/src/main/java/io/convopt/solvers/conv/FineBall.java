package io.convopt.solvers.conv;

import io.convopt.kernel.Box;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The fine grid inside the δ-ball of eq. (20)/(21): points origin + (i + ½)·h on a global fine
 * lattice (h = δ/k), so consecutive balls share their samples; each point is evaluated once.
 */
final class FineBall {

  /** Upper bound on fine points per ball ((2k)^n), to fail fast in high dimension. */
  static final long MAX_POINTS = 2_000_000L;

  private final RunContext run;
  private final Box box;
  private final double[] origin;
  private final double h;
  private final double delta;
  private final int span; // 2k points per axis
  private final Map<Key, Double> cache = new HashMap<>();

  FineBall(RunContext run, Box box, double[] origin, ConvolutionSettings s) {
    this.run = run;
    this.box = box;
    this.origin = origin.clone();
    this.h = s.fineStep();
    this.delta = s.delta();
    this.span = 2 * s.fineStepsPerDelta();
    double pts = Math.pow(span, box.dimension());
    if (pts > MAX_POINTS) {
      throw new IllegalArgumentException("the fine delta-ball grid would have " + (long) pts + " points per"
          + " iteration ((2 * fine steps per delta)^n), more than " + MAX_POINTS
          + "; lower the fine steps per delta or use a zigzag solver");
    }
  }

  double delta() {
    return delta;
  }

  /**
   * Adds (1/δ) Σ_{‖θ−x‖<δ} (θ − x) w(x) hⁿ to {@code grad}; returns (1/δ) Σ w(x) hⁿ (the Hessian's
   * ball term, eq. 21).
   */
  double addBallGradient(double[] theta, LiftScale lift, double[] grad) {
    int n = theta.length;
    long[] first = new long[n];
    for (int i = 0; i < n; i++) {
      first[i] = Math.round((theta[i] - delta - origin[i]) / h);
    }
    int[] idx = new int[n];
    double[] x = new double[n];
    double vol = Math.pow(h, n);
    double mass = 0;
    double[] acc = new double[n];
    long total = (long) Math.pow(span, n);
    for (long c = 0; c < total; c++) {
      double r2 = 0;
      boolean inside = true;
      for (int i = 0; i < n; i++) {
        x[i] = origin[i] + (first[i] + idx[i] + 0.5) * h;
        double d = theta[i] - x[i];
        r2 += d * d;
        inside &= x[i] >= box.lower(i) && x[i] <= box.upper(i);
      }
      if (inside && r2 < delta * delta) {
        double w = lift.weight(value(first, idx, x));
        mass += w;
        for (int i = 0; i < n; i++) {
          acc[i] += (theta[i] - x[i]) * w;
        }
      }
      for (int i = n - 1; i >= 0; i--) {
        if (++idx[i] < span) {
          break;
        }
        idx[i] = 0;
      }
    }
    for (int i = 0; i < n; i++) {
      grad[i] += acc[i] * vol / delta;
    }
    return mass * vol / delta;
  }

  private double value(long[] first, int[] idx, double[] x) {
    long[] key = new long[first.length];
    for (int i = 0; i < key.length; i++) {
      key[i] = first[i] + idx[i];
    }
    Key k = new Key(key);
    Double v = cache.get(k);
    if (v == null) {
      v = run.f.value(x);
      cache.put(k, v);
    }
    return v;
  }

  private record Key(long[] idx) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(idx, k.idx);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(idx);
    }
  }
}
