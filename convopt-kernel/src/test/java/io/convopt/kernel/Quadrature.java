package io.convopt.kernel;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.function.DoubleUnaryOperator;

/**
 * Independent reference quadrature for the tests (not shared with main code): globally adaptive
 * 15-point Gauss–Kronrod (the QUADPACK QAG strategy: keep bisecting the sub-interval with the
 * largest error estimate |K15 − G7| until their sum is below the tolerance or a subdivision budget
 * is spent), on pieces split at the caller's breakpoints (the kernel kinks θ ± δ), plus a u²
 * substitution that removes an integrable logarithmic pole at an interior point. Gauss–Kronrod
 * never evaluates end points, and the bounded budget cannot blow up on noisy (nested) integrands.
 */
final class Quadrature {

  private static final double[] XGK = {
    0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
    0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
    0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
    0.207784955007898467600689403773245, 0.0
  };
  private static final double[] WGK = {
    0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
    0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
    0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
    0.204432940075298892414161999234649, 0.209482141084727828012999174891714
  };

  /** 7-point Gauss weights for the Kronrod nodes 1, 3, 5, 7. */
  private static final double[] WG = {
    0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
    0.381830050505118944950369775488975, 0.417959183673469387755102040816327
  };

  private static final int MAX_INTERVALS = 400;

  private Quadrature() {}

  /** ∫_a^b f, split at the breakpoints that lie inside (a, b); absolute tolerance tol. */
  static double integrate(DoubleUnaryOperator f, double a, double b, double tol, double... breaks) {
    double[] pts = cuts(a, b, breaks);
    double sum = 0;
    for (int i = 0; i + 1 < pts.length; i++) {
      sum += adaptive(f, pts[i], pts[i + 1], tol * (pts[i + 1] - pts[i]) / (b - a));
    }
    return sum;
  }

  /**
   * ∫_a^b f for f with an integrable singularity at the interior point {@code pole}: on each side x
   * = pole ± u², dx = 2u du, which turns ln-type poles into continuous integrands. Breakpoints are
   * mapped through the same substitution.
   */
  static double integrateWithPole(
      DoubleUnaryOperator f, double a, double b, double pole, double tol, double... breaks) {
    return integrateSide(f, pole, b - pole, +1, tol / 2, breaks)
        + integrateSide(f, pole, pole - a, -1, tol / 2, breaks);
  }

  private static double integrateSide(
      DoubleUnaryOperator f, double pole, double length, int sign, double tol, double[] breaks) {
    double[] ub = new double[breaks.length];
    for (int i = 0; i < breaks.length; i++) {
      double d = sign * (breaks[i] - pole);
      ub[i] = d > 0 ? Math.sqrt(d) : -1;
    }
    // When u² is below half an ulp of the pole, pole ± u² rounds to the pole itself; the part of
    // the integral from such u (|u| < 1e-8) is below 1e-12 for ln^k-type poles (k ≤ 4), so it is
    // dropped instead of evaluating f at the pole.
    DoubleUnaryOperator g =
        u -> {
          double x = pole + sign * u * u;
          return x == pole ? 0 : 2 * u * f.applyAsDouble(x);
        };
    return integrate(g, 0, Math.sqrt(length), tol, ub);
  }

  private static double[] cuts(double a, double b, double[] breaks) {
    double[] pts = new double[breaks.length + 2];
    int n = 0;
    pts[n++] = a;
    for (double x : breaks) {
      if (x > a && x < b) {
        pts[n++] = x;
      }
    }
    pts[n++] = b;
    double[] r = Arrays.copyOf(pts, n);
    Arrays.sort(r);
    return r;
  }

  /** {a, b, K15 estimate, error estimate}. */
  private static double[] gk15(DoubleUnaryOperator f, double a, double b) {
    double c = 0.5 * (a + b);
    double h = 0.5 * (b - a);
    double fc = f.applyAsDouble(c);
    double k = fc * WGK[7];
    double g = fc * WG[3];
    for (int j = 0; j < 7; j++) {
      double s = f.applyAsDouble(c - h * XGK[j]) + f.applyAsDouble(c + h * XGK[j]);
      k += WGK[j] * s;
      if (j % 2 == 1) {
        g += WG[j / 2] * s;
      }
    }
    return new double[] {a, b, k * h, Math.abs((k - g) * h)};
  }

  private static double adaptive(DoubleUnaryOperator f, double a, double b, double tol) {
    PriorityQueue<double[]> q = new PriorityQueue<>((x, y) -> Double.compare(y[3], x[3]));
    q.add(gk15(f, a, b));
    double sum = q.peek()[2];
    double err = q.peek()[3];
    int intervals = 1;
    while (err > tol && intervals < MAX_INTERVALS) {
      double[] worst = q.poll();
      double m = 0.5 * (worst[0] + worst[1]);
      double[] l = gk15(f, worst[0], m);
      double[] r = gk15(f, m, worst[1]);
      sum += l[2] + r[2] - worst[2];
      err += l[3] + r[3] - worst[3];
      q.add(l);
      q.add(r);
      intervals++;
    }
    // Re-add from scratch to drop the drift of the running sums.
    double total = 0;
    for (double[] iv : q) {
      total += iv[2];
    }
    return total;
  }
}
