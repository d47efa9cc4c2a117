package io.convopt.solvers.relu;

/**
 * Exact feasibility restoration for the constrained program (CR) [derived]: the gate g_i that
 * produced pattern i lies strictly inside its cone, {@code (2D_i - I) X g_i = |X g_i| > 0}
 * (componentwise, when no sample lies on the gate's hyperplane), so a block u_j that violates
 * its cone by a little becomes feasible when moved along its gate:
 *
 * <pre>
 *   u_j <- u_j + t_j g_{p(j)},   t_j = max_k ( -c_kj / |x_k . g_{p(j)}| ),  c = (2D - I) X u_j,
 * </pre>
 *
 * the smallest such move. The objective changes by O(t_j ||g||), i.e. by the order of the
 * violation, while the cone violation drops to rounding level; an iterative solver's slightly
 * infeasible output thereby becomes a feasible point whose duality gap is a true bound. Blocks
 * whose violated rows have a gate on the hyperplane, and problems without gates, are left as
 * they are. Used by both CR solvers as their last step (spec §5.3: scaled violation <= 1e-8).
 */
final class GateShift {
  private GateShift() {}

  /**
   * Shifts the violating blocks of {@code u} (in place).
   *
   * @return the number of blocks moved, or -1 when the problem has no gates or is GATED
   */
  static int restore(PatternOperator op, ActivationPatterns patterns, double[] u) {
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
}
