package io.convopt.experiments.relu;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.solve.AdmmListener;
import io.convopt.solvers.relu.solve.AdmmSolver;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ADMM (Woodbury u-step, default settings: rho 1 adaptive, over-relaxation 1.6, constraint scale
 * 1/lambda_max(X^T X)) on squared-loss CR fixtures, from zero (no warm start from AL). ADMM stops
 * when the certified relative gap at the projected (feasible) point is at most 1e-6, so the target
 * of issue 6 (reference to 1e-6 relative) is asserted. Here: a gated fixture's CR program, which no
 * other ADMM test solves. The CR fixtures (relu_sq_wdbc100 among them, same settings) are solved by
 * ADMM with the AL comparison in {@link ConstrainedFixtureSolveTest}; relu_sq_synth_teacher (about
 * 56 000 iterations, ~58 s on two shared cores) only there, with {@code -Pslow-tests}.
 */
class AdmmFixtureTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // file, iteration budget (reference: same_pattern_optima.relu)
    "gated_sq_iris_vv.json, 100000",
  })
  void reachesReferenceWithCertifiedGap(String file, int budget) throws Exception {
    ReluFixture fx = FixtureSolveTest.load(file);
    ReluProblem p = fx.problem(Formulation.RELU);
    double ref = fx.samePatternOptima().get("relu");
    AtomicReference<AdmmListener.Progress> last = new AtomicReference<>();
    AdmmSolver admm =
        new AdmmSolver(ReluSolverSettings.defaults().withTolerance(1e-6).withMaxIterations(budget))
            .withListener(
                pr -> {
                  last.set(pr);
                  return AdmmListener.Action.CONTINUE;
                });
    assertThat(admm.resolve(p)).isEqualTo(AdmmSolver.UStepMethod.WOODBURY);
    ReluSolution s = admm.solve(p);
    double rel = (s.objective() - ref) / ref;
    System.out.println(file + " admm: " + s + " rel " + rel + " last " + last.get());
    assertThat(s.stopReason()).isEqualTo(StopReason.CONVERGED);
    assertThat(last.get().iteration()).isEqualTo(s.iterations());
    assertThat(s.certificate().relativeGap()).isLessThanOrEqualTo(1e-6);
    // a feasible point cannot beat the optimum by more than the reference's own accuracy
    assertThat(rel).isGreaterThanOrEqualTo(-1e-8).isLessThanOrEqualTo(1e-6);
    assertThat(s.certificate().constraintViolation()).isLessThanOrEqualTo(1e-12);
  }

  @Test
  void cachedFactorIsNByN() throws Exception {
    ReluFixture fx = FixtureSolveTest.load("relu_sq_wdbc100.json");
    ReluProblem p = fx.problem(Formulation.RELU);
    int n = p.samples();
    int bd = 2 * p.patterns().count() * p.dimension();
    AdmmSolver admm = new AdmmSolver(ReluSolverSettings.defaults());
    assertThat(admm.withUStep(AdmmSolver.UStepMethod.WOODBURY).cachedFactorShape(p))
        .containsExactly(n, n);
    assertThat(admm.withUStep(AdmmSolver.UStepMethod.DENSE).cachedFactorShape(p))
        .containsExactly(bd, bd);
    assertThat(admm.withUStep(AdmmSolver.UStepMethod.CONJUGATE_GRADIENT).cachedFactorShape(p))
        .containsExactly(0, 0);
    assertThat(n).isLessThan(bd); // 100 x 100 instead of 800 x 800
  }
}
