package io.convopt.solvers.relu.robust;

import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.barrier.NewtonCentring;

/**
 * Log-barrier interior-point method (path following) for convex adversarial training ({@link
 * RobustReluProblem}, hinge or squared loss) with a duality-gap certificate [derived; barrier
 * method as in Boyd &amp; Vandenberghe, <i>Convex Optimization</i>, §11.3].
 *
 * <p><b>Program.</b> The robust cone constraints {@code (2D - I) X u_j >= eps ||u_j[J]||_1} become
 * linear with l_1 epigraph variables, and so do the closed-form worst-case losses (an epigraph of
 * {@code eps ||z_k[J]||_1} per sample and one of the loss); {@link RobustBarrier} has the barrier,
 * its Newton system and how it is reduced to a (2P d) x (2P d) matrix.
 *
 * <p><b>Start.</b> A pattern's gate, when it lies strictly inside the robust cone (l_inf margin
 * &gt; eps, as for {@link RobustPatternSampler}'s gates), is its interior start; otherwise its
 * largest l_inf margin ({@link RobustConeMargin}) decides: a margin &gt; eps gives a strictly
 * interior point (the margin program's witness, scaled), a margin &lt;= eps means the cone is {0}
 * (or, at equality, a single ray), and both blocks of that pattern are fixed at zero: exactly what
 * the constraints force (the dual bound then needs nothing from them). Sample epigraphs start 1
 * above their lower bounds; the first tau is {@code nu / F(start)}.
 *
 * <p><b>Path</b> ({@link NewtonCentring}, shared with the interior-point method for the non-robust
 * programs). Newton steps with the fraction-to-boundary rule (0.99) and Armijo backtracking on the
 * barrier objective (changes summed term by term); a point is centred when the squared Newton
 * decrement is at most 2; then tau grows by 30 (capped where nu / tau reaches a quarter of the
 * target gap); once nu / tau is below half the target gap the point is centred to a decrement of
 * 1e-9 before tau grows again (the dual candidate is only as good as the centring). kappa = 30 and
 * the loose centring took 75 instead of 87 Newton steps on the robust fixture (kappa 10).
 *
 * <p><b>Certificate.</b> At every centred point the iterate is strictly feasible, so the robust
 * objective at it (closed form, {@link RobustLoss}) is an upper bound; {@link RobustDualBound}
 * turns the barrier multipliers (plain and Newton-corrected; the better bound is kept) into a lower
 * bound. Stop with {@link StopReason#CONVERGED} when {@code (upper - lower) / |upper|} is at most
 * the tolerance; {@link StopReason#MAX_ITERATIONS} after {@code maxIterations} Newton steps; {@link
 * StopReason#STALLED} when a factorisation fails or the line search finds no decrease, twice. The
 * result is the point with the best certificate so far, returned as a {@link RobustSolution} (same
 * certificate semantics as the ADMM: feasible point, upper bound; dual point, lower bound).
 *
 * <p>Cost per Newton step O(n P (d + m)^2 + n P^2 d^2 + (2 P d)^3 / 3); memory O((P d)^2 + n P + n
 * m). Immutable and thread-safe; deterministic.
 */
public final class RobustInteriorPointSolver implements RobustReluSolver {
  private static final double KAPPA = 30;
  private static final double CENTRE_TOL = 1;
  private static final double TIGHT_CENTRE_TOL = 1e-9;

  /**
   * @param tolerance certified relative duality gap to stop at (default 1e-7)
   * @param maxIterations Newton-step budget (default 500)
   */
  public record Settings(double tolerance, int maxIterations) {
    public Settings {
      if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
        throw new IllegalArgumentException("tolerance: must be finite and > 0, got " + tolerance);
      }
      if (maxIterations <= 0) {
        throw new IllegalArgumentException("maxIterations: must be positive, got " + maxIterations);
      }
    }

    public static Settings defaults() {
      return new Settings(1e-7, 500);
    }

    public Settings withTolerance(double t) {
      return new Settings(t, maxIterations);
    }

