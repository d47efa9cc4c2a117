package io.convopt.report;

import static io.convopt.report.Fixtures.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class GlobalBenchmarkSectionTest {

  @TempDir Path dir;

  private Path results() throws Exception {
    Path b = dir.resolve("results/benchmark");
    Files.createDirectories(b);
    // Three solvers on two functions: "a" and "b" tie on success rate, "b" needs fewer evaluations,
    // "c" never succeeds on SPHERE. Hand-made numbers; the ranking below follows from them alone.
    Files.writeString(
        b.resolve("summary.csv"),
        String.join(
            "\n",
            "solver,function,dimension,runs,successes,success_rate,ert,median_error",
            "a,SPHERE,2,4,4,1,1000,0",
            "a,RING,2,4,2,0.5,5000,0.1",
            "b,SPHERE,2,4,4,1,100,0",
            "b,RING,2,4,2,0.5,500,0.2",
            "c,SPHERE,2,4,0,0,Infinity,3",
            "c,RING,2,4,4,1,50,0",
            ""));
    Files.writeString(
        b.resolve("data_profile.csv"),
        String.join(
            "\n",
            "solver,budget_per_dim,pairs,fraction_solved",
            "a,10,8,0",
            "a,100,8,0.25",
            "a,1000,8,0.75",
            "b,10,8,0.125",
            "b,100,8,0.75",
            "b,1000,8,0.75",
            "c,10,8,0",
            "c,100,8,0.5",
            "c,1000,8,0.5",
            ""));
    Files.writeString(b.resolve("runs.csv"), "key,solver,function,run\nx,a,SPHERE,0\n");
    return dir.resolve("results");
  }

  @Test
  void showsSuccessHeatmapDataProfileAndRanking() throws Exception {
    Path in = results();
    ReportSummary s = ReportGenerator.generate(in, in.resolve("report"));
    String html = Files.readString(s.indexHtml());
    String sec = section(html, "benchmark");
    assertThat(s.figures()).contains("benchmark-success", "benchmark-data-profile");
    for (String name : new String[] {"benchmark-success", "benchmark-data-profile"}) {
      Document doc = Fixtures.xml(Files.readString(in.resolve("report/figures/" + name + ".svg")));
      assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
      assertThat(sec).contains("<figure id=\"fig-" + name + "\">");
    }
    // a and b: mean success 75%; b ranks first on geometric-mean ERT sqrt(100*500) ≈ 224 <
    // sqrt(1000*5000).
    // c: mean 50%, last despite the fastest single success.
    assertThat(s.summaryLines())
        .anyMatch(
            l ->
                l.startsWith(
                    "Benchmark: 3 solvers x 2 functions; ranked first b (mean success 75%,"
                        + " geometric-mean ERT 224)"));
    // The summary table lists every solver, losers included; runs.csv stays available as a plain
    // table.
    assertThat(sec).contains("<td>c</td>", "Infinity");
    assertThat(section(html, "other")).contains("runs.csv");
  }

  @Test
  void aSummaryWithoutTheErtColumnIsRejectedByName() throws Exception {
    Path in = results();
    Files.writeString(
        in.resolve("benchmark/summary.csv"),
        "solver,function,runs,successes,success_rate\na,S,1,1,1\n");
    assertThatThrownBy(() -> ReportGenerator.generate(in, in.resolve("report")))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("ert");
  }
}
