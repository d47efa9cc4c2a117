package io.convopt.solvers.relu.ipm;

import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.barrier.LinearSlacks;
import io.convopt.solvers.relu.barrier.NewtonBarrier;
import io.convopt.solvers.relu.barrier.NormEpigraph;
import io.convopt.solvers.relu.linalg.PatternOperator;
import java.util.Arrays;

/**
 * The barrier objective of {@link InteriorPointSolver} at one point: value, gradient, the pieces of
 * its Hessian, the images of a Newton direction, and the multipliers [derived]. The Newton system
 * lives in {@link IpmNewtonSystem}; the step length in the shared {@code relu.barrier}.
 *
 * <p><b>Barrier problem.</b> With epigraph variables {@code t_j >= ||u_j||} for the group norm, the
 * cone constraints {@code c_kj = (2 D_kp(j) - 1) x_k . u_j > 0} (RELU) and, for the hinge loss,
 * slacks {@code xi_k > 0} with {@code r_k = xi_k - 1 + y_k yhat_k > 0},
 *
 * <pre>
 *   min tau (L + beta sum_j t_j) - sum_j log(t_j^2 - ||u_j||^2) - sum_{k,j} log c_kj
 *       [- sum_k log xi_k - sum_k log r_k],
 * </pre>
 *
 * {@code L = L(yhat)} for the smooth losses, {@code L = sum_k xi_k} for the hinge, {@code yhat = F
 * u = sum_j sign_j D_p(j) X u_j}. Barrier parameter {@code nu = 2B + m B + 2n} (m the number of
 * non-zero rows of X, RELU only; 2n for the hinge only): the central point for tau is within {@code
 * nu / tau} of the optimum. The t_j are eliminated in closed form ({@link NormEpigraph}): a Newton
 * method in (u, t) creeps when an active block has to rotate (t - ||u|| ~ 1/tau allows only tiny
 * tangential steps); in u alone it does not, and u has no cone of its own to stay in.
 *
 * <p><b>Cone weights.</b> The Hessian of {@code -log c_kj} is {@code a_k a_k^T / c_kj^2}; with
 * {@link #usePrimalDualWeights} the weight {@code 1 / c_kj^2} becomes {@code lam_kj / c_kj} with
 * duals lam (scaled: {@code lam c = 1} on the central path) updated by the linearised centrality
 * condition after every step (own fraction-to-boundary step), multiplied by the growth of tau when
 * tau grows (the unscaled duals lam / tau converge), and kept in {@code [1/DUAL_SPREAD,
 * DUAL_SPREAD] / c}. The right-hand side is still the primal barrier gradient and the line search
 * still the primal barrier objective, so every step remains a descent step.
 *
 * <p>Zero rows of X carry no constraint; their slacks are held at 1 (direction 0), where they add
 * nothing to the barrier. Not thread-safe; one instance per solve.
 */
final class IpmBarrier implements NewtonBarrier {
  /** Bound on how far lam c may leave 1. */
  static final double DUAL_SPREAD = 1e3;

  final PatternOperator op;
  final int n;
  final int d;
  final int blocks;
  final boolean cons;
  final boolean hinge;
  final Loss loss;
  final double[] y;
  final double beta;
  final double nu;

  /** Rows with x_k != 0 (a zero row makes c_kj = 0 identically; its constraint is dropped). */
  final boolean[] rowUsed;

  private final OutputMap fmap;
  private final IpmNewtonSystem system;

  /** Barrier parameter (weight of the objective against the barriers). */
  private double tau;

  // the point and what is derived from it (read by the Newton system, written only here)
  final double[] u;
  final double[] xi;
  final double[] yhat;
  final double[] r;
  private final double[] xu;
  private final double[] c;
  private final double[] unorm2; // ||u_j||^2

  /** Primal-dual cone duals (null: primal weights). */
  private double[] lam;

