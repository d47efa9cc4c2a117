package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.certificate.ProjectedCertificate;
import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.linalg.RestartedFista;

/**
 * Active-face polishing for the constrained program (CR) with a smooth loss [derived]: the
 * augmented-Lagrangian iterate identifies, long before its cone violation is small, which blocks
 * are non-zero and which cone rows are active (multiplier {@code gamma_kj > 0}). On that face the
 * program is an <em>unconstrained</em> group Lasso: each non-zero block is restricted to the null
 * space of its active rows by the orthogonal projector {@code P_j} (Gram–Schmidt on the rows, d x
 * d), the zero blocks are held at 0, and
 *
 * <pre>
 *   min_t  L(A P t, y) + beta sum_j ||t_j||,
 * </pre>
 *
 * whose minimiser has {@code t = P t} (a component outside the range of P only adds penalty). Its
 * smooth part has no penalty term, so R-FISTA converges fast (no 1/delta ill-conditioning). The
 * result satisfies the active rows exactly; the inactive rows normally keep their slack, and the
 * caller's {@link ProjectedCertificate} restores what does not. If the face was guessed right the
 * point is optimal up to the R-FISTA tolerance; if not, it is just another feasible candidate — the
 * certificate decides, so polishing can never make a wrong claim.
 *
 * <p>Not thread-safe; one instance per solve.
 */
public final class ActiveFacePolish {
  /** R-FISTA iterations per polish. */
  public static final int MAX_ITERATIONS = 3000;

  /** Active-set rounds (rows violated by a polished point are added to the face). */
  public static final int ROUNDS = 2;

  private final PatternOperator op;
  private final Loss loss;
  private final double[] y;
  private final double beta;

  public ActiveFacePolish(PatternOperator op, ReluProblem problem) {
    this.op = op;
    this.loss = problem.loss();
    this.y = problem.yView();
    this.beta = problem.beta();
  }

  /**
   * @param u iterate (B x d)
   * @param gamma cone multipliers (n x B); rows with {@code gamma > threshold} are taken as active
   * @param step initial R-FISTA step
   * @param tolerance stop when the gradient mapping norm is at most this (absolute)
   * @return polished point (new array), or null for a non-smooth loss
   */
  public double[] polish(double[] u, double[] gamma, double step, double tolerance) {
    if (!loss.isSmooth()) {
      return null;
    }
    int blocks = op.blocks;
    int n = op.n;
    double gmax = 0;
    for (double g : gamma) {
      gmax = Math.max(gmax, g);
    }
    boolean[] active = new boolean[n * blocks];
    for (int i = 0; i < active.length; i++) {
      active[i] = gamma[i] > 1e-9 * gmax;
    }
    double[] xu = new double[n * blocks];
    double[] c = new double[n * blocks];
    double[] w = u;
    for (int round = 0; round < ROUNDS; round++) {
      w = polishOnFace(u, active, step, tolerance);
      // rows the face left out but the polished point violates join the face (active-set step)
      op.products(w, xu);
      op.slacks(xu, c);
      boolean added = false;
      for (int i = 0; i < c.length; i++) {
        if (c[i] < 0 && !active[i]) {
          active[i] = true;
          added = true;
        }
      }
      if (!added) {
        break;
      }
    }
    return w;
  }

  private double[] polishOnFace(double[] u, boolean[] active, double step, double tolerance) {
    int d = op.d;
    int blocks = op.blocks;
    int n = op.n;
    double[][] proj = new double[blocks][];
    double[] t0 = new double[u.length];
    double[] q = new double[d * d];
    double[] r = new double[d];
    for (int j = 0; j < blocks; j++) {
      if (PatternOperator.blockNorm(u, j, d) == 0) {
        continue;
      }
      int rank = 0;
      for (int k = 0; k < n && rank < d; k++) {
        if (!active[k * blocks + j]) {
          continue;
        }
        double rn0 = 0;
        for (int c = 0; c < d; c++) {
          r[c] = op.x[k * d + c];
          rn0 += r[c] * r[c];
        }
        // two passes of Gram-Schmidt against the basis so far
        for (int pass = 0; pass < 2; pass++) {
          for (int b = 0; b < rank; b++) {
            double dot = 0;
            for (int c = 0; c < d; c++) {
              dot += q[b * d + c] * r[c];
            }
            for (int c = 0; c < d; c++) {
              r[c] -= dot * q[b * d + c];
            }
          }
        }
        double rn = 0;
        for (int c = 0; c < d; c++) {
          rn += r[c] * r[c];
        }
        if (rn > 1e-20 * rn0) {
          double inv = 1 / Math.sqrt(rn);
          for (int c = 0; c < d; c++) {
            q[rank * d + c] = r[c] * inv;
          }
          rank++;
        }
      }
      if (rank >= d) {
        continue;
      }
      double[] p = new double[d * d];
      for (int a = 0; a < d; a++) {
        p[a * d + a] = 1;
        for (int b = 0; b < rank; b++) {
          for (int c = 0; c < d; c++) {
            p[a * d + c] -= q[b * d + a] * q[b * d + c];
          }
        }
      }
      proj[j] = p;
      apply(p, u, j * d, t0, d);
    }
    FaceSmooth f = new FaceSmooth(proj);
    double[] gs = new double[u.length];
    RestartedFista.Outcome out =
        RestartedFista.minimize(
            f,
            d,
            beta,
            t0,
            step,
            MAX_ITERATIONS,
            10,
            (x, it, eta) -> {
              f.valueAndGradient(x, gs);
              return RestartedFista.gradientMapping(x, gs, d, beta, eta) <= tolerance;
            });
    return f.lift(out.u());
  }

  private static void apply(double[] p, double[] src, int o, double[] dst, int d) {
    for (int a = 0; a < d; a++) {
      double s = 0;
      for (int c = 0; c < d; c++) {
        s += p[a * d + c] * src[o + c];
      }
      dst[o + a] = s;
    }
  }

  /** {@code t -> L(A P t, y)}. */
  private final class FaceSmooth implements RestartedFista.Smooth {
    private final double[][] proj;
    private final double[] pt;
    private final double[] xu;
    private final double[] yhat;
    private final double[] g;
    private final double[] m;
    private final double[] grad;

    FaceSmooth(double[][] proj) {
      this.proj = proj;
      this.pt = new double[op.blocks * op.d];
      this.xu = new double[op.n * op.blocks];
      this.yhat = new double[op.n];
      this.g = new double[op.n];
      this.m = new double[op.n * op.blocks];
      this.grad = new double[op.blocks * op.d];
    }

    double[] lift(double[] t) {
      double[] out = new double[t.length];
      for (int j = 0; j < op.blocks; j++) {
        if (proj[j] != null) {
          apply(proj[j], t, j * op.d, out, op.d);
        }
      }
      return out;
    }

    @Override
    public double value(double[] t) {
      double[] w = lift(t);
      op.products(w, xu);
      op.predict(xu, yhat);
      return loss.value(yhat, y);
    }

    @Override
    public double valueAndGradient(double[] t, double[] out) {
      double[] w = lift(t);
      op.products(w, xu);
      op.predict(xu, yhat);
      double v = loss.gradient(yhat, y, g);
      op.combine(g, null, m);
      op.adjoint(m, grad);
      java.util.Arrays.fill(out, 0.0);
      for (int j = 0; j < op.blocks; j++) {
        if (proj[j] != null) {
          apply(proj[j], grad, j * op.d, out, op.d);
        }
      }
      return v;
    }
  }
}
