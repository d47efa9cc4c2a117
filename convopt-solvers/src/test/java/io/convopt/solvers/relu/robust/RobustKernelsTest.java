package io.convopt.solvers.relu.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.linalg.CholeskyFactor;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Independent checks of the ADMM kernels: the robust-cone projection satisfies the projection
 * variational inequality {@code (w - P(w)) . (c - P(w)) <= 0} for random points c of the cone and
 * {@code P(w) in C}; the loss prox beats random nearby points on its own objective (a minimiser
 * cannot be improved); the Cholesky solve reproduces b. Tolerances 1e-9 (relative to O(1) data,
 * well above rounding of the O(n) sums involved).
 */
class RobustKernelsTest {
  @Test
  void coneProjectionIsTheProjection() {
    SplittableRandom r = new SplittableRandom(3);
    int n = 7;
    int m = 3;
    for (int trial = 0; trial < 500; trial++) {
      double eps = 0.05 + r.nextDouble();
      double[] w = new double[n + m];
      for (int i = 0; i < w.length; i++) {
        w[i] = 2 * r.nextGaussian();
      }
      double[] p = w.clone();
      RobustConeProjection.project(p, 0, n, m, eps);
      double l1 = 0;
      for (int j = 0; j < m; j++) {
        l1 += Math.abs(p[n + j]);
      }
      for (int k = 0; k < n; k++) {
        assertThat(p[k]).isGreaterThanOrEqualTo(eps * l1 - 1e-12);
      }
      for (int s = 0; s < 50; s++) {
        double[] c = new double[n + m];
        double cl1 = 0;
        for (int j = 0; j < m; j++) {
          c[n + j] = r.nextGaussian();
          cl1 += Math.abs(c[n + j]);
        }
        for (int k = 0; k < n; k++) {
          c[k] = eps * cl1 + Math.abs(r.nextGaussian());
        }
        double vi = 0;
        for (int i = 0; i < n + m; i++) {
          vi += (w[i] - p[i]) * (c[i] - p[i]);
        }
        assertThat(vi).isLessThanOrEqualTo(1e-9);
      }
    }
  }

  @Test
  void lossProxIsAMinimiser() {
    SplittableRandom r = new SplittableRandom(4);
    int m = 3;
    for (Loss loss : new Loss[] {Loss.HINGE, Loss.SQUARED}) {
      for (int trial = 0; trial < 300; trial++) {
        double y = r.nextBoolean() ? 1 : -1;
        double eps = 0.1 * r.nextDouble();
        double tau = Math.exp(2 * r.nextGaussian());
        double[] q0 = new double[1 + m];
        for (int i = 0; i <= m; i++) {
          q0[i] = 2 * r.nextGaussian();
        }
        double[] q = q0.clone();
        RobustLossProx.prox(loss, y, eps, tau, q, 0, m);
        double best = objective(loss, y, eps, tau, q0, q);
        for (int s = 0; s < 200; s++) {
          double[] t = q.clone();
          double h = Math.pow(10, -1 - 5 * r.nextDouble());
          for (int i = 0; i <= m; i++) {
            t[i] += h * r.nextGaussian();
          }
          assertThat(objective(loss, y, eps, tau, q0, t)).isGreaterThanOrEqualTo(best - 1e-12);
        }
      }
    }
  }

  static double objective(Loss loss, double y, double eps, double tau, double[] q0, double[] q) {
    double l1 = 0;
    for (int j = 1; j < q.length; j++) {
      l1 += Math.abs(q[j]);
    }
    double d = 0;
    for (int i = 0; i < q.length; i++) {
      d += (q[i] - q0[i]) * (q[i] - q0[i]);
    }
    return RobustLoss.value(loss, y, q[0], eps * l1) + d / (2 * tau);
  }

  @Test
  void choleskySolves() {
    SplittableRandom r = new SplittableRandom(8);
    int n = 9;
    double[] b = new double[n * n];
    for (int i = 0; i < n * n; i++) {
      b[i] = r.nextGaussian();
    }
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = i == j ? 1 : 0;
        for (int k = 0; k < n; k++) {
          s += b[i * n + k] * b[j * n + k];
        }
        a[i * n + j] = s;
      }
    }
    double[] rhs = new double[n];
    for (int i = 0; i < n; i++) {
      rhs[i] = r.nextGaussian();
    }
    // the shared factor the robust ADMM uses for its x-update matrix K
    double[] x = rhs.clone();
    new CholeskyFactor(a, n).solveInPlace(x);
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += a[i * n + j] * x[j];
      }
      assertThat(s).isCloseTo(rhs[i], org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void problemRejectsBadInput() {
    double[][] x = {{1, 1}, {-1, 1}};
    ActivationPatterns p = ActivationPatterns.enumerate(x);
    boolean[] mask = RobustReluProblem.allBut(2, 1);
    assertThatThrownBy(
            () -> new RobustReluProblem(x, new double[] {1, 0}, p, 0.1, 0.1, mask, Loss.HINGE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("y:");
    assertThatThrownBy(
            () -> new RobustReluProblem(x, new double[] {1, -1}, p, 0.1, -1, mask, Loss.HINGE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eps");
    assertThatThrownBy(
            () -> new RobustReluProblem(x, new double[] {1, -1}, p, 0.1, 0.1, mask, Loss.LOGISTIC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loss");
    assertThatThrownBy(() -> new PgdAttack(0.1, 0, 1, 0.01, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("steps");
  }
}
