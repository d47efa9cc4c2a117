package io.convopt.report.plot;

/**
 * A scalar field sampled on a regular grid, drawn as filled bands (a filled contour plot).
 *
 * <p>The band edges are quantiles of the finite values, so every band covers about the same area.
 * That keeps the picture readable for functions with log singularities, where equally spaced levels
 * would put almost the whole domain into one band. Non-finite values are drawn light grey.
 *
 * @param xs grid abscissae, strictly increasing
 * @param ys grid ordinates, strictly increasing
 * @param z values, {@code z[j][i]} at {@code (xs[i], ys[j])}
 * @param label colour-bar label
 * @param bands number of colour bands (≥ 2)
 */
public record Field(double[] xs, double[] ys, double[][] z, String label, int bands) {

  public Field {
    if (xs.length < 2 || ys.length < 2) {
      throw new IllegalArgumentException("a field needs at least a 2 x 2 grid");
    }
    if (z.length != ys.length) {
      throw new IllegalArgumentException(
          "z has " + z.length + " rows but there are " + ys.length + " ys");
    }
    double[][] copy = new double[z.length][];
    for (int j = 0; j < z.length; j++) {
      if (z[j].length != xs.length) {
        throw new IllegalArgumentException(
            "z row " + j + " has " + z[j].length + " values, expected " + xs.length);
      }
      copy[j] = z[j].clone();
    }
    xs = xs.clone();
    ys = ys.clone();
    z = copy;
    if (bands < 2) {
      throw new IllegalArgumentException("bands must be at least 2");
    }
  }

  @Override
  public double[] xs() {
    return xs.clone();
  }

  @Override
  public double[] ys() {
    return ys.clone();
  }

  @Override
  public double[][] z() {
    double[][] c = new double[z.length][];
    for (int j = 0; j < z.length; j++) {
      c[j] = z[j].clone();
    }
    return c;
  }

  /** Band edges: {@code bands + 1} non-decreasing values from min to max of the finite values. */
  double[] edges() {
    int n = 0;
    for (double[] row : z) {
      for (double v : row) {
        if (Double.isFinite(v)) {
          n++;
        }
      }
    }
    double[] finite = new double[n];
    int k = 0;
    for (double[] row : z) {
      for (double v : row) {
        if (Double.isFinite(v)) {
          finite[k++] = v;
        }
      }
    }
    java.util.Arrays.sort(finite);
    double[] e = new double[bands + 1];
    if (n == 0) {
      for (int i = 0; i <= bands; i++) {
        e[i] = i;
      }
      return e;
    }
    for (int i = 0; i <= bands; i++) {
      e[i] = finite[(int) Math.round((double) i / bands * (n - 1))];
    }
    return e;
  }

  /** Band index of a value given the edges, -1 for non-finite values. */
  static int band(double v, double[] edges) {
    if (!Double.isFinite(v)) {
      return -1;
    }
    int bands = edges.length - 1;
    for (int b = 1; b < bands; b++) {
      if (v < edges[b]) {
        return b - 1;
      }
    }
    return bands - 1;
  }

  double xAt(int i) {
    return xs[i];
  }

  double yAt(int j) {
    return ys[j];
  }

  double zAt(int j, int i) {
    return z[j][i];
  }

  int nx() {
    return xs.length;
  }

  int ny() {
    return ys.length;
  }
}
