package io.convopt.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConvexKernelTest {

  private static final double DELTA = 0.3;
  private final ConvexKernel k = ConvexKernel.of(DELTA);

  @Test
  void valueMatchesClosedFormInsideAndOutside() {
    // Closed forms of eq. (2), computed independently here; 1e-15 allows the last-bit rounding of
    // the two evaluation orders (values are O(1)).
    assertThat(k.value(0)).isCloseTo(DELTA / 2, within(1e-15));
    assertThat(k.value(0.1)).isCloseTo(0.01 / 0.6 + 0.15, within(1e-15));
    assertThat(k.value(-0.1)).isCloseTo(0.01 / 0.6 + 0.15, within(1e-15));
    assertThat(k.value(2.5)).isEqualTo(2.5);
    assertThat(k.value(-2.5)).isEqualTo(2.5);
    assertThat(k.derivative(0.15)).isCloseTo(0.5, within(1e-15));
    assertThat(k.derivative(-7)).isEqualTo(-1);
    assertThat(k.secondDerivative(0.2)).isCloseTo(1 / DELTA, within(1e-15));
    assertThat(k.secondDerivative(0.31)).isZero();
  }

  @Test
  void derivativesMatchCentralDifferences1D() {
    // Central differences with step e have truncation error e²/6·|g'''| (g''' = 0 away from ±δ)
    // plus rounding ~ u·|g|/e ≈ 1e-16/1e-5 = 1e-11; 1e-8 is a safe bound for both.
    double e = 1e-5;
    SplittableRandom rnd = new SplittableRandom(1);
    for (int t = 0; t < 1000; t++) {
      double x = rnd.nextDouble(-1, 1);
      if (Math.abs(Math.abs(x) - DELTA) < 2 * e) {
        continue; // the second derivative jumps at |x| = δ
      }
      double fd1 = (k.value(x + e) - k.value(x - e)) / (2 * e);
      double fd2 = (k.derivative(x + e) - k.derivative(x - e)) / (2 * e);
      assertThat(k.derivative(x)).as("g'(%s)", x).isCloseTo(fd1, within(1e-8));
      assertThat(k.secondDerivative(x)).as("g''(%s)", x).isCloseTo(fd2, within(1e-6));
    }
  }

  @Test
  void continuousAndC1AtTheWindowEdge1D() {
    // One-sided limits at ±δ from ±1e-12 away: the value moves by |g'|·1e-12 ≤ 1e-12 and the
    // derivative by g''·1e-12 = 3.4e-12, so 1e-11 separates continuity from a jump.
    for (double edge : new double[] {DELTA, -DELTA}) {
      double in = edge * (1 - 1e-12);
      double out = edge * (1 + 1e-12);
      assertThat(k.value(in)).isCloseTo(k.value(out), within(1e-11));
      assertThat(k.derivative(in)).isCloseTo(k.derivative(out), within(1e-11));
      assertThat(k.value(edge)).isCloseTo(DELTA, within(1e-15));
    }
  }

  @Test
  void gradientAndHessianMatchCentralDifferencesND() {
    // Same error budget as in 1-D; the Hessian is a difference of gradients (1e-6, as for g'').
    double e = 1e-5;
    SplittableRandom rnd = new SplittableRandom(2);
    for (int n = 1; n <= 4; n++) {
      for (int t = 0; t < 300; t++) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
          x[i] = rnd.nextDouble(-0.6, 0.6);
        }
        double r = norm(x);
        if (Math.abs(r - DELTA) < 4 * e || r < 4 * e) {
          continue;
        }
        double[] g = k.gradient(x, null);
        double[] h = k.hessian(x, null);
        for (int i = 0; i < n; i++) {
          double[] xp = x.clone();
          double[] xm = x.clone();
          xp[i] += e;
          xm[i] -= e;
          assertThat(g[i]).isCloseTo((k.value(xp) - k.value(xm)) / (2 * e), within(1e-8));
          double[] gp = k.gradient(xp, null);
          double[] gm = k.gradient(xm, null);
          for (int j = 0; j < n; j++) {
            assertThat(h[j * n + i]).isCloseTo((gp[j] - gm[j]) / (2 * e), within(1e-6));
          }
        }
        if (n == 1) {
          // The n-D formulas reduce to the 1-D ones (same formulas, last-bit rounding only).
          assertThat(k.value(x)).isCloseTo(k.value(x[0]), within(1e-15));
          assertThat(g[0]).isCloseTo(k.derivative(x[0]), within(1e-15));
        }
      }
    }
  }

  @Test
  void continuousAndC1OnTheSphereND() {
    // Points just inside/outside ‖x‖ = δ (relative 1e-12): value and gradient change by at most
    // ~1e-12·(1 + 1/δ); 1e-10 is far below any jump the formulas could have.
    SplittableRandom rnd = new SplittableRandom(3);
    for (int t = 0; t < 200; t++) {
      double[] u = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
      double nu = norm(u);
      double[] in = new double[3];
      double[] out = new double[3];
      for (int i = 0; i < 3; i++) {
        in[i] = u[i] / nu * DELTA * (1 - 1e-12);
        out[i] = u[i] / nu * DELTA * (1 + 1e-12);
      }
      assertThat(k.value(in)).isCloseTo(k.value(out), within(1e-10));
      double[] gi = k.gradient(in, null);
      double[] go = k.gradient(out, null);
      for (int i = 0; i < 3; i++) {
        assertThat(gi[i]).isCloseTo(go[i], within(1e-10));
      }
    }
  }

  @Test
  void nanPropagates() {
    assertThat(k.value(Double.NaN)).isNaN();
    assertThat(k.derivative(Double.NaN)).isNaN();
    assertThat(k.secondDerivative(Double.NaN)).isNaN();
    assertThat(k.value(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  private static double norm(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return Math.sqrt(s);
  }
}
