package io.convopt.report;

import static io.convopt.report.Fixtures.count;
import static io.convopt.report.Fixtures.section;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The adversarial-robustness section, from a folder written by {@code compare-robust --quick}. */
class RobustReportTest {

  @TempDir static Path dir;
  static ReportSummary summary;
  static String html;

  @BeforeAll
  static void generate() throws Exception {
    URL url = RobustReportTest.class.getResource("/fixture-robust/robust-quick/robust-summary.csv");
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
  void plotsRobustAccuracyVsEpsPerDatasetWithTheTable() throws Exception {
    String s = section(html, "robust-quick");
    assertThat(s).contains("What the measurements say", "Robust accuracy vs radius");
    List<String> summaryCsv =
        Files.readAllLines(dir.resolve("results/robust-quick/robust-summary.csv"));
    long datasets =
        summaryCsv.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().count();
    assertThat(summary.figures())
        .filteredOn(f -> f.startsWith("robust-quick-accuracy"))
        .hasSize((int) datasets);
    for (String name : summary.figures()) {
      Document doc =
          Fixtures.xml(Files.readString(dir.resolve("results/report/figures/" + name + ".svg")));
      assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    }
    // the table: one row per (dataset, method, eps) of robust-summary.csv
    String table = s.substring(s.indexOf("<table class=\"data-table robust\">"));
    table = table.substring(0, table.indexOf("</table>"));
    assertThat(count(table, "<tr>")).isEqualTo(summaryCsv.size());
    // every method is in the legend
    assertThat(s).contains(">cr<", ">cr-robust<", ">sgd<", ">sgd-pgd<");
    assertThat(summary.summaryLines())
        .anyMatch(l -> l.startsWith("Adversarial robustness (robust-quick)"));
  }

  @Test
  void robustFilesAreNotRepeatedUnderOtherTables() {
    String other = (html.contains("<section id=\"other\">") ? section(html, "other") : "");
    assertThat(other).doesNotContain("robust-summary.csv", "robustness.csv");
  }
}
