package io.convopt.solvers.relu.solve;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluTestData;
import io.convopt.solvers.relu.linalg.ConjugateGradientUStep;
import io.convopt.solvers.relu.linalg.DenseUStep;
import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.linalg.WoodburyUStep;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * ADMM u-step kernels and small-instance behaviour. The u-step comparisons use a random right-hand
 * side on instances whose matrix A has condition number below ~1e4, so the Woodbury, dense and CG
 * solves agree to 1e-9 relative (measured ~1e-14 for the direct ones).
 */
class AdmmSolverTest {
  static ReluProblem random(int n, int features, int draws, long seed, Formulation f, Loss loss) {
    double[][] x = ReluTestData.gaussian(n, features, seed);
    double[] y =
        loss == Loss.SQUARED ? ReluTestData.sinTargets(x, seed + 1) : ReluTestData.signLabels(x);
    ActivationPatterns p = ActivationPatterns.sample(x, draws, seed + 2);
    return new ReluProblem(x, y, p, 0.05, loss, f);
  }

  static double[] randomVector(int len, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] b = new double[len];
    for (int i = 0; i < len; i++) {
      b[i] = r.nextGaussian();
    }
    return b;
  }

  @Test
  void woodburyCacheStaysNByNAsDAndPGrow() {
    // memory O(n^2): the cached factor does not grow with d or P, while a dense factor
    // of the u-step system would be (2dP) x (2dP), up to hundreds of times larger here
    int n = 40;
    long largestDense = 0;
    for (int features : new int[] {2, 12, 60}) {
      for (int draws : new int[] {4, 32, 256}) {
        ReluProblem p = random(n, features, draws, 11, Formulation.RELU, Loss.SQUARED);
        AdmmSolver admm = new AdmmSolver().withUStep(AdmmSolver.UStepMethod.WOODBURY);
        assertThat(admm.cachedFactorShape(p))
            .as("d %d, P %d", p.dimension(), p.patterns().count())
            .containsExactly(n, n);
        long bd = 2L * p.dimension() * p.patterns().count();
        largestDense = Math.max(largestDense, bd);
        if (bd < n) {
          // AUTO may pick the smaller dense factor only when it is smaller than n x n
          assertThat(new AdmmSolver().cachedFactorShape(p)).containsExactly((int) bd, (int) bd);
        } else {
          assertThat(new AdmmSolver().cachedFactorShape(p)).containsExactly(n, n);
        }
      }
    }
    assertThat(largestDense).isGreaterThan(100L * n);
  }

  @Test
  void woodburyEqualsDenseSolveAndCachesAnNxNFactor() {
    for (Formulation f : new Formulation[] {Formulation.RELU, Formulation.GATED}) {
      ReluProblem p = random(12, 2, 20, 3, f, Loss.SQUARED);
      PatternOperator op = p.operator();
      int len = op.blocks * op.d;
      double[] b = randomVector(len, 7);
      for (double kappa : new double[] {0.1, 1.0, 10.0}) {
        WoodburyUStep wb = new WoodburyUStep(op, kappa, 0.3);
        DenseUStep dn = new DenseUStep(op, kappa, 0.3);
        ConjugateGradientUStep cg = new ConjugateGradientUStep(op, kappa, 0.3);
        cg.setAccuracy(1e-13);
        double[] a1 = new double[len];
        double[] a2 = new double[len];
        double[] a3 = new double[len];
        wb.solve(b, a1);
        dn.solve(b, a2);
        cg.solve(b, a3);
        assertThat(ReluTestData.relDiff(a1, a2))
            .as("%s kappa %s woodbury vs dense", f, kappa)
            .isLessThan(1e-9);
        assertThat(ReluTestData.relDiff(a3, a2))
            .as("%s kappa %s cg vs dense", f, kappa)
            .isLessThan(1e-9);
        // residual of the dense solve through the matrix-free operator
        double[] ax = new double[len];
        cg.apply(a2, ax);
        assertThat(ReluTestData.relDiff(ax, b)).isLessThan(1e-10);
        assertThat(wb.cachedShape()).containsExactly(op.n, op.n);
        assertThat(dn.cachedShape()).containsExactly(len, len);
      }
    }
  }
}
