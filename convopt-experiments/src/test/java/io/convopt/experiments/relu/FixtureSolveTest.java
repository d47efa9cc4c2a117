package io.convopt.experiments.relu;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.solvers.relu.ConvexReluSolver;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.TwoLayerNetwork;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public (non-robust) fixture: the solver reaches the CLARABEL reference optimum to 1e-6
 * relative and certifies it. Tolerances: the fixture README's suggested acceptance thresholds
 * (references agree among CLARABEL/ECOS/SCS to 3e-9, so 1e-6 is far above reference noise); the
 * solve is run at tolerance 1e-7 so that the certified bound (gap <= 1e-7 x objective) leaves
 * room under 1e-6 for the RELU programs, whose gap is exact only up to the (<= 1e-10 scaled)
 * cone violation.
 */
class FixtureSolveTest {
  static final String[] FILES = {
    "gated_sq_synth1d.json",
    "gated_sq_iris_vv.json",
    "gated_sq_synth_teacher.json",
    "relu_sq_synth_circle.json",
    "relu_sq_wdbc100.json",
    "relu_sq_synth_teacher.json",
    "relu_hinge_synth_xor.json",
  };

  static ReluFixture load(String file) throws Exception {
    try (InputStream in =
        FixtureSolveTest.class.getResourceAsStream("/fixtures/convex-relu/" + file)) {
      assertThat(in).as(file).isNotNull();
      return ReluFixture.parse(in, file);
    }
  }

  static Stream<String> files() {
    return Stream.of(FILES);
  }

  static final ReluSolverSettings SETTINGS =
      ReluSolverSettings.defaults().withTolerance(1e-7).withMaxIterations(200_000);

  @ParameterizedTest
  @MethodSource("files")
  void bothFormulationsReachTheirReferencesCertifyAndRecover(String file) throws Exception {
    ReluFixture fx = load(file);
    ReluSolution[] sol = new ReluSolution[2];
    Formulation[] fs = {Formulation.GATED, Formulation.RELU};
    for (int i = 0; i < 2; i++) {
      Formulation f = fs[i];
      double ref = f == fx.formulation()
          ? fx.referenceObjective()
          : fx.samePatternOptima().get(f.id());
      ReluProblem p = fx.problem(f);
      ReluSolution s = ConvexReluSolver.forProblem(p, SETTINGS).solve(p);
      sol[i] = s;
      System.out.println(file + " as " + f.id() + ": " + s + " ref=" + ref);
      assertThat(s.stopReason()).as(f.id()).isEqualTo(StopReason.CONVERGED);
      double rel = Math.abs(s.objective() - ref) / ref;
      assertThat(rel).as(f.id() + ": relative objective difference").isLessThanOrEqualTo(1e-6);
      assertThat(s.certificate().relativeGap()).as(f.id()).isLessThanOrEqualTo(1e-6);
      assertThat(s.certificate().gap()).isGreaterThanOrEqualTo(-1e-9 * s.objective());
      if (f == Formulation.RELU) {
        assertThat(s.certificate().constraintViolation()).isLessThanOrEqualTo(1e-9);
        assertThat(s.certificate().stationarity()).isLessThanOrEqualTo(1e-6);
        assertThat(s.certificate().complementarity()).isLessThanOrEqualTo(1e-6);
      }
      // the recovered non-convex network has the convex objective (1e-8 relative)
      TwoLayerNetwork net = TwoLayerNetwork.recover(p, s);
      double nc = net.objective(fx.x(), fx.y(), fx.beta(), fx.loss());
      assertThat(Math.abs(nc - s.objective()) / s.objective())
          .as(f.id() + ": recovered network").isLessThanOrEqualTo(1e-8);
    }
    // min(CG) <= min(CR) on the same patterns, up to the certified gap of the gated solve
    assertThat(sol[0].objective() - sol[0].certificate().gap())
        .isLessThanOrEqualTo(sol[1].objective());
  }
}
