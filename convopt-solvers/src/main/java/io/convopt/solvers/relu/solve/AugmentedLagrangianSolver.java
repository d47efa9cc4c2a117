package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.Certificate;
import io.convopt.solvers.relu.ConvexReluSolver;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ProgressListener;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.certificate.Deadline;
import io.convopt.solvers.relu.certificate.Evaluator;
import io.convopt.solvers.relu.certificate.ProjectedCertificate;
import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.linalg.RestartedFista;

/**
 * Augmented-Lagrangian method (method of multipliers) with R-FISTA as the inner solver, for every
 * formulation and loss; it is the solver for the constrained ReLU program (CR) and for non-smooth
 * (hinge) losses.
 *
 * <p><b>Subproblem design.</b> The prox of the group norm restricted to a polyhedral cone has no
 * closed form, so the cone constraints {@code c_j = (2D_j - I) X u_j >= 0} are moved into the
 * smooth part by the usual quadratic augmentation with multipliers {@code gamma >= 0} and penalty
 * delta, {@code (1/(2 delta)) ||(gamma - delta c)_+||^2} (Rockafellar's augmentation of inequality
 * constraints), and the non-smooth loss is split as {@code s = yhat} with multiplier lambda and
 * penalty rho; minimising the augmented Lagrangian over s in closed form leaves the Moreau envelope
 * {@code min_s L(s) + (rho/2) ||s - yhat - lambda/rho||^2}, whose gradient is {@code rho (w -
 * prox_{L/rho}(w))}, w = yhat + lambda/rho (hinge prox is closed form). The inner objective is
 * therefore smooth plus the group norm, and every R-FISTA step is one prox-gradient step with group
 * soft-thresholding: two n x d x B products, as for the gated program. Unlike smoothing with a
 * vanishing parameter, the multiplier updates make this converge to the exact optimum with bounded
 * penalties.
 *
 * <p>Outer loop: solve the subproblem until the norm of its gradient mapping, taken at the safe
 * step 1/L (L = c_loss ||A||^2 + delta lambda_max(X^T X), so a step grown by the line search cannot
 * understate it), is at most {@code tol_k sqrt(B) max(beta, 1e-3 beta_max)}, with tol_k starting at
 * 1e-2 and multiplied by 0.3 per outer step, or until it has used three times the previous
 * subproblem's iterations (at least 2000; late subproblems are ill-conditioned by the grown penalty
 * and would otherwise absorb the whole budget); then update {@code gamma <- (gamma - delta c)_+}
 * and {@code lambda <- rho (w - s*)}; double delta (rho) while the scaled violation (split
 * residual) is above its tolerance and did not at least halve. Stop when the certified relative gap
 * of {@link ProjectedCertificate} is at most {@code tolerance}: the iterate projected onto its
 * cones is a feasible point (upper bound), the residual/multipliers give an exact cone-dual lower
 * bound; with a smooth loss, once the scaled violation is below 1e-3, the {@link ActiveFacePolish}
 * point is a second feasible candidate. From then on the certificate is also evaluated inside the
 * subproblems (spaced so that it costs at most about a fifth of the inner iterations), because it
 * is exact at any point and often holds long before the inner tolerance does. The returned weights
 * are that feasible point (violation at rounding level when the problem has gates; without gates
 * the raw violation must also be at most {@code feasibilityTolerance}). Defaults: delta = rho = 10
 * initially.
 *
 * <p>For GATED with a smooth loss there is nothing to augment and the method is plain R-FISTA.
 * Immutable and thread-safe.
 */
public final class AugmentedLagrangianSolver implements ConvexReluSolver {
  private static final double PENALTY_MAX = 1e8;
  private static final double DELTA_GROW = 0.5;
  private static final double TOL_DECAY = 0.3;

  /** Scaled raw cone violation below which the active face is polished. */
  private static final double POLISH_BELOW = 1e-3;

  /** Minimal number of inner iterations between certificate evaluations inside a subproblem. */
  private static final int CERTIFY_EVERY = 50;

  /** Inner iterations a subproblem may always use. */
  private static final int MIN_INNER_BUDGET = 2000;

  /** Growth allowed of a subproblem's iterations over the previous one's. */
  private static final int INNER_GROWTH = 3;

  private final ReluSolverSettings settings;

