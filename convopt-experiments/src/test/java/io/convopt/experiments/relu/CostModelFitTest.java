package io.convopt.experiments.relu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CostModelFitTest {

  /** Features of the ADMM iteration model over a small (n, d, B) grid: n d B, n^2, n B. */
  private static double[][] grid() {
    int[] ns = {50, 100, 400, 1600};
    int[] ds = {5, 30};
    int[] bs = {20, 300};
    double[][] f = new double[ns.length * ds.length * bs.length][];
    int i = 0;
    for (int n : ns) {
      for (int d : ds) {
        for (int b : bs) {
          f[i++] = new double[] {(double) n * d * b, (double) n * n, (double) n * b};
        }
      }
    }
    return f;
  }

  @Test
  void recoversKnownCoefficientsExactly() {
    double[][] f = grid();
    double[] c = {0.7, 2.5, 13.0};
    double[] y = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      y[i] = c[0] * f[i][0] + c[1] * f[i][1] + c[2] * f[i][2];
    }
    CostModelFit.Result r = CostModelFit.fit(f, y);
    for (int j = 0; j < c.length; j++) {
      assertThat(r.coefficients()[j]).isCloseTo(c[j], within(1e-9 * c[j]));
    }
    assertThat(r.maxFactor()).isCloseTo(1.0, within(1e-12));
    assertThat(r.fitsWithin(1.0 + 1e-9)).isTrue();
    for (int i = 0; i < f.length; i++) {
      assertThat(r.ratios()[i]).isCloseTo(1.0, within(1e-12));
    }
  }

  @Test
  void aTermWithNoEffectIsFittedAsZeroAndNegativeCoefficientsAreNotAllowed() {
    double[][] f = grid();
    double[] y = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      y[i] = 3.0 * f[i][0];
    }
    CostModelFit.Result r = CostModelFit.fit(f, y);
    assertThat(r.coefficients()[0]).isCloseTo(3.0, within(1e-9));
    assertThat(r.coefficients()[1]).isCloseTo(0.0, within(1e-9));
    assertThat(r.coefficients()[2]).isCloseTo(0.0, within(1e-9));

    // data that would want a negative n^2 coefficient: the constrained fit drops the term
    for (int i = 0; i < f.length; i++) {
      y[i] = Math.max(f[i][0] - 0.01 * f[i][1], 0.5 * f[i][0]);
    }
    CostModelFit.Result c = CostModelFit.fit(f, y);
    for (double v : c.coefficients()) {
      assertThat(v).isGreaterThanOrEqualTo(0.0);
    }
    assertThat(c.maxFactor()).isGreaterThan(1.0);
  }

  @Test
  void maxFactorIsTheWorstRatioEitherWay() {
    double[][] f = {{1}, {1}, {1}};
    // best relative fit of a constant to 1, 2, 4; the worst factor is measured both ways
    CostModelFit.Result r = CostModelFit.fit(f, new double[] {1, 2, 4});
    double c = r.coefficients()[0];
    assertThat(r.maxFactor()).isCloseTo(Math.max(4 / c, c / 1), within(1e-12));
    assertThat(r.predicted()).containsExactly(c, c, c);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> CostModelFit.fit(new double[][] {{1}}, new double[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("> 0");
    assertThatThrownBy(() -> CostModelFit.fit(new double[][] {{1}, {1, 2}}, new double[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1");
    assertThatThrownBy(() -> CostModelFit.fit(new double[][] {{0}}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
