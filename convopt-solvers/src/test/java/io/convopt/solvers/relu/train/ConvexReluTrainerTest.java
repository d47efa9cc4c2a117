package io.convopt.solvers.relu.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.ReluTestData;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import io.convopt.solvers.relu.solve.ReluSolvers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvexReluTrainerTest {
  @TempDir Path dir;

  /** Raw inputs (no bias column), columns on different scales so standardisation matters. */
  private static double[][] raw(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][2];
    for (int k = 0; k < n; k++) {
      x[k][0] = -2 + 4 * r.nextDouble();
      x[k][1] = 3 + r.nextGaussian();
    }
    return x;
  }

  private static double[] regressionTargets(double[][] x) {
    double[] y = new double[x.length];
    for (int k = 0; k < y.length; k++) {
      y[k] = Math.sin(2 * x[k][0]) + 0.2 * (x[k][1] - 3);
    }
    return y;
  }

  private static double[] labels(double[][] x) {
    double[] y = new double[x.length];
    for (int k = 0; k < y.length; k++) {
      y[k] = x[k][0] * (x[k][1] - 3) + 0.3 >= 0 ? 1 : -1;
    }
    return y;
  }

  /** Appends a ones column; standardises first when asked (written here, not the library's). */
  private static double[][] features(double[][] x, boolean standardize) {
    int n = x.length;
    int d = x[0].length;
    double[][] f = new double[n][d + 1];
    for (int c = 0; c < d; c++) {
      double mean = 0;
      for (double[] row : x) {
        mean += row[c] / n;
      }
      double var = 0;
      for (double[] row : x) {
        var += (row[c] - mean) * (row[c] - mean) / n;
      }
      double sd = Math.sqrt(var);
      for (int k = 0; k < n; k++) {
        f[k][c] = standardize ? (x[k][c] - mean) / sd : x[k][c];
      }
    }
    for (int k = 0; k < n; k++) {
      f[k][d] = 1;
    }
    return f;
  }

  /** L(f(X), y) + beta sum_j |w2_j| ||w1_j||, from the model's predictions and weights only. */
  private static double objectiveFromNetwork(ConvexReluModel m, double[][] x, double[] y) {
    double[] f = m.predict(x);
    double data = 0;
    for (int k = 0; k < y.length; k++) {
      data +=
          m.loss() == Loss.SQUARED
              ? 0.5 * (f[k] - y[k]) * (f[k] - y[k])
              : Math.max(0, 1 - y[k] * f[k]);
    }
    double[][] w1 = m.network().firstLayer();
    double[] w2 = m.network().secondLayer();
    double pen = 0;
    for (int j = 0; j < w2.length; j++) {
      double s = 0;
      for (double v : w1[j]) {
        s += v * v;
      }
      pen += Math.abs(w2[j]) * Math.sqrt(s);
    }
    return data + m.beta() * pen;
  }

  @Test
  void gatedFitEqualsTheDirectSolveOfTheSameProgram() {
    double[][] x = raw(40, 1);
    double[] y = regressionTargets(x);
    ConvexReluModel m =
        ConvexReluTrainer.create().withPatterns(20).withSeed(7).withBeta(0.3).fit(x, y);
    double[][] f = features(x, false);
    ReluProblem p =
        new ReluProblem(
            f, y, ActivationPatterns.sample(f, 20, 7), 0.3, Loss.SQUARED, Formulation.GATED);
    ReluSolution s = ReluSolvers.forProblem(p, ReluSolverSettings.defaults()).solve(p);
    assertThat(Math.abs(m.objective() - s.objective()) / s.objective()).isLessThanOrEqualTo(1e-9);
    assertThat(ReluTestData.relDiff(m.predict(x), s.trainingPredictions()))
        .isLessThanOrEqualTo(1e-9);
    assertThat(m.neurons()).isEqualTo(s.activeBlocks()).isPositive();
    assertThat(m.solver()).isEqualTo(s.solver());
    assertThat(m.summary().patterns()).isEqualTo(p.patterns().count());
    assertThat(m.certificate()).isLessThanOrEqualTo(1e-6);
    // the objective again, from nothing but the model's predictions and weights
    assertThat(Math.abs(objectiveFromNetwork(m, x, y) - m.objective()) / m.objective())
        .isLessThanOrEqualTo(1e-9);
  }

  @Test
  void standardizedReluHingeFitEqualsTheDirectSolveAndItsNetworkObjective() {
    double[][] x = raw(30, 2);
    double[] y = labels(x);
    ConvexReluTrainer t =
        ConvexReluTrainer.create()
            .withFormulation(Formulation.RELU)
            .withLoss(Loss.HINGE)
            .withPatterns(8)
            .withSeed(3)
            .withBeta(0.1)
            .withSolver("ipm")
            .withStandardization(true);
    ConvexReluModel m = t.fit(x, y);
    // fit solves exactly the program the trainer describes ...
    ReluProblem p = t.problem(x, y);
    ReluSolution s = ReluSolvers.choose("ipm", p, ReluSolverSettings.defaults()).solver().solve(p);
    assertThat(m.solver()).isEqualTo("ipm");
    assertThat(Math.abs(m.objective() - s.objective()) / s.objective()).isLessThanOrEqualTo(1e-9);
    // ... whose features are the standardised inputs plus a ones column (computed here)
    double[][] f = features(x, true);
    double[][] pf = p.features();
    for (int k = 0; k < f.length; k++) {
      assertThat(ReluTestData.relDiff(pf[k], f[k])).isLessThanOrEqualTo(1e-12);
    }
    // the same program built here from those features: equal optima, both certified to 1e-6
    ReluProblem q =
        new ReluProblem(
            f, y, ActivationPatterns.sample(f, 8, 3), 0.1, Loss.HINGE, Formulation.RELU);
    ReluSolution sq = ReluSolvers.choose("ipm", q, ReluSolverSettings.defaults()).solver().solve(q);
    assertThat(Math.abs(m.objective() - sq.objective()) / sq.objective()).isLessThanOrEqualTo(2e-6);
    // the recovered ReLU network reproduces the convex objective (feasible cones)
    assertThat(Math.abs(objectiveFromNetwork(m, x, y) - m.objective()) / m.objective())
        .isLessThanOrEqualTo(1e-7);
    assertThat(m.standardization().mean()[1]).isBetween(2.0, 4.0);
    assertThat(m.accuracy(x, y)).isGreaterThan(0.8);
  }

  @Test
  void savedModelLoadsWithIdenticalPredictionsAndSummary() throws Exception {
    double[][] x = raw(25, 4);
    double[] y = regressionTargets(x);
    ConvexReluModel m =
        ConvexReluTrainer.create()
            .withPatterns(10)
            .withSeed(1)
            .withBeta(0.3)
            .withStandardization(true)
            .fit(x, y);
    Path file = dir.resolve("m.json");
    m.save(file);
    ConvexReluModel back = ConvexReluModel.load(file);
    double[][] fresh = raw(15, 99);
    assertThat(back.predict(fresh)).isEqualTo(m.predict(fresh));
    assertThat(back.summary().objective()).isEqualTo(m.summary().objective());
    assertThat(back.summary().certificate()).isEqualTo(m.summary().certificate());
    assertThat(back.toJson()).isEqualTo(m.toJson());

    String json = Files.readString(file);
    assertThatThrownBy(
            () -> ConvexReluModel.fromJson(json.replace("\"version\" : 1", "\"version\" : 2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 2");
    // one weight fewer in the first neuron: the shape check names the field
    String shorter =
        json.replaceFirst("\"first_layer\" : \\[ \\[ ([^,]+), ", "\"first_layer\" : [ [ ");
    assertThat(shorter).isNotEqualTo(json);
    assertThatThrownBy(() -> ConvexReluModel.fromJson(shorter))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("network.first_layer[0]")
        .hasMessageContaining("expected 3");
    assertThatThrownBy(() -> back.predict(new double[][] {{1, 2, 3}}))
        .hasMessageContaining("trained on 2");
  }

  @Test
  void explicitGatesGiveTheProgramOfThoseGates() {
    double[][] x = raw(30, 5);
    double[] y = regressionTargets(x);
    SplittableRandom r = new SplittableRandom(11);
    double[][] g = new double[3][12]; // 2 inputs + bias row last, 12 gates
    for (double[] row : g) {
      for (int i = 0; i < row.length; i++) {
        row[i] = r.nextGaussian();
      }
    }
    ConvexReluModel m = ConvexReluTrainer.create().withGates(g).withBeta(0.3).fit(x, y);
    double[][] f = features(x, false);
    ReluProblem p =
        new ReluProblem(
            f, y, ActivationPatterns.fromGates(f, g), 0.3, Loss.SQUARED, Formulation.GATED);
    ReluSolution s = ReluSolvers.forProblem(p, ReluSolverSettings.defaults()).solve(p);
    assertThat(Math.abs(m.objective() - s.objective()) / s.objective()).isLessThanOrEqualTo(1e-9);
    assertThat(m.summary().seed()).isEqualTo(-1);
    assertThatThrownBy(() -> ConvexReluTrainer.create().withGates(new double[2][12]).fit(x, y))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gates")
        .hasMessageContaining("2 rows")
        .hasMessageContaining("3");
  }

  @Test
  void badSettingsAndDataAreRejectedByName() {
    double[][] x = raw(10, 6);
    double[] y = regressionTargets(x);
    assertThatThrownBy(() -> ConvexReluTrainer.create().withBeta(-1)).hasMessageContaining("beta");
    assertThatThrownBy(() -> ConvexReluTrainer.create().withPatterns(0))
        .hasMessageContaining("P must be >= 1");
    assertThatThrownBy(() -> ConvexReluTrainer.create().withSolver("newton"))
        .hasMessageContaining("auto, fista, al, admm, ipm");
    x[3][1] = Double.NaN;
    assertThatThrownBy(() -> ConvexReluTrainer.create().fit(x, y))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(3,1)");
    double[][] ok = raw(10, 6);
    assertThatThrownBy(() -> ConvexReluTrainer.create().withLoss(Loss.LOGISTIC).fit(ok, y))
        .hasMessageContaining("labels -1 or +1");
  }
}
