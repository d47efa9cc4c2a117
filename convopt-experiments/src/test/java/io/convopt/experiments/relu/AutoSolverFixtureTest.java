package io.convopt.experiments.relu;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.ProgressListener;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.solve.AutoSolver;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default solver ({@link AutoSolver}, with the choice it reports) on every public non-robust
 * fixture as the constrained program (the gated ones go through the default in {@link
 * FixtureSolveTest}): it converges, certifies a relative gap of at most 1e-6 and matches the
 * CLARABEL reference (its own formulation, or the fixture's same-pattern optimum) to 1e-6.
 */
class AutoSolverFixtureTest {
  static final String[] FILES = {
    "gated_sq_iris_vv.json",
    "gated_sq_synth_teacher.json",
    "relu_sq_synth_circle.json",
    "relu_sq_wdbc100.json",
    "relu_sq_synth_teacher.json",
    "relu_hinge_synth_xor.json"
  };

  static Stream<Arguments> cases() {
    return Stream.of(FILES).map(f -> Arguments.of(f, "relu"));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void defaultSolverCertifiesTheReferenceOptimum(String file, String formulation) throws Exception {
    ReluFixture fx = FixtureSolveTest.load(file);
    Formulation f = Formulation.parse(formulation);
    Double ref =
        f == fx.formulation() ? fx.referenceObjective() : fx.samePatternOptima().get(f.id());
    assertThat(ref).as("reference of %s as %s", file, formulation).isNotNull();
    ReluProblem p = fx.problem(f);
    AutoSolver.Explained e =
        new AutoSolver(ReluSolverSettings.defaults().withTolerance(1e-7))
            .solveExplained(p, null, ProgressListener.none());
    ReluSolution s = e.solution();
    System.out.println(file + " as " + formulation + ": " + e.choice() + " -> " + s);
    assertThat(e.choice().reason()).isNotBlank();
    assertThat(e.choice().solver()).isEqualTo(s.solver());
    assertThat(s.stopReason()).isEqualTo(StopReason.CONVERGED);
    assertThat(s.certificate().relativeGap()).isLessThanOrEqualTo(1e-6);
    assertThat(Math.abs(s.objective() - ref) / ref).isLessThanOrEqualTo(1e-6);
  }
}