  // direction and its images
  private final double[] gu;
  private final double[] gxi;
  private final double[] du;
  private final double[] dxi;
  private final double[] dxu;
  private final double[] dc;
  private final double[] dyhat;
  private final double[] dr;
  private final double[] scrN;
  private final double[] scrNb;
  private final double[] scrM;

  IpmBarrier(PatternOperator op, ReluProblem problem, IpmNewtonSystem.Mode mode) {
    this.op = op;
    this.n = op.n;
    this.d = op.d;
    this.blocks = op.blocks;
    this.cons = op.constrained;
    this.loss = problem.loss();
    this.hinge = !loss.isSmooth();
    this.y = problem.yView();
    this.beta = problem.beta();
    this.rowUsed = new boolean[n];
    int used = 0;
    for (int k = 0; k < n; k++) {
      for (int a = 0; a < d; a++) {
        if (op.x[k * d + a] != 0) {
          rowUsed[k] = true;
        }
      }
      if (rowUsed[k]) {
        used++;
      }
    }
    this.nu = 2.0 * blocks + (cons ? (double) used * blocks : 0) + (hinge ? 2.0 * n : 0);
    int nb = n * blocks;
    int bd = blocks * d;
    this.u = new double[bd];
    this.xi = new double[hinge ? n : 0];
    this.xu = new double[nb];
    this.c = new double[cons ? nb : 0];
    this.yhat = new double[n];
    this.r = new double[hinge ? n : 0];
    this.unorm2 = new double[blocks];
    this.gu = new double[bd];
    this.gxi = new double[xi.length];
    this.du = new double[bd];
    this.dxi = new double[xi.length];
    this.dxu = new double[nb];
    this.dc = new double[c.length];
    this.dyhat = new double[n];
    this.dr = new double[r.length];
    this.scrN = new double[n];
    this.scrNb = new double[nb];
    this.scrM = new double[nb];
    this.fmap = new OutputMap(op);
    this.system = new IpmNewtonSystem(this, mode);
  }

  /** The Newton system (factored at the point of the last {@link #newtonDirection}). */
  IpmNewtonSystem system() {
    return system;
  }

  /** out (n) = F v. */
  void forward(double[] v, double[] out) {
    fmap.forward(v, out);
  }

  /**
   * Moves to (u, xi) (xi ignored unless hinge) and computes the derived quantities.
   *
   * @return whether the point is strictly inside the domain of the barrier
   */
  boolean setPoint(double[] u0, double[] xi0) {
    System.arraycopy(u0, 0, u, 0, u.length);
    if (hinge) {
      System.arraycopy(xi0, 0, xi, 0, n);
    }
    return refresh();
  }

  private boolean refresh() {
    op.products(u, xu);
    op.predict(xu, yhat);
    boolean ok = true;
    for (int j = 0; j < blocks; j++) {
      double s = 0;
      for (int a = 0; a < d; a++) {
        s += u[j * d + a] * u[j * d + a];
      }
      unorm2[j] = s;
      ok &= Double.isFinite(s);
    }
    if (cons) {
      op.slacks(xu, c);
      for (int k = 0; k < n; k++) {
        int ro = k * blocks;
        for (int j = 0; j < blocks; j++) {
          if (rowUsed[k]) {
            ok &= c[ro + j] > 0;
          } else {
            c[ro + j] = 1; // no constraint
          }
        }
      }
    }
    if (hinge) {
      for (int k = 0; k < n; k++) {
        r[k] = xi[k] - 1 + y[k] * yhat[k];
        ok &= xi[k] > 0 && r[k] > 0;
      }
    }
    return ok;
  }

  /** {@code (tau beta)^2}. */
  double p2() {
    double p = tau * beta;
    return p * p;
  }

  /** {@code ||u_j||^2} at the current point. */
  double blockNorm2(int j) {
    return unorm2[j];
  }

