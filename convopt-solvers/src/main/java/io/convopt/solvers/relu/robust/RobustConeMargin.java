package io.convopt.solvers.relu.robust;

import io.convopt.solvers.relu.barrier.LinearSlacks;
import io.convopt.solvers.relu.barrier.NewtonBarrier;
import io.convopt.solvers.relu.barrier.NewtonCentring;
import io.convopt.solvers.relu.linalg.CholeskyFactor;

/**
 * The largest l_inf margin of an activation pattern, which decides whether its robust cone is
 * trivial. For signs {@code s_k = 2 D_k - 1} the robust cone {@code C_eps = {u : s_k x_k . u >= eps
 * ||u[J]||_1 for all k}} contains a u != 0 with {@code u[J] != 0} exactly when
 *
 * <pre>
 *   t* = max { min_k s_k x_k . u  :  ||u[J]||_1 &lt;= 1 }  &gt;=  eps,
 * </pre>
 *
 * i.e. when the active and inactive rows are separated by a hyperplane whose l_inf distance to
 * every row (|x . u| / ||u[J]||_1, the l_1-normalised margin) is at least eps: the ball of radius
 * eps around a row then never crosses the hyperplane. The interior of C_eps is non-empty iff t*
 * &gt; eps. A pattern with both signs has a u with {@code u[J] = 0} in its cone only if that u is
 * 0; the all-active pattern with a bias column always has a non-trivial cone (u = bias only).
 *
 * <p>t* is the optimum of a linear program (variables u[J] = p - q with p, q >= 0, the unperturbed
 * coordinates free, t free; maximise t subject to {@code s_k x_k . u >= t} and {@code sum (p + q)
 * <= 1}; t is capped at {@code 1 + max |x|} so that a pattern separable by the bias alone stays a
 * bounded program), solved by a log-barrier method (the simplex method of Commons Math cycled on
 * these degenerate programs). The reported {@link #margin()} is recomputed from the returned
 * witness u (so it is a margin that u really achieves, however accurately the program was solved),
 * and {@link #witness()} is u scaled to {@code ||u[J]||_1 = 1} when u[J] != 0.
 *
 * @param margin {@code min_k s_k x_k . u / ||u[J]||_1} at the witness ({@code +inf} when the
 *     witness has {@code u[J] = 0} and still separates, i.e. a one-signed pattern with a bias)
 * @param witness the maximiser u (length d)
 */
public record RobustConeMargin(double margin, double[] witness) {

  public RobustConeMargin {
    witness = witness.clone();
  }

  @Override
  public double[] witness() {
    return witness.clone();
  }

  /** Whether the robust cone of radius eps contains a u != 0 (margin >= eps and margin > 0). */
  public boolean nonTrivial(double eps) {
    return margin >= eps && margin > 0;
  }

  /** Whether the robust cone of radius eps has an interior point (margin > eps). */
  public boolean hasInterior(double eps) {
    return margin > eps;
  }

  /**
   * For every pattern of {@code p}: a point strictly inside its robust cone of radius eps (the
   * pattern's gate when its margin exceeds eps, else the max-margin witness when that margin does),
   * or null when the cone has no interior point: it is {0} (margin below eps) or, at margin = eps
   * up to a relative 1e-9, a single ray. The constraints force such a pattern's weights to zero
   * (or, in the degenerate case, onto the ray), which is how the robust solvers treat it.
   */
  public static double[][] interiorPoints(RobustReluProblem p) {
    int pn = p.patterns().count();
    double eps = p.eps();
    double[][] xr = p.xView();
    boolean[] pert = p.perturbedView();
    double[][] out = new double[pn][];
    for (int i = 0; i < pn; i++) {
      boolean[] act = new boolean[p.samples()];
      for (int k = 0; k < act.length; k++) {
        act[k] = p.patterns().active(k, i);
      }
      double[] w = p.patterns().hasGates() ? p.patterns().gate(i) : null;
      double margin = w == null ? Double.NEGATIVE_INFINITY : marginOf(xr, act, pert, w);
      if (!(margin > eps * (1 + 1e-9) + 1e-12)) {
        RobustConeMargin mg = of(xr, act, pert);
        margin = mg.margin();
        w = mg.witness();
      }
      out[i] = margin > eps * (1 + 1e-9) + 1e-12 ? w : null;
    }
    return out;
  }

