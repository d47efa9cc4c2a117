package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.Certificate;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ProgressListener;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.linalg.PatternMaps;
import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.linalg.RestartedFista;

/**
 * One R-FISTA solve of the gated program with a smooth loss on {@link PatternMaps}, so that nothing
 * of size n x B is allocated when the maps are blocked: each iteration costs three masked maps (the
 * value and gradient at the extrapolated point, the value at the candidate) plus one per
 * line-search backtrack; on problems above the ND4J threshold the first step comes from a few power
 * iterations ({@link #initialStep}), below it is 1. Every {@code checkEvery} iterations the
 * duality-gap {@link Certificate} of the current iterate is computed on the same maps (one product,
 * one adjoint: the dual candidate {@code z = -grad L(yhat)}, scaled by {@code min(1, beta / max_j
 * ||X^T D_j z||)}), the listener is told, and the solve stops when the relative gap is at most the
 * tolerance (CONVERGED), the listener says so (STOPPED_BY_LISTENER) or the time limit has passed
 * (TIME_LIMIT).
 */
final class GatedProximalGradient {
  private GatedProximalGradient() {}

  /**
   * Solves from u0 (B x d; not modified).
   *
   * @param name the solver name recorded in the solution
   * @param valueNoise relative rounding level of f (see {@link RestartedFista})
   */
  static ReluSolution solve(
      ReluProblem problem,
      PatternMaps maps,
      double[] u0,
      ReluSolverSettings settings,
      ProgressListener listener,
      String name,
      double valueNoise) {
    long t0 = System.nanoTime();
    double limit = settings.timeLimitSeconds();
    int n = problem.samples();
    int d = problem.dimension();
    Loss loss = problem.loss();
    double[] y = problem.yView();
    double beta = problem.beta();
    Objective f = new Objective(maps, loss, y, u0.length);
    Gap gap = new Gap(maps, loss, y, beta, d, u0.length, n);
    StopReason[] reason = {StopReason.MAX_ITERATIONS};
    // below the ND4J threshold a backtrack is cheap and the unit step keeps the measured runs
    double step0 =
        (long) n * u0.length >= PatternOperator.ND4J_THRESHOLD
            ? initialStep(maps, loss, n, u0.length)
            : 1.0;
    RestartedFista.Outcome out =
        RestartedFista.minimize(
            f,
            d,
            beta,
            u0,
            step0,
            settings.maxIterations(),
            settings.checkEvery(),
            (x, it, eta) -> {
              Certificate c = gap.at(x);
              double seconds = (System.nanoTime() - t0) * 1e-9;
              if (c.relativeGap() <= settings.tolerance()) {
                reason[0] = StopReason.CONVERGED;
                return true;
              }
              ProgressListener.Action a =
                  listener.progress(
                      new ProgressListener.Progress(
                          name, it, c.primal(), c.relativeGap(), seconds));
              if (a == ProgressListener.Action.STOP) {
                reason[0] = StopReason.STOPPED_BY_LISTENER;
                return true;
              }
              if (seconds >= limit) {
                reason[0] = StopReason.TIME_LIMIT;
                return true;
              }
              return false;
            },
            valueNoise);
    Certificate cert = gap.at(out.u());
    double seconds = (System.nanoTime() - t0) * 1e-9;
    if (reason[0] != StopReason.STOPPED_BY_LISTENER) {
      listener.progress(
          new ProgressListener.Progress(
              name, out.iterations(), cert.primal(), cert.relativeGap(), seconds));
    }
    double penalty = gap.penalty(out.u());
    return new ReluSolution(
        problem,
        out.u(),
        gap.yhat,
        cert.primal() - penalty,
        penalty,
        cert,
        out.iterations(),
        1,
        seconds,
        reason[0],
        name,
        settings);
  }

  /** Power iterations for the first step (each costs one product and one adjoint). */
  static final int STEP_POWER_ITERATIONS = 3;

