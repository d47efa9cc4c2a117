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
    int blocks = op.blocks;
    double[][] gates = patterns.gates();
    // one pass over row blocks finds the violating blocks (no n x B array is kept)
    boolean[] violated = new boolean[blocks];
    op.rowBlocks(
        u,
        (r0, rows, blk) -> {
          for (int k = 0; k < rows; k++) {
            int ro = k * blocks;
            int mo = (r0 + k) * pats;
            for (int j = 0; j < blocks; j++) {
              double ck = op.mask[mo + (j < pats ? j : j - pats)] ? blk[ro + j] : -blk[ro + j];
              if (ck < 0) {
                violated[j] = true;
              }
            }
          }
        },
        null);
    double[] rowNorm2 = new double[n];
    for (int k = 0; k < n; k++) {
      for (int c = 0; c < d; c++) {
        rowNorm2[k] += op.x[k * d + c] * op.x[k * d + c];
      }
    }
    double[] mu = new double[n];
    for (int j = 0; j < blocks; j++) {
      if (violated[j]) {
        project(op, j, u, mu, rowNorm2);
      }
    }
    // gate shifts t_j = max_k -c_kj / |x_k . g_p(j)| over what the projection left violated
    double[] shift = new double[blocks];
    boolean[] blocked = new boolean[blocks];
    op.rowBlocks(
        u,
        (r0, rows, blk) -> {
          for (int k = 0; k < rows; k++) {
            int ro = k * blocks;
            int row = r0 + k;
            int mo = row * pats;
            for (int j = 0; j < blocks; j++) {
              int i = j < pats ? j : j - pats;
              double ck = op.mask[mo + i] ? blk[ro + j] : -blk[ro + j];
              if (ck < 0) {
                double a = 0;
                for (int c = 0; c < d; c++) {
                  a += op.x[row * d + c] * gates[c][i];
                }
                a = Math.abs(a);
                if (a > 0) {
                  shift[j] = Math.max(shift[j], -ck / a);
                } else {
                  blocked[j] = true;
                }
              }
            }
          }
        },
        null);
    int moved = 0;
    for (int j = 0; j < blocks; j++) {
      int i = op.pattern(j);
      double t = shift[j];
      if (!blocked[j] && t > 0) {
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
