package io.convopt.solvers.relu;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.solvers.relu.sampling.ActivationPatterns;
import io.convopt.solvers.relu.solve.AugmentedLagrangianSolver;
import io.convopt.solvers.relu.solve.ProximalGradientSolver;
import org.junit.jupiter.api.Test;

/**
 * Identities that need no reference solver. Tolerances: solves run to a relative gap of 1e-9 (RELU:
 * also scaled violation 1e-10), so objective comparisons use 1e-7 relative; the recovery identity
 * is exact up to rounding and the cone violation, so 1e-8 relative.
 */
class ConvexReluPropertiesTest {
  static final ReluSolverSettings TIGHT =
      ReluSolverSettings.defaults().withTolerance(1e-9).withMaxIterations(2_000_000);

  @Test
  void samplingIsSeededDedupedAndNonStrict() {
    double[][] x = ReluTestData.gaussian(30, 2, 5);
    ActivationPatterns a = ActivationPatterns.sample(x, 50, 42);
    ActivationPatterns b = ActivationPatterns.sample(x, 50, 42);
    assertThat(a.matrix()).isDeepEqualTo(b.matrix());
    assertThat(a.gates()).isDeepEqualTo(b.gates());
    assertThat(a.seed()).isEqualTo(42);
    int[][] d = a.matrix();
    java.util.Set<String> cols = new java.util.HashSet<>();
    for (int i = 0; i < a.count(); i++) {
      StringBuilder sb = new StringBuilder();
      int ones = 0;
      for (int k = 0; k < x.length; k++) {
        sb.append(d[k][i]);
        ones += d[k][i];
        double s = 0;
        for (int c = 0; c < 3; c++) {
          s += x[k][c] * a.gates()[c][i];
        }
        assertThat(d[k][i] == 1).isEqualTo(s >= 0);
      }
      assertThat(ones).isPositive();
      assertThat(cols.add(sb.toString())).as("duplicate pattern %d", i).isTrue();
    }
    assertThat(ActivationPatterns.sample(x, 50, 43).matrix()).isNotEqualTo(a.matrix());
  }

  @Test
  void enumerationIn1dGivesAllThresholdPatternsAndContainsEverySampledOne() {
    double[][] x = ReluTestData.x1d(15, 7);
    ActivationPatterns all = ActivationPatterns.enumerate(x);
    // {x >= t} and {x <= t} over the 15 distinct values, all-ones counted once
    assertThat(all.count()).isEqualTo(2 * 15 - 1);
    java.util.Set<String> enumerated = columns(all);
    ActivationPatterns many = ActivationPatterns.sample(x, 5000, 11);
    assertThat(enumerated).containsAll(columns(many));
    double[][] x2 = ReluTestData.gaussian(12, 2, 8);
    ActivationPatterns all2 = ActivationPatterns.enumerate(x2);
    assertThat(columns(all2)).containsAll(columns(ActivationPatterns.sample(x2, 20000, 3)));
  }

  private static java.util.Set<String> columns(ActivationPatterns p) {
    java.util.Set<String> s = new java.util.HashSet<>();
    int[][] d = p.matrix();
    for (int i = 0; i < p.count(); i++) {
      StringBuilder sb = new StringBuilder();
      for (int[] row : d) {
        sb.append(row[i]);
      }
      s.add(sb.toString());
    }
    return s;
  }

  @Test
  void betaAboveBetaMaxGivesZeroAndSolversAreDeterministic() {
    double[][] x = ReluTestData.gaussian(40, 3, 9);
    double[] y = ReluTestData.sinTargets(x, 10);
    ActivationPatterns p = ActivationPatterns.sample(x, 30, 1);
    ReluProblem prob = new ReluProblem(x, y, p, 1.0, Loss.SQUARED, Formulation.GATED);
    ReluSolution big = new ProximalGradientSolver().solve(prob.withBeta(prob.betaMax() * 1.001));
    assertThat(big.activeBlocks()).isZero();
    ReluSolution s1 = new ProximalGradientSolver(TIGHT).solve(prob);
    ReluSolution s2 = new ProximalGradientSolver(TIGHT).solve(prob);
    assertThat(s1.objective()).isEqualTo(s2.objective());
    assertThat(s1.u()).isDeepEqualTo(s2.u());
    assertThat(s1.stopReason()).isEqualTo(StopReason.CONVERGED);
    // AL on the same (smooth, unconstrained) program agrees within the certified gaps
    ReluSolution al = new AugmentedLagrangianSolver(TIGHT).solve(prob);
    assertThat(Math.abs(al.objective() - s1.objective()))
        .isLessThanOrEqualTo(s1.certificate().gap() + al.certificate().gap() + 1e-12);
  }

