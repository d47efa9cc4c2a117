package io.convopt.experiments.relu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** relu-solve's messages on bad or degenerate problem files: ConvOpt's words, not Jackson's. */
class ReluSolveMessagesTest {
  @TempDir Path dir;

  private static final String TINY_GATED =
      "{\"formulation\": \"gated\", \"loss\": \"squared\", \"beta\": BETA, \"X\": [[-1, 1], [X01,"
          + " 1], [0.5, 1], [1, 1]], \"y\": [1, 0.2, 0.3, 1.1], \"D\": [[1, 0], [1, 0], [0, 1], [0,"
          + " 1]]}";

  private record Run(int code, String out, String err) {}

  private Run solve(String json, String... extra) throws Exception {
    Path f = dir.resolve("p.json");
    Files.writeString(f, json);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new ReluSolveCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    String[] args =
        Stream.concat(Stream.of("--problem", f.toString()), Stream.of(extra))
            .toArray(String[]::new);
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  private static String tiny(String beta, String x01) {
    return TINY_GATED.replace("BETA", beta).replace("X01", x01);
  }

  @Test
  void nanAndInfinityTokensAreNamedWithoutParserInternals() throws Exception {
    for (String token : List.of("NaN", "Infinity", "-Infinity")) {
      Run r = solve(tiny("0.1", token));
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err())
          .contains("X: entry (1,0)", "must be finite")
          .doesNotContain("ALLOW_NON_NUMERIC", "JsonReadFeature", "enable");
    }
    Run b = solve(tiny("NaN", "-0.5"));
    assertThat(b.code()).isEqualTo(2);
    assertThat(b.err()).contains("beta is NaN").doesNotContain("JsonReadFeature");
  }

  @Test
  void brokenJsonGivesLineAndColumnWithoutParserInternals() throws Exception {
    Run r = solve("{\"formulation\": \"gated\",\n \"beta\": 0.1,,\n}");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("not valid JSON at line 2")
        .doesNotContain("JsonReadFeature", "Source:", "com.fasterxml");
  }

  @Test
  void fistaOnAConstrainedProblemRecommendsTheInteriorPointMethod() throws Exception {
    String cr = tiny("0.1", "-0.5").replace("\"gated\"", "\"relu\"");
    Run r = solve(cr, "--solver", "fista");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--solver fista", "relu program", "use --solver ipm");
    Run zero = solve(cr.replace("\"beta\": 0.1", "\"beta\": 0"), "--solver", "fista");
    assertThat(zero.err()).contains("use --solver al or admm", "ipm needs beta > 0");
  }

  @Test
  void betaZeroWarnsThatTheCertificateIsVacuous() throws Exception {
    Run r = solve(tiny("0", "-0.5"), "--max-iterations", "300");
    assertThat(r.err()).contains("beta = 0", "certificate is vacuous");
    assertThat(r.code()).as("runs to the cap without certifying").isEqualTo(1);
  }

  @Test
  void everyShippedExampleParses() throws Exception {
    Path examples = Path.of("..", "data", "examples", "relu");
    try (Stream<Path> files = Files.list(examples)) {
      List<Path> json = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      assertThat(json).hasSizeGreaterThanOrEqualTo(4);
      for (Path f : json) {
        assertThat(ReluFixture.read(f).x()).as(f.toString()).isNotEmpty();
      }
    }
  }
}