  /** Data term of the barrier problem (unscaled): L(yhat), or sum xi for the hinge. */
  double lossPart() {
    if (!hinge) {
      return loss.value(yhat, y);
    }
    double v = 0;
    for (int k = 0; k < n; k++) {
      v += xi[k];
    }
    return v;
  }

  /** The barrier objective f at the current point (t eliminated; +infinity outside the domain). */
  double value() {
    double p2 = p2();
    double bar = 0;
    for (int j = 0; j < blocks; j++) {
      bar += NormEpigraph.value(p2, unorm2[j]);
    }
    for (double ci : c) {
      bar -= Math.log(ci); // unused rows hold 1
    }
    if (hinge) {
      for (int k = 0; k < n; k++) {
        bar -= Math.log(xi[k]) + Math.log(r[k]);
      }
    }
    double v = tau * lossPart() + bar;
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }

  /** Gradient of f at the current point (gxi ignored unless hinge). */
  void gradient(double[] gu, double[] gxi) {
    double[] a = scrN;
    if (hinge) {
      for (int k = 0; k < n; k++) {
        a[k] = -y[k] / r[k];
      }
    } else {
      loss.gradient(yhat, y, a);
      for (int k = 0; k < n; k++) {
        a[k] *= tau;
      }
    }
    double[] b = null;
    if (cons) {
      b = scrNb;
      for (int k = 0; k < n; k++) {
        int ro = k * blocks;
        for (int j = 0; j < blocks; j++) {
          b[ro + j] = rowUsed[k] ? -1.0 / c[ro + j] : 0.0;
        }
      }
    }
    op.combine(a, b, scrM);
    op.adjoint(scrM, gu);
    double p2 = p2();
    for (int j = 0; j < blocks; j++) {
      double f = NormEpigraph.tangential(p2, unorm2[j]);
      for (int q = 0; q < d; q++) {
        gu[j * d + q] += f * u[j * d + q];
      }
    }
    if (hinge) {
      for (int k = 0; k < n; k++) {
        gxi[k] = tau - 1.0 / xi[k] - 1.0 / r[k];
      }
    }
  }

  /** Hessian weight of cone row i: {@code lam_i / c_i}, or {@code 1 / c_i^2} without duals. */
  double coneWeight(int i) {
    double ci = c[i];
    return lam != null ? lam[i] / ci : 1.0 / (ci * ci);
  }

  // ---------------------------------------------------------------- NewtonBarrier

  /**
   * Gradient, factorisation and solve of the Newton system; the direction is kept.
   *
   * @throws ArithmeticException when a factorisation fails (not numerically positive definite)
   */
  @Override
  public double newtonDirection() {
    gradient(gu, gxi);
    system.factor();
    double[] ru = new double[gu.length];
    double[] rxi = new double[gxi.length];
    for (int i = 0; i < gu.length; i++) {
      ru[i] = -gu[i];
    }
    for (int k = 0; k < gxi.length; k++) {
      rxi[k] = -gxi[k];
    }
    system.solve(ru, rxi, du, dxi);
    double lam2 = 0;
    for (int i = 0; i < gu.length; i++) {
      lam2 -= gu[i] * du[i];
    }
    for (int k = 0; k < gxi.length; k++) {
      lam2 -= gxi[k] * dxi[k];
    }
    return lam2;
  }

  /** Stores the images of the direction and returns the largest step inside the domain. */
  @Override
  public double maxStep() {
    op.products(du, dxu);
    op.predict(dxu, dyhat);
    double amax = Double.POSITIVE_INFINITY;
    if (cons) {
      op.slacks(dxu, dc);
      for (int k = 0; k < n; k++) {
        if (!rowUsed[k]) {
          Arrays.fill(dc, k * blocks, (k + 1) * blocks, 0.0);
        }
      }
      amax = LinearSlacks.maxStep(amax, c, dc);
    }
    if (hinge) {
      for (int k = 0; k < n; k++) {
        dr[k] = dxi[k] + y[k] * dyhat[k];
      }
      amax = LinearSlacks.maxStep(amax, xi, dxi);
      amax = LinearSlacks.maxStep(amax, r, dr);
    }
    return amax;
  }