  /**
   * First R-FISTA step: the inverse of the loss curvature (1 squared, 1/4 logistic) times the
   * Rayleigh quotient of {@code A^T A} (A: blocks -> yhat) after {@value #STEP_POWER_ITERATIONS}
   * power iterations from the all-ones vector. The quotient is at most lambda_max, so the step is
   * at least 1/L and the line search shortens it by a few halvings at most, instead of the log2(L)
   * halvings from a unit step (about 30 at n = 10^5, each a full product).
   */
  static double initialStep(PatternMaps maps, Loss loss, int n, int len) {
    double[] v = new double[len];
    java.util.Arrays.fill(v, 1.0);
    double[] yh = new double[n];
    double q = 0;
    for (int it = 0; it < STEP_POWER_ITERATIONS; it++) {
      double nv = Math.sqrt(dot(v, v));
      if (!(nv > 0)) {
        return 1.0;
      }
      for (int i = 0; i < len; i++) {
        v[i] /= nv;
      }
      maps.predict(v, yh);
      q = dot(yh, yh);
      maps.adjoint(yh, v);
    }
    double curvature = loss == Loss.LOGISTIC ? 0.25 : 1.0;
    return q > 0 ? 1.0 / (curvature * q) : 1.0;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** f(u) = L(yhat(u)). */
  private static final class Objective implements RestartedFista.Smooth {
    private final PatternMaps maps;
    private final Loss loss;
    private final double[] y;
    private final double[] yhat;
    private final double[] g;

    Objective(PatternMaps maps, Loss loss, double[] y, int len) {
      this.maps = maps;
      this.loss = loss;
      this.y = y;
      this.yhat = new double[y.length];
      this.g = new double[y.length];
    }

    @Override
    public double value(double[] u) {
      maps.predict(u, yhat);
      return loss.value(yhat, y);
    }

    @Override
    public double valueAndGradient(double[] u, double[] grad) {
      maps.predict(u, yhat);
      double v = loss.gradient(yhat, y, g);
      maps.adjoint(g, grad);
      return v;
    }
  }

  /** The gated duality gap (the smooth-loss case of {@link Evaluator#certificate}). */
  private static final class Gap {
    private final PatternMaps maps;
    private final Loss loss;
    private final double[] y;
    private final double beta;
    private final int d;
    final double[] yhat;
    private final double[] z;
    private final double[] grad;

    Gap(PatternMaps maps, Loss loss, double[] y, double beta, int d, int len, int n) {
      this.maps = maps;
      this.loss = loss;
      this.y = y;
      this.beta = beta;
      this.d = d;
      this.yhat = new double[n];
      this.z = new double[n];
      this.grad = new double[len];
    }

    double penalty(double[] u) {
      double s = 0;
      for (int j = 0; j < u.length / d; j++) {
        s += PatternOperator.blockNorm(u, j, d);
      }
      return beta * s;
    }

    Certificate at(double[] u) {
      maps.predict(u, yhat);
      double primal = loss.value(yhat, y) + penalty(u);
      loss.gradient(yhat, y, z);
      for (int k = 0; k < z.length; k++) {
        z[k] = -z[k];
      }
      maps.adjoint(z, grad);
      double maxNorm = 0;
      for (int j = 0; j < grad.length / d; j++) {
        maxNorm = Math.max(maxNorm, PatternOperator.blockNorm(grad, j, d));
      }
      loss.projectDual(z, y);
      double s = maxNorm <= beta ? 1.0 : beta / maxNorm;
      for (int k = 0; k < z.length; k++) {
        z[k] *= s;
      }
      double dual = loss.dualValue(z, y);
      double gap = primal - dual;
      return new Certificate(
          primal,
          dual,
          gap,
          gap / Math.max(Math.abs(primal), 1e-300),
          s,
          0,
          Double.NaN,
          Double.NaN);
    }
  }
}
