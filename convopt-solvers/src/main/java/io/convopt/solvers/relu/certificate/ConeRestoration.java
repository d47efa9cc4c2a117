package io.convopt.solvers.relu.certificate;

import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.linalg.PolyhedralCone;
import io.convopt.solvers.relu.linalg.SignedDataRows;
import io.convopt.solvers.relu.sampling.ActivationPatterns;

/**
 * Feasibility restoration for the constrained program (CR) [derived], in two steps per block u_j
 * that violates its cone {@code K = {w : (2D_i - I) X w >= 0}}:
 *
 * <ol>
 *   <li>Euclidean projection onto K, exactly by the Lawson–Hanson active-set NNLS of {@link
 *       PolyhedralCone#project} (a few O(n d) steps when few rows are active), finished, when that
 *       leaves a violation (a degenerate active set), by Hildreth's method (cyclic coordinate
 *       ascent on the dual of {@code min ||w - u_j||^2 s.t. a_k . w >= 0}, a_k the signed rows of
 *       X: w = u_j + sum mu_k a_k, mu >= 0), at most {@link #SWEEPS} sweeps over the rows of O(n d)
 *       each. It moves u_j by the distance to the cone, so the objective changes by the order of
 *       the violation;
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
 *
 * <p><b>Deadline.</b> {@link #restore(PatternOperator, ActivationPatterns, double[], Deadline)}
 * checks the deadline before each block's projection; once it has passed, the remaining violating
 * blocks are <i>deferred</i>: each takes the shorter of two feasible moves, the gate shift above or
 * setting the block to zero (0 lies in every cone), at the cost of the two row-block passes only.
 * The result is feasible either way; deferred blocks move further than their projection would.
 */
public final class ConeRestoration {
  /** Hildreth sweeps per block. */
  public static final int SWEEPS = 500;

  /**
   * Hildreth's sweeps run after the projection only when a row is violated by more than this times
   * {@code max_k ||x_k|| max_c |w_c|} (a degenerate active set, not rounding: rounding-level
   * violations, about 1e-16 d times that scale, are removed by the gate shift).
   */
  static final double HILDRETH_ABOVE = 1e-12;

  private ConeRestoration() {}

  /**
   * What a restoration did.
   *
   * @param applicable false when the problem has no gates or is GATED (u left as it is)
   * @param moved blocks moved by the gate shift or set to zero
   * @param deferred violating blocks not projected because the deadline had passed
   */
  public record Outcome(boolean applicable, int moved, int deferred) {}

  /**
   * Shifts the violating blocks of {@code u} (in place), without a deadline.
   *
   * @return the number of blocks moved, or -1 when the problem has no gates or is GATED
   */
  public static int restore(PatternOperator op, ActivationPatterns patterns, double[] u) {
    Outcome o = restore(op, patterns, u, Deadline.none());
    return o.applicable() ? o.moved() : -1;
  }

  /**
   * Moves the violating blocks of {@code u} into their cones (in place), projecting them exactly
   * until the deadline passes and deferring the rest (see the class comment).
   */
  public static Outcome restore(
      PatternOperator op, ActivationPatterns patterns, double[] u, Deadline deadline) {
    if (!op.constrained || !patterns.hasGates()) {
      return new Outcome(false, 0, 0);
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
    SignedDataRows signed = null;
    double[] prod = new double[n];
    double[] uj = new double[d];
    boolean[] deferred = new boolean[blocks];
    int deferredCount = 0;
    for (int i = 0; i < pats; i++) {
      for (int j = i; j < blocks; j += pats) {
        if (!violated[j]) {
          continue;
        }
        if (deadline.passed()) {
          // (monotone: once block i is deferred, so is block i + P, whose rows are then not needed)
          deferred[j] = true;
          deferredCount++;
          continue;
        }
        if (signed == null) {
          signed = new SignedDataRows(n, d, op.x);
        }
        signed.usePattern(op.mask, pats, i);
        // the exact projection by the active-set NNLS (a few O(n d) steps when few rows are
        // active); Hildreth's sweeps only finish what it leaves (a degenerate active set)
        System.arraycopy(u, j * d, uj, 0, d);
        double[] w = PolyhedralCone.project(signed, uj);
        System.arraycopy(w, 0, u, j * d, d);
        // (a violation at rounding level, relative to the rows and w, is left to the gate shift)
        signed.products(w, prod);
        if (worstViolation(prod) > HILDRETH_ABOVE * signed.maxRowNorm() * maxAbs(w)) {
          project(op, j, u, mu, rowNorm2);
        }
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
      if (deferred[j]
          && (blocked[j] || t * gateNorm(gates, i) >= PatternOperator.blockNorm(u, j, d))) {
        // the zero block is feasible and nearer than the gate shift
        java.util.Arrays.fill(u, j * d, (j + 1) * d, 0.0);
        moved++;
      } else if (!blocked[j] && t > 0) {
        for (int c = 0; c < d; c++) {
          u[j * d + c] += t * gates[c][i];
        }
        moved++;
      }
    }
    return new Outcome(true, moved, deferredCount);
  }

  private static double gateNorm(double[][] gates, int i) {
    double s = 0;
    for (double[] row : gates) {
      s += row[i] * row[i];
    }
    return Math.sqrt(s);
  }

  private static double worstViolation(double[] slacks) {
    double worst = 0;
    for (double c : slacks) {
      worst = Math.max(worst, -c);
    }
    return worst;
  }

  private static double maxAbs(double[] w) {
    double m = 0;
    for (double v : w) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
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
    double rowMax = 0;
    for (double r2 : rowNorm2) {
      rowMax = Math.max(rowMax, r2);
    }
    // stop at rounding level relative to the rows (the gate shift removes the rest)
    scale *= 1e-14 * Math.sqrt(rowMax);
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
      if (worst <= scale) {
        return;
      }
    }
  }
}
