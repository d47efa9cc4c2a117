package io.convopt.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.report.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = ConvOptMain.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void helpDocumentsEveryOption() {
    assertThat(run("report", "--help")).isZero();
    // picocli wraps long descriptions; compare with runs of white space collapsed.
    String help = out.toString().replaceAll("\\s+", " ");
    assertThat(help)
        .contains(
            "Usage: convopt report",
            "--in=DIR",
            "--out=DIR",
            "-h, --help",
            "-V, --version",
            "default: results",
            "default: <in>/report",
            "Exit codes:");
    CommandLine report = ConvOptMain.commandLine().getSubcommands().get("report");
    for (CommandLine.Model.OptionSpec o : report.getCommandSpec().options()) {
      assertThat(help).contains(o.longestName());
      assertThat(String.join(" ", o.description())).isNotBlank();
    }
  }

  @Test
  void reportIsListedAsASubcommand() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("report", "offline HTML report");
  }

  @Test
  void missingInputFolderExitsWithUsageCodeAndMessage(@TempDir Path tmp) {
    Path missing = tmp.resolve("no-results");
    assertThat(run("report", "--in", missing.toString())).isEqualTo(ConvOptMain.EXIT_USAGE);
    assertThat(err.toString()).contains("input folder not found", "no-results");
    assertThat(Files.exists(missing)).isFalse();
  }

  @Test
  void writesTheReportAndPrintsTheIndexPath(@TempDir Path tmp) throws Exception {
    Path in = Fixtures.copyFixture(tmp);
    assertThat(run("report", "--in", in.toString())).isZero();
    Path index = in.resolve("report/index.html").toAbsolutePath();
    assertThat(out.toString().strip()).isEqualTo(index.toString());
    assertThat(index).exists();

    Path elsewhere = tmp.resolve("elsewhere");
    assertThat(run("report", "--in", in.toString(), "--out", elsewhere.toString())).isZero();
    assertThat(elsewhere.resolve("figures/curves-poly1.svg")).exists();
  }

  @Test
  void malformedInputExitsWithOneAndNamesTheCell(@TempDir Path tmp) throws Exception {
    Path in = Fixtures.copyFixture(tmp);
    Files.writeString(
        in.resolve("sweeps/log2-zigzag.csv"),
        "function,algorithm,eta,power,start,final_error\nLOG2,zigzag1,0.05,three,0,1\n");
    assertThat(run("report", "--in", in.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains(
            "sweeps/log2-zigzag.csv, row 1, column 'power': expected a number but found 'three'");
  }
}
