package io.convopt.report.plot;

/**
 * A single marker in data coordinates.
 *
 * @param label legend text (markers sharing a label share one legend entry), or null
 * @param filled filled or outlined shape
 * @param tooltip text shown on hover ({@code <title>}), or null
 */
public record Marker(
    String label,
    double x,
    double y,
    MarkerShape shape,
    String color,
    boolean filled,
    double size,
    String tooltip) {

  public static Marker of(
      String label, double x, double y, MarkerShape shape, String color, boolean filled) {
    return new Marker(label, x, y, shape, color, filled, 6, null);
  }

  public Marker withTooltip(String text) {
    return new Marker(label, x, y, shape, color, filled, size, text);
  }
}
