package io.convopt.solvers.relu.solve;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ProgressListener;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.ReluTestData;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.ipm.InteriorPointSolver;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The working-set solver of the gated program (block descent with Anderson extrapolation on working
 * sets, certified on all patterns) against the interior-point method, an independent method: same
 * optimum, and its certificate a true bound (dual value at most the optimum, primal at least it) at
 * every report.
 */
class GatedWorkingSetTest {
  private static ReluProblem problem(Loss loss, double fraction, int gates) {
    double[][] x = ReluTestData.gaussian(80, 3, 21L);
    double[] y = loss == Loss.SQUARED ? ReluTestData.sinTargets(x, 22L) : signs(x);
    ActivationPatterns pat = ActivationPatterns.sample(x, gates, 23L);
    ReluProblem p = new ReluProblem(x, y, pat, 1.0, loss, Formulation.GATED);
    return p.withBeta(fraction * p.betaMax());
  }

  private static double[] signs(double[][] x) {
    return ReluTestData.signLabels(x);
  }

  @Test
  void workingSetsReachTheInteriorPointOptimumWithATrueBoundAtEveryReport() {
    for (Loss loss : List.of(Loss.SQUARED, Loss.LOGISTIC)) {
      ReluProblem p = problem(loss, 0.05, 60);
      ReluSolution ipm =
          new InteriorPointSolver(ReluSolverSettings.defaults().withTolerance(1e-11)).solve(p);
      double opt = ipm.objective();
      // the IPM's own bound: the optimum lies in [opt - gap, opt]
      double ipmGap = Math.max(ipm.certificate().gap(), 0);
      List<ProgressListener.Progress> heard = new ArrayList<>();
      ReluSolution ws =
          new ProximalGradientSolver(ReluSolverSettings.defaults().withTolerance(1e-9))
              .withWorkingSets(true)
              .solve(
                  p,
                  null,
                  pr -> {
                    heard.add(pr);
                    return ProgressListener.Action.CONTINUE;
                  });
      assertThat(ws.stopReason()).as(loss.name()).isEqualTo(StopReason.CONVERGED);
      assertThat(ws.solver()).isEqualTo("fista");
      assertThat(ws.certificate().relativeGap()).isLessThanOrEqualTo(1e-9);
      // certified to 1e-9 of the optimum the IPM certified to 1e-11
      assertThat(Math.abs(ws.objective() - opt) / opt).as(loss.name()).isLessThanOrEqualTo(2e-9);
      // the dual value is a lower bound on the optimum; every reported point is primal feasible
      assertThat(ws.certificate().dual()).isLessThanOrEqualTo(opt + 1e-12 * opt);
      for (ProgressListener.Progress pr : heard) {
        assertThat(pr.objective()).isGreaterThanOrEqualTo(opt - ipmGap - 1e-12 * opt);
        double lower = pr.objective() * (1 - pr.certificate());
        assertThat(lower).as("dual bound at a report").isLessThanOrEqualTo(opt + 1e-12 * opt);
      }
      // the last report is the returned point
      assertThat(heard.get(heard.size() - 1).objective()).isEqualTo(ws.objective());
      assertThat(heard.size()).isGreaterThan(1);
    }
  }

