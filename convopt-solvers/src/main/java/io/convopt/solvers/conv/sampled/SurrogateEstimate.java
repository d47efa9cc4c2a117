package io.convopt.solvers.conv.sampled;

import io.convopt.kernel.LiftedSamples;
import io.convopt.kernel.PointSet;
import io.convopt.kernel.PowerLift;
import io.convopt.kernel.ShiftRule;
import io.convopt.solvers.conv.SurrogateMedianSolver;

/**
 * One Monte Carlo solve of the surrogate on a region: the samples' importance weights times the
 * power lift ((f + C)/(f_max + C))^N with C = −min f (kernel {@link PowerLift}, log domain), and
 * the minimiser of Σ_k μ_k g_δ(θ − x_k) — the weighted geometric median of the lifted samples,
 * which is where argmin of g_δ * (f + C)^N lies (outside the δ-window g_δ is the norm).
 *
 * <p><b>Power continuation by effective sample size.</b> With {@code adaptive}, N starts at {@code
 * startPower} and is doubled until the lifted weights' effective sample size (Σμ)²/Σμ² falls to
 * {@code essFraction} of the samples (or N reaches {@code maxPower}): a scale-free rule, since the
 * normalised lift is invariant to affine changes of f, and since the caller passes the previous
 * stage's N as the start, N never decreases while the region shrinks.
 *
 * @param theta the surrogate minimiser (unit coordinates, inside the region's hull)
 * @param power the N used
 * @param ess effective sample size of the lifted weights
 */
record SurrogateEstimate(double[] theta, double power, double ess) {

  static SurrogateEstimate solve(
      SamplePool.Restricted s,
      double delta,
      double startPower,
      boolean adaptive,
      double essFraction,
      double maxPower,
      double[] warm) {
    int n = s.size();
    double fmin = Double.POSITIVE_INFINITY;
    double fmax = Double.NEGATIVE_INFINITY;
    for (double v : s.f()) {
      fmin = Math.min(fmin, v);
      fmax = Math.max(fmax, v);
    }
    double[] mu = new double[n];
    double power = startPower;
    double ess;
    if (!(fmax > fmin)) { // flat: the lift is constant, only the sampling weights remain
      System.arraycopy(s.importance(), 0, mu, 0, n);
      ess = effectiveSize(mu);
    } else {
      PointSet pts = PointSet.of(s.coords(), 1.0);
      while (true) {
        double[] w =
            LiftedSamples.of(
                    pts, s.f(), PowerLift.logDomain(power, ShiftRule.minShift(0)).fit(s.f()))
                .weights();
        for (int k = 0; k < n; k++) {
          mu[k] = s.importance()[k] * w[k];
        }
        ess = effectiveSize(mu);
        if (!adaptive || ess <= essFraction * n || power >= maxPower) {
          break;
        }
        power = Math.min(maxPower, 2 * power);
      }
    }
    double[] theta =
        SurrogateMedianSolver.geometricMedian(s.coords(), mu, delta, warm, 1e-6 * delta, 500);
    return new SurrogateEstimate(theta, power, ess);
  }

  /** (Σμ)²/Σμ², 0 for no mass. */
  static double effectiveSize(double[] mu) {
    double s1 = 0;
    double s2 = 0;
    for (double m : mu) {
      s1 += m;
      s2 += m * m;
    }
    return s2 > 0 ? s1 * s1 / s2 : 0;
  }
}
