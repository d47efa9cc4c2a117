package io.convopt.solvers.conv;

import io.convopt.kernel.Box;
import io.convopt.solvers.api.Problem;

/** Test functions with a known, well-separated global maximum and a lower local one. */
final class TwoPeaks {

  private TwoPeaks() {}

  static final double G1 = 0.35;
  static final double L1 = -0.5;

  /**
   * 1-D: global bump at 0.35 (height 1), local bump at −0.5 (height 0.6), width 0.05, on [−1, 1].
   */
  static Problem oneD() {
    Box box = Box.of(new double[] {-1}, new double[] {1});
    return Problem.of("two-peaks-1d", x -> bump(x[0] - G1, 0.05) + 0.6 * bump(x[0] - L1, 0.05), box)
        .withKnownOptimum(new double[] {G1}, 1.0);
  }

  static final double[] G2 = {0.3, 0.2};
  static final double[] L2 = {-0.5, -0.4};

  /**
   * 2-D: global bump at (0.3, 0.2), local at (−0.5, −0.4) (height 0.6), width 0.15, on [−1, 1]².
   */
  static Problem twoD() {
    Box box = Box.of(new double[] {-1, -1}, new double[] {1, 1});
    return Problem.of("two-peaks-2d", x -> bump2(x, G2, 0.15) + 0.6 * bump2(x, L2, 0.15), box)
        .withKnownOptimum(G2.clone(), 1.0);
  }

  static double bump(double d, double s) {
    return Math.exp(-d * d / (2 * s * s));
  }

  static double bump2(double[] x, double[] c, double s) {
    double dx = x[0] - c[0];
    double dy = x[1] - c[1];
    return Math.exp(-(dx * dx + dy * dy) / (2 * s * s));
  }

  static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }
}
