package io.convopt.solvers.conv;

/**
 * How zigzag2 shrinks the search radius r over a run of T iterations ("we should shrink the
 * searching radius gradually", says the paper). Always floored at δ.
 */
public enum RadiusSchedule {
  /** r_k = r₀ (1 − k/T) (default). */
  LINEAR,
  /** r_k = r₀ · (δ / r₀)^{k/T}: geometric from r₀ down to δ. */
  GEOMETRIC;

  double radius(double r0, double delta, long k, long t) {
    double frac = Math.min(1.0, (double) k / t);
    double r = this == LINEAR ? r0 * (1 - frac) : r0 * Math.pow(delta / r0, frac);
    return Math.max(r, delta);
  }
}
