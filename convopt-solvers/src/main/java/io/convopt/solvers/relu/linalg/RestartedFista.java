package io.convopt.solvers.relu.linalg;

/**
 * Restarted FISTA (R-FISTA) for {@code min_u f(u) + beta sum_j ||u_j||_2} with f smooth and blocks
 * of a fixed size: proximal gradient steps with group soft-thresholding, backtracking on the
 * quadratic upper bound (factor 0.5), step growth when the local curvature is far below 1/step
 * (factor 1.25, "Lassplore" test), the textbook momentum {@code t+ = (1 + sqrt(1 + 4 t^2)) / 2},
 * and a gradient-mapping restart (momentum reset when {@code (x+ - x).(y - x+) > 0}). A {@link
 * Monitor} is consulted every {@code checkEvery} iterations at the current iterate and decides when
 * to stop.
 *
 * <p>Deterministic; not thread-safe (one call at a time per instance of {@link Smooth}).
 */
public final class RestartedFista {
  private RestartedFista() {}

  /** The smooth part f. */
  public interface Smooth {
    double value(double[] u);

    /** Writes grad f(u) into g and returns f(u). */
    double valueAndGradient(double[] u, double[] g);
  }

  /** Stopping decision at the current iterate x (a prox-gradient output). */
  public interface Monitor {
    boolean converged(double[] x, int iteration, double step);
  }

  /** Final iterate, iterations used, whether the monitor stopped it, and the last step. */
  public record Outcome(double[] u, int iterations, boolean converged, double step) {}

  public static Outcome minimize(
      Smooth f,
      int blockSize,
      double beta,
      double[] u0,
      double step0,
      int maxIterations,
      int checkEvery,
      Monitor monitor) {
    return minimize(f, blockSize, beta, u0, step0, maxIterations, checkEvery, monitor, 1e-9);
  }

  /**
   * As above, with the relative level below which differences of f count as rounding noise (then
   * the step is tested through gradients): 1e-9 for double-precision f, about 1e-5 when f is
   * computed from single-precision products.
   */
  public static Outcome minimize(
      Smooth f,
      int blockSize,
      double beta,
      double[] u0,
      double step0,
      int maxIterations,
      int checkEvery,
      Monitor monitor,
      double valueNoise) {
    int len = u0.length;
    double[] x = u0.clone();
    double[] y = u0.clone();
    double[] xn = new double[len];
    double[] gy = new double[len];
    double[] yn = new double[len];
    double[] gx = new double[len];
    double t = 1;
    double eta = step0;
    double fy = f.valueAndGradient(y, gy);
    int it = 0;
    if (monitor.converged(x, 0, eta)) {
      return new Outcome(x, 0, true, eta);
    }
    while (it < maxIterations) {
      it++;
      double fxn;
      double lin;
      double sq;
      while (true) {
        for (int i = 0; i < len; i++) {
          xn[i] = y[i] - eta * gy[i];
        }
        GroupSoftThreshold.apply(xn, blockSize, eta * beta);
        fxn = f.value(xn);
        lin = 0;
        sq = 0;
        for (int i = 0; i < len; i++) {
          double s = xn[i] - y[i];
          lin += gy[i] * s;
          sq += s * s;
        }
        double excess = fxn - fy - lin;
        if (sq == 0) {
          break;
        }
        if (Math.abs(fxn - fy) > valueNoise * Math.abs(fy)) {
          if (excess <= sq / (2 * eta)) {
            break;
          }
        } else {
          // function differences are near rounding level: test the curvature through gradients
          // instead, ||grad f(x+) - grad f(y)|| <= ||x+ - y|| / eta (local Lipschitz estimate)
          f.valueAndGradient(xn, gx);
          double dg = 0;
          for (int i = 0; i < len; i++) {
            double dgi = gx[i] - gy[i];
            dg += dgi * dgi;
          }
          if (Math.sqrt(dg) * eta <= Math.sqrt(sq)) {
            break;
          }
        }
        eta *= 0.5;
        if (eta < 1e-300) {
          throw new ArithmeticException("R-FISTA line search failed (non-finite objective?)");
        }
      }
      double excess = fxn - fy - lin;
      // restart test and momentum
      double restart = 0;
      for (int i = 0; i < len; i++) {
        restart += (xn[i] - x[i]) * (y[i] - xn[i]);
      }
      if (restart > 0) {
        t = 1;
        System.arraycopy(xn, 0, yn, 0, len);
      } else {
        double tn = 0.5 * (1 + Math.sqrt(1 + 4 * t * t));
        double mom = (t - 1) / tn;
        for (int i = 0; i < len; i++) {
          yn[i] = xn[i] + mom * (xn[i] - x[i]);
        }
        t = tn;
      }
      if (sq > 0 && sq > 5 * 2 * eta * Math.max(excess, 0)) {
        eta *= 1.25;
      }
      double[] tmp = x;
      x = xn;
      xn = tmp;
      tmp = y;
      y = yn;
      yn = tmp;
      fy = f.valueAndGradient(y, gy);
      if (it % checkEvery == 0 && monitor.converged(x, it, eta)) {
        return new Outcome(x, it, true, eta);
      }
    }
    return new Outcome(x, it, false, eta);
  }

  /**
   * Norm of the gradient mapping {@code (u - prox_{step R}(u - step g)) / step}, R the group norm
   * with weight beta: a continuous stationarity measure (zero exactly at minimisers), unlike the
   * minimum-norm subgradient, which jumps for blocks near zero.
   */
  public static double gradientMapping(
      double[] u, double[] g, int blockSize, double beta, double step) {
    double[] t = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      t[i] = u[i] - step * g[i];
    }
    GroupSoftThreshold.apply(t, blockSize, step * beta);
    double s = 0;
    for (int i = 0; i < u.length; i++) {
      double v = (u[i] - t[i]) / step;
      s += v * v;
    }
    return Math.sqrt(s);
  }

  /**
   * Norm of the minimum-norm element of {@code grad + beta dR(u)}, R the group norm: for u_j != 0
   * the block is {@code g_j + beta u_j/||u_j||}; for u_j = 0 it is {@code max(0, ||g_j|| - beta)}.
   */
  public static double minNormSubgradient(double[] u, double[] g, int blockSize, double beta) {
    double total = 0;
    for (int o = 0; o < u.length; o += blockSize) {
      double nu = 0;
      double ng = 0;
      for (int c = 0; c < blockSize; c++) {
        nu += u[o + c] * u[o + c];
        ng += g[o + c] * g[o + c];
      }
      if (nu > 0) {
        double inv = beta / Math.sqrt(nu);
        for (int c = 0; c < blockSize; c++) {
          double v = g[o + c] + inv * u[o + c];
          total += v * v;
        }
      } else {
        double e = Math.max(0, Math.sqrt(ng) - beta);
        total += e * e;
      }
    }
    return Math.sqrt(total);
  }
}