  /**
   * Max-margin program for the pattern {@code active} on the rows of {@code x}.
   *
   * @param x n x d rows
   * @param active length-n pattern (true = active)
   * @param perturbed length-d mask J of perturbed columns
   * @throws IllegalArgumentException on mismatched lengths or non-finite entries
   */
  public static RobustConeMargin of(double[][] x, boolean[] active, boolean[] perturbed) {
    int n = x.length;
    if (n == 0 || active == null || active.length != n) {
      throw new IllegalArgumentException("active: expected " + n + " entries (rows of X)");
    }
    int d = x[0].length;
    if (perturbed == null || perturbed.length != d) {
      throw new IllegalArgumentException("perturbed: expected a mask of " + d + " columns");
    }
    double cap = 1;
    for (double[] row : x) {
      if (row.length != d) {
        throw new IllegalArgumentException("X: ragged matrix, expected " + d + " columns");
      }
      for (double v : row) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("X: entry is not finite");
        }
        cap = Math.max(cap, 1 + Math.abs(v));
      }
    }
    double[] u = maxMarginBarrier(x, active, perturbed, cap);
    double norm = 0;
    for (int c = 0; c < d; c++) {
      norm += perturbed[c] ? Math.abs(u[c]) : 0;
    }
    return new RobustConeMargin(marginOf(x, active, perturbed, u, norm), scaled(u, norm));
  }

  /**
   * Log-barrier path following on the max-margin program in the variables {@code v = (p, q, f, t)}
   * (u[J] = p - q, f the unperturbed coordinates, boxed to {@code |f| <= 1e3 cap} so that a
   * one-signed pattern keeps a bounded program): minimise {@code -tau t - sum log(slacks)} for tau
   * growing by 10 from 1 until {@code nu / tau <= 1e-12 cap}, each centred to a squared Newton
   * decrement of 1e-10 by the shared {@link NewtonCentring} (dense Cholesky of the (2m + d - m +
   * 1)-square Hessian, fraction-to-boundary 0.99, Armijo backtracking). Returns u at the last
   * iterate (strictly feasible, margin within about {@code nu / tau} of t*).
   */
  private static double[] maxMarginBarrier(
      double[][] x, boolean[] active, boolean[] perturbed, double cap) {
    int n = x.length;
    int d = x[0].length;
    int m = 0;
    for (boolean b : perturbed) {
      m += b ? 1 : 0;
    }
    int[] jc = new int[m];
    int[] fc = new int[d - m];
    for (int c = 0, a = 0, b = 0; c < d; c++) {
      if (perturbed[c]) {
        jc[a++] = c;
      } else {
        fc[b++] = c;
      }
    }
    int nf = d - m;
    int nv = 2 * m + nf + 1;
    int it = nv - 1; // index of t
    double fcap = 1e3 * cap;
    // constraint rows a_i . v + b_i > 0
    int nc = n + 2 * m + 1 + 2 * nf + 1;
    double[][] a = new double[nc][nv];
    double[] b = new double[nc];
    int r = 0;
    for (int k = 0; k < n; k++, r++) {
      double s = active[k] ? 1 : -1;
      for (int c = 0; c < m; c++) {
        a[r][c] = s * x[k][jc[c]];
        a[r][m + c] = -s * x[k][jc[c]];
      }
      for (int c = 0; c < nf; c++) {
        a[r][2 * m + c] = s * x[k][fc[c]];
      }
      a[r][it] = -1;
    }
    for (int c = 0; c < 2 * m; c++, r++) {
      a[r][c] = 1;
    }
    for (int c = 0; c < 2 * m; c++) {
      a[r][c] = -1;
    }
    b[r++] = 1;
    for (int c = 0; c < nf; c++) {
      a[r][2 * m + c] = 1;
      b[r++] = fcap;
      a[r][2 * m + c] = -1;
      b[r++] = fcap;
    }
    a[r][it] = -1;
    b[r] = cap;
    double[] v = new double[nv];
    for (int c = 0; c < 2 * m; c++) {
      v[c] = 0.25 / Math.max(1, m);
    }
    v[it] = -cap; // u = 0 and t = -cap: every slack positive
    MarginBarrier bar = new MarginBarrier(a, b, v);
    NewtonCentring centring = new NewtonCentring(steps -> false);
    bar.setTau(1);
    for (int outer = 0; outer < 60; outer++) {
      // a centring that stalls (singular Hessian, no decrease) just hands over to the next tau
      centring.centre(bar, 0.5e-10);
      if (bar.nu() / bar.tau() <= 1e-12 * cap) {
        break;
      }
      bar.setTau(bar.tau() * 10);
    }
    double[] u = new double[d];
    for (int c = 0; c < m; c++) {
      u[jc[c]] = v[c] - v[m + c];
    }
    for (int c = 0; c < nf; c++) {
      u[fc[c]] = v[2 * m + c];
    }
    return u;
  }

  /**
   * {@code -tau t - sum_i log(a_i . v + b_i)} over the variables v (t the last one), for the shared
   * {@link NewtonCentring}: Newton directions by a dense Cholesky of the Hessian {@code sum a_i
   * a_i^T / slack_i^2}.
   */
  private static final class MarginBarrier implements NewtonBarrier {
    private final double[][] a;
    private final double[] b;
    private final double[] v;
    private final int nv;
    private final double[] sl;
    private final double[] dsl;
    private final double[] dir;
    private double tau;

    MarginBarrier(double[][] a, double[] b, double[] v) {
      this.a = a;
      this.b = b;
      this.v = v;
      this.nv = v.length;
      this.sl = new double[a.length];
      this.dsl = new double[a.length];
      this.dir = new double[nv];
      slacks(v, sl);
    }

    private void slacks(double[] w, double[] out) {
      for (int i = 0; i < a.length; i++) {
        double s = b[i];
        for (int p = 0; p < nv; p++) {
          s += a[i][p] * w[p];
        }
        out[i] = s;
      }
    }

    @Override
    public double newtonDirection() {
      double[] hess = new double[nv * nv];
      double[] grad = new double[nv];
      grad[nv - 1] = -tau;
      for (int i = 0; i < a.length; i++) {
        double w = 1 / sl[i];
        double[] ai = a[i];
        for (int p = 0; p < nv; p++) {
          if (ai[p] == 0) {
            continue;
          }
          grad[p] -= ai[p] * w;
          double t = ai[p] * w * w;
          for (int q = 0; q <= p; q++) {
            hess[p * nv + q] += t * ai[q];
          }
        }
      }
      for (int p = 0; p < nv; p++) {
        dir[p] = -grad[p];
      }
      new CholeskyFactor(hess, nv).solveInPlace(dir);
      double lam2 = 0;
      for (int p = 0; p < nv; p++) {
        lam2 -= grad[p] * dir[p];
      }
      for (int i = 0; i < a.length; i++) {
        double dv = 0;
        for (int p = 0; p < nv; p++) {
          dv += a[i][p] * dir[p];
        }
        dsl[i] = dv;
      }
      return lam2;
    }

    @Override
    public double maxStep() {
      return LinearSlacks.maxStep(Double.POSITIVE_INFINITY, sl, dsl);
    }

    @Override
    public double valueChange(double alpha) {
      return -tau * alpha * dir[nv - 1] + LinearSlacks.logChange(alpha, sl, dsl);
    }

    @Override
    public boolean move(double alpha) {
      double[] old = sl.clone();
      for (int p = 0; p < nv; p++) {
        v[p] += alpha * dir[p];
      }
      slacks(v, sl);
      boolean ok = true;
      for (int i = 0; i < sl.length; i++) {
        if (!(sl[i] > 0)) {
          // recomputed below zero by rounding: carry the (positive) linear update instead
          sl[i] = old[i] + alpha * dsl[i];
        }
        ok &= sl[i] > 0;
      }
      return ok;
    }

    @Override
    public double nu() {
      return a.length;
    }

    @Override
    public double tau() {
      return tau;
    }

    @Override
    public void setTau(double next) {
      tau = next;
    }
  }

  /**
   * The l_1-normalised margin {@code min_k s_k x_k . u / ||u[J]||_1} that a given u achieves on a
   * pattern (an independent check of a witness: u lies in the robust cone of radius eps iff the
   * margin is >= eps, or u[J] = 0 and every {@code s_k x_k . u >= 0}).
   */
  public static double marginOf(double[][] x, boolean[] active, boolean[] perturbed, double[] u) {
    double norm = 0;
    for (int c = 0; c < u.length; c++) {
      norm += perturbed[c] ? Math.abs(u[c]) : 0;
    }
    return marginOf(x, active, perturbed, u, norm);
  }

  private static double marginOf(
      double[][] x, boolean[] active, boolean[] perturbed, double[] u, double norm) {
    double min = Double.POSITIVE_INFINITY;
    for (int k = 0; k < x.length; k++) {
      double v = 0;
      for (int c = 0; c < u.length; c++) {
        v += x[k][c] * u[c];
      }
      min = Math.min(min, active[k] ? v : -v);
    }
    if (norm > 0) {
      return min / norm;
    }
    return min > 0 ? Double.POSITIVE_INFINITY : min == 0 ? 0 : Double.NEGATIVE_INFINITY;
  }

  private static double[] scaled(double[] u, double norm) {
    double[] w = u.clone();
    if (norm > 0) {
      for (int c = 0; c < w.length; c++) {
        w[c] /= norm;
      }
    }
    return w;
  }
}
