package io.convopt.solvers.relu.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Lawson–Hanson cone projection against brute-force face enumeration in R^3 (the projection lies in
 * the relative interior of a face: the cone interior, a facet plane, an edge line, or the origin;
 * the closest feasible candidate is the projection). Tolerance 1e-10 relative: both are exact up to
 * rounding of small (<= 3 x 3) linear solves on O(1) data.
 */
class PolyhedralConeTest {

  static double[] bruteForce(double[][] a, double[] c) {
    double[] best = new double[3];
    double bestDist = dist(best, c);
    java.util.List<double[]> cands = new java.util.ArrayList<>();
    cands.add(c.clone());
    for (double[] ak : a) {
      cands.add(minus(c, scale(ak, dot(ak, c) / dot(ak, ak))));
    }
    for (int k = 0; k < a.length; k++) {
      for (int l = k + 1; l < a.length; l++) {
        double[] e = cross(a[k], a[l]);
        double ee = dot(e, e);
        if (ee > 1e-20) {
          cands.add(scale(e, dot(e, c) / ee));
        }
      }
    }
    for (double[] u : cands) {
      boolean feasible = true;
      for (double[] ak : a) {
        feasible &= dot(ak, u) >= -1e-12 * Math.sqrt(dot(ak, ak)) * (1 + Math.sqrt(dot(u, u)));
      }
      if (feasible && dist(u, c) < bestDist) {
        best = u;
        bestDist = dist(u, c);
      }
    }
    return best;
  }

  @Test
  void matchesBruteForceAndMoreauOnRandomCones() {
    SplittableRandom r = new SplittableRandom(5);
    for (int trial = 0; trial < 300; trial++) {
      int m = 1 + r.nextInt(12);
      double[][] a = new double[m][3];
      for (double[] row : a) {
        for (int i = 0; i < 3; i++) {
          row[i] = r.nextGaussian();
        }
      }
      double[] c = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
      double[] p = PolyhedralCone.project(a, c);
      double[] q = bruteForce(a, c);
      assertThat(dist(p, q)).as("trial " + trial).isLessThanOrEqualTo(1e-10 * (1 + norm(c)));
      // Moreau: p in K, (c - p) orthogonal to p
      for (double[] ak : a) {
        assertThat(dot(ak, p)).isGreaterThanOrEqualTo(-1e-10);
      }
      assertThat(Math.abs(dot(minus(c, p), p))).isLessThanOrEqualTo(1e-10);
      assertThat(PolyhedralCone.support(a, c))
          .isCloseTo(norm(q), org.assertj.core.data.Offset.offset(1e-10));
    }
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void signedDataRowsGiveTheProjectionOfTheExplicitSignedRows() {
    // the pattern view (column-major scan, signs) against the explicit rows (2 D_ki - 1) x_k,
    // on shapes with d = 1, d > n and n >> d; KKT of the projection checked too
    SplittableRandom r = new SplittableRandom(9);
    int[][] shapes = {{30, 1}, {5, 8}, {200, 7}, {64, 12}};
    for (int[] sh : shapes) {
      int n = sh[0];
      int d = sh[1];
      int pats = 3;
      double[] x = new double[n * d];
      for (int i = 0; i < x.length; i++) {
        x[i] = r.nextGaussian();
      }
      boolean[] mask = new boolean[n * pats];
      for (int i = 0; i < mask.length; i++) {
        mask[i] = r.nextBoolean();
      }
      SignedDataRows view = new SignedDataRows(n, d, x);
      for (int i = 0; i < pats; i++) {
        double[][] a = new double[n][d];
        for (int k = 0; k < n; k++) {
          for (int c = 0; c < d; c++) {
            a[k][c] = (mask[k * pats + i] ? 1 : -1) * x[k * d + c];
          }
        }
        view.usePattern(mask, pats, i);
        double[] c = new double[d];
        for (int q = 0; q < d; q++) {
          c[q] = r.nextGaussian();
        }
        double[] p = PolyhedralCone.project(view, c);
        double[] q = PolyhedralCone.project(a, c);
        String what = "n " + n + " d " + d + " pattern " + i;
        assertThat(dist(p, q)).as(what).isLessThanOrEqualTo(1e-12 * (1 + norm(c)));
        // feasible, and c - p is in the polar cone: (c - p) . p = 0 up to rounding
        double[] slack = new double[n];
        view.products(p, slack);
        for (int k = 0; k < n; k++) {
          assertThat(slack[k]).as(what).isCloseTo(dot(a[k], p), within(1e-12));
          assertThat(slack[k]).as(what).isGreaterThanOrEqualTo(-1e-10);
        }
        assertThat(Math.abs(dot(minus(c, p), p))).as(what).isLessThanOrEqualTo(1e-10);
      }
    }
  }

  static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  static double dist(double[] a, double[] b) {
    return norm(minus(a, b));
  }

  static double[] minus(double[] a, double[] b) {
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] - b[i];
    }
    return c;
  }

  static double[] scale(double[] a, double s) {
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] * s;
    }
    return c;
  }

  static double[] cross(double[] a, double[] b) {
    return new double[] {
      a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]
    };
  }
}
