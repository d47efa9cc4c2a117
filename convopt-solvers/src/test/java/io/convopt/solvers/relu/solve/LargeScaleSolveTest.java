package io.convopt.solvers.relu.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.solvers.relu.ConvexReluSolver;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ProgressListener;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.ReluTestData;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.ipm.InteriorPointSolver;
import io.convopt.solvers.relu.linalg.Precision;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * R-FISTA on the blocked GEMM operator against R-FISTA on the plain loops and against the
 * interior-point method (an independent method); the listener, the time limit and the automatic
 * choice of solver.
 */
class LargeScaleSolveTest {
  /** A gated problem with beta a fraction of beta_max (a moderately sparse optimum). */
  private static ReluProblem gated(double fraction) {
    double[][] x = ReluTestData.gaussian(120, 4, 3L);
    ActivationPatterns pat = ActivationPatterns.sample(x, 30, 4L);
    ReluProblem p =
        new ReluProblem(
            x, ReluTestData.sinTargets(x, 5L), pat, 1.0, Loss.SQUARED, Formulation.GATED);
    return p.withBeta(fraction * p.betaMax());
  }

  @Test
  void blockedFistaMatchesTheLoopsAndTheInteriorPointOptimum() {
    ReluProblem p = gated(0.1);
    ReluSolverSettings s =
        ReluSolverSettings.defaults().withTolerance(1e-8).withMaxIterations(20_000);
    ReluSolution loops = new ProximalGradientSolver(s).solve(p);
    ReluSolution blocked = new ProximalGradientSolver(s).withBlockRows(40).solve(p);
    ReluSolution ipm = new InteriorPointSolver(s).solve(p);
    assertThat(loops.stopReason()).isEqualTo(StopReason.CONVERGED);
    assertThat(blocked.stopReason()).isEqualTo(StopReason.CONVERGED);
    assertThat(blocked.certificate().relativeGap()).isLessThanOrEqualTo(1e-8);
    // both certified to 1e-8 of the same optimum
    assertThat(Math.abs(blocked.objective() - loops.objective()) / loops.objective())
        .isLessThanOrEqualTo(2e-8);
    assertThat(Math.abs(blocked.objective() - ipm.objective()) / ipm.objective())
        .isLessThanOrEqualTo(2e-8);
    // single precision: certified to what single-precision products allow
    ReluSolution f32 =
        new ProximalGradientSolver(s.withTolerance(1e-4)).withPrecision(Precision.FLOAT32).solve(p);
    assertThat(f32.stopReason()).isEqualTo(StopReason.CONVERGED);
    assertThat((f32.objective() - ipm.objective()) / ipm.objective()).isBetween(-1e-5, 1.1e-4);
  }

  @Test
  void listenerHearsEveryCheckAndCanStopTheSolve() {
    ReluProblem p = gated(0.1);
    List<ProgressListener.Progress> heard = new ArrayList<>();
    ReluSolution s =
        new ProximalGradientSolver(
                ReluSolverSettings.defaults().withTolerance(1e-12).withCheckEvery(5))
            .solve(
                p,
                null,
                pr -> {
                  heard.add(pr);
                  return heard.size() == 4
                      ? ProgressListener.Action.STOP
                      : ProgressListener.Action.CONTINUE;
                });
    assertThat(s.stopReason()).isEqualTo(StopReason.STOPPED_BY_LISTENER);
    assertThat(heard).hasSize(4);
    assertThat(heard.get(3).iteration()).isEqualTo(15);
    assertThat(s.iterations()).isEqualTo(15);
    for (int i = 1; i < heard.size(); i++) {
      assertThat(heard.get(i).seconds()).isGreaterThanOrEqualTo(heard.get(i - 1).seconds());
      assertThat(heard.get(i).certificate()).isFinite().isPositive();
    }
    assertThat(heard.get(3).objective()).isEqualTo(s.objective());
  }

  @Test
  void timeLimitStopsEverySolverWithItsBestCertifiedPoint() {
    ReluProblem p = gated(0.1);
    ReluSolverSettings tiny =
        ReluSolverSettings.defaults().withTolerance(1e-14).withTimeLimit(1e-9);
    for (ConvexReluSolver solver :
        List.of(
            new ProximalGradientSolver(tiny),
            new AdmmSolver(tiny),
            new AugmentedLagrangianSolver(tiny),
            new InteriorPointSolver(tiny))) {
      ReluSolution s =
          solver instanceof ProximalGradientSolver
              ? solver.solve(p)
              : solver.solve(p.withFormulation(Formulation.RELU));
      assertThat(s.stopReason()).as(solver.name()).isEqualTo(StopReason.TIME_LIMIT);
      assertThat(s.certificate().relativeGap()).as(solver.name()).isFinite();
    }
    assertThatThrownBy(() -> tiny.withTimeLimit(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeLimitSeconds");
  }

  @Test
  void autoPicksByShapeAndLossAndSaysWhy() {
    ReluProblem p = gated(0.1);
    assertThat(AutoSolver.choose(p).solver()).isEqualTo("ipm");
    assertThat(AutoSolver.choose(p).reason()).contains("interior-point");
    AutoSolver.Choice zero = AutoSolver.choose(p.withBeta(0));
    assertThat(zero.solver()).isEqualTo("fista");
    assertThat(zero.reason()).contains("beta = 0");
    assertThat(AutoSolver.choose(p.withBeta(0).withFormulation(Formulation.RELU)).solver())
        .isEqualTo("admm");
    // the Newton step estimate grows like n^2 B d: at n = 2000 with 300 patterns it is too dear
    double[][] x = ReluTestData.gaussian(2000, 4, 8L);
    ReluProblem big =
        new ReluProblem(
            x,
            ReluTestData.sinTargets(x, 9L),
            ActivationPatterns.sample(x, 300, 10L),
            1.0,
            Loss.SQUARED,
            Formulation.RELU);
    assertThat(AutoSolver.newtonStepMadds(big)).isGreaterThan(AutoSolver.IPM_MAX_STEP_MADDS);
    AutoSolver.Choice c = AutoSolver.choose(big);
    assertThat(c.solver()).isEqualTo("admm");
    assertThat(c.reason()).contains("multiply-adds");
    assertThat(ReluSolvers.byName("fista", ReluSolverSettings.defaults()).name())
        .isEqualTo("fista");
    assertThatThrownBy(() -> ReluSolvers.byName("newton", ReluSolverSettings.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auto, fista, al, admm, ipm");
  }
}
