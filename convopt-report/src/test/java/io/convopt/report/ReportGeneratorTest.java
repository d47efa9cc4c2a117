package io.convopt.report;

import static io.convopt.report.Fixtures.count;
import static io.convopt.report.Fixtures.countClass;
import static io.convopt.report.Fixtures.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.report.data.CsvFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportGeneratorTest {

  @TempDir static Path dir;
  static Path results;
  static ReportSummary summary;
  static String html;

  @BeforeAll
  static void generate() throws Exception {
    results = Fixtures.copyFixture(dir);
    summary = ReportGenerator.generate(results, results.resolve("report"));
    html = Files.readString(summary.indexHtml());
  }

  @Test
  void writesIndexWithEverySection() {
    assertThat(summary.indexHtml())
        .isEqualTo(results.resolve("report/index.html").toAbsolutePath());
    for (String id :
        new String[] {
          "summary",
          "table1",
          "table2",
          "curves",
          "paths",
          "convergence",
          "sweeps",
          "benchmarks",
          "other",
          "provenance"
        }) {
      assertThat(html).contains("<section id=\"" + id + "\">");
    }
    assertThat(html)
        .contains("LOG1, POLY1, LOG2 and the transform applied to the Rosenbrock function");
    // No network references: the only URL is the SVG namespace name, which is never fetched.
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""))
        .doesNotContain("http:", "https:", "//");
    assertThat(html).doesNotContainPattern("<script[^>]+src=");
    assertThat(html).doesNotContainPattern("<link[^>]+href=");
  }

  @Test
  void table1ShowsPaperAndOursWithHighlightedVerdicts() {
    String t1 = section(html, "table1");
    assertThat(count(t1, "<tbody>")).isEqualTo(1);
    assertThat(count(t1.substring(t1.indexOf("<tbody>")), "<tr>")).isEqualTo(5);
    assertThat(count(t1, "class=\"verdict verdict-match\"")).isEqualTo(2);
    assertThat(count(t1, "class=\"verdict verdict-near\"")).isEqualTo(2);
    assertThat(count(t1, "class=\"verdict verdict-differs\"")).isEqualTo(1);
    // Colour is never the only cue: the verdict word and a symbol are in the cell.
    assertThat(t1).contains("\u2717</span> differs", "\u2713</span> match", "\u2248</span> near");
    assertThat(t1).contains("2 of 5 rows match, 2 near, 1 differ.");
    // Paper and ours are adjacent cells; the quoted point survives with its comma.
    assertThat(t1)
        .contains("<td class=\"paper\">(1.05, 0.95)</td><td class=\"ours\">(0.97, 0.96)</td>");
    // Extra columns, including the reconstruction notes, are shown.
    assertThat(t1)
        .contains(
            "<th scope=\"col\">reconstruction</th>",
            "<th scope=\"col\">calibrated</th>",
            "LOG1 reconstructed: -ln|x-0.5| - 0.5 ln|x-1.5| on [0,2]");
    assertThat(summary.summaryLines())
        .contains(
            "Table 1: 2 of 5 rows match, 2 near, 1 differ.",
            "Table 2: 3 of 4 rows match, 0 near, 1 differ.");
  }

  @Test
  void writesEveryFigureAsValidSvg() throws Exception {
    assertThat(summary.figures())
        .containsExactlyInAnyOrder(
            "curves-poly1",
            "paths-log2",
            "convergence-log2-iterations",
            "convergence-log2-evaluations",
            "sweep-log1-alg1",
            "sweep-log2-zigzag1",
            "sweep-log2-zigzag2");
    for (String name : summary.figures()) {
      Path file = results.resolve("report/figures/" + name + ".svg");
      Document doc = Fixtures.xml(Files.readString(file));
      assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
      assertThat(doc.getDocumentElement().getNamespaceURI())
          .isEqualTo("http://www.w3.org/2000/svg");
      assertThat(html).contains("<figure id=\"fig-" + name + "\">");
    }
    assertThat(count(html, "<figure ")).isEqualTo(7);
  }

  @Test
  void curveFigureHasOneLinePerPowerPlusFAndTheExtremaMarkers() throws Exception {
    Document doc =
        Fixtures.xml(Files.readString(results.resolve("report/figures/curves-poly1.svg")));
    assertThat(countClass(doc, "series")).isEqualTo(3);
    assertThat(countClass(doc, "marker")).isEqualTo(3);
    String svg = Files.readString(results.resolve("report/figures/curves-poly1.svg"));
    // N=1: F smallest at x=0; N=5: at x=-0.5, which is argmax f.
    assertThat(svg)
        .contains(
            "argmin F for N = 1: x = 0", "argmin F for N = 5: x = -0.5", "argmax f: x = -0.5");
  }

  @Test
  void pathFigureOverlaysEveryRunOnTheContour() throws Exception {
    String svg = Files.readString(results.resolve("report/figures/paths-log2.svg"));
    Document doc = Fixtures.xml(svg);
    assertThat(countClass(doc, "series")).isEqualTo(2);
    assertThat(countClass(doc, "marker")).isEqualTo(5); // 2 starts, 2 ends, the grid maximum
    assertThat(countClass(doc, "field")).isEqualTo(1);
    assertThat(countClass(doc, "colour-bar")).isEqualTo(1);
    // Rows are sorted by iteration before drawing, so the end is iteration 2 even though it comes
    // earlier in the file.
    assertThat(svg).contains("zigzag2 run 1 end (0.4, 0.3)", "largest f on the grid at (1, 1)");
  }

  @Test
  void convergenceUsesLogAxisForPositiveDistances() throws Exception {
    String svg =
        Files.readString(results.resolve("report/figures/convergence-log2-iterations.svg"));
    assertThat(countClass(Fixtures.xml(svg), "series")).isEqualTo(2);
    assertThat(svg).contains("distance to optimum (log)", "1e0");
  }

  @Test
  void sweepHeatmapAveragesOverStartsAndSkipsNonFiniteRuns() throws Exception {
    String svg = Files.readString(results.resolve("report/figures/sweep-log1-alg1.svg"));
    Document doc = Fixtures.xml(svg);
    assertThat(countClass(doc, "cell")).isEqualTo(4);
    assertThat(svg)
        .contains("\u03b7 (step size)=0.01, N (power)=1: 0.6", "=0.001, N (power)=3: 0.001");
    assertThat(html)
        .contains(
            "LOG1 / alg1: mean final error over 8 run(s) (1 non-finite left out); best \u03b7 ="
                + " 0.001, N = 3 (0.001)");
    assertThat(section(html, "sweeps")).contains("<h3>sweeps/log1-alg1.csv</h3>");
  }

  @Test
  void benchmarksShowTableAndScalarVectorRatios() {
    String b = section(html, "benchmarks");
    assertThat(count(b.substring(0, b.indexOf("ratio-table")), "<tr>")).isEqualTo(6); // header + 5
    assertThat(b)
        .contains("<td class=\"num ratio\">4\u00d7</td>", "<td class=\"num ratio\">3\u00d7</td>");
    assertThat(count(b.substring(b.indexOf("ratio-table")), "<tr>")).isEqualTo(3);
  }

  @Test
  void otherTablesAndProvenanceAreShownEscaped() {
    String other = section(html, "other");
    assertThat(other)
        .contains("extra/notes.csv", "a comment, with a comma", "line &lt;b&gt;not bold&lt;/b&gt;");
    assertThat(other).doesNotContain("<b>");
    String prov = section(html, "provenance");
    assertThat(prov)
        .contains("<th scope=\"row\">git_commit</th><td>0123abc</td>", "<td>1, 2, 3</td>");
  }

  @Test
  void copiesEveryInputUnderData() throws Exception {
    assertThat(summary.copiedFiles())
        .containsExactly(
            "bench/kernel.json",
            "contours/log2.csv",
            "curves/poly1.csv",
            "extra/notes.csv",
            "paths/log2.csv",
            "provenance.csv",
            "sweeps/log1-alg1.csv",
            "sweeps/log2-zigzag.csv",
            "table1.csv",
            "table2.csv");
    for (String rel : summary.copiedFiles()) {
      assertThat(Files.readAllBytes(results.resolve("report/data/" + rel)))
          .isEqualTo(Files.readAllBytes(results.resolve(rel)));
    }
  }

  @Test
  void aSecondRunIgnoresTheEarlierReportAndGivesTheSamePage(@TempDir Path other) throws Exception {
    ReportSummary again = ReportGenerator.generate(results, results.resolve("report"));
    assertThat(again.copiedFiles()).isEqualTo(summary.copiedFiles());
    assertThat(Files.readString(again.indexHtml())).isEqualTo(html);
    // A report written elsewhere and then moved into the results is not read back as input.
    ReportGenerator.generate(results, results.resolve("old-report"));
    assertThat(ReportGenerator.generate(results, other.resolve("r")).copiedFiles())
        .isEqualTo(summary.copiedFiles());
  }

  @Test
  void missingInputFolderIsAClearError(@TempDir Path tmp) {
    assertThatThrownBy(() -> ReportGenerator.generate(tmp.resolve("nope"), tmp.resolve("out")))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("input folder not found");
  }

  @Test
  void malformedTableNamesFileRowAndColumn(@TempDir Path tmp) throws Exception {
    Path in = Fixtures.copyFixture(tmp);
    Path t1 = in.resolve("table1.csv");
    String text =
        Files.readString(t1, StandardCharsets.UTF_8)
            .replace("LOG1,alg1,0.001,6", "LOG1,alg1,fast,6");
    Files.writeString(t1, text, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ReportGenerator.generate(in, tmp.resolve("out")))
        .isInstanceOfSatisfying(
            CsvFormatException.class,
            e -> {
              assertThat(e.file()).isEqualTo("table1.csv");
              assertThat(e.row()).isEqualTo(2);
              assertThat(e.column()).isEqualTo("eta");
            })
        .hasMessage("table1.csv, row 2, column 'eta': expected a number but found 'fast'");
  }

  @Test
  void missingRequiredColumnIsNamed(@TempDir Path tmp) throws Exception {
    Path in = Fixtures.copyFixture(tmp);
    Files.writeString(
        in.resolve("paths/log2.csv"),
        "function,algorithm,run,iteration,x,y,f,distance\nLOG2,a,1,0,0,0,0,1\n");
    assertThatThrownBy(() -> ReportGenerator.generate(in, tmp.resolve("out")))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("paths/log2.csv, column 'evaluations': required column is missing");
  }

  @Test
  void unknownVerdictIsRejected(@TempDir Path tmp) throws Exception {
    Path in = Fixtures.copyFixture(tmp);
    Path t2 = in.resolve("table2.csv");
    Files.writeString(t2, Files.readString(t2).replace("2.2,differs", "2.2,maybe"));
    assertThatThrownBy(() -> ReportGenerator.generate(in, tmp.resolve("out")))
        .hasMessage(
            "table2.csv, row 3, column 'verdict': expected match, near or differs but found"
                + " 'maybe'");
  }

  @Test
  void textFromTheDataIsEscapedEverywhere(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in.resolve("curves"));
    Files.writeString(
        in.resolve("curves/evil.csv"),
        "function,power,x,f,F\n"
            + "\"<script>alert(1)</script>&\",1,0,0,1\n"
            + "\"<script>alert(1)</script>&\",1,1,1,0\n");
    ReportSummary s = ReportGenerator.generate(in, tmp.resolve("out"));
    String page = Files.readString(s.indexHtml());
    assertThat(page)
        .doesNotContain("<script>alert")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;");
    assertThat(s.figures()).containsExactly("curves-script-alert-1-script");
    Fixtures.xml(Files.readString(tmp.resolve("out/figures/curves-script-alert-1-script.svg")));
  }

  @Test
  void emptyFolderGivesAReportWithNotes(@TempDir Path tmp) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("empty"));
    ReportSummary s = ReportGenerator.generate(in, tmp.resolve("out"));
    String page = Files.readString(s.indexHtml());
    assertThat(s.figures()).isEmpty();
    assertThat(page)
        .contains(
            "The input folder holds no recognised results.",
            "Not in this results folder",
            "Table 1 \u2014 run <code>./convopt tables (or reproduce)</code>",
            "Scaling");
    assertThat(page)
        .as("absent sections are left out")
        .doesNotContain("<section id=\"table1\"", "href=\"#scaling\"");
  }
}
