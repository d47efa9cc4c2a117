package io.convopt.experiments.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchmarkCommandTest {

  private record Outcome(int code, String out, String err) {}

  private static Outcome exec(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void benchmarkRejectsBadArgumentsWithExitCode2(@TempDir Path dir) {
    String o = dir.toString();
    List<List<String>> bad =
        List.of(
            List.of("--runs", "0", "--out", o),
            List.of("--budget-per-dim", "-3", "--out", o),
            List.of("--threads", "-1", "--out", o),
            List.of("--solvers", "cmaes,nope", "--out", o),
            List.of("--functions", "NO_SUCH_FUNCTION", "--out", o),
            List.of("--functions", "BRANIN,BRANIN", "--out", o),
            List.of("--runs", "many", "--out", o),
            List.of("--no-such-option"));
    for (List<String> args : bad) {
      Outcome r = exec(new BenchmarkCommand(), args.toArray(String[]::new));
      assertThat(r.code()).as("%s", args).isEqualTo(2);
      assertThat(r.err()).as("%s", args).isNotBlank();
    }
    assertThat(exec(new BenchmarkCommand(), "--solvers", "nope", "--out", o).err())
        .contains("unknown solver 'nope'")
        .contains("cmaes");
    assertThat(Files.exists(dir.resolve("benchmark/runs.csv"))).isFalse();
  }

  @Test
  void aSolverTheRegistryDeclinesGetsARowWithTheReason(@TempDir Path dir) {
    // BOBYQA in 1-D: declined by the registry, recorded as a failed run with its reason; the
    // benchmark itself succeeds, over a list of dimensions.
    Outcome r =
        exec(
            new BenchmarkCommand(),
            "--dim",
            "1,2",
            "--functions",
            "RASTRIGIN",
            "--solvers",
            "bobyqa",
            "--runs",
            "1",
            "--budget-per-dim",
            "30",
            "--threads",
            "1",
            "--out",
            dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<RunRecord> rows = Benchmark.readRecords(dir.resolve("benchmark/runs.csv"));
    assertThat(rows).hasSize(2);
    RunRecord oneD = rows.stream().filter(x -> x.dimension() == 1).findFirst().orElseThrow();
    assertThat(oneD.declined()).isTrue();
    assertThat(oneD.evaluations()).isZero();
    assertThat(oneD.success()).isFalse();
    assertThat(oneD.note()).contains("d >= 2");
    RunRecord twoD = rows.stream().filter(x -> x.dimension() == 2).findFirst().orElseThrow();
    assertThat(twoD.declined()).isFalse();
    assertThat(twoD.evaluations()).isEqualTo(60);
    assertThat(Files.exists(dir.resolve("benchmark/by_dimension.csv"))).isTrue();
  }

  @Test
  void optimizeRejectsBadArgumentsWithExitCode2() {
    List<List<String>> bad =
        List.of(
            List.of("--function", "BRANIN"), // no solver
            List.of("--solver", "cmaes"), // no function
            List.of("--function", "NOPE", "--solver", "cmaes"),
            List.of("--function", "BRANIN", "--solver", "nope"),
            List.of("--function", "BRANIN", "--solver", "cmaes", "--budget", "0"),
            List.of("--function", "RASTRIGIN", "--solver", "cmaes", "--dim", "0"),
            List.of("--function", "BRANIN", "--dim", "3", "--solver", "cmaes"),
            List.of("--function", "RASTRIGIN", "--dim", "1", "--solver", "bobyqa"));
    for (List<String> args : bad) {
      Outcome r = exec(new OptimizeCommand(), args.toArray(String[]::new));
      assertThat(r.code()).as("%s", args).isEqualTo(2);
      assertThat(r.err()).as("%s", args).isNotBlank();
    }
  }

  @Test
  void optimizePrintsTheOptimumAndOneJsonObjectOnTheLastLine() throws Exception {
    Outcome r =
        exec(
            new OptimizeCommand(),
            "--function",
            "branin",
            "--solver",
            "cmaes",
            "--seed",
            "4",
            "--budget",
            "2000",
            "--json");
    assertThat(r.code()).isZero();
    String[] lines = r.out().strip().split("\n");
    JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
    assertThat(json.get("solver").asText()).isEqualTo("cmaes");
    assertThat(json.get("evaluations").asLong()).isEqualTo(2000);
    assertThat(json.get("seed").asLong()).isEqualTo(4);
    assertThat(json.get("point")).hasSize(2);
    assertThat(json.get("stop_reason").asText()).isEqualTo("EVALUATION_BUDGET");
    assertThat(json.get("settings").get("seed").asText()).isEqualTo("4");
    assertThat(json.get("error").asDouble()).isLessThan(1e-3);
    assertThat(r.out()).contains("cmaes: x=");
  }

  @Test
  void quickBenchmarkRunsAndPrintsTheSummary(@TempDir Path dir) {
    Outcome r =
        exec(
            new BenchmarkCommand(),
            "--quick",
            "--solvers",
            "grid,cmaes",
            "--runs",
            "2",
            "--out",
            dir.toString(),
            "--threads",
            "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("ert").contains("BRANIN").contains("RASTRIGIN_SHIFTED_2D");
    assertThat(Benchmark.readRecords(dir.resolve("benchmark-quick/runs.csv"))).hasSize(3 * 2 * 2);
  }
}
