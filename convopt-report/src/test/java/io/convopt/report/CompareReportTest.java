package io.convopt.report;

import static io.convopt.report.Fixtures.count;
import static io.convopt.report.Fixtures.section;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The convex-vs-non-convex section, from a folder written by {@code compare-training --quick}. */
class CompareReportTest {

  @TempDir static Path dir;
  static ReportSummary summary;
  static String html;

  @BeforeAll
  static void generate() throws Exception {
    URL url = CompareReportTest.class.getResource("/fixture-compare/compare-quick/runs.csv");
    assertThat(url).isNotNull();
    Path src = Path.of(url.toURI()).getParent().getParent();
    Path results = dir.resolve("results");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path t = results.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    summary = ReportGenerator.generate(results, results.resolve("report"));
    html = Files.readString(summary.indexHtml());
  }

  @Test
  void showsProfilesTracesSensitivityAndTheMetricTable() throws Exception {
    String s = section(html, "compare-quick");
    assertThat(s)
        .contains(
            "Performance profiles",
            "Objective vs time",
            "Sensitivity",
            "Test metric per dataset",
            "What the measurements say",
            "Verdicts at the solved tolerances");
    // the verdict table: one row per method of the fixture's verdicts.csv
    long verdictRows =
        Files.readAllLines(dir.resolve("results/compare-quick/verdicts.csv")).size() - 1;
    String verdicts = s.substring(s.indexOf("<table class=\"data-table verdicts\">"));
    verdicts = verdicts.substring(0, verdicts.indexOf("</table>"));
    assertThat(count(verdicts, "<tr>")).isEqualTo(1 + (int) verdictRows);
    // every verdict of the fixture is shown (headers are broken at underscores with wbr)
    assertThat(verdicts).contains("gap_<wbr>0.01", "holds", "does not hold");
    // one profile per tolerance, one trace figure per (dataset, beta), one sensitivity figure
    assertThat(summary.figures()).filteredOn(f -> f.startsWith("compare-quick-profile")).hasSize(4);
    assertThat(summary.figures()).filteredOn(f -> f.startsWith("compare-quick-trace")).hasSize(2);
    assertThat(summary.figures()).contains("compare-quick-sensitivity");
    for (String name : summary.figures()) {
      Document doc =
          Fixtures.xml(Files.readString(dir.resolve("results/report/figures/" + name + ".svg")));
      assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    }
    // metrics table: one row per (dataset, beta, method) of the fixture's metrics.csv
    long metricRows =
        Files.readAllLines(dir.resolve("results/compare-quick/metrics.csv")).size() - 1;
    String table = s.substring(s.indexOf("<table class=\"data-table metrics\">"));
    table = table.substring(0, table.indexOf("</table>"));
    assertThat(count(table, "<tr>")).isEqualTo(1 + (int) metricRows);
    assertThat(table).contains("\u00b1");
    // the method legend names every method
    assertThat(s).contains(">cg<", ">cr<", ">sgd<", ">adam<");
    assertThat(summary.summaryLines())
        .anyMatch(l -> l.startsWith("Convex vs non-convex (compare-quick)"));
  }

  @Test
  void compareFilesAreNotRepeatedUnderOtherTables() {
    // An empty "Other tables" section is left out of the page altogether.
    String other = html.contains("<section id=\"other\">") ? section(html, "other") : "";
    assertThat(other).doesNotContain("profile.csv", "traces.csv", "verdicts.csv", "gaps.csv");
  }
}
