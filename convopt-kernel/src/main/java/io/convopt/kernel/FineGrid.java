package io.convopt.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Fine grids inside the δ-window (1-D) or δ-ball (n-D) around θ, for the window integrals of
 * eq. (16), (19), (20), (21) ("a much finer step, since the interval is much shorter").
 *
 * <p>Points are θ + k·s for integer k (vectors in n-D) with |k|·s ≤ δ (‖k‖·s ≤ δ), i.e. the
 * window is closed: points at exactly θ ± δ belong to it. The ratio δ/s is snapped to the nearest
 * integer when it is within 4 ulps of one (so δ = 10·s counts the end points as the user means);
 * otherwise it is used as is. Points outside the box are left out (f<sup>N</sup> = 0 there). Cell
 * volume s<sup>n</sup>. Default step δ/10 ({@link #DEFAULT_STEPS_PER_DELTA}, spec §7, ours).
 *
 * <p>Errors ({@link IllegalArgumentException}): θ not finite; δ or s not finite or ≤ 0; dimension
 * mismatch; more than {@link KernelTunables#MAX_GRID_POINTS} points in the enclosing cube.
 */
public final class FineGrid {

  /** Default number of fine steps per δ (step = δ/10). */
  public static final int DEFAULT_STEPS_PER_DELTA = 10;

  private FineGrid() {}

  /** δ / DEFAULT_STEPS_PER_DELTA. */
  public static double defaultStep(double delta) {
    return Checks.positive("delta", delta) / DEFAULT_STEPS_PER_DELTA;
  }

  /**
   * δ/s, snapped to the nearest integer when within 4 ulps of it (see class comment).
   */
  public static double stepsPerDelta(double delta, double step) {
    Checks.positive("delta", delta);
    Checks.positive("step", step);
    double r = delta / step;
    double k = Math.rint(r);
    return Math.abs(r - k) <= 4 * Math.ulp(r) ? k : r;
  }

  /** The closed window [θ − δ, θ + δ] ∩ [a, b] sampled at θ + k·step. */
  public static PointSet window(double theta, double delta, double step, double a, double b) {
    Checks.finite("theta", theta);
    Box.interval(a, b);
    double r = stepsPerDelta(delta, step);
    long m = (long) Math.floor(r);
    Checks.gridSize("fine window with delta/step = " + r, 2.0 * m + 1);
    double[] x = new double[(int) (2 * m + 1)];
    int count = 0;
    for (long k = -m; k <= m; k++) {
      double xk = theta + k * step;
      if (xk >= a && xk <= b) {
        x[count++] = xk;
      }
    }
    if (count == 0) {
      // The whole window lies outside the box: an empty set still needs a coordinate array.
      return new PointSet(new double[][] {new double[0]}, step);
    }
    return new PointSet(new double[][] {java.util.Arrays.copyOf(x, count)}, step);
  }

  /** The closed ball ‖x − center‖ ≤ δ inside the box, sampled at center + step·k, k ∈ Z<sup>n</sup>. */
  public static PointSet ball(double[] center, double delta, double step, Box box) {
    Checks.finiteVector("center", center);
    Checks.sameLength("center", center.length, "box dimension", box.dimension());
    int n = center.length;
    double r = stepsPerDelta(delta, step);
    long m = (long) Math.floor(r);
    Checks.gridSize("fine ball with delta/step = " + r + " in dimension " + n, Math.pow(2.0 * m + 1, n));
    double r2 = r * r;
    int side = (int) (2 * m + 1);
    long cube = 1;
    for (int i = 0; i < n; i++) {
      cube *= side;
    }
    List<double[]> pts = new ArrayList<>();
    long[] k = new long[n];
    for (long idx = 0; idx < cube; idx++) {
      long rest = idx;
      double k2 = 0;
      for (int i = n - 1; i >= 0; i--) {
        k[i] = rest % side - m;
        rest /= side;
        k2 += (double) k[i] * k[i];
      }
      if (k2 > r2) {
        continue;
      }
      double[] p = new double[n];
      boolean inside = true;
      for (int i = 0; i < n; i++) {
        p[i] = center[i] + k[i] * step;
        inside &= p[i] >= box.lower(i) && p[i] <= box.upper(i);
      }
      if (inside) {
        pts.add(p);
      }
    }
    double[][] c = new double[n][pts.size()];
    for (int j = 0; j < pts.size(); j++) {
      for (int i = 0; i < n; i++) {
        c[i][j] = pts.get(j)[i];
      }
    }
    return new PointSet(c, Math.pow(step, n));
  }
}