  public AugmentedLagrangianSolver(ReluSolverSettings settings) {
    this.settings = settings;
  }

  public AugmentedLagrangianSolver() {
    this(ReluSolverSettings.defaults());
  }

  @Override
  public String name() {
    return "al";
  }

  @Override
  public ReluSolverSettings settings() {
    return settings;
  }

  @Override
  public ReluSolution solve(
      ReluProblem problem, ReluSolution warmStart, ProgressListener listener) {
    if (listener == null) {
      throw new IllegalArgumentException("listener: missing (use ProgressListener.none())");
    }
    long t0 = System.nanoTime();
    PatternOperator op = problem.operator();
    Evaluator ev = new Evaluator(op, problem);
    Loss loss = problem.loss();
    double[] y = problem.yView();
    double beta = problem.beta();
    int n = op.n;
    int nb = op.n * op.blocks;
    boolean split = !loss.isSmooth();
    boolean cons = op.constrained;
    double[] u = ConvexReluSolver.initialBlocks(problem, warmStart, op.blocks * op.d);
    double[] lambda = split ? new double[n] : null;
    double[] gamma = cons ? new double[nb] : null;
    Inner f = new Inner(op, loss, y, lambda, gamma);
    f.rho = settings.initialPenalty();
    f.delta = settings.initialPenalty();
    if (split) {
      // start the loss multiplier at a subgradient of L at the initial predictions
      ev.dataTerm(u);
      double[] w = ev.yhat.clone();
      double[] s = new double[n];
      loss.prox(w, y, 1.0 / f.rho, s);
      for (int k = 0; k < n; k++) {
        lambda[k] = f.rho * (w[k] - s[k]);
      }
    }
    double gradScale = Math.sqrt(op.blocks) * Math.max(beta, 1e-3 * problem.betaMax());
    if (!(gradScale > 0)) {
      gradScale = Math.sqrt(op.blocks);
    }
    double normA = op.predictionNormSquared();
    double normX = cons ? op.dataNormSquared() : 0;
    double lossCurv = loss == Loss.LOGISTIC ? 0.25 : 1.0;
    double innerTol = 1e-2;
    double prevViolation = Double.POSITIVE_INFINITY;
    double prevSplit = Double.POSITIVE_INFINITY;
    int total = 0;
    int lastInner = 0;
    int outer = 0;
    double step = 1.0;
    StopReason reason = StopReason.MAX_OUTER_ITERATIONS;
    Certificate cert = null;
    double[] result = u;
    ProjectedCertificate pcert = new ProjectedCertificate(op, problem);
    Deadline deadline = Deadline.after(t0, settings.timeLimitSeconds());
    ActiveFacePolish polish = new ActiveFacePolish(op, problem);
    double[] gScratch = new double[u.length];
    double[] xu = new double[nb];
    double[] c = new double[nb];
    double[] yh = new double[n];
    double[] s = new double[n];
    while (outer < settings.maxOuterIterations()) {
      outer++;
      final double tolAbs = innerTol * gradScale;
      final boolean plain = !split && !cons;
      // a step 1/L with L bounding the smooth part's Lipschitz constant: the gradient mapping at a
      // fixed, safe step is a reliable stationarity measure (a grown step would understate it)
      final double safeStep =
          1.0 / Math.max((split ? f.rho : lossCurv) * normA + (cons ? f.delta * normX : 0), 1e-300);
      final double[] zNow = split ? negated(lambda) : null;
      final boolean certifyInside = !plain && prevViolation <= POLISH_BELOW;
      final long[] nextCheck = {CERTIFY_EVERY};
      final ProjectedCertificate.Result[] inside = {null};
      final long start = System.nanoTime();
      final double gradScaleF = gradScale;
      // inexact subproblems: a solve may use at most a few times the previous one's iterations
      // before the multipliers are updated (late subproblems are ill-conditioned by the grown
      // penalty, and their tolerance would otherwise absorb the whole budget)
      final int innerBudget =
          (int)
              Math.min(
                  settings.maxIterations() - (long) total,
                  Math.max(MIN_INNER_BUDGET, INNER_GROWTH * (long) lastInner));
      RestartedFista.Outcome out =
          RestartedFista.minimize(
              f,
              op.d,
              beta,
              u,
              step,
              plain ? settings.maxIterations() - total : innerBudget,
              settings.checkEvery(),
              (x, it, eta) -> {
                if (settings.timeUp(t0)) {
                  return true; // the outer loop certifies the point and stops
                }
                if (plain) {
                  return ev.certificate(x, null, null).relativeGap() <= settings.tolerance();
                }
                if (certifyInside && it >= nextCheck[0]) {
                  // the projected certificate is exact at any point, so a long inner solve need
                  // not run to its own tolerance once the iterate (or its polished face point)
                  // is already certified
                  long tc = System.nanoTime();
                  ProjectedCertificate.Result pc = pcert.evaluate(x, zNow, gamma, deadline);
                  if (!split) {
                    double[] pol =
                        polish.polish(x, gamma, eta, 1e-3 * settings.tolerance() * gradScaleF);
                    pc =
                        ProjectedCertificate.better(pc, pcert.evaluate(pol, zNow, gamma, deadline));
                  }
                  long spent = System.nanoTime() - tc;
                  double perIteration = Math.max((tc - start) / (double) Math.max(it, 1), 1.0);
                  nextCheck[0] =
                      it + Math.max(CERTIFY_EVERY, (long) Math.min(1e6, 4 * spent / perIteration));
                  if (certified(pc)) {
                    inside[0] = pc;
                    return true;
                  }
                }
                f.valueAndGradient(x, gScratch);
                return RestartedFista.gradientMapping(x, gScratch, op.d, beta, safeStep) <= tolAbs;
              });
      u = out.u();
      total += out.iterations();
      lastInner = out.iterations();
      if (inside[0] != null) {
        cert = inside[0].certificate();
        result = inside[0].w();
        reason = StopReason.CONVERGED;
        break;
      }
      step = out.step();
      // multiplier updates
      op.products(u, xu);
      op.predict(xu, yh);
      double splitResidual = 0;
      if (split) {
        double ymax = 1;
        for (int k = 0; k < n; k++) {
          ymax = Math.max(ymax, Math.abs(yh[k]));
        }
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
          w[k] = yh[k] + lambda[k] / f.rho;
        }
        loss.prox(w, y, 1.0 / f.rho, s);
        for (int k = 0; k < n; k++) {
          lambda[k] = f.rho * (w[k] - s[k]);
          splitResidual = Math.max(splitResidual, Math.abs(yh[k] - s[k]) / ymax);
        }
      }
      double violation = 0;
      if (cons) {
        op.slacks(xu, c);
        double scale = 0;
        for (int i = 0; i < nb; i++) {
          gamma[i] = Math.max(0.0, gamma[i] - f.delta * c[i]);
          violation = Math.max(violation, -c[i]);
          scale = Math.max(scale, Math.abs(c[i]));
        }
        violation = scale > 0 ? violation / scale : 0;
      }
      double[] z = null;
      if (split) {
        z = new double[n];
        for (int k = 0; k < n; k++) {
          z[k] = -lambda[k];
        }
      }
      boolean done;
      if (plain) {
        cert = ev.certificate(u, null, null);
        result = u;
        done = cert.relativeGap() <= settings.tolerance();
      } else {
        // (past the deadline the evaluation defers its projections: valid, looser, a few passes)
        ProjectedCertificate.Result pc = pcert.evaluate(u, z, gamma, deadline);
        if (cons && !split && violation <= POLISH_BELOW && !deadline.passed()) {
          double[] pol = polish.polish(u, gamma, step, 1e-3 * settings.tolerance() * gradScale);
          ProjectedCertificate.Result pp = pcert.evaluate(pol, z, gamma, deadline);
          pc = ProjectedCertificate.better(pc, pp);
        }
        cert = pc.certificate();
        result = pc.w();
        done = certified(pc);
      }
      if (done || plain && out.converged() && !settings.timeUp(t0)) {
        reason = StopReason.CONVERGED;
        break;
      }
      ProgressListener.Progress report =
          new ProgressListener.Progress(
              name(), total, cert.primal(), cert.relativeGap(), (System.nanoTime() - t0) * 1e-9);
      if (listener.progress(report) == ProgressListener.Action.STOP) {
        reason = StopReason.STOPPED_BY_LISTENER;
        break;
      }
      if (settings.timeUp(t0)) {
        reason = StopReason.TIME_LIMIT;
        break;
      }
      if (total >= settings.maxIterations()) {
        reason = StopReason.MAX_ITERATIONS;
        break;
      }
      if (cons
          && violation > settings.feasibilityTolerance()
          && violation > DELTA_GROW * prevViolation
          && f.delta < PENALTY_MAX) {
        f.delta *= 2;
      }
      if (split
          && splitResidual > settings.tolerance()
          && splitResidual > DELTA_GROW * prevSplit
          && f.rho < PENALTY_MAX) {
        f.rho *= 2;
      }
      prevViolation = violation;
      prevSplit = splitResidual;
      innerTol = Math.max(innerTol * TOL_DECAY, 1e-13);
    }
    double data = ev.dataTerm(result);
    if (reason == StopReason.CONVERGED) {
      listener.progress(
          new ProgressListener.Progress(
              name(), total, cert.primal(), cert.relativeGap(), (System.nanoTime() - t0) * 1e-9));
    }
    return new ReluSolution(
        problem,
        result,
        ev.yhat,
        data,
        ev.penalty(result),
        cert,
        total,
        outer,
        (System.nanoTime() - t0) * 1e-9,
        reason,
        name(),
        settings);
  }

  private boolean certified(ProjectedCertificate.Result pc) {
    Certificate c = pc.certificate();
    return c.relativeGap() <= settings.tolerance()
        && (pc.restored() || c.constraintViolation() <= settings.feasibilityTolerance());
  }

  private static double[] negated(double[] a) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = -a[i];
    }
    return r;
  }

  /** Smooth part of the augmented Lagrangian (constants dropped). */
  static final class Inner implements RestartedFista.Smooth {
    private final PatternOperator op;
    private final Loss loss;
    private final double[] y;
    private final double[] lambda;
    private final double[] gamma;
    double rho;
    double delta;
    private final double[] xu;
    private final double[] yhat;
    private final double[] w;
    private final double[] s;
    private final double[] g;
    private final double[] mu;
    private final double[] m;

    Inner(PatternOperator op, Loss loss, double[] y, double[] lambda, double[] gamma) {
      this.op = op;
      this.loss = loss;
      this.y = y;
      this.lambda = lambda;
      this.gamma = gamma;
      int nb = op.n * op.blocks;
      this.xu = new double[nb];
      this.yhat = new double[op.n];
      this.w = new double[op.n];
      this.s = new double[op.n];
      this.g = new double[op.n];
      this.mu = gamma == null ? null : new double[nb];
      this.m = new double[nb];
    }

    private double evaluate(double[] u, boolean withGradient) {
      op.products(u, xu);
      op.predict(xu, yhat);
      double v;
      if (lambda == null) {
        v = withGradient ? loss.gradient(yhat, y, g) : loss.value(yhat, y);
      } else {
        for (int k = 0; k < op.n; k++) {
          w[k] = yhat[k] + lambda[k] / rho;
        }
        loss.prox(w, y, 1.0 / rho, s);
        v = loss.value(s, y);
        double q = 0;
        for (int k = 0; k < op.n; k++) {
          double r = w[k] - s[k];
          q += r * r;
          g[k] = rho * r;
        }
        v += 0.5 * rho * q;
      }
      if (gamma != null) {
        double pen = 0;
        int pats = op.patterns;
        int blocks = op.blocks;
        for (int k = 0; k < op.n; k++) {
          int ro = k * blocks;
          int mo = k * pats;
          for (int j = 0; j < blocks; j++) {
            int pj = j < pats ? j : j - pats;
            double cj = op.mask[mo + pj] ? xu[ro + j] : -xu[ro + j];
            double mv = gamma[ro + j] - delta * cj;
            if (mv > 0) {
              pen += mv * mv;
              mu[ro + j] = -mv;
            } else {
              mu[ro + j] = 0;
            }
          }
        }
        v += pen / (2 * delta);
      }
      if (withGradient) {
        return v;
      }
      return v;
    }

    @Override
    public double value(double[] u) {
      return evaluate(u, false);
    }

    @Override
    public double valueAndGradient(double[] u, double[] grad) {
      double v = evaluate(u, true);
      op.combine(g, mu, m);
      op.adjoint(m, grad);
      return v;
    }
  }
}
