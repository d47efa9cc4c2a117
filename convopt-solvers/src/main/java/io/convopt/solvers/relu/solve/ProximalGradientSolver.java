package io.convopt.solvers.relu.solve;

import io.convopt.solvers.relu.Certificate;
import io.convopt.solvers.relu.ConvexReluSolver;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.certificate.Evaluator;
import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.linalg.RestartedFista;

/**
 * R-FISTA on the gated ReLU program (CG) with a smooth loss (squared or logistic): a plain group
 * Lasso, {@code min_U L(sum_i D_i X u_i) + beta sum_i ||u_i||}. Each iteration costs at least
 * three n x d x P products (gradient at the extrapolated point, value at the candidate, and its
 * adjoint) plus one more per line-search backtrack. Stops when the relative duality gap of {@link
 * Certificate} is at most {@code settings.tolerance()} (checked every {@code checkEvery}
 * iterations at the current iterate), which bounds {@code (F(U) - F*) / F(U)}.
 *
 * <p>Immutable and thread-safe (each solve allocates its own state).
 */
public final class ProximalGradientSolver implements ConvexReluSolver {
  private final ReluSolverSettings settings;

  public ProximalGradientSolver(ReluSolverSettings settings) {
    this.settings = settings;
  }

  public ProximalGradientSolver() {
    this(ReluSolverSettings.defaults());
  }

  @Override
  public String name() {
    return "fista";
  }

  @Override
  public ReluSolverSettings settings() {
    return settings;
  }

  @Override
  public ReluSolution solve(ReluProblem problem, ReluSolution warmStart) {
    if (problem.formulation() != Formulation.GATED || !problem.loss().isSmooth()) {
      throw new IllegalArgumentException(
          "solver fista: handles the gated formulation with a smooth loss only (got "
              + problem.formulation().id() + " with " + problem.loss().name().toLowerCase()
              + "); use the augmented-Lagrangian solver (al)");
    }
    long t0 = System.nanoTime();
    PatternOperator op = problem.operator();
    Evaluator ev = new Evaluator(op, problem);
    double[] u0 = ConvexReluSolver.initialBlocks(problem, warmStart, op.blocks * op.d);
    SmoothLoss f = new SmoothLoss(op, problem.loss(), problem.yView());
    Certificate[] last = new Certificate[1];
    RestartedFista.Outcome out =
        RestartedFista.minimize(
            f, op.d, problem.beta(), u0, 1.0, settings.maxIterations(), settings.checkEvery(),
            (x, it, eta) -> {
              last[0] = ev.certificate(x, null, null);
              return last[0].relativeGap() <= settings.tolerance();
            });
    Certificate cert = ev.certificate(out.u(), null, null);
    double data = ev.dataTerm(out.u());
    return new ReluSolution(
        problem, out.u(), ev.yhat, data, ev.penalty(out.u()), cert, out.iterations(), 1,
        (System.nanoTime() - t0) * 1e-9,
        out.converged() ? StopReason.CONVERGED : StopReason.MAX_ITERATIONS, name(), settings);
  }

  /** f(u) = L(yhat(u)) for a smooth loss. */
  static final class SmoothLoss implements RestartedFista.Smooth {
    private final PatternOperator op;
    private final Loss loss;
    private final double[] y;
    private final double[] xu;
    private final double[] yhat;
    private final double[] g;
    private final double[] m;

    SmoothLoss(PatternOperator op, Loss loss, double[] y) {
      this.op = op;
      this.loss = loss;
      this.y = y;
      this.xu = new double[op.n * op.blocks];
      this.yhat = new double[op.n];
      this.g = new double[op.n];
      this.m = new double[op.n * op.blocks];
    }

    @Override
    public double value(double[] u) {
      op.products(u, xu);
      op.predict(xu, yhat);
      return loss.value(yhat, y);
    }

    @Override
    public double valueAndGradient(double[] u, double[] grad) {
      op.products(u, xu);
      op.predict(xu, yhat);
      double v = loss.gradient(yhat, y, g);
      op.combine(g, null, m);
      op.adjoint(m, grad);
      return v;
    }
  }
}
