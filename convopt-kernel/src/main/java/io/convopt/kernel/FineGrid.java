package io.convopt.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Fine grids inside the δ-window (1-D) or δ-ball (n-D) around θ, for the window integrals of eq.
 * (16), (19), (20), (21) ("a much finer step, since the interval is much shorter").
 *
 * <p>Points are θ + k·s for integer k (vectors in n-D) with |k|·s ≤ δ (‖k‖·s ≤ δ), i.e. the window
 * is closed: points at exactly θ ± δ belong to it. The ratio δ/s is snapped to the nearest integer
 * when it is within 4 ulps of one (so δ = 10·s counts the end points as the user means); otherwise
 * it is used as is. Points outside the box are left out (f<sup>N</sup> = 0 there). Cell volume
 * s<sup>n</sup>. Default step δ/10 ({@link #DEFAULT_STEPS_PER_DELTA}; ours, the paper's is lost).
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

  /** δ/s, snapped to the nearest integer when within 4 ulps of it (see class comment). */
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

  /**
   * Midpoint-rule window: the midpoints o + (q + ½)·s of the cells of the fine lattice o + sZ for q
   * = q<sub>0</sub> … q<sub>0</sub> + 2m − 1, where q<sub>0</sub> = round((θ − δ − o)/s) and m =
   * ⌊{@link #stepsPerDelta}(δ, s)⌋, kept where they lie in [a, b]. When θ − δ is a fine lattice
   * point and δ = m·s (the usual case: θ on the lattice o + ηZ with η a multiple of s) these 2m
   * cells tile [θ − δ, θ + δ] exactly and every point has |θ − x| &lt; δ; the rule is O(s²) for
   * smooth integrands, and it never samples a fine lattice point (poles on the iterate lattice stay
   * unsampled). Every point is computed from its index, so the windows of neighbouring θ share
   * bit-identical points (one evaluation each through a {@link SampleCache}). Cell volume s.
   *
   * @throws IllegalArgumentException if θ or o is not finite, δ or s not finite and &gt; 0, a ≥ b,
   *     or the window would exceed {@link KernelTunables#MAX_GRID_POINTS}
   */
  public static PointSet midpointWindow(
      double theta, double delta, double origin, double step, double a, double b) {
    Checks.finite("theta", theta);
    Checks.finite("origin", origin);
    Box.interval(a, b);
    long m = (long) Math.floor(stepsPerDelta(delta, step));
    Checks.gridSize("fine midpoint window with delta/step = " + delta / step, 2.0 * m);
    long q0 = Math.round((theta - delta - origin) / step);
    double[] x = new double[(int) (2 * m)];
    int count = 0;
    for (long q = q0; q < q0 + 2 * m; q++) {
      double xq = origin + (q + 0.5) * step;
      if (xq >= a && xq <= b) {
        x[count++] = xq;
      }
    }
    return new PointSet(new double[][] {java.util.Arrays.copyOf(x, count)}, step);
  }

  /**
   * Midpoint-rule ball: the midpoints o + (q + ½)·s (q ∈ Z<sup>n</sup>, component-wise) of the fine
   * lattice cells with q<sub>i</sub> = q0<sub>i</sub> … q0<sub>i</sub> + 2m − 1, q0<sub>i</sub> =
   * round((θ<sub>i</sub> − δ − o<sub>i</sub>)/s), m = ⌊δ/s⌋ (snapped), whose midpoint lies in the
   * open ball ‖x − θ‖ &lt; δ and in the box; row-major (last axis fastest), cell volume
   * s<sup>n</sup>. The n-D analogue of {@link #midpointWindow}: never samples a fine lattice point,
   * points are computed from their indices (shared bit-identically between neighbouring balls), and
   * the ball term of eq. (20)/(21) is then h Σ (θ − x)/δ · w exactly as {@link
   * ConvolutionSums#gradient} computes it (every point has ‖θ − x‖ &lt; δ).
   *
   * @throws IllegalArgumentException on a non-finite centre or origin, a dimension mismatch, a bad
   *     δ or s, or more than {@link KernelTunables#MAX_GRID_POINTS} points in the enclosing cube
   */
  public static PointSet midpointBall(
      double[] center, double delta, double[] origin, double step, Box box) {
    Checks.finiteVector("center", center);
    Checks.finiteVector("origin", origin);
    Checks.sameLength("center", center.length, "box dimension", box.dimension());
    Checks.sameLength("origin", origin.length, "box dimension", box.dimension());
    int n = center.length;
    long m = (long) Math.floor(stepsPerDelta(delta, step));
    int side = (int) (2 * m);
    Checks.gridSize(
        "fine midpoint ball with delta/step = " + delta / step + " in dimension " + n,
        Math.pow(side, n));
    long[] q0 = new long[n];
    for (int i = 0; i < n; i++) {
      q0[i] = Math.round((center[i] - delta - origin[i]) / step);
    }
    long cube = 1;
    for (int i = 0; i < n; i++) {
      cube *= side;
    }
    double d2 = delta * delta;
    double[][] c = new double[n][(int) Math.min(cube, Integer.MAX_VALUE)];
    double[] p = new double[n];
    int[] idx = new int[n];
    int count = 0;
    for (long k = 0; k < cube; k++) {
      double r2 = 0;
      boolean inside = true;
      for (int i = 0; i < n; i++) {
        p[i] = origin[i] + (q0[i] + idx[i] + 0.5) * step;
        double d = center[i] - p[i];
        r2 += d * d;
        inside &= p[i] >= box.lower(i) && p[i] <= box.upper(i);
      }
      if (inside && r2 < d2) {
        for (int i = 0; i < n; i++) {
          c[i][count] = p[i];
        }
        count++;
      }
      for (int i = n - 1; i >= 0; i--) {
        if (++idx[i] < side) {
          break;
        }
        idx[i] = 0;
      }
    }
    for (int i = 0; i < n; i++) {
      c[i] = java.util.Arrays.copyOf(c[i], count);
    }
    return new PointSet(c, Math.pow(step, n));
  }

  /**
   * The closed ball ‖x − center‖ ≤ δ inside the box, sampled at center + step·k, k ∈ Z<sup>n</sup>.
   */
  public static PointSet ball(double[] center, double delta, double step, Box box) {
    Checks.finiteVector("center", center);
    Checks.sameLength("center", center.length, "box dimension", box.dimension());
    int n = center.length;
    double r = stepsPerDelta(delta, step);
    long m = (long) Math.floor(r);
    Checks.gridSize(
        "fine ball with delta/step = " + r + " in dimension " + n, Math.pow(2.0 * m + 1, n));
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
