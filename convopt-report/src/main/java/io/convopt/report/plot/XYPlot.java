package io.convopt.report.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A 2-D plot on continuous axes: an optional filled field underneath, polylines, markers, a legend
 * and (with a field) a colour bar. Immutable; build with {@link #builder(String)}.
 *
 * @param xDomain fixed x domain or null for automatic nice bounds
 * @param yDomain fixed y domain or null for automatic nice bounds
 * @param logY logarithmic y axis (non-positive values are left out)
 * @param field optional field drawn under everything else (the plot area is then square)
 */
public record XYPlot(
    String name,
    String title,
    String caption,
    String xLabel,
    String yLabel,
    boolean logY,
    Range xDomain,
    Range yDomain,
    Field field,
    List<Line> lines,
    List<Marker> markers)
    implements Figure {

  public XYPlot {
    lines = List.copyOf(lines);
    markers = List.copyOf(markers);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  @Override
  public String toSvg() {
    return new Renderer(this).render();
  }

  /** Mutable builder; {@link #build()} produces the immutable plot. */
  public static final class Builder {
    private final String name;
    private String title = "";
    private String caption = "";
    private String xLabel = "x";
    private String yLabel = "y";
    private boolean logY;
    private Range xDomain;
    private Range yDomain;
    private Field field;
    private final List<Line> lines = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder title(String t) {
      title = t;
      return this;
    }

    public Builder caption(String c) {
      caption = c;
      return this;
    }

    public Builder labels(String x, String y) {
      xLabel = x;
      yLabel = y;
      return this;
    }

    public Builder logY(boolean log) {
      logY = log;
      return this;
    }

    public Builder xDomain(Range r) {
      xDomain = r;
      return this;
    }

    public Builder yDomain(Range r) {
      yDomain = r;
      return this;
    }

    public Builder field(Field f) {
      field = f;
      return this;
    }

    public Builder line(Line l) {
      lines.add(l);
      return this;
    }

    public Builder marker(Marker m) {
      markers.add(m);
      return this;
    }

    public XYPlot build() {
      return new XYPlot(
          name, title, caption, xLabel, yLabel, logY, xDomain, yDomain, field, lines, markers);
    }
  }

  /** Layout and drawing; kept apart from the spec so the record stays a plain value. */
  private static final class Renderer {
    private static final int LEFT = 76;
    private static final int TOP = 44;
    private static final int BOTTOM_MARGIN = 58;
    private static final int LEGEND_W = 190;
    private static final int ROW = 18;

    private final XYPlot p;
    private final StringBuilder sb = new StringBuilder(16_384);
    private Ticks xt;
    private Ticks yt;
    private double plotW;
    private double plotH;

    Renderer(XYPlot p) {
      this.p = p;
    }

    String render() {
      Map<String, Object> legend = legendEntries();
      plotW = p.field != null ? 420 : 520;
      plotH = p.field != null ? 420 : 340;
      double right = LEFT + plotW;
      double colourBarX = right + 18;
      double legendX = right + (p.field != null ? 96 : 20);
      double width = legendX + (legend.isEmpty() ? 0 : legendWidth(legend)) + 10;
      double height = Math.max(TOP + plotH + BOTTOM_MARGIN, TOP + 10 + legend.size() * ROW + 20);
      computeTicks();

      sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
          .append(Svg.px(width))
          .append(' ')
          .append(Svg.px(height))
          .append("\" width=\"")
          .append(Svg.px(width))
          .append("\" height=\"")
          .append(Svg.px(height))
          .append(
              "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\" role=\"img\">\n");
      sb.append("<title>").append(Svg.esc(p.title)).append("</title>\n");
      sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
      sb.append("<text x=\"")
          .append(Svg.px(LEFT))
          .append("\" y=\"24\" font-size=\"15\" font-weight=\"bold\">")
          .append(Svg.esc(p.title))
          .append("</text>\n");
      String clip = "clip-" + p.name;
      sb.append("<defs><clipPath id=\"")
          .append(Svg.esc(clip))
          .append("\"><rect x=\"")
          .append(Svg.px(LEFT))
          .append("\" y=\"")
          .append(Svg.px(TOP))
          .append("\" width=\"")
          .append(Svg.px(plotW))
          .append("\" height=\"")
          .append(Svg.px(plotH))
          .append("\"/></clipPath></defs>\n");

      double[] edges = null;
      if (p.field != null) {
        edges = p.field.edges();
        drawField(edges, clip);
      } else {
        drawGrid();
      }
      drawAxes();
      sb.append("<g clip-path=\"url(#").append(Svg.esc(clip)).append(")\">\n");
      for (Line l : p.lines) {
        drawLine(l);
      }
      sb.append("</g>\n");
      for (Marker m : p.markers) {
        if (inside(m.x(), m.y())) {
          drawMarker(m, sx(m.x()), sy(m.y()), "marker");
        }
      }
      if (edges != null) {
        drawColourBar(edges, colourBarX);
      }
      drawLegend(legend, legendX);
      sb.append("</svg>\n");
      return sb.toString();
    }

    /** Wide enough for the longest label in full (about 7 px per character at 12 px). */
    private static double legendWidth(Map<String, Object> legend) {
      int longest = 0;
      for (String label : legend.keySet()) {
        longest = Math.max(longest, label.length());
      }
      return Math.max(LEGEND_W, 40 + 7 * longest);
    }

    private Map<String, Object> legendEntries() {
      Map<String, Object> entries = new LinkedHashMap<>();
      for (Line l : p.lines) {
        if (l.label() != null && !l.label().isEmpty()) {
          entries.putIfAbsent(l.label(), l);
        }
      }
      for (Marker m : p.markers) {
        if (m.label() != null && !m.label().isEmpty()) {
          entries.putIfAbsent(m.label(), m);
        }
      }
      return entries;
    }

    private boolean usable(double x, double y) {
      return Double.isFinite(x) && Double.isFinite(y) && (!p.logY || y > 0);
    }

    private void computeTicks() {
      double x0 = Double.POSITIVE_INFINITY;
      double x1 = Double.NEGATIVE_INFINITY;
      double y0 = Double.POSITIVE_INFINITY;
      double y1 = Double.NEGATIVE_INFINITY;
      for (Line l : p.lines) {
        for (int i = 0; i < l.size(); i++) {
          if (usable(l.xAt(i), l.yAt(i))) {
            x0 = Math.min(x0, l.xAt(i));
            x1 = Math.max(x1, l.xAt(i));
            y0 = Math.min(y0, l.yAt(i));
            y1 = Math.max(y1, l.yAt(i));
          }
        }
      }
      for (Marker m : p.markers) {
        if (usable(m.x(), m.y())) {
          x0 = Math.min(x0, m.x());
          x1 = Math.max(x1, m.x());
          y0 = Math.min(y0, m.y());
          y1 = Math.max(y1, m.y());
        }
      }
      if (p.field != null) {
        // The grid extent is the domain: paths leaving it are clipped, as on the paper's box.
        Field f = p.field;
        xt = Ticks.linearExact(f.xAt(0), f.xAt(f.nx() - 1), 6);
        yt = Ticks.linearExact(f.yAt(0), f.yAt(f.ny() - 1), 6);
        return;
      }
      // x spans exactly the data (curves and iteration counts need no padding); y gets nice bounds.
      xt =
          p.xDomain != null
              ? Ticks.linearExact(p.xDomain.lo(), p.xDomain.hi(), 6)
              : x1 > x0 ? Ticks.linearExact(x0, x1, 6) : Ticks.linear(x0, x1, 6);
      if (p.logY) {
        yt = p.yDomain != null ? Ticks.log(p.yDomain.lo(), p.yDomain.hi()) : Ticks.log(y0, y1);
      } else {
        yt =
            p.yDomain != null
                ? Ticks.linearExact(p.yDomain.lo(), p.yDomain.hi(), 5)
                : Ticks.linear(y0, y1, 5);
      }
    }

    private double sx(double x) {
      return LEFT + (x - xt.min()) / (xt.max() - xt.min()) * plotW;
    }

    private double sy(double y) {
      double t =
          p.logY
              ? (Math.log10(y) - Math.log10(yt.min()))
                  / (Math.log10(yt.max()) - Math.log10(yt.min()))
              : (y - yt.min()) / (yt.max() - yt.min());
      return TOP + plotH - t * plotH;
    }

    private boolean inside(double x, double y) {
      if (!usable(x, y)) {
        return false;
      }
      double px = sx(x);
      double py = sy(y);
      return px >= LEFT - 0.5
          && px <= LEFT + plotW + 0.5
          && py >= TOP - 0.5
          && py <= TOP + plotH + 0.5;
    }

    private void drawGrid() {
      sb.append("<g stroke=\"#e5e5e5\" stroke-width=\"1\">\n");
      for (double v : xt.values()) {
        sb.append("<line x1=\"")
            .append(Svg.px(sx(v)))
            .append("\" x2=\"")
            .append(Svg.px(sx(v)))
            .append("\" y1=\"")
            .append(Svg.px(TOP))
            .append("\" y2=\"")
            .append(Svg.px(TOP + plotH))
            .append("\"/>\n");
      }
      for (double v : yt.values()) {
        sb.append("<line x1=\"")
            .append(Svg.px(LEFT))
            .append("\" x2=\"")
            .append(Svg.px(LEFT + plotW))
            .append("\" y1=\"")
            .append(Svg.px(sy(v)))
            .append("\" y2=\"")
            .append(Svg.px(sy(v)))
            .append("\"/>\n");
      }
      sb.append("</g>\n");
    }

    private void drawAxes() {
      sb.append("<rect x=\"")
          .append(Svg.px(LEFT))
          .append("\" y=\"")
          .append(Svg.px(TOP))
          .append("\" width=\"")
          .append(Svg.px(plotW))
          .append("\" height=\"")
          .append(Svg.px(plotH))
          .append("\" fill=\"none\" stroke=\"#333333\"/>\n");
      sb.append("<g class=\"x-ticks\" text-anchor=\"middle\">\n");
      for (int i = 0; i < xt.values().size(); i++) {
        double x = sx(xt.values().get(i));
        sb.append("<line x1=\"")
            .append(Svg.px(x))
            .append("\" x2=\"")
            .append(Svg.px(x))
            .append("\" y1=\"")
            .append(Svg.px(TOP + plotH))
            .append("\" y2=\"")
            .append(Svg.px(TOP + plotH + 5))
            .append("\" stroke=\"#333333\"/>\n");
        sb.append("<text x=\"")
            .append(Svg.px(x))
            .append("\" y=\"")
            .append(Svg.px(TOP + plotH + 19))
            .append("\">")
            .append(Svg.esc(xt.labels().get(i)))
            .append("</text>\n");
      }
      sb.append("</g>\n<g class=\"y-ticks\" text-anchor=\"end\">\n");
      for (int i = 0; i < yt.values().size(); i++) {
        double y = sy(yt.values().get(i));
        sb.append("<line x1=\"")
            .append(Svg.px(LEFT - 5))
            .append("\" x2=\"")
            .append(Svg.px(LEFT))
            .append("\" y1=\"")
            .append(Svg.px(y))
            .append("\" y2=\"")
            .append(Svg.px(y))
            .append("\" stroke=\"#333333\"/>\n");
        sb.append("<text x=\"")
            .append(Svg.px(LEFT - 8))
            .append("\" y=\"")
            .append(Svg.px(y + 4))
            .append("\">")
            .append(Svg.esc(yt.labels().get(i)))
            .append("</text>\n");
      }
      sb.append("</g>\n");
      sb.append("<text x=\"")
          .append(Svg.px(LEFT + plotW / 2))
          .append("\" y=\"")
          .append(Svg.px(TOP + plotH + 42))
          .append("\" text-anchor=\"middle\" font-size=\"13\">")
          .append(Svg.esc(p.xLabel))
          .append("</text>\n");
      double cy = TOP + plotH / 2;
      sb.append("<text transform=\"translate(18 ")
          .append(Svg.px(cy))
          .append(") rotate(-90)\" text-anchor=\"middle\" font-size=\"13\">")
          .append(Svg.esc(p.yLabel))
          .append("</text>\n");
    }

    private void drawLine(Line l) {
      StringBuilder d = new StringBuilder();
      boolean pen = false;
      double lastX = Double.NaN;
      double lastY = Double.NaN;
      for (int i = 0; i < l.size(); i++) {
        if (!usable(l.xAt(i), l.yAt(i))) {
          pen = false;
          continue;
        }
        double px = sx(l.xAt(i));
        double py = sy(l.yAt(i));
        // Long runs (thousands of iterations) collapse onto few pixels: skip points that would not
        // move the pen visibly, but always keep the last one so the line ends where the data ends.
        boolean last = i == l.size() - 1 || !usable(l.xAt(i + 1), l.yAt(i + 1));
        if (pen && !last && Math.abs(px - lastX) < 0.3 && Math.abs(py - lastY) < 0.3) {
          continue;
        }
        d.append(pen ? " L" : (d.length() == 0 ? "M" : " M"))
            .append(Svg.px(px))
            .append(' ')
            .append(Svg.px(py));
        lastX = px;
        lastY = py;
        pen = true;
      }
      if (d.length() == 0) {
        return;
      }
      if (l.halo()) {
        sb.append("<path class=\"halo\" d=\"")
            .append(d)
            .append("\" fill=\"none\" stroke=\"#ffffff\" stroke-opacity=\"0.85\" stroke-width=\"")
            .append(Svg.px(l.width() + 3))
            .append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n");
      }
      sb.append("<path class=\"series\" d=\"")
          .append(d)
          .append("\" fill=\"none\" stroke=\"")
          .append(Svg.esc(l.color()))
          .append("\" stroke-width=\"")
          .append(Svg.px(l.width()))
          .append("\" stroke-linejoin=\"round\"");
      if (l.dash() != null) {
        sb.append(" stroke-dasharray=\"").append(Svg.esc(l.dash())).append('"');
      }
      sb.append(">");
      if (l.label() != null) {
        sb.append("<title>").append(Svg.esc(l.label())).append("</title>");
      }
      sb.append("</path>\n");
    }

    private void drawMarker(Marker m, double x, double y, String cls) {
      String fill = m.filled() ? Svg.esc(m.color()) : "#ffffff";
      String style =
          " class=\""
              + cls
              + "\" fill=\""
              + fill
              + "\" stroke=\""
              + Svg.esc(m.color())
              + "\" stroke-width=\"2\"";
      double r = m.size();
      String tip = m.tooltip() != null ? m.tooltip() : m.label();
      String title = tip == null ? "" : "<title>" + Svg.esc(tip) + "</title>";
      switch (m.shape()) {
        case CIRCLE ->
            sb.append("<circle cx=\"")
                .append(Svg.px(x))
                .append("\" cy=\"")
                .append(Svg.px(y))
                .append("\" r=\"")
                .append(Svg.px(r))
                .append('"')
                .append(style)
                .append('>')
                .append(title)
                .append("</circle>\n");
        case SQUARE ->
            sb.append("<rect x=\"")
                .append(Svg.px(x - r))
                .append("\" y=\"")
                .append(Svg.px(y - r))
                .append("\" width=\"")
                .append(Svg.px(2 * r))
                .append("\" height=\"")
                .append(Svg.px(2 * r))
                .append('"')
                .append(style)
                .append('>')
                .append(title)
                .append("</rect>\n");
        case CROSS ->
            sb.append("<path d=\"M")
                .append(Svg.px(x - r))
                .append(' ')
                .append(Svg.px(y - r))
                .append(" L")
                .append(Svg.px(x + r))
                .append(' ')
                .append(Svg.px(y + r))
                .append(" M")
                .append(Svg.px(x - r))
                .append(' ')
                .append(Svg.px(y + r))
                .append(" L")
                .append(Svg.px(x + r))
                .append(' ')
                .append(Svg.px(y - r))
                .append("\" class=\"")
                .append(cls)
                .append("\" fill=\"none\" stroke=\"")
                .append(Svg.esc(m.color()))
                .append("\" stroke-width=\"3\">")
                .append(title)
                .append("</path>\n");
        default -> {
          double[] pts = polygon(m.shape(), x, y, r);
          sb.append("<polygon points=\"");
          for (int i = 0; i < pts.length; i += 2) {
            sb.append(i == 0 ? "" : " ")
                .append(Svg.px(pts[i]))
                .append(',')
                .append(Svg.px(pts[i + 1]));
          }
          sb.append('"').append(style).append('>').append(title).append("</polygon>\n");
        }
      }
    }

    private static double[] polygon(MarkerShape shape, double x, double y, double r) {
      switch (shape) {
        case TRIANGLE:
          return new double[] {x, y - 1.2 * r, x + 1.1 * r, y + 0.8 * r, x - 1.1 * r, y + 0.8 * r};
        case DIAMOND:
          return new double[] {x, y - 1.3 * r, x + r, y, x, y + 1.3 * r, x - r, y};
        default:
          {
            double[] pts = new double[20];
            for (int k = 0; k < 10; k++) {
              double rad = (k % 2 == 0 ? 1.5 * r : 0.65 * r);
              double a = -Math.PI / 2 + k * Math.PI / 5;
              pts[2 * k] = x + rad * Math.cos(a);
              pts[2 * k + 1] = y + rad * Math.sin(a);
            }
            return pts;
          }
      }
    }

    private void drawField(double[] edges, String clip) {
      Field f = p.field;
      int bands = edges.length - 1;
      sb.append("<g class=\"field\" clip-path=\"url(#")
          .append(Svg.esc(clip))
          .append(")\" shape-rendering=\"crispEdges\">\n");
      for (int j = 0; j < f.ny(); j++) {
        double yLo = j == 0 ? f.yAt(0) : (f.yAt(j - 1) + f.yAt(j)) / 2;
        double yHi = j == f.ny() - 1 ? f.yAt(j) : (f.yAt(j) + f.yAt(j + 1)) / 2;
        int i = 0;
        while (i < f.nx()) {
          int b = Field.band(f.zAt(j, i), edges);
          int k = i;
          // Merge runs of equal band: the file stays small and the bands read as contours.
          while (k + 1 < f.nx() && Field.band(f.zAt(j, k + 1), edges) == b) {
            k++;
          }
          double xLo = i == 0 ? f.xAt(0) : (f.xAt(i - 1) + f.xAt(i)) / 2;
          double xHi = k == f.nx() - 1 ? f.xAt(k) : (f.xAt(k) + f.xAt(k + 1)) / 2;
          String colour = b < 0 ? "#dddddd" : Colormap.viridis((b + 0.5) / bands);
          double px0 = sx(xLo);
          double px1 = sx(xHi);
          double py0 = sy(yHi);
          double py1 = sy(yLo);
          // A hair of overlap hides anti-aliasing seams between neighbouring rectangles.
          sb.append("<rect x=\"")
              .append(Svg.px(px0))
              .append("\" y=\"")
              .append(Svg.px(py0))
              .append("\" width=\"")
              .append(Svg.px(px1 - px0 + 0.5))
              .append("\" height=\"")
              .append(Svg.px(py1 - py0 + 0.5))
              .append("\" fill=\"")
              .append(colour)
              .append("\"/>\n");
          i = k + 1;
        }
      }
      sb.append("</g>\n");
    }

    private void drawColourBar(double[] edges, double x) {
      int bands = edges.length - 1;
      double h = plotH / bands;
      sb.append("<g class=\"colour-bar\">\n");
      for (int b = 0; b < bands; b++) {
        double y = TOP + plotH - (b + 1) * h;
        sb.append("<rect x=\"")
            .append(Svg.px(x))
            .append("\" y=\"")
            .append(Svg.px(y))
            .append("\" width=\"16\" height=\"")
            .append(Svg.px(h + 0.5))
            .append("\" fill=\"")
            .append(Colormap.viridis((b + 0.5) / bands))
            .append("\"/>\n");
      }
      sb.append("<rect x=\"")
          .append(Svg.px(x))
          .append("\" y=\"")
          .append(Svg.px(TOP))
          .append("\" width=\"16\" height=\"")
          .append(Svg.px(plotH))
          .append("\" fill=\"none\" stroke=\"#333333\"/>\n");
      int stride = Math.max(1, (int) Math.ceil(bands / 8.0));
      for (int b = 0; b <= bands; b += stride) {
        double y = TOP + plotH - b * h;
        sb.append("<text x=\"")
            .append(Svg.px(x + 20))
            .append("\" y=\"")
            .append(Svg.px(y + 4))
            .append("\" font-size=\"10\">")
            .append(Svg.esc(Svg.value(edges[b])))
            .append("</text>\n");
      }
      sb.append("<text x=\"")
          .append(Svg.px(x))
          .append("\" y=\"")
          .append(Svg.px(TOP - 8))
          .append("\" font-size=\"11\">")
          .append(Svg.esc(p.field.label()))
          .append("</text>\n");
      sb.append("</g>\n");
    }

    private void drawLegend(Map<String, Object> entries, double x) {
      if (entries.isEmpty()) {
        return;
      }
      sb.append("<g class=\"legend\">\n");
      double y = TOP + 8;
      for (Map.Entry<String, Object> e : entries.entrySet()) {
        // Each entry toggles its series when clicked (the page's script), so one run can be
        // picked out of many.
        sb.append("<g class=\"legend-entry\" data-label=\"")
            .append(Svg.esc(e.getKey()))
            .append("\">");
        if (e.getValue() instanceof Line l) {
          sb.append("<line x1=\"")
              .append(Svg.px(x))
              .append("\" x2=\"")
              .append(Svg.px(x + 24))
              .append("\" y1=\"")
              .append(Svg.px(y))
              .append("\" y2=\"")
              .append(Svg.px(y))
              .append("\" stroke=\"")
              .append(Svg.esc(l.color()))
              .append("\" stroke-width=\"")
              .append(Svg.px(Math.max(2, l.width())))
              .append('"');
          if (l.dash() != null) {
            sb.append(" stroke-dasharray=\"").append(Svg.esc(l.dash())).append('"');
          }
          sb.append("/>\n");
        } else if (e.getValue() instanceof Marker m) {
          drawMarker(
              new Marker(m.label(), 0, 0, m.shape(), m.color(), m.filled(), 5, null),
              x + 12,
              y,
              "legend-marker");
        }
        sb.append("<text x=\"")
            .append(Svg.px(x + 32))
            .append("\" y=\"")
            .append(Svg.px(y + 4))
            .append("\">")
            .append(Svg.esc(e.getKey()))
            .append("</text></g>\n");
        y += ROW;
      }
      sb.append("</g>\n");
    }
  }
}
