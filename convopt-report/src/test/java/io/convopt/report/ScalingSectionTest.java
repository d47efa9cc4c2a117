package io.convopt.report;

import static io.convopt.report.Fixtures.section;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalingSectionTest {

  @TempDir Path dir;

  @Test
  void plotsSuccessVsDimensionPerBudgetAndStatesWinsAndLosses() throws Exception {
    Path in = dir.resolve("results");
    Files.createDirectories(in.resolve("scaling/d1-b10/benchmark"));
    // Hand-made: conv-multires ties in d=1 and loses in d=2 at B=10; wins in d=1 at B=100, loses in
    // d=2.
    Files.writeString(
        in.resolve("scaling/scaling.csv"),
        String.join(
            "\n",
            "solver,dimension,budget_per_dim,budget,functions,runs,mean_success_rate,"
                + "mean_median_error,mean_seconds_per_run",
            "conv-multires,1,10,10,1,2,0.5,1,0.01",
            "cmaes,1,10,10,1,2,0.5,1,0.01",
            "conv-multires,2,10,20,1,2,0,1,0.01",
            "cmaes,2,10,20,1,2,0.5,1,0.01",
            "conv-multires,1,100,100,1,2,1,0,0.01",
            "cmaes,1,100,100,1,2,0.5,1,0.01",
            "conv-multires,2,100,200,1,2,0.5,1,0.01",
            "cmaes,2,100,200,1,2,1,0,0.01",
            ""));
    // The raw per-cell runs are not report tables of their own.
    Files.writeString(in.resolve("scaling/d1-b10/benchmark/runs.csv"), "key,solver\nk,cmaes\n");
    ReportSummary s = ReportGenerator.generate(in, in.resolve("report"));
    assertThat(s.figures()).contains("scaling-b10", "scaling-b100");
    assertThat(s.summaryLines())
        .contains(
            "Scaling: conv-multires matches or beats the best other solver in 2 of 4 (dimension,"
                + " budget) cells (d=1/B=10, d=1/B=100); it falls behind in d=2/B=10, d=2/B=100.");
    String html = Files.readString(s.indexHtml());
    assertThat(section(html, "scaling")).contains("<figure id=\"fig-scaling-b10\">");
    assertThat(html).doesNotContain("d1-b10/benchmark/runs.csv</h3>");
    Fixtures.xml(Files.readString(in.resolve("report/figures/scaling-b100.svg")));
  }
}
