package io.convopt.report.plot;

/**
 * A polyline series in data coordinates. Non-finite points (and non-positive y on a log axis) break
 * the line instead of being drawn.
 *
 * @param label legend text, or null for no legend entry
 * @param dash SVG dash pattern such as "6 3", or null for solid
 * @param halo draw a white outline under the line (for lines over a coloured field)
 */
public record Line(
    String label, String color, double[] x, double[] y, String dash, double width, boolean halo) {

  public Line {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y differ in length: " + x.length + " vs " + y.length);
    }
    x = x.clone();
    y = y.clone();
  }

  public static Line of(String label, String color, double[] x, double[] y) {
    return new Line(label, color, x, y, null, 2, false);
  }

  public Line dashed(String pattern) {
    return new Line(label, color, x, y, pattern, width, halo);
  }

  public Line withHalo() {
    return new Line(label, color, x, y, dash, width, true);
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  int size() {
    return x.length;
  }

  double xAt(int i) {
    return x[i];
  }

  double yAt(int i) {
    return y[i];
  }
}
