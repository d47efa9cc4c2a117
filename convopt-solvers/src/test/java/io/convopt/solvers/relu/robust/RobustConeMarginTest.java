package io.convopt.solvers.relu.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The max-margin program of {@link RobustConeMargin} against closed forms and against random
 * competitors: two rows {@code a} (active) and {@code c} (inactive) with a bias column have {@code
 * t* = ||a - c||_inf / 2} (the l_inf distance of the two points, halved: the separating hyperplane
 * sits in the middle); on random data no random u achieves a larger margin than the program's
 * optimum (up to 1e-9), the witness really achieves the reported margin, and an XOR pattern (no
 * separating hyperplane) has no margin above 0.
 */
class RobustConeMarginTest {
  private static final boolean[] PERT2 = {true, true, false};

  @Test
  void twoPointsHaveHalfTheirLinfDistance() {
    SplittableRandom r = new SplittableRandom(11);
    for (int trial = 0; trial < 20; trial++) {
      double[] a = {r.nextGaussian(), r.nextGaussian(), 1};
      double[] c = {r.nextGaussian(), r.nextGaussian(), 1};
      double expected = 0.5 * Math.max(Math.abs(a[0] - c[0]), Math.abs(a[1] - c[1]));
      RobustConeMargin mg =
          RobustConeMargin.of(new double[][] {a, c}, new boolean[] {true, false}, PERT2);
      assertThat(mg.margin()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-8));
      assertThat(
              RobustConeMargin.marginOf(
                  new double[][] {a, c}, new boolean[] {true, false}, PERT2, mg.witness()))
          .isCloseTo(mg.margin(), org.assertj.core.data.Offset.offset(1e-12));
    }
  }

  @Test
  void noRandomDirectionBeatsTheOptimum() {
    SplittableRandom r = new SplittableRandom(12);
    int n = 25;
    double[][] x = new double[n][];
    boolean[] act = new boolean[n];
    for (int k = 0; k < n; k++) {
      x[k] = new double[] {r.nextGaussian(), r.nextGaussian(), 1};
      act[k] = x[k][0] + 0.3 * x[k][1] > 0.2;
    }
    double opt = RobustConeMargin.of(x, act, PERT2).margin();
    assertThat(opt).isPositive();
    for (int s = 0; s < 20_000; s++) {
      double[] u = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
      assertThat(RobustConeMargin.marginOf(x, act, PERT2, u)).isLessThanOrEqualTo(opt + 1e-9);
    }
    // a pattern that no hyperplane separates (XOR): only u = 0 reaches margin 0, its cone is {0}
    double[][] xor = {{1, 1, 1}, {-1, -1, 1}, {1, -1, 1}, {-1, 1, 1}};
    RobustConeMargin mg = RobustConeMargin.of(xor, new boolean[] {true, true, false, false}, PERT2);
    assertThat(mg.margin()).isLessThanOrEqualTo(1e-9);
    assertThat(mg.nonTrivial(0.0)).isFalse();
    assertThat(mg.nonTrivial(0.05)).isFalse();
  }
}
