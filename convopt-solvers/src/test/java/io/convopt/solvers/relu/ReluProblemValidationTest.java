package io.convopt.solvers.relu;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.solvers.relu.linalg.Checks;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import org.junit.jupiter.api.Test;

class ReluProblemValidationTest {
  private final double[][] x = ReluTestData.x1d(10, 1);
  private final double[] y = ReluTestData.sinTargets(x, 2);
  private final ActivationPatterns p = ActivationPatterns.sample(x, 8, 3);

  @Test
  void rejectsNonFiniteFeatures() {
    double[][] bad = Checks.copy(x);
    bad[3][0] = Double.NaN;
    assertThatThrownBy(() -> new ReluProblem(bad, y, p, 0.1, Loss.SQUARED, Formulation.GATED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X")
        .hasMessageContaining("(3,0)");
    bad[3][0] = Double.POSITIVE_INFINITY;
    assertThatThrownBy(() -> ActivationPatterns.sample(bad, 5, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X");
  }

  @Test
  void rejectsLabelRowMismatch() {
    assertThatThrownBy(
            () -> new ReluProblem(x, new double[9], p, 0.1, Loss.SQUARED, Formulation.GATED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("y")
        .hasMessageContaining("9");
  }

  @Test
  void rejectsNegativeOrNanBeta() {
    assertThatThrownBy(() -> new ReluProblem(x, y, p, -1e-3, Loss.SQUARED, Formulation.GATED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beta");
    assertThatThrownBy(() -> new ReluProblem(x, y, p, Double.NaN, Loss.SQUARED, Formulation.RELU))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beta");
  }

  @Test
  void rejectsZeroPatterns() {
    int[][] none = new int[x.length][0];
    assertThatThrownBy(() -> ActivationPatterns.of(x, none, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zero patterns");
    int[][] zeroCol = new int[x.length][1];
    assertThatThrownBy(() -> ActivationPatterns.of(x, zeroCol, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("all-zero");
    // a gate that is negative on every row leaves no pattern at all
    double[][] pos = new double[x.length][];
    for (int k = 0; k < x.length; k++) {
      pos[k] = new double[] {1.0};
    }
    assertThatThrownBy(() -> ActivationPatterns.fromGates(pos, new double[][] {{-1.0}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zero patterns");
  }

  @Test
  void rejectsRaggedMatrices() {
    double[][] ragged = Checks.copy(x);
    ragged[4] = new double[] {1.0};
    assertThatThrownBy(() -> new ReluProblem(ragged, y, p, 0.1, Loss.SQUARED, Formulation.GATED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ragged")
        .hasMessageContaining("row 4");
    int[][] d = p.matrix();
    d[2] = new int[] {1};
    assertThatThrownBy(() -> ActivationPatterns.of(x, d, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("D")
        .hasMessageContaining("ragged");
  }

  @Test
  void rejectsNonSignLabelsForHingeAndGatesThatDoNotReproduceD() {
    assertThatThrownBy(() -> new ReluProblem(x, y, p, 0.1, Loss.HINGE, Formulation.RELU))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("labels");
    int[][] d = p.matrix();
    double[][] g = p.gates();
    for (int i = 0; i < g[0].length; i++) {
      g[0][i] = -g[0][i];
      g[1][i] = -g[1][i];
    }
    assertThatThrownBy(() -> ActivationPatterns.of(x, d, g))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not reproduce D");
  }

  @Test
  void robustFormulationIsNotSupportedYet() {
    assertThatThrownBy(() -> new ReluProblem(x, y, p, 0.1, Loss.SQUARED, Formulation.RELU_ROBUST))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("not supported yet");
  }
}
