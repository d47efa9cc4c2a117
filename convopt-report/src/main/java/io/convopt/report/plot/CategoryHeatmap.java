package io.convopt.report.plot;

import java.util.List;

/**
 * A heatmap over two categorical axes (e.g. step size η × power N) with the value printed in each
 * cell and a viridis colour bar. Missing cells (NaN) are light grey and labelled "–".
 *
 * @param values {@code values[j][i]} for y category j and x category i
 * @param logColour colour by log10 of the value (all finite values must then be positive)
 */
public record CategoryHeatmap(
    String name,
    String title,
    String caption,
    String xLabel,
    String yLabel,
    List<String> xCategories,
    List<String> yCategories,
    double[][] values,
    String valueLabel,
    boolean logColour)
    implements Figure {

  public CategoryHeatmap {
    xCategories = List.copyOf(xCategories);
    yCategories = List.copyOf(yCategories);
    if (values.length != yCategories.size()) {
      throw new IllegalArgumentException(
          "values has " + values.length + " rows for " + yCategories.size() + " categories");
    }
    double[][] copy = new double[values.length][];
    for (int j = 0; j < values.length; j++) {
      if (values[j].length != xCategories.size()) {
        throw new IllegalArgumentException("values row " + j + " has the wrong length");
      }
      copy[j] = values[j].clone();
    }
    values = copy;
  }

  @Override
  public double[][] values() {
    double[][] c = new double[values.length][];
    for (int j = 0; j < values.length; j++) {
      c[j] = values[j].clone();
    }
    return c;
  }

  @Override
  public String toSvg() {
    int nx = xCategories.size();
    int ny = yCategories.size();
    double cellW = Math.max(44, Math.min(90, 520.0 / Math.max(1, nx)));
    double cellH = Math.max(26, Math.min(50, 340.0 / Math.max(1, ny)));
    // Labels wider than their cell are slanted (anchored at the cell centre) and the figure grows
    // to fit.
    int longestX = 0;
    for (String c : xCategories) {
      longestX = Math.max(longestX, c.length());
    }
    boolean slanted = longestX * 7 > cellW;
    double labelDrop = slanted ? longestX * 4.0 : 0;
    int longestY = 0;
    for (String c : yCategories) {
      longestY = Math.max(longestY, c.length());
    }
    // Room for the row labels, and for a slanted first column label reaching left of the plot.
    double left =
        Math.max(
            86, Math.max(30 + 6.5 * longestY, slanted ? 0.82 * 6.5 * longestX - cellW / 2 + 8 : 0));
    double top = 44;
    double plotW = cellW * nx;
    double plotH = cellH * ny;
    double barX = left + plotW + 20;
    // Wide enough for the title, which is longer than a one-cell heatmap.
    double width = Math.max(barX + 110, left + 8.5 * title.length());
    double height = top + Math.max(plotH, 120) + 56 + labelDrop;

    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] row : values) {
      for (double v : row) {
        double c = colourValue(v);
        if (Double.isFinite(c)) {
          lo = Math.min(lo, c);
          hi = Math.max(hi, c);
        }
      }
    }
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    if (!Double.isFinite(lo)) {
      lo = 0;
      hi = 1;
    }

    StringBuilder sb = new StringBuilder(8192);
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(Svg.px(width))
        .append(' ')
        .append(Svg.px(height))
        .append("\" width=\"")
        .append(Svg.px(width))
        .append("\" height=\"")
        .append(Svg.px(height))
        .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\" role=\"img\">\n");
    sb.append("<title>").append(Svg.esc(title)).append("</title>\n");
    sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    sb.append("<text x=\"")
        .append(Svg.px(left))
        .append("\" y=\"24\" font-size=\"15\" font-weight=\"bold\">")
        .append(Svg.esc(title))
        .append("</text>\n");
    sb.append("<g class=\"cells\">\n");
    for (int j = 0; j < ny; j++) {
      // First category at the bottom, as on a numeric y axis.
      double y = top + plotH - (j + 1) * cellH;
      for (int i = 0; i < nx; i++) {
        double x = left + i * cellW;
        double v = values[j][i];
        double c = colourValue(v);
        double t = Double.isFinite(c) ? (c - lo) / (hi - lo) : Double.NaN;
        String fill = Colormap.viridis(t);
        String ink = Double.isNaN(t) || Colormap.lightBackground(t) ? "#111111" : "#ffffff";
        sb.append("<rect class=\"cell\" x=\"")
            .append(Svg.px(x))
            .append("\" y=\"")
            .append(Svg.px(y))
            .append("\" width=\"")
            .append(Svg.px(cellW))
            .append("\" height=\"")
            .append(Svg.px(cellH))
            .append("\" fill=\"")
            .append(fill)
            .append("\" stroke=\"#ffffff\"><title>")
            .append(
                Svg.esc(
                    xLabel
                        + "="
                        + xCategories.get(i)
                        + ", "
                        + yLabel
                        + "="
                        + yCategories.get(j)
                        + ": "
                        + (Double.isNaN(v) ? "no data" : Svg.value(v))))
            .append("</title></rect>\n");
        sb.append("<text x=\"")
            .append(Svg.px(x + cellW / 2))
            .append("\" y=\"")
            .append(Svg.px(y + cellH / 2 + 4))
            .append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"")
            .append(ink)
            .append("\">")
            .append(Double.isNaN(v) ? "\u2013" : Svg.esc(Svg.value(v)))
            .append("</text>\n");
      }
    }
    sb.append("</g>\n");
    for (int i = 0; i < nx; i++) {
      double cx = left + (i + 0.5) * cellW;
      double cy = top + plotH + (slanted ? 12 : 18);
      if (slanted) {
        sb.append("<text transform=\"translate(")
            .append(Svg.px(cx))
            .append(' ')
            .append(Svg.px(cy))
            .append(") rotate(-35)\" text-anchor=\"end\">");
      } else {
        sb.append("<text x=\"")
            .append(Svg.px(cx))
            .append("\" y=\"")
            .append(Svg.px(cy))
            .append("\" text-anchor=\"middle\">");
      }
      sb.append(Svg.esc(xCategories.get(i))).append("</text>\n");
    }
    for (int j = 0; j < ny; j++) {
      sb.append("<text x=\"")
          .append(Svg.px(left - 8))
          .append("\" y=\"")
          .append(Svg.px(top + plotH - (j + 0.5) * cellH + 4))
          .append("\" text-anchor=\"end\">")
          .append(Svg.esc(yCategories.get(j)))
          .append("</text>\n");
    }
    sb.append("<text x=\"")
        .append(Svg.px(left + plotW / 2))
        .append("\" y=\"")
        .append(Svg.px(top + plotH + 40 + labelDrop))
        .append("\" text-anchor=\"middle\" font-size=\"13\">")
        .append(Svg.esc(xLabel))
        .append("</text>\n");
    sb.append("<text transform=\"translate(18 ")
        .append(Svg.px(top + plotH / 2))
        .append(") rotate(-90)\" text-anchor=\"middle\" font-size=\"13\">")
        .append(Svg.esc(yLabel))
        .append("</text>\n");

    // Colour bar: a stack of thin rectangles, labelled at both ends and the middle.
    double barH = Math.max(plotH, 120);
    int steps = 32;
    sb.append("<g class=\"colour-bar\">\n");
    for (int s = 0; s < steps; s++) {
      double y = top + barH - (s + 1) * barH / steps;
      sb.append("<rect x=\"")
          .append(Svg.px(barX))
          .append("\" y=\"")
          .append(Svg.px(y))
          .append("\" width=\"16\" height=\"")
          .append(Svg.px(barH / steps + 0.5))
          .append("\" fill=\"")
          .append(Colormap.viridis((s + 0.5) / steps))
          .append("\"/>\n");
    }
    sb.append("<rect x=\"")
        .append(Svg.px(barX))
        .append("\" y=\"")
        .append(Svg.px(top))
        .append("\" width=\"16\" height=\"")
        .append(Svg.px(barH))
        .append("\" fill=\"none\" stroke=\"#333333\"/>\n");
    for (int k = 0; k <= 2; k++) {
      double c = lo + k * (hi - lo) / 2;
      double v = logColour ? Math.pow(10, c) : c;
      sb.append("<text x=\"")
          .append(Svg.px(barX + 20))
          .append("\" y=\"")
          .append(Svg.px(top + barH - k * barH / 2 + 4))
          .append("\" font-size=\"10\">")
          .append(Svg.esc(Svg.value(v)))
          .append("</text>\n");
    }
    sb.append("<text x=\"")
        .append(Svg.px(barX))
        .append("\" y=\"")
        .append(Svg.px(top - 8))
        .append("\" font-size=\"11\">")
        .append(Svg.esc(valueLabel + (logColour ? " (log colour)" : "")))
        .append("</text>\n");
    sb.append("</g>\n</svg>\n");
    return sb.toString();
  }

  private double colourValue(double v) {
    if (!Double.isFinite(v)) {
      return Double.NaN;
    }
    if (logColour) {
      return v > 0 ? Math.log10(v) : Double.NaN;
    }
    return v;
  }
}
