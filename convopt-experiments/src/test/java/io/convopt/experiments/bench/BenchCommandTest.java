package io.convopt.experiments.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Option parsing of {@code convopt bench} (no benchmark is run here: no timing in unit tests). */
class BenchCommandTest {

  @Test
  void helpListsTheOptionsAndDefaults() {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("--help")).isZero();
    assertThat(out.toString())
        .contains("Usage: bench")
        .contains("--quick")
        .contains("--include=REGEX")
        .contains("--out=FILE")
        .contains("(default: results/bench/");
  }

  @Test
  void optionsAreParsed() {
    BenchCommand c = new BenchCommand();
    new CommandLine(c).parseArgs("--quick", "--out", "x/y.json", "--include", "FmaPeak");
    assertThat(c.quick).isTrue();
    assertThat(c.out).isEqualTo(Path.of("x/y.json"));
    assertThat(c.include).isEqualTo("FmaPeak");
    KernelBenchmarkRunner.Config cfg = new KernelBenchmarkRunner.Config(false, null, " ");
    assertThat(cfg.output()).isEqualTo(KernelBenchmarkRunner.DEFAULT_OUTPUT);
    assertThat(cfg.include()).isEqualTo(KernelBenchmarkRunner.DEFAULT_INCLUDE);
  }
}
