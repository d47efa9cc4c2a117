package io.convopt.experiments.relu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReluSolveCommandTest {
  @TempDir Path dir;

  private Path copy(String name) throws Exception {
    Path p = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/fixtures/convex-relu/" + name)) {
      Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
    }
    return p;
  }

  private int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = new CommandLine(new ReluSolveCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void solvesAFixtureAndPrintsJsonOnTheLastLine() throws Exception {
    Path f = copy("gated_sq_synth1d.json");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(out, err, "--problem", f.toString(), "--json");
    assertThat(code).as(err.toString()).isZero();
    String[] lines = out.toString().trim().split("\\R");
    JsonNode j = new ObjectMapper().readTree(lines[lines.length - 1]);
    for (String key : new String[] {"objective", "certificate", "iterations", "seconds"}) {
      assertThat(j.has(key)).as(key).isTrue();
    }
    // the default is auto, which names its choice and says why
    assertThat(j.get("solver_requested").asText()).isEqualTo("auto");
    assertThat(j.get("solver").asText()).isEqualTo("ipm");
    assertThat(j.get("solver_choice_reason").asText()).contains("interior-point");
    double ref = j.get("reference_objective").asDouble();
    assertThat(Math.abs(j.get("objective").asDouble() - ref) / ref).isLessThanOrEqualTo(1e-6);
    assertThat(j.get("certificate").asDouble()).isLessThanOrEqualTo(1e-6);
  }

  @Test
  void badFieldIsAUsageErrorNamingTheField() throws Exception {
    Path f = dir.resolve("bad.json");
    String text = Files.readString(copy("gated_sq_synth1d.json"));
    Files.writeString(f, text.replaceFirst("\"beta\": *[0-9.eE+-]+", "\"beta\": -1"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(run(out, err, "--problem", f.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("beta");
    Files.writeString(
        f,
        "{\"formulation\": \"gated\", \"loss\": \"squared\", \"beta\": 1,"
            + " \"X\": [[1, 2], [3]], \"y\": [1, 2], \"D\": [[1], [1]]}");
    StringWriter err2 = new StringWriter();
    assertThat(run(new StringWriter(), err2, "--problem", f.toString())).isEqualTo(2);
    assertThat(err2.toString()).contains("X").contains("ragged");
  }

  @Test
  void missingProblemOptionIsAUsageErrorAndRobustIsSolvedByTheIpm() throws Exception {
    assertThat(run(new StringWriter(), new StringWriter())).isEqualTo(2);
    StringWriter rout = new StringWriter();
    // the default robust solver certifies 1e-6, which bounds the distance to the reference
    assertThat(
            run(
                rout,
                new StringWriter(),
                "--problem",
                copy("relu_robust_hinge_synth.json").toString(),
                "--tol",
                "1e-6",
                "--json"))
        .isEqualTo(0);
    assertThat(rout.toString())
        .contains("relu_robust")
        .contains("ipm")
        .contains("duality gap")
        .contains("choice       relu_robust: the robust interior-point method");
    String last = rout.toString().strip().lines().reduce((a, b) -> b).orElseThrow();
    JsonNode lj = new com.fasterxml.jackson.databind.ObjectMapper().readTree(last);
    double obj = lj.get("objective").asDouble();
    assertThat(lj.get("solver").asText()).isEqualTo("ipm");
    assertThat(lj.get("certificate").asDouble()).isLessThanOrEqualTo(1e-6);
    assertThat(Math.abs(obj - 7.08245435793) / 7.08245435793).isLessThanOrEqualTo(1e-6);
    // the fixture's explicit patterns include some whose robust cone has no interior at eps: they
    // are accepted and reported (stated behaviour: weights forced to zero), and CLARABEL's
    // reference weights vanish on at least that many patterns (independent of our margin test)
    int noInterior = lj.get("patterns_without_robust_interior").asInt();
    assertThat(rout.toString()).contains(noInterior + " with no robust-cone interior at eps");
    JsonNode ref =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(copy("relu_robust_hinge_synth.json").toFile())
            .get("reference");
    int patterns = ref.get("V").get(0).size();
    double largest = 0;
    for (String m : new String[] {"V", "W"}) {
      for (JsonNode row : ref.get(m)) {
        for (JsonNode e : row) {
          largest = Math.max(largest, Math.abs(e.asDouble()));
        }
      }
    }
    int zeroInReference = 0;
    for (int i = 0; i < patterns; i++) {
      double mx = 0;
      for (String m : new String[] {"V", "W"}) {
        for (JsonNode row : ref.get(m)) {
          mx = Math.max(mx, Math.abs(row.get(i).asDouble()));
        }
      }
      zeroInReference += mx <= 1e-6 * largest ? 1 : 0;
    }
    assertThat(noInterior).isPositive().isLessThanOrEqualTo(zeroInReference);
    StringWriter err2 = new StringWriter();
    assertThat(
            run(
                new StringWriter(),
                err2,
                "--problem",
                copy("relu_hinge_synth_xor.json").toString(),
                "--solver",
                "fista"))
        .isEqualTo(2);
    assertThat(err2.toString()).contains("fista");
  }

  @Test
  void ipmSolvesAReluFixtureWithRepeatAndRobustRejectsFirstOrderSolvers() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        run(
            out,
            err,
            "--problem",
            copy("relu_sq_synth_circle.json").toString(),
            "--solver",
            "ipm",
            "--repeat",
            "2",
            "--json");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("solve 1").contains("ipm");
    String[] lines = out.toString().trim().split("\\R");
    JsonNode j = new ObjectMapper().readTree(lines[lines.length - 1]);
    assertThat(j.get("solver").asText()).isEqualTo("ipm");
    double ref = j.get("reference_objective").asDouble();
    assertThat(Math.abs(j.get("objective").asDouble() - ref) / ref).isLessThanOrEqualTo(1e-6);
    assertThat(j.get("certificate").asDouble()).isLessThanOrEqualTo(1e-6);
    StringWriter err2 = new StringWriter();
    assertThat(
            run(
                new StringWriter(),
                err2,
                "--problem",
                copy("relu_robust_hinge_synth.json").toString(),
                "--solver",
                "al"))
        .isEqualTo(2);
    assertThat(err2.toString()).contains("al").contains("relu_robust").contains("ipm");
    StringWriter err3 = new StringWriter();
    assertThat(
            run(
                new StringWriter(),
                err3,
                "--problem",
                copy("gated_sq_synth1d.json").toString(),
                "--repeat",
                "0"))
        .isEqualTo(2);
    assertThat(err3.toString()).contains("--repeat");
  }

  /** A fixture with one top-level field replaced. */
  private Path withField(String name, String field, double value) throws Exception {
    ObjectMapper m = new ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode o =
        (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(copy(name).toFile());
    o.put(field, value);
    Path p = dir.resolve(field + "-" + name);
    m.writeValue(p.toFile(), o);
    return p;
  }

  @Test
  void robustBadInputIsAUsageError() throws Exception {
    StringWriter err = new StringWriter();
    assertThat(
            run(
                new StringWriter(),
                err,
                "--problem",
                withField("relu_robust_hinge_synth.json", "eps", -0.05).toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("eps").contains("negative");
    StringWriter err2 = new StringWriter();
    assertThat(
            run(
                new StringWriter(),
                err2,
                "--problem",
                withField("gated_sq_synth1d.json", "eps", 0.05).toString()))
        .isEqualTo(2);
    assertThat(err2.toString()).contains("eps").contains("relu_robust").contains("gated");
  }
}