    public Settings withMaxIterations(int max) {
      return new Settings(tolerance, max);
    }
  }

  private final Settings settings;

  public RobustInteriorPointSolver(Settings settings) {
    if (settings == null) {
      throw new IllegalArgumentException("settings: missing");
    }
    this.settings = settings;
  }

  public RobustInteriorPointSolver() {
    this(Settings.defaults());
  }

  public Settings settings() {
    return settings;
  }

  @Override
  public String name() {
    return "ipm";
  }

  /**
   * Solves from the interior start described above. The result's objective is evaluated at the
   * returned (feasible) weights; {@code dualBound()} is the certified lower bound; {@code
   * iterations()} counts Newton steps; the ADMM residuals are NaN.
   */
  @Override
  public RobustSolution solve(RobustReluProblem problem) {
    long t0 = System.nanoTime();
    int pn = problem.patterns().count();
    double[][] witness = RobustConeMargin.interiorPoints(problem);
    boolean[] live = new boolean[2 * pn];
    for (int p = 0; p < pn; p++) {
      live[p] = witness[p] != null;
      live[p + pn] = live[p];
    }
    RobustMaps maps = new RobustMaps(problem);
    RobustBarrier bar = new RobustBarrier(problem, maps, live);
    start(bar, witness);
    Evaluation ev0 = Evaluation.of(maps.evaluate(bar.u));
    bar.setTau(bar.nu / Math.max(ev0.data + ev0.penalty, 1e-12));
    int n = bar.n;
    int gl = bar.n * bar.blocks;
    double[] gamma = new double[gl];
    double[] nuy = new double[n];
    double[] zeta = new double[n * bar.m];
    double[] bestU = bar.u.clone();
    Evaluation bestEv = ev0;
    double bestBound = Double.NEGATIVE_INFINITY;
    NewtonCentring centring = new NewtonCentring(steps -> steps >= settings.maxIterations());
    int stalls = 0;
    boolean tight = false;
    StopReason reason;
    while (true) {
      NewtonCentring.Outcome outcome = centring.centre(bar, tight ? TIGHT_CENTRE_TOL : CENTRE_TOL);
      if (outcome == NewtonCentring.Outcome.OUT_OF_BUDGET) {
        reason = StopReason.MAX_ITERATIONS;
        break;
      }
      boolean stalled = outcome == NewtonCentring.Outcome.STALLED;
      Evaluation ev = Evaluation.of(maps.evaluate(bar.u));
      double bound = Double.NEGATIVE_INFINITY;
      if (!stalled) {
        stalls = 0;
        for (boolean corrected : new boolean[] {false, true}) {
          bar.multipliers(corrected, gamma, nuy, zeta);
          bound = Math.max(bound, RobustDualBound.bound(bar, gamma, nuy, zeta));
        }
      } else {
        stalls++;
      }
      double obj = ev.data + ev.penalty;
      if (obj - bound < bestEv.data + bestEv.penalty - bestBound) {
        bestU = bar.u.clone();
        bestEv = ev;
        bestBound = bound;
      }
      double bestObj = bestEv.data + bestEv.penalty;
      if ((bestObj - bestBound) <= settings.tolerance() * Math.abs(bestObj)) {
        reason = StopReason.CONVERGED;
        break;
      }
      if (stalls >= 2) {
        reason = StopReason.STALLED;
        break;
      }
      double target = settings.tolerance() * Math.abs(obj);
      if (!stalled && !tight && NewtonCentring.nearEnd(bar, target)) {
        tight = true;
        continue;
      }
      tight = false;
      bar.setTau(NewtonCentring.nextTau(bar.tau(), KAPPA, bar.nu, target));
    }
    return new RobustSolution(
        maps.matrix(bestU, 0),
        maps.matrix(bestU, pn),
        bestEv.data,
        bestEv.penalty,
        bestBound,
        bestEv.violation,
        Double.NaN,
        Double.NaN,
        centring.steps(),
        (System.nanoTime() - t0) * 1e-9,
        reason,
        null,
        name(),
        settings.tolerance());
  }

  /** Strictly feasible start: witnesses scaled to max |x . u| = 1, epigraphs 1 above. */
  private static void start(RobustBarrier bar, double[][] witness) {
    int d = bar.d;
    int m = bar.m;
    int n = bar.n;
    double[] u = new double[bar.blocks * d];
    double[] s = new double[bar.blocks * m];
    for (int j = 0; j < bar.blocks; j++) {
      if (!bar.live[j]) {
        continue;
      }
      int p = bar.pattern(j);
      double[] w = witness[p];
      double mx = 0;
      double minMargin = Double.POSITIVE_INFINITY;
      for (int k = 0; k < n; k++) {
        double v = 0;
        for (int a = 0; a < d; a++) {
          v += bar.x(k, a) * w[a];
        }
        mx = Math.max(mx, Math.abs(v));
        minMargin = Math.min(minMargin, bar.active(k, p) ? v : -v);
      }
      double scale = 1 / Math.max(mx, 1e-300);
      double l1 = 0;
      for (int a = 0; a < d; a++) {
        u[j * d + a] = scale * w[a];
      }
      for (int c = 0; c < m; c++) {
        l1 += Math.abs(u[j * d + bar.perturbedColumn(c)]);
      }
      double slack = scale * minMargin - bar.eps * l1;
      for (int c = 0; c < m; c++) {
        s[j * m + c] = Math.abs(u[j * d + bar.perturbedColumn(c)]) + slack / (2 * bar.eps * m);
      }
    }
    double[] yh = new double[n];
    double[] z = new double[n * m];
    bar.forward(u, yh, z);
    double[] e = new double[n * m];
    double[] xi = new double[n];
    for (int k = 0; k < n; k++) {
      double esum = 0;
      for (int c = 0; c < m; c++) {
        e[k * m + c] = Math.abs(z[k * m + c]) + 1;
        esum += e[k * m + c];
      }
      double yk = bar.target(k);
      xi[k] =
          bar.hinge
              ? Math.max(0, 1 - yk * yh[k] + bar.eps * esum) + 1
              : Math.abs(yk - yh[k]) + bar.eps * esum + 1;
    }
    if (!bar.setPoint(u, s, e, xi)) {
      throw new IllegalStateException("interior-point start is not strictly feasible (bug)");
    }
  }

  /** Closed-form robust objective and scaled robust-cone violation at a point. */
  private record Evaluation(double data, double penalty, double violation) {
    static Evaluation of(double[] e) {
      return new Evaluation(e[0], e[1], e[2]);
    }
  }
}
