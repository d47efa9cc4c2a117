package io.convopt.solvers.relu.barrier;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.solvers.relu.linalg.CholeskyFactor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The shared barrier numerics against independent computations: the eliminated norm epigraph
 * against its definition {@code min_t p t - log(t^2 - ||u||^2)} (minimised by ternary search) and
 * its derivatives against central differences; the slack step bound and barrier change against
 * direct evaluation; the refined Cholesky solve against a residual check with a perturbed factor.
 */
class BarrierNumericsTest {
  private static double normSq(double[] u) {
    double s = 0;
    for (double v : u) {
      s += v * v;
    }
    return s;
  }

  /** {@code min_t p t - log(t^2 - r^2) + log(p^2 / ...)}: phi up to the constant it omits. */
  private static double epigraphByMinimisation(double p, double r2) {
    double lo = Math.sqrt(r2) + 1e-300;
    double hi = Math.sqrt(r2) + 10 / p + 10;
    for (int i = 0; i < 300; i++) {
      double a = lo + (hi - lo) / 3;
      double b = hi - (hi - lo) / 3;
      if (p * a - Math.log(a * a - r2) < p * b - Math.log(b * b - r2)) {
        hi = b;
      } else {
        lo = a;
      }
    }
    double t = 0.5 * (lo + hi);
    return p * t - Math.log(t * t - r2);
  }

  @Test
  void normEpigraphIsThePartialMinimumWithMatchingDerivatives() {
    SplittableRandom r = new SplittableRandom(5);
    for (int trial = 0; trial < 20; trial++) {
      double p = 0.1 + 5 * r.nextDouble();
      double p2 = p * p;
      double[] u = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
      double[] du = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
      double n2 = normSq(u);
      // phi = min_t (p t - log(t^2 - ||u||^2)) + log(p^2) - log 2 ... up to a constant in u:
      // differences in u must agree
      double[] v = {u[0] + 0.3, u[1] - 0.2, u[2]};
      double direct = epigraphByMinimisation(p, normSq(v)) - epigraphByMinimisation(p, n2);
      double closed = NormEpigraph.value(p2, normSq(v)) - NormEpigraph.value(p2, n2);
      assertThat(closed).isCloseTo(direct, org.assertj.core.data.Offset.offset(1e-9));
      // value change from (u . du, ||du||^2) equals the difference of values
      double alpha = 0.7;
      double ud = u[0] * du[0] + u[1] * du[1] + u[2] * du[2];
      double[] w = new double[3];
      for (int a = 0; a < 3; a++) {
        w[a] = u[a] + alpha * du[a];
      }
      double change = NormEpigraph.valueChange(p2, n2, ud, normSq(du), alpha);
      double diff = NormEpigraph.value(p2, normSq(w)) - NormEpigraph.value(p2, n2);
      assertThat(change).isCloseTo(diff, org.assertj.core.data.Offset.offset(1e-10 * (1 + p2)));
      // gradient tangential * u and Hessian tangential I + rankOne u u^T by central differences
      double h = 1e-5;
      double tg = NormEpigraph.tangential(p2, n2);
      double f2 = NormEpigraph.rankOne(p2, n2);
      for (int a = 0; a < 3; a++) {
        double[] up = u.clone();
        double[] um = u.clone();
        up[a] += h;
        um[a] -= h;
        double fd =
            (NormEpigraph.value(p2, normSq(up)) - NormEpigraph.value(p2, normSq(um))) / (2 * h);
        assertThat(fd).isCloseTo(tg * u[a], org.assertj.core.data.Offset.offset(1e-6 * (1 + p2)));
        for (int b = 0; b < 3; b++) {
          double gp = NormEpigraph.tangential(p2, normSq(up)) * up[b];
          double gm = NormEpigraph.tangential(p2, normSq(um)) * um[b];
          double hess = (a == b ? tg : 0) + f2 * u[a] * u[b];
          assertThat((gp - gm) / (2 * h))
              .isCloseTo(hess, org.assertj.core.data.Offset.offset(1e-6 * (1 + p2 * p2)));
        }
      }
      // the radial eigenvalue: Hessian along u / ||u|| is tangential + rankOne ||u||^2
      assertThat(NormEpigraph.radial(p2, n2))
          .isCloseTo(tg + f2 * n2, org.assertj.core.data.Offset.offset(1e-12 * (1 + p2)));
    }
  }

  @Test
  void slackStepAndLogChangeMatchDirectEvaluation() {
    double[] v = {1.0, 2.0, 0.5, 1.0};
    double[] dv = {-2.0, 1.0, -0.25, 0.0};
    assertThat(LinearSlacks.maxStep(Double.POSITIVE_INFINITY, v, dv)).isEqualTo(0.5);
    assertThat(LinearSlacks.maxStep(0.1, v, dv)).isEqualTo(0.1);
    double alpha = 0.3;
    double direct = 0;
    for (int i = 0; i < v.length; i++) {
      direct += -Math.log(v[i] + alpha * dv[i]) + Math.log(v[i]);
    }
    assertThat(LinearSlacks.logChange(alpha, v, dv))
        .isCloseTo(direct, org.assertj.core.data.Offset.offset(1e-14));
    assertThat(LinearSlacks.logChange(0.5, v, dv)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void refinementRepairsAnInexactFactor() {
    SplittableRandom r = new SplittableRandom(3);
    int m = 6;
    double[] a = new double[m * m];
    double[][] g = new double[m][m];
    for (double[] row : g) {
      for (int j = 0; j < m; j++) {
        row[j] = r.nextGaussian();
      }
    }
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        for (int k = 0; k < m; k++) {
          a[i * m + j] += g[i][k] * g[j][k];
        }
      }
      a[i * m + i] += 1;
    }
    double[] approx = a.clone();
    for (int i = 0; i < m; i++) {
      approx[i * m + i] *= 1.01; // a factor of a slightly wrong matrix
    }
    double[] b = new double[m];
    for (int i = 0; i < m; i++) {
      b[i] = r.nextGaussian();
    }
    RefinedCholesky.Product prod =
        (v, out) -> {
          for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
              s += a[i * m + j] * v[j];
            }
            out[i] = s;
          }
        };
    double[] res = new double[m];
    double prev = Double.POSITIVE_INFINITY;
    for (int rounds : new int[] {0, 2, 6}) {
      double[] x = new double[m];
      RefinedCholesky.solve(new CholeskyFactor(approx, m), prod, b, x, rounds);
      prod.apply(x, res);
      double e = 0;
      for (int i = 0; i < m; i++) {
        e = Math.max(e, Math.abs(res[i] - b[i]));
      }
      assertThat(e).as("residual after %d rounds", rounds).isLessThan(prev);
      prev = e;
    }
    assertThat(prev).isLessThan(1e-9);
  }
}
