package io.convopt.solvers.relu.certificate;

import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.sampling.ActivationPatterns;

/**
 * Feasibility restoration for the constrained program (CR) [derived], in two steps per block u_j
 * that violates its cone {@code K = {w : (2D_i - I) X w >= 0}}:
 *
 * <ol>
 *   <li>Euclidean projection onto K by Hildreth's method (cyclic coordinate ascent on the dual of
 *       {@code min ||w - u_j||^2 s.t. a_k . w >= 0}, a_k the signed rows of X: w = u_j + sum mu_k
 *       a_k, mu >= 0), at most {@link #SWEEPS} sweeps over the rows. It moves u_j by the distance
 *       to the cone, so the objective changes by the order of the violation;
 *   <li>the gate shift below for what rounding and the sweep cap leave.
 * </ol>
 *
 * <p>Gate shift: the gate g_i that produced pattern i lies strictly inside its cone, {@code (2D_i -
 * I) X g_i = |X g_i| > 0} (componentwise, when no sample lies on the gate's hyperplane), so a block
 * u_j that violates its cone by a little becomes feasible when moved along its gate:
 *
 * <pre>
 *   u_j ← u_j + t_j g_{p(j)},   t_j = max_k ( -c_kj / |x_k . g_{p(j)}| ),  c = (2D - I) X u_j,
 * </pre>
 *
 * the smallest such move. Alone it can move far (t_j is large when a sample lies close to the
 * gate's hyperplane), hence the projection first; after it the cone violation is at rounding level;
 * an iterative solver's slightly infeasible output thereby becomes a feasible point whose duality
 * gap is a true bound. Blocks whose violated rows have a gate on the hyperplane, and problems
 * without gates, are left as they are. Used by both CR solvers as their last step (target: scaled
 * cone violation ≤ 1e-8).
 */
public final class ConeRestoration {
  /** Hildreth sweeps per block. */
  public static final int SWEEPS = 500;

  private ConeRestoration() {}

  /**
   * Shifts the violating blocks of {@code u} (in place).
   *
   * @return the number of blocks moved, or -1 when the problem has no gates or is GATED
   */
  public static int restore(PatternOperator op, ActivationPatterns patterns, double[] u) {
    if (!op.constrained || !patterns.hasGates()) {
      return -1;
    }
    int n = op.n;
    int d = op.d;
    int pats = op.patterns;
    double[][] gates = patterns.gates();
    double[] xg = new double[n * pats];
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < pats; i++) {
        double s = 0;
        for (int c = 0; c < d; c++) {
          s += op.x[k * d + c] * gates[c][i];
        }
        xg[k * pats + i] = Math.abs(s);
      }
    }
    double[] xu = new double[n * op.blocks];
    double[] cs = new double[n * op.blocks];
    op.products(u, xu);
    op.slacks(xu, cs);
    double[] rowNorm2 = new double[n];
    for (int k = 0; k < n; k++) {
      for (int c = 0; c < d; c++) {
        rowNorm2[k] += op.x[k * d + c] * op.x[k * d + c];
      }
    }
    double[] mu = new double[n];
    for (int j = 0; j < op.blocks; j++) {
      boolean violated = false;
      for (int k = 0; k < n && !violated; k++) {
        violated = cs[k * op.blocks + j] < 0;
      }
      if (violated) {
        project(op, j, u, mu, rowNorm2);
      }
    }
    op.products(u, xu);
    op.slacks(xu, cs);
    int moved = 0;
    for (int j = 0; j < op.blocks; j++) {
      int i = op.pattern(j);
      double t = 0;
      boolean ok = true;
      for (int k = 0; k < n; k++) {
        double ck = cs[k * op.blocks + j];
        if (ck < 0) {
          double a = xg[k * pats + i];
          if (a > 0) {
            t = Math.max(t, -ck / a);
          } else {
            ok = false;
          }
        }
      }
      if (ok && t > 0) {
        for (int c = 0; c < d; c++) {
          u[j * d + c] += t * gates[c][i];
        }
        moved++;
      }
    }
    return moved;
  }

  /** Hildreth's projection of block j of u onto its cone (in place). */
  private static void project(
      PatternOperator op, int j, double[] u, double[] mu, double[] rowNorm2) {
    int n = op.n;
    int d = op.d;
    int o = j * d;
    java.util.Arrays.fill(mu, 0.0);
    double scale = 0;
    for (int c = 0; c < d; c++) {
      scale = Math.max(scale, Math.abs(u[o + c]));
    }
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      double worst = 0;
      for (int k = 0; k < n; k++) {
        if (rowNorm2[k] == 0) {
          continue;
        }
        double sg = op.active(k, j) ? 1.0 : -1.0;
        double ax = 0;
        for (int c = 0; c < d; c++) {
          ax += op.x[k * d + c] * u[o + c];
        }
        ax *= sg;
        worst = Math.max(worst, -ax);
        double delta = Math.max(-mu[k], -ax / rowNorm2[k]);
        if (delta != 0) {
          mu[k] += delta;
          for (int c = 0; c < d; c++) {
            u[o + c] += delta * sg * op.x[k * d + c];
          }
        }
      }
      if (worst <= 1e-15 * scale) {
        return;
      }
    }
  }
}
