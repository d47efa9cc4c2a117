package io.convopt.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code report} on a folder with nothing to show warns, writes no page and fails. */
class ReportCommandEmptyTest {

  @Test
  void emptyFolderWarnsAndExitsNonZero(@TempDir Path tmp) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("empty"));
    Files.writeString(in.resolve("notes.txt"), "not a result");
    StringWriter err = new StringWriter();
    CommandLine cl = ConvOptMain.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("report", "--in", in.toString());
    assertThat(code).isEqualTo(ConvOptMain.EXIT_USAGE);
    assertThat(err.toString()).contains("warning", in.toAbsolutePath().toString(), "no results");
    assertThat(in.resolve("report")).doesNotExist();
  }

  @Test
  void unusableOutputFolderNamesPathAndReason(@TempDir Path tmp) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("table9.csv"), "a,b\n1,2\n");
    Path file = Files.writeString(tmp.resolve("taken"), "x");
    StringWriter err = new StringWriter();
    CommandLine cl = ConvOptMain.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("report", "--in", in.toString(), "--out", file.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(file.toString(), "is a file, not a folder");
  }
}
