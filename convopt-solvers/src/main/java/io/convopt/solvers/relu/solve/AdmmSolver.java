package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.Certificate;
import io.convopt.solvers.relu.ConvexReluSolver;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ProgressListener;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.certificate.Evaluator;
import io.convopt.solvers.relu.certificate.ProjectedCertificate;
import io.convopt.solvers.relu.linalg.ConjugateGradientUStep;
import io.convopt.solvers.relu.linalg.DenseUStep;
import io.convopt.solvers.relu.linalg.GroupSoftThreshold;
import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.linalg.ResidualBalancing;
import io.convopt.solvers.relu.linalg.UStep;
import io.convopt.solvers.relu.linalg.WoodburyUStep;

/**
 * ADMM for the constrained ReLU program (CR), after Bai, Gautam &amp; Sojoudi (arXiv 2201.01965),
 * and for the gated program (CG) as the special case without cones.
 *
 * <p><b>Splitting.</b> Weights u (B blocks of size d), a copy v carrying the group norm, slacks
 * {@code s = G u >= 0} for the cones ({@code G u = (2D - I) X u_j} per block), and for a loss other
 * than the squared one a copy {@code z = F u} of the predictions carrying the loss:
 *
 * <pre>
 *   min L(F u, y) + beta ||v||_{2,1} + I_{>=0}(s)   s.t.  u = v,  G u = s  [, F u = z]
 * </pre>
 *
 * Scaled-form iteration with penalty rho and scaled multipliers lambda, nu [, mu]:
 *
 * <pre>
 *   u = A^{-1} ( kappa F^T q + v - lambda + G^T (s - nu) ),   A = I + kappa F^T F + G^T G
 *       squared loss: kappa = 1/rho, q = y       (the loss stays in the u-step, as in the paper)
 *       split loss:   kappa = 1,     q = z - mu
 *   z = prox_{L/rho}(F u + mu);   mu += F u - z                 (hinge, logistic)
 *   v = groupSoftThreshold(u + lambda, beta/rho);   lambda += u - v
 *   s = (G u + nu)_+;   nu += G u - s
 * </pre>
 *
 * A is constant, so it is factored once: by default through the Woodbury identity as an n x n
 * system ({@link WoodburyUStep}; setup O(n^2 d + n^2 P/64 + n^3), per iteration O(n d P + n^2),
 * memory O(n^2)), with a dense (Bd) x (Bd) Cholesky for tiny problems and matrix-free
 * preconditioned CG for large n ({@link UStepMethod}). Every iteration costs five n x d x B
 * products (u-step 2, residuals and right-hand side 3).
 *
 * <p><b>Stopping.</b> Once both relative residuals of {@link AdmmListener.Progress} are at most
 * 1e-3, the {@link ProjectedCertificate} of v (feasible projection, exact cone-dual bound) is
 * evaluated every {@link #CERTIFY_EVERY} or more iterations (spaced so that it costs at most about
 * a fifth of the run); stop when its relative gap is at most {@code settings.tolerance()}, or after
 * {@code settings.maxIterations()} ADMM iterations, or when the listener says stop. ADMM never
 * calls the AL solver. <b>Penalty.</b> rho starts at {@code withPenalty} (default: 1) and, when
 * adaptive (default), is doubled/halved every {@code settings.checkEvery()} iterations while one
 * relative residual exceeds ten times the other (residual balancing, Boyd et al. §3.4.1), at most
 * {@link #MAX_PENALTY_CHANGES} times so that convergence theory for fixed rho applies afterwards;
 * with the squared loss each change refactors the n x n matrix (O(n^3)), with a split loss A does
 * not depend on rho.
 *
 * <p><b>Result.</b> The weights are v (exactly group-sparse) moved into their cones by {@link
 * io.convopt.solvers.relu.certificate.ConeRestoration}, and the certificate is the {@link
 * ProjectedCertificate} there (KKT fields with {@code gamma = -rho nu >= 0}). {@code iterations()}
 * counts ADMM iterations, {@code outerIterations()} factorisations (1 + penalty changes; 0 for CG).
 *
 * <p>Immutable and thread-safe (all state is per solve); configure with the {@code withX} methods.
 */
public final class AdmmSolver implements ConvexReluSolver {
  /** Upper bound on the number of residual-balancing penalty changes. */
  public static final int MAX_PENALTY_CHANGES = 40;

