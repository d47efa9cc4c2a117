package io.convopt.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a realistic results folder computed in code: a 1-D function with a broad and a narrow peak
 * with surrogates for several N, a LOG2-like 2-D function on a fine grid with sign-descent paths,
 * and a sweep. The numbers are not the paper's; they exercise the report at the sizes the
 * experiments produce.
 */
final class SyntheticResults {
  private SyntheticResults() {}

  static double bumps(double x) {
    return 2.5 * Math.exp(-Math.pow((x - 1.35) / 0.35, 2))
        + 3.5 * Math.exp(-Math.pow((x - 0.5) / 0.05, 2));
  }

  static double log2(double x, double y) {
    double a = (x - 0.5) * (x - 0.5) + (y - 0.5) * (y - 0.5);
    double b = (x + 0.45) * (x + 0.45) + (y + 0.4) * (y + 0.4);
    return -0.5 * Math.log(a + 0.01) - 0.4 * Math.log(b + 0.02);
  }

  static void write(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("curves"));
    Files.createDirectories(dir.resolve("contours"));
    Files.createDirectories(dir.resolve("paths"));
    Files.createDirectories(dir.resolve("sweeps"));

    // Curves: a broad bump and a narrow, higher peak. F_N = -(g * (f - min f + 1)^N) with a wide
    // triangular kernel: for N = 1 the broad bump wins, for larger N the argmin of F walks to
    // argmax f, the behaviour the section is meant to show.
    int n = 201;
    double[] xs = new double[n];
    double[] f = new double[n];
    double lo = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      xs[i] = 2.0 * i / (n - 1);
      f[i] = bumps(xs[i]);
      lo = Math.min(lo, f[i]);
    }
    StringBuilder curves = new StringBuilder("function,power,x,f,F\n");
    for (int power : new int[] {1, 2, 4, 8, 16}) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        double w = 0;
        for (int j = 0; j < n; j++) {
          double k = Math.max(0, 1 - Math.abs(xs[j] - xs[i]) / 0.5);
          s += k * Math.pow(f[j] - lo + 1, power);
          w += k;
        }
        curves.append(
            String.format(Locale.ROOT, "BUMPS,%d,%.4f,%.6f,%.6g%n", power, xs[i], f[i], -s / w));
      }
    }
    Files.writeString(dir.resolve("curves/bumps.csv"), curves);

    StringBuilder contour = new StringBuilder("function,x,y,f\n");
    int m = 81;
    for (int j = 0; j < m; j++) {
      for (int i = 0; i < m; i++) {
        double x = -1 + 2.0 * i / (m - 1);
        double y = -1 + 2.0 * j / (m - 1);
        contour.append(String.format(Locale.ROOT, "LOG2,%.3f,%.3f,%.6f%n", x, y, log2(x, y)));
      }
    }
    Files.writeString(dir.resolve("contours/log2.csv"), contour);

    // Paths: coordinate-wise sign ascent on LOG2 from a few starts, two step sizes.
    StringBuilder paths =
        new StringBuilder("function,algorithm,run,iteration,evaluations,x,y,f,distance\n");
    double[][] starts = {{0, 0}, {-0.5, -0.5}, {1, -1}, {0.1, -0.9}};
    String[] algs = {"zigzag1", "zigzag2"};
    for (int a = 0; a < algs.length; a++) {
      for (int r = 0; r < starts.length; r++) {
        double x = starts[r][0];
        double y = starts[r][1];
        double eta = a == 0 ? 0.05 : 0.08;
        int evals = 1;
        for (int it = 0; it <= 40; it++) {
          double d = Math.hypot(x - 0.5, y - 0.5);
          paths.append(
              String.format(
                  Locale.ROOT,
                  "LOG2,%s,%d,%d,%d,%.4f,%.4f,%.6f,%.6g%n",
                  algs[a],
                  r + 1,
                  it,
                  evals,
                  x,
                  y,
                  log2(x, y),
                  Math.max(d, 1e-4)));
          double h = 1e-4;
          double gx = (log2(x + h, y) - log2(x - h, y)) / (2 * h);
          double gy = (log2(x, y + h) - log2(x, y - h)) / (2 * h);
          if (a == 0 || it % 2 == 0) {
            x += eta * Math.signum(gx);
          }
          if (a == 1 || it % 2 == 1) {
            y += eta * Math.signum(gy);
          }
          evals += a == 0 ? 2 : 4;
        }
      }
    }
    Files.writeString(dir.resolve("paths/log2.csv"), paths);

    StringBuilder sweep =
        new StringBuilder("function,algorithm,eta,power,start,final_error,steps\n");
    double[] etas = {0.001, 0.005, 0.01, 0.05, 0.1};
    int[] powers = {1, 2, 3, 6, 10, 15};
    for (double eta : etas) {
      for (int p : powers) {
        for (double start : new double[] {0.8, 1.5}) {
          double err = eta * (1 + 5.0 / p) * (start > 1 ? 2 : 1) + (p == 1 ? 0.9 : 0);
          sweep.append(
              String.format(Locale.ROOT, "LOG1,alg1,%s,%d,%s,%.6g,%d%n", eta, p, start, err, 200));
        }
      }
    }
    Files.writeString(dir.resolve("sweeps/log1-alg1-grid.csv"), sweep);
  }
}
