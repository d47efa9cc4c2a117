package io.convopt.report;

import static io.convopt.report.Fixtures.section;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationSectionTest {

  @TempDir Path dir;

  @Test
  void showsInSampleAgainstLeaveOneOutAndCountsTheCells() throws Exception {
    Path in = dir.resolve("results");
    Files.createDirectories(in.resolve("calibration/log2-loo"));
    Files.writeString(
        in.resolve("calibration/log2-loo-ranking.csv"),
        String.join(
            "\n",
            "rank,family,free_parameters,candidates,rows,in_sample_matches,loo_matches,"
                + "fitted_candidate,"
                + "fitted_parameters,in_sample_loss,formula,seed,label",
            "1,power,5,48,17,12,9,7,a=1 b=0.5,3.2,f,42,leave-one-out",
            "2,iso,5,48,17,8,5,0,c=0.7,6.1,f,42,leave-one-out",
            ""));
    Files.writeString(
        in.resolve("calibration/log2-loo-folds.csv"),
        "family,held_out,selected_candidate,selected_parameters,distance_eta,verdict\n"
            + "power,t2r9,7,a=1,1.0,match\n");
    Files.writeString(
        in.resolve("calibration/log2-loo/power.csv"),
        "key,distance_eta\npower/c000/t2r9,1\n" + "power/c000/t2r10,2\n");
    Files.writeString(in.resolve("calibration/poly1.csv"), "rank,function\n1,POLY1\n");
    ReportSummary s = ReportGenerator.generate(in, in.resolve("report"));
    assertThat(s.summaryLines())
        .contains(
            "LOG2 calibration: best family power predicts 9 of 17 held-out rows (in-sample 12).");
    String html = Files.readString(s.indexHtml());
    String cal = section(html, "calibration");
    assertThat(cal)
        .contains("<td class=\"num\">12 / 17</td>")
        .contains("<td class=\"num\">9 / 17</td>")
        .contains("t2r9")
        .contains("poly1.csv")
        .contains("2 calibration cells");
    // Calibration files are not repeated under "Other tables" (omitted when it has nothing).
    String other = html.contains("<section id=\"other\">") ? section(html, "other") : "";
    assertThat(other).doesNotContain("log2-loo");
  }
}
