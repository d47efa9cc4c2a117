package io.convopt.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.report.ReportGenerator;
import io.convopt.report.ReportSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A benchmark run as three shards and merged gives the unsharded run's summaries, and the report
 * builds from the merged folder; {@code reproduce} shares the {@code --threads} rule.
 */
class MergedReportTest {

  @TempDir Path dir;

  private static int run(String... args) {
    CommandLine cl = ConvOptMain.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(new StringWriter()));
    return cl.execute(args);
  }

  private static String[] benchmark(Path out, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "benchmark",
                "--functions",
                "BRANIN,RASTRIGIN",
                "--solvers",
                "random,grid",
                "--repeats",
                "2",
                "--budget-per-dim",
                "40",
                "--threads",
                "1",
                "--out",
                out.toString()));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @Test
  void theReportBuildsFromAMergedFolderWithTheUnshardedSummaries() throws Exception {
    assertThat(run(benchmark(dir.resolve("whole")))).isZero();
    for (int i = 1; i <= 3; i++) {
      assertThat(run(benchmark(dir.resolve("s" + i), "--shard", i + "/3"))).isZero();
    }
    Path merged = dir.resolve("merged");
    assertThat(
            run(
                "merge",
                "--out",
                merged.toString(),
                dir.resolve("s1").toString(),
                dir.resolve("s2").toString(),
                dir.resolve("s3").toString()))
        .isZero();
    for (String f : new String[] {"summary.csv", "data_profile.csv"}) {
      assertThat(Files.readString(merged.resolve("benchmark").resolve(f)))
          .isEqualTo(Files.readString(dir.resolve("whole").resolve("benchmark").resolve(f)));
    }
    ReportSummary report = ReportGenerator.generate(merged, merged.resolve("report"));
    assertThat(Files.readString(report.indexHtml())).contains("RASTRIGIN_SHIFTED_2D");
    assertThat(String.join("\n", report.summaryLines())).containsIgnoringCase("benchmark");
  }

  @Test
  void reproduceRejectsNegativeThreadsLikeEveryGridCommand() {
    assertThat(run("reproduce", "--threads", "-1", "--out", dir.resolve("r").toString()))
        .isEqualTo(2);
    assertThat(dir.resolve("r")).doesNotExist();
  }
}