  /**
   * {@code f(x + alpha dx) - f(x)}, summed term by term from the direction images of {@link
   * #maxStep} (no cancellation between the large values of f); +infinity outside the domain.
   */
  @Override
  public double valueChange(double alpha) {
    double lossDiff = 0;
    if (hinge) {
      for (int k = 0; k < n; k++) {
        lossDiff += dxi[k];
      }
      lossDiff *= alpha;
    } else if (loss == Loss.SQUARED) {
      for (int k = 0; k < n; k++) {
        double res = yhat[k] - y[k];
        lossDiff += alpha * dyhat[k] * (res + 0.5 * alpha * dyhat[k]);
      }
    } else {
      for (int k = 0; k < n; k++) {
        double m0 = -y[k] * yhat[k];
        double m1 = m0 - alpha * y[k] * dyhat[k];
        lossDiff += Loss.softplus(m1) - Loss.softplus(m0);
      }
    }
    double v = tau * lossDiff;
    double p2 = p2();
    for (int j = 0; j < blocks; j++) {
      int uo = j * d;
      double udu = 0;
      double dd = 0;
      for (int a = 0; a < d; a++) {
        udu += u[uo + a] * du[uo + a];
        dd += du[uo + a] * du[uo + a];
      }
      v += NormEpigraph.valueChange(p2, unorm2[j], udu, dd, alpha);
    }
    v += LinearSlacks.logChange(alpha, c, dc);
    if (hinge) {
      v += LinearSlacks.logChange(alpha, xi, dxi) + LinearSlacks.logChange(alpha, r, dr);
    }
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }

  /**
   * Takes the step x += alpha dx (and the dual step, with primal-dual weights).
   *
   * @return whether the new point is strictly inside the domain (recomputed from scratch)
   */
  @Override
  public boolean move(double alpha) {
    if (lam != null) {
      stepDuals();
    }
    for (int i = 0; i < u.length; i++) {
      u[i] += alpha * du[i];
    }
    if (hinge) {
      for (int k = 0; k < n; k++) {
        xi[k] += alpha * dxi[k];
      }
    }
    // the slacks are carried along the (linear) steps instead of being recomputed: near the
    // optimum c_kj and r_k are ~1/tau, and x_k . u_j or xi_k - 1 + y_k yhat_k would give them
    // with an absolute error of ~1e-16 |terms|, i.e. a large relative one
    double[] cOld = c.clone();
    double[] rOld = r.clone();
    refresh();
    boolean ok = true;
    for (int j = 0; j < blocks; j++) {
      ok &= Double.isFinite(unorm2[j]);
    }
    for (int i = 0; i < c.length; i++) {
      c[i] = cOld[i] + alpha * dc[i];
      ok &= c[i] > 0;
    }
    if (hinge) {
      for (int k = 0; k < n; k++) {
        r[k] = rOld[k] + alpha * dr[k];
        ok &= xi[k] > 0 && r[k] > 0;
      }
    }
    if (lam != null && ok) {
      clampDuals();
    }
    return ok;
  }

  /** Dual step: {@code lam c = 1} linearised, {@code lam + dl = 1/c - (lam/c) dc}. */
  private void stepDuals() {
    double ad = 1.0;
    double[] dl = scrNb;
    for (int k = 0; k < n; k++) {
      if (!rowUsed[k]) {
        continue;
      }
      int ro = k * blocks;
      for (int j = 0; j < blocks; j++) {
        int i = ro + j;
        double v = 1.0 / c[i] - lam[i] - lam[i] / c[i] * dc[i];
        dl[i] = v;
        if (v < 0) {
          ad = Math.min(ad, -0.99 * lam[i] / v); // dual fraction to the boundary
        }
      }
    }
    for (int k = 0; k < n; k++) {
      if (rowUsed[k]) {
        int ro = k * blocks;
        for (int j = 0; j < blocks; j++) {
          lam[ro + j] += ad * dl[ro + j];
        }
      }
    }
  }

