package io.convopt.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConvOptMainTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = ConvOptMain.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void helpExitsZeroAndListsTheSubcommands() {
    Run r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("Usage: convopt")
        .contains("reproduce")
        .contains("tables")
        .contains("sweep")
        .contains("calibrate");
  }

  @Test
  void everySubcommandDocumentsEveryOption() {
    CommandLine cl = ConvOptMain.commandLine();
    for (var e : cl.getSubcommands().entrySet()) {
      String usage = e.getValue().getUsageMessage();
      for (CommandLine.Model.OptionSpec o : e.getValue().getCommandSpec().options()) {
        if (o.hidden()) {
          continue; // internal (merge's --finish-only) or deprecated spellings
        }
        assertThat(usage)
            .as(e.getKey() + " --help mentions " + o.longestName())
            .contains(o.longestName());
        assertThat(o.description())
            .as(e.getKey() + " " + o.longestName() + " has a description")
            .isNotEmpty();
      }
    }
  }

  @Test
  void unknownOptionIsAUsageError() {
    Run r = run("--no-such-option");
    assertThat(r.code()).isEqualTo(ConvOptMain.EXIT_USAGE);
    assertThat(r.err()).contains("--no-such-option");
  }

  @Test
  void badValuesAreUsageErrorsWithAMessage() {
    Run t = run("tables", "--table", "3", "--out", dir.toString());
    assertThat(t.code()).isEqualTo(ConvOptMain.EXIT_USAGE);
    assertThat(t.err()).contains("--table must be 1, 2 or all");
    Run s =
        run(
            "sweep",
            "--function",
            "POLY1",
            "--algorithm",
            "alg1",
            "--eta",
            "-0.1",
            "--power",
            "3",
            "--start",
            "0.5",
            "--out",
            dir.toString());
    assertThat(s.code()).isEqualTo(ConvOptMain.EXIT_USAGE);
    assertThat(s.err()).contains("eta");
    Run m = run("sweep", "--function", "POLY1");
    assertThat(m.code()).isEqualTo(ConvOptMain.EXIT_USAGE);
    assertThat(m.err()).contains("Missing required options");
    Run c = run("calibrate", "--function", "LOG1", "--out", dir.toString());
    assertThat(c.code()).isEqualTo(ConvOptMain.EXIT_USAGE);
    assertThat(c.err()).contains("POLY1");
  }

  @Test
  void compareTrainingRejectsBadArgumentsWithExitCode2() {
    Run b = run("compare-training", "--quick", "--betas", "-1", "--out", dir.toString());
    assertThat(b.code()).isEqualTo(ConvOptMain.EXIT_USAGE);
    assertThat(b.err()).contains("--betas");
    Run d =
        run("compare-training", "--quick", "--datasets", "no_such_data", "--out", dir.toString());
    assertThat(d.code()).isEqualTo(ConvOptMain.EXIT_USAGE);
    assertThat(d.err()).contains("no_such_data");
    Run m = run("compare-training", "--quick", "--methods", "cr-robust", "--out", dir.toString());
    assertThat(m.code()).isEqualTo(ConvOptMain.EXIT_USAGE);
    assertThat(m.err()).contains("compare-robust");
    Run h = run("compare-training", "--help");
    assertThat(h.code()).isZero();
    assertThat(h.out()).contains("--quick", "--seed", "--datasets", "--betas", "--out");
  }

  @Test
  void compareRobustIsRegisteredAndRejectsBadArgumentsWithExitCode2() {
    Run h = run("compare-robust", "--help");
    assertThat(h.code()).isZero();
    assertThat(h.out())
        .contains(
            "--quick",
            "--out",
            "--seed",
            "--eps",
            "--eps-train",
            "--datasets",
            "--methods",
            "--max-train");
    Run e = run("compare-robust", "--quick", "--eps", "0,-1", "--out", dir.toString());
    assertThat(e.code()).isEqualTo(ConvOptMain.EXIT_USAGE);
    assertThat(e.err()).contains("--eps");
    Run d = run("compare-robust", "--quick", "--datasets", "iris", "--out", dir.toString());
    assertThat(d.code()).isEqualTo(ConvOptMain.EXIT_USAGE);
    assertThat(d.err()).contains("binary");
    Run n = run("compare-robust", "--quick", "--datasets", "no_such_data", "--out", dir.toString());
    assertThat(n.code()).isEqualTo(ConvOptMain.EXIT_USAGE);
    assertThat(n.err()).contains("no_such_data");
  }
}
