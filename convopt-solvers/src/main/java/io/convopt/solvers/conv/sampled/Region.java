package io.convopt.solvers.conv.sampled;

/**
 * A sampling region: the cube of half-width {@code radius} around {@code centre}, intersected with
 * the unit cube [0,1]^d. Immutable.
 */
record Region(double[] lower, double[] upper, double radius) {

  Region {
    lower = lower.clone();
    upper = upper.clone();
  }

  /** The cube [c − r, c + r] ∩ [0,1]^d. */
  static Region around(double[] centre, double radius) {
    int d = centre.length;
    double[] lo = new double[d];
    double[] hi = new double[d];
    for (int i = 0; i < d; i++) {
      lo[i] = Math.max(0.0, centre[i] - radius);
      hi[i] = Math.min(1.0, centre[i] + radius);
    }
    return new Region(lo, hi, radius);
  }

  int dimension() {
    return lower.length;
  }

  /** Volume of the region (the unit cube has volume 1). */
  double volume() {
    double v = 1;
    for (int i = 0; i < lower.length; i++) {
      v *= upper[i] - lower[i];
    }
    return v;
  }

  boolean contains(double[] u) {
    for (int i = 0; i < u.length; i++) {
      if (u[i] < lower[i] || u[i] > upper[i]) {
        return false;
      }
    }
    return true;
  }

  /** The point of the region at relative coordinates q ∈ [0,1]^d. */
  double[] at(double[] q) {
    double[] u = new double[q.length];
    for (int i = 0; i < q.length; i++) {
      u[i] = lower[i] + q[i] * (upper[i] - lower[i]);
    }
    return u;
  }
}