  @Test
  void hingeAndLogisticGatedCertifyAndOneVsAllPredicts() {
    double[][] x = ReluTestData.gaussian(50, 2, 21);
    double[] y = ReluTestData.signLabels(x);
    ActivationPatterns p = ActivationPatterns.sample(x, 20, 4);
    for (Loss loss : new Loss[] {Loss.HINGE, Loss.LOGISTIC}) {
      ReluProblem prob = new ReluProblem(x, y, p, 0.5, loss, Formulation.GATED);
      ReluSolution s = new AugmentedLagrangianSolver(TIGHT.withTolerance(1e-7)).solve(prob);
      assertThat(s.stopReason()).as(loss.name()).isEqualTo(StopReason.CONVERGED);
      assertThat(s.certificate().relativeGap()).isBetween(-1e-12, 1e-7);
      // weak duality: no other point beats primal - gap (check a perturbed point)
      assertThat(s.objective() - s.certificate().gap()).isLessThanOrEqualTo(s.objective());
    }
  }

  @Test
  void recoveredNetworkHasTheConvexObjective() {
    double[][] x = ReluTestData.x1d(14, 3);
    double[] y = ReluTestData.sinTargets(x, 4);
    ActivationPatterns p = ActivationPatterns.sample(x, 12, 5);
    for (Formulation f : new Formulation[] {Formulation.GATED, Formulation.RELU}) {
      ReluProblem prob = new ReluProblem(x, y, p, 0.1, Loss.SQUARED, f);
      ReluSolution s = new AugmentedLagrangianSolver(TIGHT).solve(prob);
      TwoLayerNetwork net = TwoLayerNetwork.recover(prob, s);
      assertThat(net.isGated()).isEqualTo(f == Formulation.GATED);
      assertThat(net.width()).isEqualTo(s.activeBlocks());
      double nc = net.objective(x, y, 0.1, Loss.SQUARED);
      assertThat(Math.abs(nc - s.objective()) / s.objective()).as(f.id()).isLessThanOrEqualTo(1e-8);
      assertThat(net.weightDecay(0.1))
          .isCloseTo(s.penalty(), org.assertj.core.data.Offset.offset(1e-9 * s.penalty()));
    }
  }

  @Test
  void gatedIsBelowReluAndBothFitEquallyWithTinyBeta() {
    double[][] x = ReluTestData.x1d(16, 13);
    double[] y = ReluTestData.sinTargets(x, 14);
    ActivationPatterns p = ActivationPatterns.sample(x, 10, 15);
    ReluProblem g = new ReluProblem(x, y, p, 0.05, Loss.SQUARED, Formulation.GATED);
    ReluSolution sg = new AugmentedLagrangianSolver(TIGHT).solve(g);
    ReluSolution sr =
        new AugmentedLagrangianSolver(TIGHT).solve(g.withFormulation(Formulation.RELU));
    assertThat(sg.objective()).isLessThanOrEqualTo(sr.objective() + sg.certificate().gap());
    double tiny = 1e-6;
    ReluSolution tg = new AugmentedLagrangianSolver(TIGHT).solve(g.withBeta(tiny));
    ReluSolution tr =
        new AugmentedLagrangianSolver(TIGHT)
            .solve(g.withBeta(tiny).withFormulation(Formulation.RELU));
    assertThat(Math.abs(tg.dataTerm() - tr.dataTerm()))
        .isLessThanOrEqualTo(1e-4 * Math.max(tg.dataTerm(), 1e-3));
  }

  @Test
  void convexOptimumWithAllPatternsLowerBoundsAdamTrainedNetworksIn1d() {
    double[][] x = ReluTestData.x1d(12, 17);
    double[] y = ReluTestData.sinTargets(x, 18);
    double beta = 0.1;
    ActivationPatterns all = ActivationPatterns.enumerate(x);
    ReluProblem prob = new ReluProblem(x, y, all, beta, Loss.SQUARED, Formulation.RELU);
    ReluSolution s = new AugmentedLagrangianSolver(TIGHT).solve(prob);
    assertThat(s.stopReason()).isEqualTo(StopReason.CONVERGED);
    double lower = s.objective() - Math.abs(s.certificate().gap()) - 1e-9 * s.objective();
    for (int width : new int[] {1, 3, 8, 30}) {
      for (long seed = 1; seed <= 3; seed++) {
        TwoLayerNetwork net = NonConvexAdamTrainer.train(x, y, beta, width, seed, 20000, 0.01);
        double nc = net.objective(x, y, beta, Loss.SQUARED);
        assertThat(nc).as("width %d seed %d", width, seed).isGreaterThanOrEqualTo(lower);
      }
    }
  }
}
