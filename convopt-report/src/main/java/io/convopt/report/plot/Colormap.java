package io.convopt.report.plot;

import java.util.Locale;

/**
 * The viridis colormap (perceptually uniform, readable in grey scale and by colour-blind readers),
 * computed by linear interpolation between 9 anchor colours sampled from the matplotlib table.
 */
public final class Colormap {
  private Colormap() {}

  // viridis at t = 0, 1/8, ..., 1 (RGB 0-255).
  private static final int[][] VIRIDIS = {
    {68, 1, 84},
    {71, 45, 123},
    {59, 82, 139},
    {44, 114, 142},
    {33, 145, 140},
    {39, 173, 129},
    {92, 200, 99},
    {170, 220, 50},
    {253, 231, 37}
  };

  /** Viridis colour for t in [0, 1] (clamped; NaN gives light grey) as "#rrggbb". */
  public static String viridis(double t) {
    if (Double.isNaN(t)) {
      return "#dddddd";
    }
    double c = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
    int i = Math.min(VIRIDIS.length - 2, (int) Math.floor(c));
    double f = c - i;
    int[] a = VIRIDIS[i];
    int[] b = VIRIDIS[i + 1];
    return String.format(
        Locale.ROOT,
        "#%02x%02x%02x",
        Math.round(a[0] + f * (b[0] - a[0])),
        Math.round(a[1] + f * (b[1] - a[1])),
        Math.round(a[2] + f * (b[2] - a[2])));
  }

  /** True when dark text is more readable than white on the viridis colour at t. */
  public static boolean lightBackground(double t) {
    return t > 0.55;
  }

  // Okabe-Ito qualitative palette, ordered so that the first colours are the most distinct on
  // white.
  private static final String[] CATEGORICAL = {
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999933"
  };

  /** The i-th categorical colour (cycles after 8). */
  public static String category(int i) {
    return CATEGORICAL[Math.floorMod(i, CATEGORICAL.length)];
  }

  /** Dash pattern used once the categorical colours have cycled, so lines stay distinguishable. */
  public static String categoryDash(int i) {
    int round = Math.floorMod(i, CATEGORICAL.length * 3) / CATEGORICAL.length;
    return round == 0 ? null : round == 1 ? "6 3" : "2 3";
  }
}