  /** AUTO picks the dense u-step when B d is at most this and below n. */
  public static final int DENSE_MAX_DIMENSION = 400;

  /** AUTO picks conjugate gradients above this many samples (2 n^2 doubles would exceed 128 MB). */
  public static final int WOODBURY_MAX_SAMPLES = 4000;

  /** Minimal number of iterations between certificate evaluations. */
  static final int CERTIFY_EVERY = 50;

  /** The certificate is evaluated only once both relative residuals are at most this. */
  static final double CERTIFY_BELOW = 1e-3;

  /** How the u-step system is solved. */
  public enum UStepMethod {
    /**
     * Dense when B d ≤ min(n - 1, DENSE_MAX_DIMENSION), CG when n > WOODBURY_MAX_SAMPLES, else
     * Woodbury.
     */
    AUTO,
    /** n x n Cholesky of the Woodbury capacitance matrix. */
    WOODBURY,
    /** (B d) x (B d) Cholesky of A. */
    DENSE,
    /** Block-preconditioned conjugate gradients, warm-started. */
    CONJUGATE_GRADIENT;

    /** Parses {@code auto|woodbury|dense|cg}. */
    public static UStepMethod parse(String s) {
      if (s != null) {
        switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
          case "auto":
            return AUTO;
          case "woodbury":
            return WOODBURY;
          case "dense":
            return DENSE;
          case "cg":
          case "conjugate_gradient":
            return CONJUGATE_GRADIENT;
          default:
            break;
        }
      }
      throw new IllegalArgumentException(
          "uStep: unknown value '" + s + "' (expected auto, woodbury, dense or cg)");
    }
  }

  private final ReluSolverSettings settings;
  private final UStepMethod uStep;
  private final double penalty;
  private final boolean adaptive;
  private final AdmmListener listener;
  private final double constraintScale;
  private final double relaxation;

  /** Defaults: AUTO u-step, rho = 1, adaptive, no listener. */
  public AdmmSolver(ReluSolverSettings settings) {
    this(settings, UStepMethod.AUTO, 1.0, true, AdmmListener.none(), Double.NaN, 1.6);
  }

  public AdmmSolver() {
    this(ReluSolverSettings.defaults());
  }

  private AdmmSolver(
      ReluSolverSettings settings,
      UStepMethod uStep,
      double penalty,
      boolean adaptive,
      AdmmListener listener,
      double constraintScale,
      double relaxation) {
    if (settings == null) {
      throw new IllegalArgumentException("settings: missing");
    }
    if (uStep == null) {
      throw new IllegalArgumentException("uStep: missing (expected auto, woodbury, dense or cg)");
    }
    if (!(penalty > 0) || !Double.isFinite(penalty)) {
      throw new IllegalArgumentException("penalty: must be finite and > 0, got " + penalty);
    }
    if (listener == null) {
      throw new IllegalArgumentException("listener: missing (use AdmmListener.none())");
    }
    this.settings = settings;
    this.uStep = uStep;
    this.penalty = penalty;
    this.adaptive = adaptive;
    this.listener = listener;
    if (!(constraintScale > 0) && !Double.isNaN(constraintScale)
        || Double.isInfinite(constraintScale)) {
      throw new IllegalArgumentException(
          "constraintScale: must be finite and > 0 (or NaN for automatic), got " + constraintScale);
    }
    if (!(relaxation > 0 && relaxation < 2)) {
      throw new IllegalArgumentException("relaxation: must be in (0, 2), got " + relaxation);
    }
    this.constraintScale = constraintScale;
    this.relaxation = relaxation;
  }

  public AdmmSolver withSettings(ReluSolverSettings s) {
    return new AdmmSolver(s, uStep, penalty, adaptive, listener, constraintScale, relaxation);
  }

  public AdmmSolver withUStep(UStepMethod m) {
    return new AdmmSolver(settings, m, penalty, adaptive, listener, constraintScale, relaxation);
  }

  /** Initial penalty rho (> 0). */
  public AdmmSolver withPenalty(double rho) {
    return new AdmmSolver(settings, uStep, rho, adaptive, listener, constraintScale, relaxation);
  }

  /** Whether rho is re-balanced from the residuals. */
  public AdmmSolver withAdaptivePenalty(boolean on) {
    return new AdmmSolver(settings, uStep, penalty, on, listener, constraintScale, relaxation);
  }

  public AdmmSolver withListener(AdmmListener l) {
    return new AdmmSolver(settings, uStep, penalty, adaptive, l, constraintScale, relaxation);
  }

  /**
   * Weight sigma of the cone constraints relative to {@code u = v}: the constraint is written
   * {@code sqrt(sigma) G u = s}, which leaves the program unchanged but balances the two splits
   * (NaN, the default: {@code sigma = 1 / lambda_max(X^T X)}, so that both have unit scale).
   */
  public AdmmSolver withConstraintScale(double sigma) {
    return new AdmmSolver(settings, uStep, penalty, adaptive, listener, sigma, relaxation);
  }

  /** Over-relaxation alpha in (0, 2) (Boyd et al. §3.4.3; default 1.6, 1 = plain ADMM). */
  public AdmmSolver withRelaxation(double alpha) {
    return new AdmmSolver(settings, uStep, penalty, adaptive, listener, constraintScale, alpha);
  }

  public UStepMethod uStep() {
    return uStep;
  }

  public double penalty() {
    return penalty;
  }

  @Override
  public String name() {
    return "admm";
  }

  @Override
  public ReluSolverSettings settings() {
    return settings;
  }

  /** The u-step method AUTO resolves to for a problem. */
  public UStepMethod resolve(ReluProblem problem) {
    if (uStep != UStepMethod.AUTO) {
      return uStep;
    }
    int n = problem.samples();
    long dim =
        (long) problem.dimension()
            * problem.patterns().count()
            * (problem.formulation() == Formulation.RELU ? 2 : 1);
    if (dim <= DENSE_MAX_DIMENSION && dim < n) {
      return UStepMethod.DENSE;
    }
    return n > WOODBURY_MAX_SAMPLES ? UStepMethod.CONJUGATE_GRADIENT : UStepMethod.WOODBURY;
  }

  static UStep create(UStepMethod m, PatternOperator op, double kappa, double sigma) {
    switch (m) {
      case DENSE:
        return new DenseUStep(op, kappa, sigma);
      case CONJUGATE_GRADIENT:
        return new ConjugateGradientUStep(op, kappa, sigma);
      default:
        return new WoodburyUStep(op, kappa, sigma);
    }
  }

  private double sigma(PatternOperator op) {
    if (!Double.isNaN(constraintScale)) {
      return constraintScale;
    }
    double l = op.constrained ? op.dataNormSquared() : 0;
    return l > 0 ? 1.0 / l : 1.0;
  }

  /**
   * Shape of the matrix the u-step caches for this problem ({0, 0} for CG): n x n for Woodbury,
   * (Bd) x (Bd) for dense. Builds the factor (setup cost).
   */
  public int[] cachedFactorShape(ReluProblem problem) {
    check(problem);
    PatternOperator op = problem.operator();
    return create(resolve(problem), op, 1.0, sigma(op)).cachedShape();
  }

  private static void check(ReluProblem problem) {
    if (problem == null) {
      throw new IllegalArgumentException("problem: missing");
    }
    Formulation f = problem.formulation();
    if (f != Formulation.RELU && f != Formulation.GATED) {
      throw new IllegalArgumentException(
          "formulation: ADMM supports gated and relu, got " + f.id());
    }
  }

  @Override
  public ReluSolution solve(
      ReluProblem problem, ReluSolution warmStart, ProgressListener progress) {
    check(problem);
    if (progress == null) {
      throw new IllegalArgumentException("listener: missing (use ProgressListener.none())");
    }
    long t0 = System.nanoTime();
    PatternOperator op = problem.operator();
    Evaluator ev = new Evaluator(op, problem);
    Loss loss = problem.loss();
    double[] y = problem.yView();
    double beta = problem.beta();
    int n = op.n;
    int d = op.d;
    int len = op.blocks * d;
    int nb = n * op.blocks;
    boolean cons = op.constrained;
    boolean split = loss != Loss.SQUARED;
    double rho = penalty;
    double sigma = sigma(op);
    double rs = Math.sqrt(sigma);
    double alpha = relaxation;
    UStep us = create(resolve(problem), op, split ? 1.0 : 1.0 / rho, sigma);

    double[] v = ConvexReluSolver.initialBlocks(problem, warmStart, len);
    double[] u = v.clone();
    double[] lam = new double[len];
    double[] vOld = new double[len];
    double[] rhs = new double[len];
    double[] gd = new double[len];
    double[] xu = new double[nb];
    double[] c = new double[nb];
    double[] m = new double[nb];
    double[] yh = new double[n];
    double[] s = cons ? new double[nb] : null;
    double[] nu = cons ? new double[nb] : null;
    double[] sOld = cons ? new double[nb] : null;
    double[] ds = cons ? new double[nb] : null;
    double[] z = split ? new double[n] : null;
    double[] mu = split ? new double[n] : null;
    double[] zOld = split ? new double[n] : null;
    double[] dz = split ? new double[n] : null;
    double[] q = new double[n];
    double[] sn = cons ? new double[nb] : null;
    double[] zeroN = new double[n];
    op.products(v, xu);
    op.predict(xu, yh);
    if (cons) {
      op.slacks(xu, c);
      for (int i = 0; i < nb; i++) {
        s[i] = Math.max(0.0, rs * c[i]);
      }
    }
    if (split) {
      System.arraycopy(yh, 0, z, 0, n);
    }

    // dual scale floor: ||F^T y||, the data gradient at u = 0 (same units as rho lambda)
    op.combine(y, null, m);
    op.adjoint(m, gd);
    double dualFloor = 0;
    for (int i = 0; i < len; i++) {
      dualFloor += gd[i] * gd[i];
    }
    dualFloor = Math.max(Math.sqrt(dualFloor), 1e-300);
    StopReason reason = StopReason.MAX_ITERATIONS;
    int changes = 0;
    int it = 0;
    double cgAccuracy = 1e-2;
    ProjectedCertificate pcert = new ProjectedCertificate(op, problem);
    ProjectedCertificate.Result certified = null;
    int nextCertify = CERTIFY_EVERY;
    while (it < settings.maxIterations()) {
      it++;
      // right-hand side kappa F^T q + G^T (s - nu) + v - lambda
      for (int k = 0; k < n; k++) {
        q[k] = split ? z[k] - mu[k] : y[k] / rho;
      }
      if (cons) {
        for (int i = 0; i < nb; i++) {
          sn[i] = rs * (s[i] - nu[i]);
        }
      }
      op.combine(q, sn, m);
      op.adjoint(m, rhs);
      for (int i = 0; i < len; i++) {
        rhs[i] += v[i] - lam[i];
      }
      us.setAccuracy(cgAccuracy);
      us.solve(rhs, u);
      op.products(u, xu);
      op.predict(xu, yh);
      double pri = 0;
      double scaleA = 0;
      double scaleB = 0;
      if (split) {
        System.arraycopy(z, 0, zOld, 0, n);
        for (int k = 0; k < n; k++) {
          q[k] = alpha * yh[k] + (1 - alpha) * zOld[k] + mu[k];
        }
        loss.prox(q, y, 1.0 / rho, z);
        for (int k = 0; k < n; k++) {
          double r = yh[k] - z[k];
          mu[k] += alpha * yh[k] + (1 - alpha) * zOld[k] - z[k];
          pri += r * r;
          dz[k] = z[k] - zOld[k];
          scaleA += yh[k] * yh[k];
          scaleB += z[k] * z[k];
        }
      }
      System.arraycopy(v, 0, vOld, 0, len);
      for (int i = 0; i < len; i++) {
        v[i] = alpha * u[i] + (1 - alpha) * vOld[i] + lam[i];
      }
      GroupSoftThreshold.apply(v, d, beta / rho);
      double lamNorm = 0;
      for (int i = 0; i < len; i++) {
        double r = u[i] - v[i];
        lam[i] += alpha * u[i] + (1 - alpha) * vOld[i] - v[i];
        pri += r * r;
        scaleA += u[i] * u[i];
        scaleB += v[i] * v[i];
        lamNorm += lam[i] * lam[i];
      }
      if (cons) {
        op.slacks(xu, c);
        System.arraycopy(s, 0, sOld, 0, nb);
        for (int i = 0; i < nb; i++) {
          c[i] *= rs;
          double ch = alpha * c[i] + (1 - alpha) * sOld[i];
          double t = ch + nu[i];
          s[i] = t > 0 ? t : 0.0;
          double r = c[i] - s[i];
          nu[i] += ch - s[i];
          pri += r * r;
          ds[i] = rs * (s[i] - sOld[i]);
          scaleA += c[i] * c[i];
          scaleB += s[i] * s[i];
        }
      }
      // dual residual rho ((v - v_old) + G^T ds + F^T dz)
      if (cons || split) {
        op.combine(split ? dz : zeroN, ds, m);
        op.adjoint(m, gd);
      } else {
        java.util.Arrays.fill(gd, 0.0);
      }
      double dua = 0;
      for (int i = 0; i < len; i++) {
        double r = gd[i] + v[i] - vOld[i];
        dua += r * r;
      }
      double rp = Math.sqrt(pri);
      double rd = rho * Math.sqrt(dua);
      double relP = rp / Math.max(Math.sqrt(Math.max(scaleA, scaleB)), 1e-300);
      double relD = rd / Math.max(rho * Math.sqrt(lamNorm), dualFloor);
      AdmmListener.Action action =
          listener.iteration(new AdmmListener.Progress(it, rp, rd, relP, relD, rho));
      if (it >= nextCertify && Math.max(relP, relD) <= CERTIFY_BELOW) {
        long tc = System.nanoTime();
        ProjectedCertificate.Result pc =
            pcert.evaluate(
                v, dualCandidate(split, mu, rho, n), coneMultipliers(cons, nu, rho, rs, nb));
        long spent = System.nanoTime() - tc;
        // spacing: at least CERTIFY_EVERY iterations, and at least four times the certificate's
        // cost in ADMM iterations, so certification stays below about a fifth of the run time
        double perIteration = Math.max((tc - t0) / (double) it, 1.0);
        nextCertify = it + Math.max(CERTIFY_EVERY, (int) Math.min(1e6, 4 * spent / perIteration));
        if (pc.certificate().relativeGap() <= settings.tolerance()
            && (pc.restored()
                || pc.certificate().constraintViolation() <= settings.feasibilityTolerance())) {
          certified = pc;
          reason = StopReason.CONVERGED;
          break;
        }
        ProgressListener.Progress report =
            new ProgressListener.Progress(
                name(),
                it,
                pc.certificate().primal(),
                pc.certificate().relativeGap(),
                (System.nanoTime() - t0) * 1e-9);
        if (progress.progress(report) == ProgressListener.Action.STOP) {
          certified = pc;
          reason = StopReason.STOPPED_BY_LISTENER;
          break;
        }
      }
      if (action == AdmmListener.Action.STOP) {
        reason = StopReason.STOPPED_BY_LISTENER;
        break;
      }
      if (settings.timeUp(t0)) {
        reason = StopReason.TIME_LIMIT;
        break;
      }
      cgAccuracy = Math.min(1e-2, Math.max(1e-13, 1e-2 * Math.min(relP, relD)));
      if (adaptive && changes < MAX_PENALTY_CHANGES && it % settings.checkEvery() == 0) {
        double factor = ResidualBalancing.factor(relP, relD);
        if (factor != 1.0) {
          rho *= factor;
          changes++;
          ResidualBalancing.rescaleDual(lam, factor);
          if (cons) {
            ResidualBalancing.rescaleDual(nu, factor);
          }
          if (split) {
            ResidualBalancing.rescaleDual(mu, factor);
          } else {
            us.setKappa(1.0 / rho);
          }
        }
      }
    }
    if (certified == null) {
      certified =
          pcert.evaluate(
              v, dualCandidate(split, mu, rho, n), coneMultipliers(cons, nu, rho, rs, nb));
    }
    double[] w = certified.w();
    Certificate cert = certified.certificate();
    double data = ev.dataTerm(w);
    if (reason != StopReason.STOPPED_BY_LISTENER) {
      progress.progress(
          new ProgressListener.Progress(
              name(), it, cert.primal(), cert.relativeGap(), (System.nanoTime() - t0) * 1e-9));
    }
    return new ReluSolution(
        problem,
        w,
        ev.yhat,
        data,
        ev.penalty(w),
        cert,
        it,
        us.factorizations(),
        (System.nanoTime() - t0) * 1e-9,
        reason,
        name(),
        settings);
  }

  private static double[] dualCandidate(boolean split, double[] mu, double rho, int n) {
    if (!split) {
      return null;
    }
    double[] zc = new double[n];
    for (int k = 0; k < n; k++) {
      zc[k] = -rho * mu[k];
    }
    return zc;
  }

  private static double[] coneMultipliers(
      boolean cons, double[] nu, double rho, double rs, int nb) {
    if (!cons) {
      return null;
    }
    double[] gamma = new double[nb];
    for (int i = 0; i < nb; i++) {
      gamma[i] = Math.max(0.0, -rho * rs * nu[i]);
    }
    return gamma;
  }
}
