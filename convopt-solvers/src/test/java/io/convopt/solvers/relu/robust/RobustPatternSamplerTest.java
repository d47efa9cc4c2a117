package io.convopt.solvers.relu.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.solvers.relu.sampling.ActivationPatterns;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every pattern {@link RobustPatternSampler} keeps has a non-trivial robust cone, checked
 * independently: its gate u is exhibited and {@code (2 D_k - 1) x_k . u >= eps ||u[J]||_1} is
 * verified row by row with u[J] != 0 (and the max-margin program agrees that the margin is &gt;
 * eps). Equal seeds give identical patterns; bad arguments are named.
 */
class RobustPatternSamplerTest {
  static double[][] data(int n, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][d + 1];
    for (int k = 0; k < n; k++) {
      for (int c = 0; c < d; c++) {
        x[k][c] = r.nextGaussian();
      }
      x[k][d] = 1;
    }
    return x;
  }

  @Test
  void everyKeptPatternHasANonTrivialRobustCone() {
    double[][] x = data(60, 4, 5);
    boolean[] pert = RobustReluProblem.allBut(5, 4);
    for (double eps : new double[] {0.02, 0.1}) {
      RobustPatternSampler.Sample s = RobustPatternSampler.sample(x, pert, 4, eps, 10, 9);
      ActivationPatterns p = s.patterns();
      assertThat(p.count()).isEqualTo(10);
      for (int i = 0; i < p.count(); i++) {
        double[] u = p.gate(i);
        double l1 = 0;
        for (int c = 0; c < 4; c++) {
          l1 += Math.abs(u[c]);
        }
        boolean[] act = new boolean[x.length];
        for (int k = 0; k < x.length; k++) {
          act[k] = p.active(k, i);
          double v = 0;
          for (int c = 0; c < 5; c++) {
            v += x[k][c] * u[c];
          }
          assertThat((act[k] ? 1 : -1) * v)
              .as("pattern %d row %d", i, k)
              .isGreaterThanOrEqualTo(eps * l1);
        }
        if (i > 0) {
          assertThat(l1).as("pattern %d: u[J] != 0", i).isPositive();
          assertThat(RobustConeMargin.of(x, act, pert).margin()).isGreaterThan(eps);
        }
      }
      assertThat(s.gapRate()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void seededAndValidated() {
    double[][] x = data(30, 3, 6);
    boolean[] pert = RobustReluProblem.allBut(4, 3);
    ActivationPatterns a = RobustPatternSampler.sample(x, pert, 3, 0.05, 6, 1).patterns();
    ActivationPatterns b = RobustPatternSampler.sample(x, pert, 3, 0.05, 6, 1).patterns();
    ActivationPatterns c = RobustPatternSampler.sample(x, pert, 3, 0.05, 6, 2).patterns();
    assertThat(a.matrix()).isDeepEqualTo(b.matrix());
    assertThat(a.gates()).isDeepEqualTo(b.gates());
    assertThat(java.util.Arrays.deepEquals(a.matrix(), c.matrix())).isFalse();
    assertThatThrownBy(() -> RobustPatternSampler.sample(x, pert, 3, -0.1, 6, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eps");
    assertThatThrownBy(() -> RobustPatternSampler.sample(x, pert, 0, 0.1, 6, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bias");
  }
}
