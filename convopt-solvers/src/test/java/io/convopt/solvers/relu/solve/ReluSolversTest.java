package io.convopt.solvers.relu.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.ReluTestData;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import org.junit.jupiter.api.Test;

class ReluSolversTest {
  private static final ReluSolverSettings S = ReluSolverSettings.defaults().withTolerance(1e-5);

  @Test
  void everyNameMapsToItsSolverAndAutoIsTheDefaultChoice() {
    double[][] x = ReluTestData.gaussian(12, 2, 1);
    ReluProblem gated =
        new ReluProblem(
            x,
            ReluTestData.signLabels(x),
            ActivationPatterns.sample(x, 4, 2),
            0.5,
            Loss.LOGISTIC,
            Formulation.GATED);
    ReluProblem cr = gated.withFormulation(Formulation.RELU);
    assertThat(ReluSolvers.NAMES).containsExactly("auto", "fista", "al", "admm", "ipm");
    for (String name : ReluSolvers.NAMES.subList(1, ReluSolvers.NAMES.size())) {
      ReluSolvers.Choice c = ReluSolvers.choose(name.toUpperCase(), cr, S);
      assertThat(c.solver().name()).isEqualTo(name);
      assertThat(c.solver().settings()).isEqualTo(S);
      assertThat(c.reason()).isEqualTo("requested by name");
    }
    for (ReluProblem p : new ReluProblem[] {gated, cr}) {
      assertThat(ReluSolvers.choose("auto", p, S).solver().name())
          .isEqualTo(ReluSolvers.forProblem(p, S).name());
    }
    assertThat(ReluSolvers.forProblem(gated, S).name()).isEqualTo("auto");
    assertThat(ReluSolvers.forProblem(cr, S).name()).isEqualTo("auto");
    assertThat(ReluSolvers.choose("auto", cr, S).reason()).contains("interior-point");
    assertThatThrownBy(() -> ReluSolvers.choose("cvx", cr, S))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'cvx'")
        .hasMessageContaining("auto, fista, al, admm, ipm");
  }
}
