package io.convopt.solvers.relu.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.solve.ProximalGradientSolver;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScenarioBoundTest {

  /** Exact binomial tail in 50-digit decimal arithmetic (independent of the log-space sum). */
  static double exactTail(int n, double eps, int zeta) {
    MathContext mc = new MathContext(50);
    BigDecimal e = new BigDecimal(eps);
    BigDecimal om = BigDecimal.ONE.subtract(e);
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal binom = BigDecimal.ONE;
    for (int i = 0; i < zeta; i++) {
      if (i > 0) {
        binom = binom.multiply(BigDecimal.valueOf(n - i + 1)).divide(BigDecimal.valueOf(i), mc);
      }
      sum = sum.add(binom.multiply(e.pow(i, mc), mc).multiply(om.pow(n - i, mc), mc), mc);
    }
    return sum.doubleValue();
  }

  @Test
  void tailMatchesExactArithmeticAndClosedForms() {
    int[][] cases = {{50, 3}, {200, 10}, {1000, 40}};
    for (int[] c : cases) {
      for (double eps : new double[] {0.01, 0.05, 0.2}) {
        double got = Math.exp(ScenarioBound.logTail(c[0], eps, c[1]));
        double ref = exactTail(c[0], eps, c[1]);
        // 1e-12 relative: log-space summation of <= 40 terms loses a few ulps per term
        assertThat(Math.abs(got - ref)).isLessThanOrEqualTo(1e-12 * ref + 1e-300);
      }
    }
    // zeta = 1: (1 - eps)^N <= delta  <=>  N >= ln(delta) / ln(1 - eps)
    int n1 = ScenarioBound.requiredDraws(0.05, 1e-3, 1);
    assertThat(n1).isEqualTo((int) Math.ceil(Math.log(1e-3) / Math.log1p(-0.05)));
    // Calafiore's sufficient size is an upper bound on the exact minimal one
    int n40 = ScenarioBound.requiredDraws(0.05, 1e-3, 40);
    assertThat(n40).isLessThanOrEqualTo((int) Math.ceil(2 / 0.05 * (Math.log(1e3) + 39)));
    assertThat(exactTail(n40, 0.05, 40)).isLessThanOrEqualTo(1e-3);
    assertThat(exactTail(n40 - 1, 0.05, 40)).isGreaterThan(1e-3);
    // achieved() inverts requiredDraws()
    ScenarioBound b = ScenarioBound.achieved(n40, 40, 1e-3);
    assertThat(b.epsilon()).isLessThanOrEqualTo(0.05).isGreaterThan(0.049);
    assertThat(ScenarioBound.achieved(10, 40, 1e-3).epsilon()).isEqualTo(1.0);
  }

  @Test
  void rejectsBadParameters() {
    assertThatThrownBy(() -> ScenarioBound.requiredDraws(0, 0.1, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("epsilon");
    assertThatThrownBy(() -> ScenarioBound.requiredDraws(0.1, 1.5, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delta");
    assertThatThrownBy(() -> ScenarioBound.achieved(10, 0, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decisionVariables");
  }

  /**
   * Empirical check of the guarantee on 2-D data (n = 30, two features + bias): sample the number
   * of gates the rule requires for eps = 0.05 at confidence 1 - 1e-3, solve (CG) with R-FISTA to a
   * 1e-9 relative duality gap, then estimate the probability that a fresh Gaussian gate's pattern
   * violates the dual constraint ||X^T D z|| <= beta (z = y - yhat) with 20 000 fresh gates from an
   * independent seed. The estimate's standard error is <= sqrt(0.05 * 0.95 / 20000) = 1.5e-3, so
   * asserting <= eps is safe when the guarantee holds; a 1e-6 relative margin on beta absorbs the
   * solver's residual inaccuracy.
   */
  @Test
  void freshPatternsRarelyImproveTheSampledSolution() {
    SplittableRandom r = new SplittableRandom(11);
    int n = 30;
    double[][] x = new double[n][3];
    double[] y = new double[n];
    for (int k = 0; k < n; k++) {
      x[k][0] = r.nextGaussian();
      x[k][1] = r.nextGaussian();
      x[k][2] = 1;
      y[k] = Math.hypot(x[k][0], x[k][1]) < 1.1 ? 1 : -1;
    }
    double eps = 0.05;
    ActivationPatterns pats = ScenarioBound.sampleUntil(x, eps, 1e-3, 2024L);
    ScenarioBound bound = ScenarioBound.of(pats, 1e-3);
    assertThat(bound.epsilon()).isLessThanOrEqualTo(eps);
    double beta = 0.05;
    ReluProblem p = new ReluProblem(x, y, pats, beta, Loss.SQUARED, Formulation.GATED);
    ReluSolution s =
        new ProximalGradientSolver(ReluSolverSettings.defaults().withTolerance(1e-9)).solve(p);
    assertThat(s.certificate().relativeGap()).isLessThanOrEqualTo(1e-9);
    double[] yhat = s.trainingPredictions();
    double[] z = new double[n];
    for (int k = 0; k < n; k++) {
      z[k] = y[k] - yhat[k];
    }
    SplittableRandom fresh = new SplittableRandom(99);
    int trials = 20_000;
    int violations = 0;
    for (int t = 0; t < trials; t++) {
      double[] g = {fresh.nextGaussian(), fresh.nextGaussian(), fresh.nextGaussian()};
      double[] v = new double[3];
      for (int k = 0; k < n; k++) {
        if (x[k][0] * g[0] + x[k][1] * g[1] + x[k][2] * g[2] >= 0) {
          for (int c = 0; c < 3; c++) {
            v[c] += x[k][c] * z[k];
          }
        }
      }
      if (Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]) > beta * (1 + 1e-6)) {
        violations++;
      }
    }
    double rate = (double) violations / trials;
    System.out.printf("%s; P=%d; empirical violation rate %.4f%n", bound, pats.count(), rate);
    assertThat(rate).isLessThanOrEqualTo(eps);
  }
}
