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
import io.convopt.solvers.relu.certificate.Deadline;
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
 * preconditioned CG for large n ({@link UStepMethod}). Every iteration costs four n x d x B
 * products (u-step 2, right-hand side 1, predictions and slacks 1), and one more every {@code
 * checkEvery} iterations for the dual residual (it is refreshed only then).
 *
 * <p><b>Memory.</b> The slacks s and the scaled cone multipliers nu are complementary after every
 * update, so one n x B array {@code t = s + nu} holds both; it is the method's only n x B state
 * (the multipliers of n B constraints are what the method needs). Products, slacks, residuals and
 * the masked matrices of the adjoint are formed one row block at a time ({@link
 * PatternOperator#rowBlocks}); the u-steps use the masked maps without n x B arrays. Total: n B +
 * O(n d + B d + block B) doubles plus the u-step's cache (Woodbury: n^2).
 *
 * <p><b>Stopping.</b> Once both relative residuals of {@link AdmmListener.Progress} are at most
 * 1e-2 (checked every {@code checkEvery} iterations), the {@link ProjectedCertificate} of v
 * (feasible projection, exact cone-dual bound) is evaluated every {@link #CERTIFY_EVERY} or more
 * iterations (spaced so that it costs at most about a fifth of the run); stop when its relative gap
 * is at most {@code settings.tolerance()}, or after {@code settings.maxIterations()} ADMM
 * iterations, or when the listener says stop. ADMM never calls the AL solver. <b>Penalty.</b> rho
 * starts at {@code withPenalty} (default: 1) and, when adaptive (default), is doubled or halved
 * every {@code settings.checkEvery()} iterations while one relative residual exceeds ten times the
 * other ({@link ResidualBalancing#factor}; Boyd et al. §3.4.1; OSQP's one-step ratio rule was tried
 * and lost the hinge fixture's convergence within 400,000 iterations), at most {@link
 * #MAX_PENALTY_CHANGES} times so that convergence theory for fixed rho applies afterwards; with the
 * squared loss each change refactors the n x n matrix (O(n^3), LAPACK above order 400), with a
 * split loss A does not depend on rho.
 *
 * <p><b>Result.</b> The weights are v (exactly group-sparse) moved into their cones by {@link
 * io.convopt.solvers.relu.certificate.ConeRestoration}, and the certificate is the {@link
 * ProjectedCertificate} there (KKT fields with {@code gamma = -rho nu >= 0}, reported when n B is
 * at most {@link #KKT_MAX_ELEMENTS}, else NaN). {@code iterations()} counts ADMM iterations, {@code
 * outerIterations()} factorisations (1 + penalty changes; 0 for CG).
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

  /**
   * Largest n x B for which the certificate's reported KKT fields (stationarity, complementarity)
   * are computed: they need n x B copies of the cone multipliers (32 MB each at this size).
   */
  static final int KKT_MAX_ELEMENTS = 1 << 22;

  /** Minimal number of iterations between certificate evaluations. */
  static final int CERTIFY_EVERY = 50;

  /**
   * Share of a bounded time limit kept for the final certificate before the first evaluation has
   * been timed (afterwards 1.5 times the last evaluation's time, at most this share).
   */
  static final double FINAL_RESERVE = 0.2;

  /** The certificate is evaluated only once both relative residuals are at most this. */
  static final double CERTIFY_BELOW = 1e-2;

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

  /** Working sets of patterns where they apply (see {@link #withWorkingSets}); off by default. */
  private final boolean workingSets;

  /** Defaults: AUTO u-step, rho = 1, adaptive, no listener, no working sets. */
  public AdmmSolver(ReluSolverSettings settings) {
    this(settings, UStepMethod.AUTO, 1.0, true, AdmmListener.none(), Double.NaN, 1.6, false);
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
      double relaxation,
      boolean workingSets) {
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
    this.workingSets = workingSets;
  }

  public AdmmSolver withSettings(ReluSolverSettings s) {
    return new AdmmSolver(
        s, uStep, penalty, adaptive, listener, constraintScale, relaxation, workingSets);
  }

  public AdmmSolver withUStep(UStepMethod m) {
    return new AdmmSolver(
        settings, m, penalty, adaptive, listener, constraintScale, relaxation, workingSets);
  }

  /** Initial penalty rho (> 0). */
  public AdmmSolver withPenalty(double rho) {
    return new AdmmSolver(
        settings, uStep, rho, adaptive, listener, constraintScale, relaxation, workingSets);
  }

  /** Whether rho is re-balanced from the residuals. */
  public AdmmSolver withAdaptivePenalty(boolean on) {
    return new AdmmSolver(
        settings, uStep, penalty, on, listener, constraintScale, relaxation, workingSets);
  }

  public AdmmSolver withListener(AdmmListener l) {
    return new AdmmSolver(
        settings, uStep, penalty, adaptive, l, constraintScale, relaxation, workingSets);
  }

  /**
   * Weight sigma of the cone constraints relative to {@code u = v}: the constraint is written
   * {@code sqrt(sigma) G u = s}, which leaves the program unchanged but balances the two splits
   * (NaN, the default: {@code sigma = 1 / lambda_max(X^T X)}, so that both have unit scale).
   */
  public AdmmSolver withConstraintScale(double sigma) {
    return new AdmmSolver(
        settings, uStep, penalty, adaptive, listener, sigma, relaxation, workingSets);
  }

  /** Over-relaxation alpha in (0, 2) (Boyd et al. §3.4.3; default 1.6, 1 = plain ADMM). */
  public AdmmSolver withRelaxation(double alpha) {
    return new AdmmSolver(
        settings, uStep, penalty, adaptive, listener, constraintScale, alpha, workingSets);
  }

  /**
   * Whether the constrained program is solved on working sets of patterns ({@link
   * ConstrainedWorkingSet}, for RELU programs with a smooth loss and beta > 0); off by default: at
   * spambase's shape (n = 3680, P = 2500, beta = 1) the restricted solves, each refactoring the n x
   * n Woodbury matrix as the penalty adapts, ended above the zero network in 74 s, where plain ADMM
   * did better. {@code true} turns them on where they apply.
   */
  public AdmmSolver withWorkingSets(boolean on) {
    return new AdmmSolver(
        settings, uStep, penalty, adaptive, listener, constraintScale, relaxation, on);
  }

  /** Whether {@link #solve} uses working sets of patterns for this problem. */
  public boolean usesWorkingSets(ReluProblem p) {
    return workingSets
        && p.formulation() == Formulation.RELU
        && p.loss().isSmooth()
        && p.beta() > 0;
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
    if (usesWorkingSets(problem)) {
      return new ConstrainedWorkingSet(withWorkingSets(false)).solve(problem, warmStart, progress);
    }
    long t0 = System.nanoTime();
    PatternOperator op = problem.operator();
    Evaluator ev = new Evaluator(op, problem);
    Loss loss = problem.loss();
    double[] y = problem.yView();
    double beta = problem.beta();
    int n = op.n;
    int d = op.d;
    int blocks = op.blocks;
    int len = blocks * d;
    boolean cons = op.constrained;
    boolean split = loss != Loss.SQUARED;
    double rho = penalty;
    double sigma = sigma(op);
    double rs = Math.sqrt(sigma);
    UStep us = create(resolve(problem), op, split ? 1.0 : 1.0 / rho, sigma);

    double[] v = ConvexReluSolver.initialBlocks(problem, warmStart, len);
    double[] u = v.clone();
    double[] lam = new double[len];
    double[] vOld = new double[len];
    double[] rhs = new double[len];
    double[] gd = new double[len];
    ConeState st = new ConeState(op, loss, y, rs, relaxation, cons, split);
    double[] q = new double[n];
    if (cons) {
      st.start(v);
    }
    op.maskedPredict(v, st.yh);
    if (split) {
      System.arraycopy(st.yh, 0, st.z, 0, n);
    }

    // dual scale floor: ||F^T y||, the data gradient at u = 0 (same units as rho lambda)
    op.maskedAdjoint(y, gd);
    double dualFloor = 0;
    for (int i = 0; i < len; i++) {
      dualFloor += gd[i] * gd[i];
    }
    dualFloor = Math.max(Math.sqrt(dualFloor), 1e-300);
    StopReason reason = StopReason.MAX_ITERATIONS;
    int changes = 0;
    int it = 0;
    double cgAccuracy = 1e-2;
    double rd = Double.NaN;
    double relD = Double.POSITIVE_INFINITY;
    ProjectedCertificate pcert = new ProjectedCertificate(op, problem);
    Deadline deadline = Deadline.after(t0, settings.timeLimitSeconds());
    // best = the best feasible point and the best dual bound so far; the starting point (zero or
    // the warm start, restored) is the first, so the result is never worse than it (the zero
    // point with the trivial dual point z = 0 costs O(n), no projection)
    ProjectedCertificate.Result best =
        allZero(v)
            ? zeroPoint(problem, v)
            : pcert.evaluate(
                v, dualCandidate(split, st.mu, rho, n), st.coneMultipliers(rho), deadline);
    long certNanos = 0;
    long lastCertNanos = -1;
    boolean stoppedAtCertificate = false;
    int nextCertify = CERTIFY_EVERY;
    double alpha = relaxation;
    while (it < settings.maxIterations()) {
      it++;
      long iterationStart = System.nanoTime();
      long certBefore = certNanos;
      // right-hand side kappa F^T q + G^T (s - nu) + v - lambda, with s - nu = |t|
      for (int k = 0; k < n; k++) {
        q[k] = split ? st.z[k] - st.mu[k] : y[k] / rho;
      }
      if (cons) {
        st.rightHandSide(q, rhs);
      } else {
        op.maskedAdjoint(q, rhs);
      }
      for (int i = 0; i < len; i++) {
        rhs[i] += v[i] - lam[i];
      }
      us.setAccuracy(cgAccuracy);
      us.solve(rhs, u);
      // the dual residual needs a product of its own: it is refreshed every checkEvery iterations
      boolean dual = it % settings.checkEvery() == 0 || it == 1;
      st.update(u, rho, dual ? gd : null);
      double pri = st.primal;
      double scaleA = st.scaleA;
      double scaleB = st.scaleB;
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
      if (dual) {
        // rho ((v - v_old) + G^T ds + F^T dz)
        double dua = 0;
        for (int i = 0; i < len; i++) {
          double r = (cons || split ? gd[i] : 0.0) + v[i] - vOld[i];
          dua += r * r;
        }
        rd = rho * Math.sqrt(dua);
        relD = rd / Math.max(rho * Math.sqrt(lamNorm), dualFloor);
      }
      double rp = Math.sqrt(pri);
      double relP = rp / Math.max(Math.sqrt(Math.max(scaleA, scaleB)), 1e-300);
      AdmmListener.Action action =
          listener.iteration(new AdmmListener.Progress(it, rp, rd, relP, relD, rho));
      if (dual && it >= nextCertify && Math.max(relP, relD) <= CERTIFY_BELOW) {
        long tc = System.nanoTime();
        ProjectedCertificate.Result pc =
            pcert.evaluate(
                v, dualCandidate(split, st.mu, rho, n), st.coneMultipliers(rho), deadline);
        lastCertNanos = System.nanoTime() - tc;
        certNanos += lastCertNanos;
        // spacing: at least CERTIFY_EVERY iterations, and at least four times the certificate's
        // cost in ADMM iterations (timed without the certificates), so that certification stays
        // below about a fifth of the run time
        double perIteration = Math.max((tc - t0 - (certNanos - lastCertNanos)) / (double) it, 1.0);
        nextCertify =
            it + Math.max(CERTIFY_EVERY, (int) Math.min(1e6, 4 * lastCertNanos / perIteration));
        // (cut short by the deadline it is still valid: feasible point, valid bound; the time
        // limit then ends the loop below)
        best = ProjectedCertificate.better(best, pc);
        if (pc.complete()) {
          if (converged(best)) {
            reason = StopReason.CONVERGED;
            break;
          }
          ProgressListener.Progress report =
              new ProgressListener.Progress(
                  name(),
                  it,
                  best.certificate().primal(),
                  best.certificate().relativeGap(),
                  (System.nanoTime() - t0) * 1e-9);
          if (progress.progress(report) == ProgressListener.Action.STOP) {
            reason = StopReason.STOPPED_BY_LISTENER;
            stoppedAtCertificate = true;
            break;
          }
        }
      }
      if (action == AdmmListener.Action.STOP) {
        reason = StopReason.STOPPED_BY_LISTENER;
        break;
      }
      long now = System.nanoTime();
      double iterationSeconds = (now - iterationStart - (certNanos - certBefore)) * 1e-9;
      if (settings.timeUp(t0) || finalCertificateDue(deadline, lastCertNanos, iterationSeconds)) {
        // the rest of the time is kept for the final certificate of the current point
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
          st.rescale(factor);
          if (!split) {
            us.setKappa(1.0 / rho);
          }
        }
      }
    }
    // (CONVERGED and a progress-listener stop leave right after an evaluation of the current v)
    boolean justCertified =
        reason == StopReason.CONVERGED
            || reason == StopReason.STOPPED_BY_LISTENER && stoppedAtCertificate;
    if (!justCertified && !deadline.passed()) {
      // within the deadline (the loop keeps a reserve for it): cut short, it defers the remaining
      // violating blocks to a cheap feasible move and stays valid
      ProjectedCertificate.Result pc =
          pcert.evaluate(v, dualCandidate(split, st.mu, rho, n), st.coneMultipliers(rho), deadline);
      best = ProjectedCertificate.better(best, pc);
    }
    ProjectedCertificate.Result certified = best;
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

  private static boolean allZero(double[] v) {
    for (double x : v) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The zero weights (feasible: 0 lies in every cone) with the trivial dual point z = 0 (feasible
   * for every beta): primal {@code L(0, y)}, dual {@code -L*(0)}.
   */
  private static ProjectedCertificate.Result zeroPoint(ReluProblem problem, double[] zero) {
    int n = problem.samples();
    double primal = problem.loss().value(new double[n], problem.yView());
    double dual = problem.loss().dualValue(new double[n], problem.yView());
    double gap = primal - dual;
    return new ProjectedCertificate.Result(
        zero.clone(),
        new Certificate(
            primal,
            dual,
            gap,
            gap / Math.max(Math.abs(primal), 1e-300),
            0,
            0,
            Double.NaN,
            Double.NaN),
        true);
  }

  private boolean converged(ProjectedCertificate.Result r) {
    return r.certificate().relativeGap() <= settings.tolerance()
        && (r.restored()
            || r.certificate().constraintViolation() <= settings.feasibilityTolerance());
  }

  /**
   * Whether to stop iterating and keep the rest of a bounded time limit for the final certificate:
   * the reserve is 1.5 times the last evaluation's time, or {@link #FINAL_RESERVE} of the limit
   * before any evaluation (capped at that share), plus the last iteration's time (the next check
   * comes only after one more).
   */
  private boolean finalCertificateDue(
      Deadline deadline, long lastCertNanos, double iterationSeconds) {
    if (!deadline.bounded()) {
      return false;
    }
    double limit = settings.timeLimitSeconds();
    double reserve =
        lastCertNanos < 0
            ? FINAL_RESERVE * limit
            : Math.min(FINAL_RESERVE * limit, 1.5e-9 * lastCertNanos);
    return deadline.secondsLeft() <= reserve + iterationSeconds;
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

  /**
   * The n-sized and cone state of one solve and its fused row-block updates. The cone slacks s and
   * their scaled multipliers nu are complementary after every update ({@code s = (c + nu)_+},
   * {@code nu <- c + nu - s = (c + nu)_-}), so one n x B array {@code t = s + nu} holds both:
   * {@code s = t_+}, {@code nu = t_-}, and the right-hand side needs {@code s - nu = |t|}. That
   * array is the method's only n x B state; products, slacks and residuals are formed one row block
   * at a time.
   */
  private static final class ConeState {
    private final PatternOperator op;
    private final Loss loss;
    private final double[] y;
    private final double rs;
    private final double alpha;
    private final int blocks;
    private final int pats;
    final double[] t;
    final double[] yh;
    final double[] z;
    final double[] mu;
    final double[] dz;
    double primal;
    double scaleA;
    double scaleB;

    ConeState(
        PatternOperator op,
        Loss loss,
        double[] y,
        double rs,
        double alpha,
        boolean cons,
        boolean split) {
      this.op = op;
      this.loss = loss;
      this.y = y;
      this.rs = rs;
      this.alpha = alpha;
      this.blocks = op.blocks;
      this.pats = op.patterns;
      int n = op.n;
      this.t = cons ? new double[n * blocks] : null;
      this.yh = new double[n];
      this.z = split ? new double[n] : null;
      this.mu = split ? new double[n] : null;
      this.dz = split ? new double[n] : null;
    }

    /** s = (sqrt(sigma) G v)_+, nu = 0. */
    void start(double[] v) {
      op.rowBlocks(
          v,
          (r0, rows, blk) -> {
            for (int k = 0; k < rows; k++) {
              ConeRowKernels.start(
                  op.mask, (r0 + k) * pats, blk, k * blocks, t, (r0 + k) * blocks, pats, rs);
            }
          },
          null);
    }

    /** rhs = F^T q + sqrt(sigma) G^T |t| (the cone part of the right-hand side). */
    void rightHandSide(double[] q, double[] rhs) {
      op.rowBlocks(
          null,
          (r0, rows, blk) -> {
            for (int k = 0; k < rows; k++) {
              int row = r0 + k;
              ConeRowKernels.rightHandSide(
                  op.mask, row * pats, t, row * blocks, blk, k * blocks, pats, rs, q[row]);
            }
          },
          rhs);
    }

    /**
     * After the u-step: predictions, the (relaxed) loss split and cone updates, their primal
     * residual and scales, and, when {@code gd} is given, {@code gd = sqrt(sigma) G^T ds + F^T dz}.
     * Without cones (GATED) only the predictions and the split are updated.
     */
    void update(double[] u, double rho, double[] gd) {
      primal = 0;
      scaleA = 0;
      scaleB = 0;
      if (t == null) {
        op.maskedPredict(u, yh);
        if (z != null) {
          splitRows(0, op.n, rho);
          if (gd != null) {
            op.maskedAdjoint(dz, gd);
          }
        }
        return;
      }
      double[] acc = new double[3]; // primal residual, scales
      op.rowBlocks(
          u,
          (r0, rows, blk) -> {
            for (int k = 0; k < rows; k++) {
              yh[r0 + k] =
                  ConeRowKernels.maskedRowSum(op.mask, (r0 + k) * pats, blk, k * blocks, pats);
            }
            if (z != null) {
              splitRows(r0, rows, rho);
            }
            for (int k = 0; k < rows; k++) {
              int row = r0 + k;
              ConeRowKernels.update(
                  op.mask,
                  row * pats,
                  blk,
                  k * blocks,
                  t,
                  row * blocks,
                  pats,
                  rs,
                  alpha,
                  z != null ? dz[row] : 0.0,
                  acc);
            }
          },
          gd);
      primal += acc[0];
      scaleA += acc[1];
      scaleB += acc[2];
    }

    /** The relaxed loss-split update of rows [r0, r0 + rows): z, mu, dz, residual and scales. */
    private void splitRows(int r0, int rows, double rho) {
      double[] w = new double[rows];
      double[] yb = new double[rows];
      double[] zb = new double[rows];
      for (int k = 0; k < rows; k++) {
        int row = r0 + k;
        w[k] = alpha * yh[row] + (1 - alpha) * z[row] + mu[row];
        yb[k] = y[row];
      }
      loss.prox(w, yb, 1.0 / rho, zb);
      for (int k = 0; k < rows; k++) {
        int row = r0 + k;
        double zOld = z[row];
        double zn = zb[k];
        double r = yh[row] - zn;
        mu[row] += alpha * yh[row] + (1 - alpha) * zOld - zn;
        z[row] = zn;
        dz[row] = zn - zOld;
        primal += r * r;
        scaleA += yh[row] * yh[row];
        scaleB += zn * zn;
      }
    }

    /** Divides the scaled multipliers (nu = t_-, mu) by the penalty's factor. */
    void rescale(double factor) {
      if (t != null) {
        double inv = 1.0 / factor;
        for (int i = 0; i < t.length; i++) {
          if (t[i] < 0) {
            t[i] *= inv;
          }
        }
      }
      if (mu != null) {
        ResidualBalancing.rescaleDual(mu, factor);
      }
    }

    /**
     * Cone multipliers {@code gamma = -rho sqrt(sigma) nu >= 0} for the certificate's reported KKT
     * fields, or null (fields not reported) when an n x B copy would be large.
     */
    double[] coneMultipliers(double rho) {
      if (t == null || t.length > KKT_MAX_ELEMENTS) {
        return null;
      }
      double[] gamma = new double[t.length];
      for (int i = 0; i < t.length; i++) {
        gamma[i] = t[i] < 0 ? -rho * rs * t[i] : 0.0;
      }
      return gamma;
    }
  }
}
