package io.convopt.solvers.conv.sampled;

import java.util.ArrayList;
import java.util.List;

/**
 * The samples of one descent, with the regions they were drawn from, and their importance weights
 * for a Monte Carlo estimate of an integral over the current region.
 *
 * <p>Stage s drew n_s points uniformly from region R_s (volume V_s). Pooled, a point x was drawn
 * from the mixture density q(x) = Σ_s n_s·1[x ∈ R_s]/V_s / Σ_s n_s, so Σ_k h(x_k)/q(x_k) / Σ_s n_s
 * is an unbiased estimate of ∫ h over the union of the regions (the balance heuristic of multiple
 * importance sampling). Restricted to the points in the current region it estimates ∫ h over that
 * region with every earlier sample reused for free. Not thread-safe.
 */
final class SamplePool {

  private final List<Region> regions = new ArrayList<>();
  private final List<Integer> counts = new ArrayList<>();
  private final List<double[]> points = new ArrayList<>();
  private final List<Double> values = new ArrayList<>();

  /** Adds the points drawn uniformly from {@code region} and their f values. */
  void addStage(Region region, List<double[]> us, double[] fs) {
    if (us.isEmpty()) {
      return;
    }
    regions.add(region);
    counts.add(us.size());
    for (int k = 0; k < us.size(); k++) {
      points.add(us.get(k));
      values.add(fs[k]);
    }
  }

  int size() {
    return points.size();
  }

  /** The pooled samples inside {@code region}, with importance weights 1/q(x). */
  Restricted restrictTo(Region region) {
    int d = region.dimension();
    List<Integer> inside = new ArrayList<>();
    for (int k = 0; k < points.size(); k++) {
      if (region.contains(points.get(k))) {
        inside.add(k);
      }
    }
    int n = inside.size();
    double[][] coords = new double[d][n];
    double[] f = new double[n];
    double[] importance = new double[n];
    long total = 0;
    for (int c : counts) {
      total += c;
    }
    for (int j = 0; j < n; j++) {
      double[] u = points.get(inside.get(j));
      for (int i = 0; i < d; i++) {
        coords[i][j] = u[i];
      }
      f[j] = values.get(inside.get(j));
      double q = 0;
      for (int s = 0; s < regions.size(); s++) {
        Region r = regions.get(s);
        double v = r.volume();
        if (v > 0 && r.contains(u)) {
          q += counts.get(s) / v;
        }
      }
      importance[j] = q > 0 ? total / q : 0;
    }
    return new Restricted(coords, f, importance);
  }

  /**
   * Samples of one region: {@code coords[axis][k]}, f values and importance weights (volume units,
   * so Σ importance·h / Σ counts estimates the integral of h over the region).
   */
  record Restricted(double[][] coords, double[] f, double[] importance) {
    int size() {
      return f.length;
    }

    double[] point(int k) {
      double[] u = new double[coords.length];
      for (int i = 0; i < u.length; i++) {
        u[i] = coords[i][k];
      }
      return u;
    }
  }
}
