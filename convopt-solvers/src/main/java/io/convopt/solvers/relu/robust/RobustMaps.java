package io.convopt.solvers.relu.robust;

import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.linalg.PatternOperator;

/**
 * The linear maps of the robust program over the weights {@code x = (v_1..v_P, w_1..w_P)} (2P
 * blocks of d, V first) and its closed-form objective, shared by the robust solvers:
 *
 * <ul>
 *   <li>prediction map {@code x -> (yhat_k, z_k[J])_k}, {@code z_k = sum_j sign_j D_k,p(j) x_j}
 *       (the network's input gradient at sample k), layout {@code out[k q + 0]} = yhat_k, {@code
 *       out[k q + 1 + l] = z_k[J_l]}, {@code q = 1 + |J|};
 *   <li>cone map {@code x -> ((2D_j - I) X x_j, x_j[J])_j}, block j at {@code j (n + |J|)};
 *   <li>the adjoint of both together.
 * </ul>
 *
 * The X parts ({@code x_k . u_j}, the masked predictions, the cone slacks and the adjoint) are the
 * shared {@link PatternOperator}'s; only the perturbed-column parts are added here. Not thread-safe
 * (scratch); one instance per solve.
 */
final class RobustMaps {

  final int n;
  final int d;
  final int patterns;
  final int blocks;
  final int m;
  final int q;
  final int cb;
  final int nx;
  final int np;
  final int nc;
  final double[] y;
  final int[] jIdx;
  final double eps;
  final double beta;
  final Loss loss;
  private final PatternOperator op;
  private final double[] xu; // n x B
  private final double[] slack; // n x B
  private final double[] am; // n: prediction part of an adjoint argument
  private final double[] bm; // n x B: cone part of an adjoint argument
  private final double[] mm; // n x B: combined adjoint argument

  RobustMaps(RobustReluProblem p) {
    this.op = p.operator();
    this.y = p.yView();
    this.n = op.n;
    this.d = op.d;
    this.patterns = op.patterns;
    this.blocks = op.blocks;
    boolean[] pert = p.perturbedView();
    int cnt = 0;
    for (boolean b : pert) {
      cnt += b ? 1 : 0;
    }
    this.m = cnt;
    this.jIdx = new int[m];
    int t = 0;
    for (int c = 0; c < d; c++) {
      if (pert[c]) {
        jIdx[t++] = c;
      }
    }
    this.q = 1 + m;
    this.cb = n + m;
    this.nx = blocks * d;
    this.np = n * q;
    this.nc = blocks * cb;
    this.eps = p.eps();
    this.beta = p.beta();
    this.loss = p.loss();
    this.xu = new double[n * blocks];
    this.slack = new double[n * blocks];
    this.am = new double[n];
    this.bm = new double[n * blocks];
    this.mm = new double[n * blocks];
  }

  /** {@code xu[k B + j] = x_k . w_j} (n x B row-major). */
  void products(double[] w, double[] out) {
    op.products(w, out);
  }

  /** out[k*q] = yhat_k, out[k*q + 1 + l] = z_k[J_l]. */
  void pred(double[] w, double[] out) {
    op.products(w, xu);
    op.predict(xu, am);
    for (int k = 0; k < n; k++) {
      int o = k * q;
      out[o] = am[k];
      for (int l = 0; l < m; l++) {
        double s = 0;
        for (int j = 0; j < blocks; j++) {
          if (op.active(k, j)) {
            s += op.sign(j) * w[j * d + jIdx[l]];
          }
        }
        out[o + 1 + l] = s;
      }
    }
  }

  /** Block j: out[j*cb + k] = (2D_kj - 1) x_k . w_j, out[j*cb + n + l] = w_j[J_l]. */
  void cone(double[] w, double[] out) {
    op.products(w, xu);
    op.slacks(xu, slack);
    for (int j = 0; j < blocks; j++) {
      int oo = j * cb;
      for (int k = 0; k < n; k++) {
        out[oo + k] = slack[k * blocks + j];
      }
      for (int l = 0; l < m; l++) {
        out[oo + n + l] = w[j * d + jIdx[l]];
      }
    }
  }

  /** out = M_pred^T pr + M_cone^T co (pr in the layout of {@link #pred}, co of {@link #cone}). */
  void adjoint(double[] pr, double[] co, double[] out) {
    for (int k = 0; k < n; k++) {
      am[k] = pr[k * q];
      for (int j = 0; j < blocks; j++) {
        bm[k * blocks + j] = co[j * cb + k];
      }
    }
    op.combine(am, bm, mm);
    op.adjoint(mm, out);
    for (int j = 0; j < blocks; j++) {
      int wo = j * d;
      double sg = op.sign(j);
      for (int l = 0; l < m; l++) {
        double s = co[j * cb + n + l];
        for (int k = 0; k < n; k++) {
          if (op.active(k, j)) {
            s += sg * pr[k * q + 1 + l];
          }
        }
        out[wo + jIdx[l]] += s;
      }
    }
  }

  /** K = M_pred^T M_pred + I + M_cone^T M_cone, row-major nx x nx. */
  double[] gram() {
    double[] k = new double[nx * nx];
    double[] e = new double[nx];
    double[] a = new double[np];
    double[] b = new double[nc];
    double[] c1 = new double[nx];
    for (int col = 0; col < nx; col++) {
      e[col] = 1;
      pred(e, a);
      cone(e, b);
      adjoint(a, b, c1);
      for (int r = 0; r < nx; r++) {
        k[r * nx + col] = c1[r] + (r == col ? 1 : 0);
      }
      e[col] = 0;
    }
    return k;
  }

  /** {data term, penalty, scaled violation} at w. */
  double[] evaluate(double[] w) {
    double[] pr = new double[np];
    pred(w, pr);
    double data = 0;
    for (int k = 0; k < n; k++) {
      double l1 = 0;
      for (int l = 0; l < m; l++) {
        l1 += Math.abs(pr[k * q + 1 + l]);
      }
      data += RobustLoss.value(loss, y[k], pr[k * q], eps * l1);
    }
    double pen = 0;
    for (int j = 0; j < blocks; j++) {
      double s = 0;
      for (int c = 0; c < d; c++) {
        s += w[j * d + c] * w[j * d + c];
      }
      pen += Math.sqrt(s);
    }
    double[] cv = new double[nc];
    cone(w, cv);
    double viol = 0;
    double scale = 0;
    for (int j = 0; j < blocks; j++) {
      double l1 = 0;
      for (int l = 0; l < m; l++) {
        l1 += Math.abs(cv[j * cb + n + l]);
      }
      for (int k = 0; k < n; k++) {
        double c = cv[j * cb + k];
        scale = Math.max(scale, Math.abs(c));
        viol = Math.max(viol, eps * l1 - c);
      }
    }
    return new double[] {data, beta * pen, scale > 0 ? Math.max(0, viol) / scale : 0};
  }

  double[][] matrix(double[] w, int first) {
    double[][] out = new double[d][patterns];
    for (int i = 0; i < patterns; i++) {
      for (int c = 0; c < d; c++) {
        out[c][i] = w[(first + i) * d + c];
      }
    }
    return out;
  }
}
