package io.convopt.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConvOptMainTest {

  @Test
  void helpExitsZeroAndNamesTheProgram() {
    StringWriter out = new StringWriter();
    CommandLine cl = ConvOptMain.commandLine();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("--help")).isZero();
    assertThat(out.toString()).contains("Usage: convopt");
  }

  @Test
  void unknownOptionIsAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cl = ConvOptMain.commandLine();
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("--no-such-option")).isEqualTo(ConvOptMain.EXIT_USAGE);
    assertThat(err.toString()).contains("--no-such-option");
  }
}
