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
 * one adjoint: the dual candidate {@code z = -grad L(yhat)} at its best feasible scaling, the best
 * dual value of all checks kept, see {@link GatedDual}), the listener is told, and the solve stops
 * when the relative gap is at most the tolerance (CONVERGED), the listener says so
 * (STOPPED_BY_LISTENER) or the time limit has passed (TIME_LIMIT).
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
    Run r =
        run(
            maps,
            problem.loss(),
            problem.yView(),
            problem.beta(),
            problem.dimension(),
            u0,
            settings.tolerance(),
            settings.maxIterations(),
            settings.checkEvery(),
            t0,
            settings.timeLimitSeconds(),
            listener,
            name,
            valueNoise);
    double seconds = (System.nanoTime() - t0) * 1e-9;
    Certificate cert = r.certificate();
    if (r.reason() != StopReason.STOPPED_BY_LISTENER) {
      listener.progress(
          new ProgressListener.Progress(
              name, r.iterations(), cert.primal(), cert.relativeGap(), seconds));
    }
    return new ReluSolution(
        problem,
        r.u(),
        r.yhat(),
        cert.primal() - r.penalty(),
        r.penalty(),
        cert,
        r.iterations(),
        1,
        seconds,
        r.reason(),
        name,
        settings);
  }

  /**
   * One R-FISTA run on some maps and its certificate at the final iterate.
   *
   * @param u final blocks
   * @param yhat predictions at u
   * @param penalty beta sum_j ||u_j|| at u
   * @param certificate duality gap at u (dual bound: the best of the checks)
   * @param iterations R-FISTA iterations
   * @param reason why it stopped
   * @param step last step size
   */
  record Run(
      double[] u,
      double[] yhat,
      double penalty,
      Certificate certificate,
      int iterations,
      StopReason reason,
      double step) {}

  /**
   * R-FISTA from u0 (not modified) on {@code maps} until the relative duality gap on these maps is
   * at most {@code tolerance}, the listener stops it, {@code limit} seconds have passed since
   * {@code t0}, or {@code maxIterations}. The listener hears every check but not the final point.
   */
  static Run run(
      PatternMaps maps,
      Loss loss,
      double[] y,
      double beta,
      int d,
      double[] u0,
      double tolerance,
      int maxIterations,
      int checkEvery,
      long t0,
      double limit,
      ProgressListener listener,
      String name,
      double valueNoise) {
    int n = y.length;
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
            maxIterations,
            checkEvery,
            (x, it, eta) -> {
              Certificate c = gap.at(x);
              double seconds = (System.nanoTime() - t0) * 1e-9;
              if (c.relativeGap() <= tolerance) {
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
    if (reason[0] == StopReason.MAX_ITERATIONS && cert.relativeGap() <= tolerance) {
      reason[0] = StopReason.CONVERGED;
    }
    return new Run(
        out.u(),
        gap.yhat.clone(),
        gap.penalty(out.u()),
        cert,
        out.iterations(),
        reason[0],
        out.step());
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

  /**
   * The gated duality gap on some maps (the smooth-loss case of {@link Evaluator#certificate}): the
   * dual candidate {@code z = -grad L(yhat)} at its best feasible scaling, and the best dual value
   * of all checks ({@link GatedDual}).
   */
  private static final class Gap {
    private final PatternMaps maps;
    private final Loss loss;
    private final double[] y;
    private final double beta;
    private final int d;
    final double[] yhat;
    private final double[] z;
    private final double[] grad;
    private final GatedDual dual;

    Gap(PatternMaps maps, Loss loss, double[] y, double beta, int d, int len, int n) {
      this.maps = maps;
      this.loss = loss;
      this.y = y;
      this.beta = beta;
      this.d = d;
      this.yhat = new double[n];
      this.z = new double[n];
      this.grad = new double[len];
      this.dual = new GatedDual(loss, y, beta);
    }

    double penalty(double[] u) {
      return beta * groupNorm(u, d);
    }

    Certificate at(double[] u) {
      maps.predict(u, yhat);
      double primal = loss.value(yhat, y) + penalty(u);
      loss.gradient(yhat, y, z);
      for (int k = 0; k < z.length; k++) {
        z[k] = -z[k];
      }
      loss.projectDual(z, y);
      maps.adjoint(z, grad);
      double maxNorm = 0;
      for (int j = 0; j < grad.length / d; j++) {
        maxNorm = Math.max(maxNorm, PatternOperator.blockNorm(grad, j, d));
      }
      return certificate(primal, dual.offer(z, maxNorm), dual.lastScale());
    }
  }

  /** The certificate of a primal value and a dual bound. */
  static Certificate certificate(double primal, double dual, double scale) {
    double gap = primal - dual;
    return new Certificate(
        primal,
        dual,
        gap,
        gap / Math.max(Math.abs(primal), 1e-300),
        scale,
        0,
        Double.NaN,
        Double.NaN);
  }

  /** {@code sum_j ||u_j||} over blocks of size d. */
  static double groupNorm(double[] u, int d) {
    double s = 0;
    for (int j = 0; j < u.length / d; j++) {
      s += PatternOperator.blockNorm(u, j, d);
    }
    return s;
  }
}
