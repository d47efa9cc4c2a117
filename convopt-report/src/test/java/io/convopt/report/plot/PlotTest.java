package io.convopt.report.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convopt.report.Fixtures;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class PlotTest {

  @Test
  void linearTicksUseOneTwoFiveStepsAndCoverTheData() {
    Ticks t = Ticks.linear(0.03, 0.97, 5);
    assertThat(t.values()).containsExactly(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0);
    assertThat(t.labels()).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
    Ticks big = Ticks.linear(-130, 920, 5);
    assertThat(big.min()).isLessThanOrEqualTo(-130);
    assertThat(big.max()).isGreaterThanOrEqualTo(920);
    assertThat(big.values().get(1) - big.values().get(0)).isEqualTo(200.0);
    // A constant series still gets a non-empty axis.
    Ticks flat = Ticks.linear(3, 3, 5);
    assertThat(flat.max()).isGreaterThan(flat.min());
  }

  @Test
  void exactTicksKeepTheDomain() {
    Ticks t = Ticks.linearExact(-1, 1, 6);
    assertThat(t.min()).isEqualTo(-1);
    assertThat(t.max()).isEqualTo(1);
    assertThat(t.values()).allSatisfy(v -> assertThat(v).isBetween(-1.0, 1.0));
    assertThat(t.values()).contains(0.0);
  }

  @Test
  void logTicksArePowersOfTen() {
    Ticks t = Ticks.log(3e-4, 2.0);
    assertThat(t.min()).isEqualTo(1e-4, within(1e-18));
    assertThat(t.max()).isEqualTo(10.0, within(1e-12));
    assertThat(t.labels()).containsExactly("1e-4", "1e-3", "1e-2", "1e-1", "1e0", "1e1");
    // Within one decade the 2 and 5 multiples are added so there are several labels.
    assertThat(Ticks.log(0.2, 0.9).values()).hasSizeGreaterThan(2);
  }

  @Test
  void viridisRunsFromPurpleToYellow() {
    assertThat(Colormap.viridis(0)).isEqualTo("#440154");
    assertThat(Colormap.viridis(1)).isEqualTo("#fde725");
    assertThat(Colormap.viridis(-3)).isEqualTo(Colormap.viridis(0));
    assertThat(Colormap.viridis(Double.NaN)).isEqualTo("#dddddd");
  }

  @Test
  void fieldBandsFollowQuantiles() {
    double[][] z = {{0, 1, 2}, {3, 4, 1000}};
    Field f = new Field(new double[] {0, 1, 2}, new double[] {0, 1}, z, "f", 2);
    double[] e = f.edges();
    // Sorted values 0 1 2 3 4 1000: edges at the 0, 50 and 100 % quantiles.
    assertThat(e).containsExactly(0.0, 3.0, 1000.0);
    // The outlier does not squash the other values into one band.
    assertThat(Field.band(2, e)).isZero();
    assertThat(Field.band(3, e)).isEqualTo(1);
    assertThat(Field.band(1000, e)).isEqualTo(1);
    assertThat(Field.band(Double.NaN, e)).isEqualTo(-1);
  }

  @Test
  void plotEscapesTextAndBreaksLinesAtBadPoints() throws Exception {
    XYPlot p =
        XYPlot.builder("t")
            .title("a < b & \"c\"")
            .labels("x <i>", "y")
            .line(
                Line.of(
                    "s<1>", "#000", new double[] {0, 1, 2, 3}, new double[] {1, Double.NaN, 2, 3}))
            .marker(Marker.of("m", 1, 1, MarkerShape.DIAMOND, "#f00", true))
            .build();
    String svg = p.toSvg();
    Document doc = Fixtures.xml(svg);
    assertThat(doc.getDocumentElement().getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("a < b & \"c\"");
    assertThat(svg).contains("x &lt;i&gt;", "s&lt;1&gt;");
    // The NaN splits the series into two sub-paths.
    String d = svg.substring(svg.indexOf("class=\"series\" d=\"") + 18);
    assertThat(d.substring(0, d.indexOf('"'))).containsOnlyOnce("L").contains(" M");
    assertThat(Fixtures.countClass(doc, "marker")).isEqualTo(1);
    assertThat(Fixtures.countClass(doc, "legend-marker")).isEqualTo(1);
  }

  @Test
  void denseLinesAreThinnedToVisiblePixels() throws Exception {
    int n = 100_000;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      y[i] = Math.sin(i * 1e-4);
    }
    String svg = XYPlot.builder("dense").line(Line.of(null, "#000", x, y)).build().toSvg();
    String d = svg.substring(svg.indexOf("class=\"series\" d=\"") + 18);
    d = d.substring(0, d.indexOf('"'));
    // 520 px wide plot: a few thousand points instead of 100 000, and the last point is kept.
    assertThat(d.split("L").length).isBetween(500, 5000);
    assertThat(d).endsWith(" L596 " + d.substring(d.lastIndexOf(' ') + 1));
  }

  @Test
  void logPlotLeavesOutNonPositiveValues() throws Exception {
    XYPlot p =
        XYPlot.builder("log")
            .logY(true)
            .line(Line.of(null, "#000", new double[] {0, 1, 2}, new double[] {1, 0, 0.01}))
            .build();
    Document doc = Fixtures.xml(p.toSvg());
    assertThat(Fixtures.countClass(doc, "series")).isEqualTo(1);
    assertThat(p.toSvg()).contains("1e-2", "1e0").doesNotContain("NaN", "Infinity");
  }

  @Test
  void categoryHeatmapDrawsOneCellPerPair() throws Exception {
    CategoryHeatmap h =
        new CategoryHeatmap(
            "h",
            "title",
            "cap",
            "eta",
            "N",
            java.util.List.of("0.1", "0.01"),
            java.util.List.of("1", "3", "6"),
            new double[][] {{1, 2}, {3, Double.NaN}, {5, 6}},
            "err",
            false);
    Document doc = Fixtures.xml(h.toSvg());
    assertThat(Fixtures.countClass(doc, "cell")).isEqualTo(6);
    assertThat(h.toSvg()).contains("N=3: no data");
  }

  @Test
  void valuesAreFormattedCompactly() {
    assertThat(Svg.value(0.5)).isEqualTo("0.5");
    assertThat(Svg.value(1234.5678)).isEqualTo("1235");
    assertThat(Svg.value(1e-4)).isEqualTo("1.00e-4");
    assertThat(Svg.value(2.5e7)).isEqualTo("2.50e7");
    assertThat(Svg.esc("<&>\"'\u0001")).isEqualTo("&lt;&amp;&gt;&quot;&#39;");
  }
}
