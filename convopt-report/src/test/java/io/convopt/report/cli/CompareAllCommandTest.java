package io.convopt.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The umbrella command's interface; its two parts are run end to end by their own tests. */
class CompareAllCommandTest {

  @Test
  void helpDocumentsEveryOptionAndBadArgumentsAreUsageErrors() {
    StringWriter out = new StringWriter();
    CommandLine cl = ConvOptMain.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    assertThat(cl.execute("compare-all", "--help")).isZero();
    assertThat(out.toString())
        .contains("--quick", "--out", "compare-training", "compare-robust", "report");
    CommandLine again = ConvOptMain.commandLine();
    again.setErr(new PrintWriter(new StringWriter()));
    assertThat(again.execute("compare-all", "--no-such-option")).isEqualTo(ConvOptMain.EXIT_USAGE);
  }
}