  @Test
  void workingSetsAndPlainFistaAgreeAndTheDefaultUsesThemForManyPatterns() {
    ReluProblem p = problem(Loss.SQUARED, 0.02, 240);
    ReluSolverSettings s = ReluSolverSettings.defaults().withTolerance(1e-8);
    ProximalGradientSolver byDefault = new ProximalGradientSolver(s);
    assertThat(p.patterns().count())
        .isGreaterThanOrEqualTo(ProximalGradientSolver.WORKING_SET_PATTERNS);
    assertThat(byDefault.usesWorkingSets(p)).isTrue();
    assertThat(byDefault.usesWorkingSets(p.withBeta(0))).isFalse();
    ReluSolution ws = byDefault.solve(p);
    ReluSolution plain =
        new ProximalGradientSolver(s.withMaxIterations(200_000)).withWorkingSets(false).solve(p);
    assertThat(ws.stopReason()).isEqualTo(StopReason.CONVERGED);
    assertThat(plain.stopReason()).isEqualTo(StopReason.CONVERGED);
    assertThat(Math.abs(ws.objective() - plain.objective()) / plain.objective())
        .isLessThanOrEqualTo(2e-8);
    // fewer patterns are used than offered: the working set stays below P
    assertThat(ws.outerIterations()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aWarmStartAtTheOptimumIsCertifiedWithoutIterations() {
    ReluProblem p = problem(Loss.SQUARED, 0.05, 60);
    ProximalGradientSolver s =
        new ProximalGradientSolver(ReluSolverSettings.defaults().withTolerance(1e-9))
            .withWorkingSets(true);
    ReluSolution first = s.solve(p);
    ReluSolution again = s.solve(p, first, ProgressListener.none());
    assertThat(again.stopReason()).isEqualTo(StopReason.CONVERGED);
    assertThat(again.iterations()).isZero();
    assertThat(again.objective()).isEqualTo(first.objective());
  }

  @Test
  void listenerStopsTheSolveAndTheLimitIsHonoured() {
    ReluProblem p = problem(Loss.SQUARED, 0.01, 60);
    ProximalGradientSolver s =
        new ProximalGradientSolver(ReluSolverSettings.defaults().withTolerance(1e-14))
            .withWorkingSets(true);
    int[] calls = {0};
    ReluSolution stopped =
        s.solve(
            p,
            null,
            pr ->
                ++calls[0] == 2 ? ProgressListener.Action.STOP : ProgressListener.Action.CONTINUE);
    assertThat(stopped.stopReason()).isEqualTo(StopReason.STOPPED_BY_LISTENER);
    assertThat(calls[0]).isEqualTo(2);
    ReluSolution timed =
        new ProximalGradientSolver(
                ReluSolverSettings.defaults().withTolerance(1e-14).withTimeLimit(1e-9))
            .withWorkingSets(true)
            .solve(p);
    assertThat(timed.stopReason()).isEqualTo(StopReason.TIME_LIMIT);
    assertThat(timed.certificate().relativeGap()).isFinite();
  }

  @Test
  void andersonWeightsSumToOneAndSolveTheSystem() {
    double[][] m = {{4, 1, 1}, {1, 3, 1}};
    double[] c = ExtrapolationWeights.solve(m, 2);
    // (4 1; 1 3) c = 1 gives c = (2, 3) / 11, then scaled to sum 1: (0.4, 0.6)
    assertThat(c[0]).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(c[1]).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ExtrapolationWeights.solve(new double[][] {{0, 0, 1}, {0, 0, 1}}, 2)).isNull();
  }

  @Test
  void newtonStepsOnTheOptimalSupportConvergeToTheInteriorPointOptimum() {
    ReluProblem p = problem(Loss.SQUARED, 0.05, 60);
    ReluSolution ipm =
        new InteriorPointSolver(ReluSolverSettings.defaults().withTolerance(1e-12)).solve(p);
    int d = p.dimension();
    int patterns = p.patterns().count();
    int n = p.samples();
    // the blocks the IPM leaves clearly non-zero, each moved by 1 % of its norm
    double[] opt = ipm.blockView();
    double[] u = new double[opt.length];
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    int[] global = new int[patterns];
    int[][] rows = new int[patterns][];
    for (int j = 0; j < patterns; j++) {
      global[j] = j;
      double nrm = io.convopt.solvers.relu.linalg.PatternOperator.blockNorm(opt, j, d);
      if (nrm > 1e-6) {
        for (int c = 0; c < d; c++) {
          u[j * d + c] = opt[j * d + c] + 0.01 * nrm * r.nextGaussian() / Math.sqrt(d);
        }
      }
      int count = 0;
      for (int k = 0; k < n; k++) {
        count += p.patterns().active(k, j) ? 1 : 0;
      }
      rows[j] = new int[count];
      count = 0;
      for (int k = 0; k < n; k++) {
        if (p.patterns().active(k, j)) {
          rows[j][count++] = k;
        }
      }
    }
    ActiveSetNewton newton =
        new ActiveSetNewton(
            p.xView(), d, rows, global, new double[patterns][], p.loss(), p.yView(), p.beta());
    double[] yhat = new double[n];
    p.operator(false).predict(productsOf(p, u), yhat);
    for (int it = 0; it < 8; it++) {
      newton.step(u, yhat);
    }
    double[] check = new double[n];
    p.operator(false).predict(productsOf(p, u), check);
    double f = p.loss().value(check, p.yView()) + p.beta() * GatedProximalGradient.groupNorm(u, d);
    // the IPM optimum is certified to 1e-12; Newton on its support reaches it to 1e-10
    assertThat(Math.abs(f - ipm.objective()) / ipm.objective()).isLessThanOrEqualTo(1e-10);
    assertThat(ReluTestData.relDiff(yhat, check)).isLessThanOrEqualTo(1e-10);
  }

  private static double[] productsOf(ReluProblem p, double[] u) {
    double[] xu = new double[p.samples() * p.patterns().count()];
    p.operator(false).products(u, xu);
    return xu;
  }
}
