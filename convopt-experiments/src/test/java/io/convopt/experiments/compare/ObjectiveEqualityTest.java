package io.convopt.experiments.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convopt.experiments.data.DataCatalog;
import io.convopt.experiments.data.PreparedData;
import io.convopt.experiments.data.Protocol;
import io.convopt.solvers.nonconvex.NonConvexConfig;
import io.convopt.solvers.nonconvex.NonConvexResult;
import io.convopt.solvers.nonconvex.NonConvexTrainer;
import io.convopt.solvers.nonconvex.ReluObjective;
import io.convopt.solvers.nonconvex.ReluTrainingProblem;
import io.convopt.solvers.nonconvex.Sgd;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.TwoLayerNetwork;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import io.convopt.solvers.relu.solve.AugmentedLagrangianSolver;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The comparison is only meaningful if SGD/Adam and the convex program minimise the same function:
 * at the weights recovered from a (feasible) CR solution, the non-convex objective of {@code
 * io.convopt.solvers.nonconvex} must equal the convex objective.
 */
class ObjectiveEqualityTest {

  private static double[][] data(int n, long seed, double[] y) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][2];
    for (int k = 0; k < n; k++) {
      x[k][0] = r.nextGaussian();
      x[k][1] = r.nextGaussian();
      y[k] = Math.abs(x[k][0]) - 0.5 * x[k][1] + 0.1 * r.nextGaussian();
    }
    return ReluTrainingProblem.appendBiasColumn(x);
  }

  @Test
  void recoveredCrNetworkHasTheConvexObjectiveUnderTheNonConvexObjective() {
    int n = 30;
    double[] y = new double[n];
    double[][] x = data(n, 7, y);
    double beta = 0.05;
    ActivationPatterns pats = ActivationPatterns.sample(x, 12, 3);
    ReluProblem p = new ReluProblem(x, y, pats, beta, Loss.SQUARED, Formulation.RELU);
    ReluSolution s = new AugmentedLagrangianSolver(ReluSolverSettings.defaults()).solve(p);
    assertThat(s.stopReason()).isEqualTo(StopReason.CONVERGED);
    TwoLayerNetwork net = TwoLayerNetwork.recover(p, s);
    double nonConvex = ConvexTraining.reluObjective(net, x, y, beta);
    assertThat(nonConvex).isCloseTo(s.objective(), within(1e-8 * s.objective()));
    // the relu package's own (NC) evaluation agrees too: three implementations, one function
    assertThat(net.objective(x, y, beta, Loss.SQUARED))
        .isCloseTo(nonConvex, within(1e-10 * nonConvex));
    // and the same network predicts the same values through both weight layouts
    double[] a = net.predict(x);
    double[] b = ConvexTraining.toReluNetwork(net, x[0].length).predict(x);
    for (int k = 0; k < n; k++) {
      assertThat(b[k]).isCloseTo(a[k], within(1e-12));
    }
  }

  @Test
  void zeroSolutionMapsToOneZeroNeuronWithHalfTheSquaredTargets() {
    int n = 20;
    double[] y = new double[n];
    double[][] x = data(n, 11, y);
    ActivationPatterns pats = ActivationPatterns.sample(x, 4, 1);
    ReluProblem p = new ReluProblem(x, y, pats, 1.0, Loss.SQUARED, Formulation.RELU);
    double big = 10 * p.betaMax() + 10;
    ReluProblem q = p.withBeta(big);
    ReluSolution s = new AugmentedLagrangianSolver(ReluSolverSettings.defaults()).solve(q);
    TwoLayerNetwork net = TwoLayerNetwork.recover(q, s);
    double half = 0;
    for (double v : y) {
      half += 0.5 * v * v;
    }
    if (net.width() == 0) {
      assertThat(ConvexTraining.reluObjective(net, x, y, big))
          .isCloseTo(half, within(1e-12 * half));
    }
    assertThat(ConvexTraining.reluObjective(net, x, y, big))
        .isCloseTo(s.objective(), within(1e-8 * half));
  }

  @Test
  void sgdReportsTheSameFunctionItIsEvaluatedOn() {
    int n = 25;
    double[] y = new double[n];
    double[][] x = data(n, 5, y);
    double beta = 0.3;
    NonConvexConfig c =
        NonConvexConfig.defaults()
            .withWidth(6)
            .withBeta(beta)
            .withEpochs(3)
            .withOptimiser(Sgd.fixed(0.05))
            .withSeed(9);
    NonConvexResult r = NonConvexTrainer.train(ReluTrainingProblem.of(x, y), c);
    double direct =
        new ReluObjective(
                ReluTrainingProblem.of(x, y), 6, io.convopt.solvers.nonconvex.Loss.SQUARED, beta)
            .value(r.network().flat());
    // an independent evaluation: 1/2 SSE + beta/2 |theta|^2 written out here
    double[] f = r.network().predict(x);
    double byHand = 0;
    for (int k = 0; k < n; k++) {
      byHand += 0.5 * (f[k] - y[k]) * (f[k] - y[k]);
    }
    for (double t : r.network().flat()) {
      byHand += 0.5 * beta * t * t;
    }
    assertThat(r.finalObjective()).isCloseTo(direct, within(1e-10 * direct));
    assertThat(byHand).isCloseTo(direct, within(1e-10 * direct));
  }

  @Test
  void convexCellsAreDeterministicAndSumOneVsAllPrograms() {
    PreparedData iris = Protocol.prepare(DataCatalog.open().load("iris"));
    ReluSolverSettings s = ReluSolverSettings.defaults().withMaxIterations(400);
    // A time budget far above what 400 iterations take: the budget schedule then ends on its
    // iteration cap, not on the clock, so two runs must agree bit for bit on a loaded machine too.
    double seconds = 120;
    ConvexTraining.Outcome a =
        ConvexTraining.train(iris, Method.CR, 1.0, 6, 4, CrSolver.al, s, seconds);
    ConvexTraining.Outcome b =
        ConvexTraining.train(iris, Method.CR, 1.0, 6, 4, CrSolver.al, s, seconds);
    assertThat(a.objective()).isEqualTo(b.objective());
    assertThat(a.testAccuracy()).isEqualTo(b.testAccuracy()).isBetween(0.0, 1.0);
    assertThat(a.trace()).isNotEmpty();
    assertThat(a.trace().get(a.trace().size() - 1).objective()).isEqualTo(a.objective());
    // the budget schedule: iteration budgets grow, each trace point is one deterministic solve
    for (int i = 1; i < a.trace().size(); i++) {
      assertThat(a.trace().get(i).iterations())
          .isGreaterThanOrEqualTo(a.trace().get(i - 1).iterations());
    }
    ConvexTraining.Outcome g =
        ConvexTraining.train(iris, Method.CG, 1.0, 6, 4, CrSolver.al, s, seconds);
    assertThat(g.testMse()).isNaN();
    assertThat(g.patterns()).isEqualTo(a.patterns());
  }
}
