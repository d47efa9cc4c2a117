package io.convopt.experiments.relu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import io.convopt.solvers.relu.solve.ReluSolvers;
import io.convopt.solvers.relu.train.ConvexReluModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReluTrainCommandTest {
  @TempDir Path dir;

  /** Two features on [-2, 2], a smooth target and a class column. */
  private static double[][] inputs(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][2];
    for (double[] row : x) {
      row[0] = -2 + 4 * r.nextDouble();
      row[1] = -2 + 4 * r.nextDouble();
    }
    return x;
  }

  private static double target(double[] row) {
    return Math.sin(row[0]) + 0.3 * row[1];
  }

  /** Header a,b,y[,cls] then the rows, doubles written in round-trip form. */
  private Path csv(String name, double[][] x, boolean withClass) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("a,b,y" + (withClass ? ",cls" : ""));
    for (double[] row : x) {
      lines.add(
          row[0]
              + ","
              + row[1]
              + ","
              + target(row)
              + (withClass ? "," + (row[0] * row[1] >= 0 ? "yes" : "no") : ""));
    }
    Path p = dir.resolve(name);
    Files.write(p, lines);
    return p;
  }

  private record Run(int code, String out, String err) {
    JsonNode json() throws Exception {
      String[] lines = out.strip().split("\\R");
      return new ObjectMapper().readTree(lines[lines.length - 1]);
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new ReluTrainCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void trainsWithASplitPrintsJsonKeysAndSavesTheModel() throws Exception {
    Path data = csv("train.csv", inputs(40, 1), false);
    Path model = dir.resolve("m.json");
    Run r =
        run(
            "--data",
            data.toString(),
            "--target",
            "y",
            "--split",
            "0.25",
            "--formulation",
            "gated",
            "--patterns",
            "10",
            "--beta",
            "0.3",
            "--loss",
            "squared",
            "--standardize",
            "--model-out",
            model.toString(),
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = r.json();
    for (String key :
        List.of(
            "objective",
            "certificate",
            "iterations",
            "seconds",
            "neurons",
            "train_metric",
            "test_metric",
            "solver",
            "solver_reason",
            "metric")) {
      assertThat(j.has(key)).as(key).isTrue();
    }
    assertThat(j.get("metric").asText()).isEqualTo("rmse");
    assertThat(j.get("train_rows").asInt()).isEqualTo(30);
    assertThat(j.get("test_rows").asInt()).isEqualTo(10);
    assertThat(j.get("certificate").asDouble()).isLessThanOrEqualTo(1e-6);
    ConvexReluModel m = ConvexReluModel.load(model);
    assertThat(m.objective()).isEqualTo(j.get("objective").asDouble());
    assertThat(m.neurons()).isEqualTo(j.get("neurons").asInt());
    assertThat(m.summary().rows()).isEqualTo(30);
  }

  @Test
  void gatesFileReproducesTheProgramBuiltWithThoseGates() throws Exception {
    double[][] x = inputs(30, 2);
    Path data = csv("d.csv", x, false);
    SplittableRandom r = new SplittableRandom(5);
    double[][] g = new double[3][8]; // a, b, then the bias row
    List<String> lines = new ArrayList<>();
    for (double[] row : g) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        row[i] = r.nextGaussian();
        line.append(i == 0 ? "" : ",").append(row[i]);
      }
      lines.add(line.toString());
    }
    Path gates = dir.resolve("g.csv");
    Files.write(gates, lines);
    Run run =
        run(
            "--data",
            data.toString(),
            "--target",
            "y",
            "--formulation",
            "gated",
            "--gates",
            gates.toString(),
            "--beta",
            "0.3",
            "--loss",
            "squared",
            "--json");
    assertThat(run.code()).as(run.err()).isZero();
    // the same program, built here from the raw rows and the gate matrix
    double[][] f = new double[x.length][];
    double[] y = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      f[k] = new double[] {x[k][0], x[k][1], 1.0};
      y[k] = target(x[k]);
    }
    ReluProblem p =
        new ReluProblem(
            f, y, ActivationPatterns.fromGates(f, g), 0.3, Loss.SQUARED, Formulation.GATED);
    ReluSolution s = ReluSolvers.forProblem(p, ReluSolverSettings.defaults()).solve(p);
    double obj = run.json().get("objective").asDouble();
    assertThat(Math.abs(obj - s.objective()) / s.objective()).isLessThanOrEqualTo(1e-9);
    assertThat(run.json().get("patterns").asInt()).isEqualTo(p.patterns().count());
    assertThat(run.json().get("test_metric").isNull()).isTrue();
  }

  @Test
  void twoTextClassesBecomeSignLabelsAndThreeAreRejected() throws Exception {
    Path data = csv("c.csv", inputs(30, 3), true);
    Path test = csv("t.csv", inputs(12, 4), true);
    Run r =
        run(
            "--data",
            data.toString(),
            "--target",
            "cls",
            "--test",
            test.toString(),
            "--formulation",
            "gated",
            "--patterns",
            "6",
            "--beta",
            "0.5",
            "--loss",
            "logistic",
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("-1 = no, +1 = yes");
    JsonNode j = r.json();
    assertThat(j.get("metric").asText()).isEqualTo("accuracy");
    assertThat(j.get("test_metric").asDouble()).isBetween(0.0, 1.0);
    assertThat(j.get("solver").asText()).isEqualTo("ipm"); // the default picks the IPM here

    Path numeric = csv("n.csv", inputs(30, 3), false);
    Run three =
        run(
            "--data",
            numeric.toString(),
            "--target",
            "a",
            "--formulation",
            "gated",
            "--patterns",
            "4",
            "--beta",
            "1",
            "--loss",
            "logistic");
    assertThat(three.code()).isEqualTo(2);
    assertThat(three.err())
        .contains("column 'a' has 30 distinct value(s)")
        .contains("exactly two classes");
  }

  /** Runs with the given overrides of a valid gated command; expects exit 2 and the words. */
  private void assertBad(List<String> args, String... words) {
    Run r = run(args.toArray(new String[0]));
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    for (String w : words) {
      assertThat(r.err()).contains(w);
    }
    assertThat(r.err()).doesNotContain("Exception in").doesNotContain("\tat ");
  }

  private List<String> base(Path data, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "--data",
                data.toString(),
                "--target",
                "y",
                "--formulation",
                "gated",
                "--loss",
                "squared"));
    a.addAll(List.of(extra));
    return a;
  }

  @Test
  void badInputsExitWithCodeTwoAndNameTheProblem() throws Exception {
    Path data = csv("d.csv", inputs(10, 5), false);
    List<String> text = Files.readAllLines(data);
    assertBad(
        List.of(
            "--data",
            data.toString(),
            "--target",
            "z",
            "--formulation",
            "gated",
            "--patterns",
            "4",
            "--beta",
            "1",
            "--loss",
            "squared"),
        "no column 'z'",
        "a, b, y");
    Path word = dir.resolve("word.csv");
    List<String> w = new ArrayList<>(text);
    w.set(4, "1.5,abc,2");
    Files.write(word, w);
    assertBad(
        base(word, "--patterns", "4", "--beta", "1"),
        "line 5",
        "column 2",
        "'abc' of column b is not a number");
    Path nan = dir.resolve("nan.csv");
    List<String> n = new ArrayList<>(text);
    n.set(2, "NaN,0.5,1");
    n.set(3, "0.5,Infinity,1");
    Files.write(nan, n);
    assertBad(base(nan, "--patterns", "4", "--beta", "1"), "line 3", "column 1", "NaN");
    n.set(2, "0.5,0.5,1");
    Files.write(nan, n);
    assertBad(base(nan, "--patterns", "4", "--beta", "1"), "line 4", "not finite");
    Path g = dir.resolve("g.csv");
    Files.write(g, List.of("1,2,3", "4,5,6"));
    assertBad(
        base(data, "--gates", g.toString(), "--beta", "1"), "--gates", "2 rows", "must have 3");
    assertBad(base(data, "--patterns", "4", "--beta", "-0.5"), "--beta", ">= 0");
    assertBad(base(data, "--patterns", "0", "--beta", "1"), "--patterns", "P must be >= 1");
    assertBad(
        base(data, "--patterns", "4", "--beta", "1", "--split", "0.01"), "--split", "0 test rows");
    assertBad(base(data, "--beta", "1"), "--patterns P", "--gates G.csv");
    assertBad(base(data, "--patterns", "4", "--gates", g.toString(), "--beta", "1"), "not both");
    assertBad(
        base(data, "--patterns", "4", "--beta", "1", "--solver", "newton"),
        "unknown name 'newton'",
        "auto, fista, al, admm, ipm");
  }
}
