package io.convopt.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.experiments.io.CsvRowWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The main job end to end: tables, sweeps, benchmark and report into one folder; a rerun resumes.
 */
class ReproduceCommandTest {

  @TempDir Path dir;

  private static int run(String... args) {
    CommandLine cl = ConvOptMain.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(new StringWriter()));
    return cl.execute(args);
  }

  @Test
  void writesEveryResultAndTheReportAndResumesOnRerun() throws Exception {
    Path out = dir.resolve("results");
    assertThat(run("reproduce", "--out", out.toString(), "--threads", "2")).isZero();
    for (String f :
        new String[] {
          "table1.csv",
          "table2.csv",
          "provenance.csv",
          "benchmark/summary.csv",
          "benchmark/data_profile.csv",
          "report/index.html"
        }) {
      assertThat(out.resolve(f)).as(f).isRegularFile();
    }
    assertThat(CsvRowWriter.readAll(out.resolve("table1.csv"))).hasSize(1 + 8);
    assertThat(CsvRowWriter.readAll(out.resolve("table2.csv"))).hasSize(1 + 15);
    try (var sweeps = Files.list(out.resolve("sweeps"))) {
      assertThat(sweeps.count()).isEqualTo(ReproduceCommand.defaultSweeps(42).size());
    }
    String html = Files.readString(out.resolve("report/index.html"));
    assertThat(html)
        .contains(
            "<section id=\"table1\">",
            "<section id=\"table2\">",
            "<section id=\"sweeps\">",
            "<section id=\"benchmark\">",
            "<figure id=\"fig-benchmark-success\">");
    long runsBefore = Files.size(out.resolve("benchmark/runs.csv"));
    String table1 = Files.readString(out.resolve("table1.csv"));

    // A rerun finds every row done: same tables, same benchmark runs, a fresh report.
    assertThat(run("reproduce", "--out", out.toString(), "--threads", "2")).isZero();
    assertThat(Files.size(out.resolve("benchmark/runs.csv"))).isEqualTo(runsBefore);
    assertThat(Files.readString(out.resolve("table1.csv"))).isEqualTo(table1);
  }

  @Test
  void aBadThreadCountIsAUsageError() {
    assertThat(run("reproduce", "--out", dir.toString(), "--threads", "-3"))
        .isEqualTo(ConvOptMain.EXIT_USAGE);
  }
}