  @Override
  public double nu() {
    return nu;
  }

  @Override
  public double tau() {
    return tau;
  }

  /** Sets tau; a later, larger tau scales the duals by the same factor. */
  @Override
  public void setTau(double next) {
    double old = tau;
    tau = next;
    if (lam != null && old > 0) {
      for (int i = 0; i < lam.length; i++) {
        lam[i] *= tau / old; // the unscaled duals lam / tau stay
      }
      clampDuals();
    }
  }

  // ---------------------------------------------------------------- duals and multipliers

  /** Switches the cone Hessian weights to primal-dual ones, starting from lam = 1/c. */
  void usePrimalDualWeights() {
    clampDuals();
  }

  /** Keeps lam c in [1/DUAL_SPREAD, DUAL_SPREAD] (first call: lam = 1/c). */
  private void clampDuals() {
    if (lam == null) {
      lam = new double[n * blocks];
      Arrays.fill(lam, Double.NaN);
    }
    for (int k = 0; k < n; k++) {
      if (rowUsed[k]) {
        int ro = k * blocks;
        for (int j = 0; j < blocks; j++) {
          double ic = 1.0 / c[ro + j];
          double v = lam[ro + j];
          lam[ro + j] =
              Double.isNaN(v) ? ic : Math.min(DUAL_SPREAD * ic, Math.max(ic / DUAL_SPREAD, v));
        }
      }
    }
  }

  /**
   * Cone multipliers {@code gamma_kj = 1 / (tau c_kj)} (n x B; 0 on zero rows), or null (GATED).
   */
  double[] coneMultipliers() {
    if (!cons) {
      return null;
    }
    double[] g = new double[n * blocks];
    for (int k = 0; k < n; k++) {
      if (!rowUsed[k]) {
        continue;
      }
      int ro = k * blocks;
      for (int j = 0; j < blocks; j++) {
        g[ro + j] = 1.0 / (tau * c[ro + j]);
      }
    }
    return g;
  }

  /**
   * Loss dual candidate after the last Newton direction (du, dxi) from the current point, to first
   * order: {@code z = -grad L(yhat + F du)} for smooth losses, {@code z_k = y_k (1 - dr_k / r_k) /
   * (tau r_k)} (the linearised multiplier of r_k >= 0) for the hinge. Any z is a valid dual
   * candidate (the certificate maps it into the dual domain and scales it); this one is the more
   * accurate the smaller the Newton decrement.
   */
  double[] correctedLossMultiplier() {
    double[] fy = new double[n];
    fmap.forward(du, fy);
    double[] z = new double[n];
    if (hinge) {
      for (int k = 0; k < n; k++) {
        double drk = dxi[k] + y[k] * fy[k];
        z[k] = y[k] * (1 - drk / r[k]) / (tau * r[k]);
      }
      return z;
    }
    double[] yh = new double[n];
    for (int k = 0; k < n; k++) {
      yh[k] = yhat[k] + fy[k];
    }
    loss.gradient(yh, y, z);
    for (int k = 0; k < n; k++) {
      z[k] = -z[k];
    }
    return z;
  }

  /**
   * Hinge dual candidate {@code z_k = y_k / (tau r_k)} (the multiplier of r_k >= 0; at a central
   * point {@code y_k z_k = 1 - 1/(tau xi_k)} lies in [0, 1]), or null for smooth losses.
   */
  double[] lossMultiplier() {
    if (!hinge) {
      return null;
    }
    double[] z = new double[n];
    for (int k = 0; k < n; k++) {
      z[k] = y[k] / (tau * r[k]);
    }
    return z;
  }
}
