package io.convopt.solvers.relu.certificate;

import io.convopt.solvers.relu.Certificate;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.linalg.RestartedFista;

/**
 * Objective parts and {@link Certificate} of block weights for one problem. Not thread-safe
 * (scratch arrays).
 */
public final class Evaluator {
  public final PatternOperator op;
  public final ReluProblem problem;
  public final Loss loss;
  public final double[] y;
  public final double beta;
  public final double[] yhat;
  private final double[] grad;

  /** n x B scratch of {@link #certificate} with cone multipliers, made on first use. */
  private double[] xu;

  private double[] m;
  private double[] c;

  public Evaluator(PatternOperator op, ReluProblem problem) {
    this.op = op;
    this.problem = problem;
    this.loss = problem.loss();
    this.y = problem.yView();
    this.beta = problem.beta();
    this.yhat = new double[op.n];
    this.grad = new double[op.blocks * op.d];
  }

  public double penalty(double[] u) {
    double s = 0;
    for (int j = 0; j < op.blocks; j++) {
      s += PatternOperator.blockNorm(u, j, op.d);
    }
    return beta * s;
  }

  /** Fills yhat for u (without an n x B intermediate); returns the data term. */
  public double dataTerm(double[] u) {
    op.maskedPredict(u, yhat);
    return loss.value(yhat, y);
  }

  /**
   * Certificate at u.
   *
   * @param zCandidate dual candidate (length n), or null to use -grad L(yhat) (smooth losses)
   * @param gamma cone multipliers (n x B), or null (GATED, or zero multipliers)
   */
  public Certificate certificate(double[] u, double[] zCandidate, double[] gamma) {
    double data = dataTerm(u);
    double primal = data + penalty(u);
    double[] zRaw = new double[op.n];
    if (zCandidate == null) {
      loss.gradient(yhat, y, zRaw);
      for (int k = 0; k < op.n; k++) {
        zRaw[k] = -zRaw[k];
      }
    } else {
      System.arraycopy(zCandidate, 0, zRaw, 0, op.n);
    }
    // stationarity of the Lagrangian uses the raw multipliers; the n x B arrays are needed only
    // for the cone slacks and multipliers of the constrained program
    if (op.constrained && xu == null) {
      int nb = op.n * op.blocks;
      xu = new double[nb];
      m = new double[nb];
      c = new double[nb];
    }
    if (gamma == null) {
      op.maskedAdjoint(zRaw, grad);
    } else {
      op.combine(zRaw, gamma, m);
      op.adjoint(m, grad);
    }
    double maxNorm = 0;
    for (int j = 0; j < op.blocks; j++) {
      maxNorm = Math.max(maxNorm, PatternOperator.blockNorm(grad, j, op.d));
    }
    double stationarity = Double.NaN;
    double complementarity = Double.NaN;
    double violation = 0;
    if (op.constrained) {
      for (int i = 0; i < grad.length; i++) {
        grad[i] = -grad[i];
      }
      double mn = RestartedFista.minNormSubgradient(u, grad, op.d, beta);
      stationarity = mn / (Math.sqrt(op.blocks) * Math.max(Math.max(beta, maxNorm), 1e-300));
      op.products(u, xu);
      op.slacks(xu, c);
      double worst = 0;
      double scale = 0;
      double comp = 0;
      for (int i = 0; i < c.length; i++) {
        worst = Math.max(worst, -c[i]);
        scale = Math.max(scale, Math.abs(c[i]));
        if (gamma != null) {
          comp += gamma[i] * c[i];
        }
      }
      violation = scale > 0 ? worst / scale : 0;
      complementarity = Math.abs(comp) / Math.max(Math.abs(primal), 1e-300);
    }
    double[] z = zRaw.clone();
    loss.projectDual(z, y);
    double feasNorm = zCandidate == null && gamma == null ? maxNorm : op.maxBlockNorm(z, gamma);
    double s;
    if (feasNorm <= beta) {
      s = 1.0;
    } else {
      s = beta / feasNorm;
    }
    for (int k = 0; k < op.n; k++) {
      z[k] *= s;
    }
    double dual = loss.dualValue(z, y);
    double gap = primal - dual;
    return new Certificate(
        primal,
        dual,
        gap,
        gap / Math.max(Math.abs(primal), 1e-300),
        s,
        violation,
        stationarity,
        complementarity);
  }
}
