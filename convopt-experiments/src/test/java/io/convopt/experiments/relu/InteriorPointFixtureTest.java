package io.convopt.experiments.relu;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.solvers.relu.Certificate;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.TwoLayerNetwork;
import io.convopt.solvers.relu.ipm.InteriorPointSolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The interior-point solver on every public (non-robust) fixture, in its own formulation and in the
 * other one (references: {@code reference.optimal_objective} and {@code same_pattern_optima}): the
 * objective is within 1e-6 relative of the CLARABEL optimum (references agree among solvers to
 * ~3e-9), the certified relative gap of the returned point is at most 1e-6, the point is exactly
 * feasible (scaled violation at rounding level, 1e-12), the certificate's dual bound is below the
 * reference, and the recovered non-convex network has the convex objective (1e-9).
 */
class InteriorPointFixtureTest {
  static final ReluSolverSettings SETTINGS = ReluSolverSettings.defaults().withTolerance(1e-6);

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
    "gated_sq_synth1d.json, gated",
    "gated_sq_iris_vv.json, gated",
    "gated_sq_synth_teacher.json, gated",
    "relu_sq_synth_circle.json, relu",
    "relu_sq_wdbc100.json, relu",
    "relu_sq_synth_teacher.json, relu",
    "relu_hinge_synth_xor.json, relu",
    "gated_sq_synth1d.json, relu",
    "gated_sq_iris_vv.json, relu",
    "gated_sq_synth_teacher.json, relu",
    "relu_sq_synth_circle.json, gated",
    "relu_sq_wdbc100.json, gated",
    "relu_sq_synth_teacher.json, gated",
    "relu_hinge_synth_xor.json, gated",
  })
  void reachesReferenceWithCertifiedGap(String file, String formulation) throws Exception {
    ReluFixture fx = FixtureSolveTest.load(file);
    Formulation f = Formulation.parse(formulation);
    double ref = fx.samePatternOptima().get(f.id());
    ReluProblem p = fx.problem(f);
    ReluSolution s = new InteriorPointSolver(SETTINGS).solve(p);
    double rel = (s.objective() - ref) / ref;
    System.out.printf("%s as %s: %s rel %.3g%n", file, f.id(), s, rel);
    Certificate c = s.certificate();
    assertThat(s.stopReason()).isEqualTo(StopReason.CONVERGED);
    assertThat(s.solver()).isEqualTo("ipm");
    assertThat(Math.abs(rel)).as("relative objective").isLessThanOrEqualTo(1e-6);
    assertThat(c.relativeGap()).as("certified gap").isLessThanOrEqualTo(1e-6);
    assertThat(c.gap()).isGreaterThanOrEqualTo(0);
    assertThat(c.dual()).as("dual bound").isLessThanOrEqualTo(ref * (1 + 1e-8));
    assertThat(c.primal()).isEqualTo(s.objective());
    assertThat(c.constraintViolation()).as("returned point feasible").isLessThanOrEqualTo(1e-12);
    TwoLayerNetwork net = TwoLayerNetwork.recover(p, s);
    double nc = net.objective(fx.x(), fx.y(), fx.beta(), fx.loss());
    assertThat(Math.abs(nc - s.objective()) / s.objective())
        .as("recovered network")
        .isLessThanOrEqualTo(1e-9);
  }
}
