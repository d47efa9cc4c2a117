package io.convopt.solvers.relu.solve;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.ReluTestData;
import io.convopt.solvers.relu.ipm.InteriorPointSolver;
import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Dual extrapolation: exact on a linear recursion it can represent (a closed form), and, inside
 * block descent, a candidate whose scaled dual value stays below the interior-point optimum.
 */
class DualExtrapolationTest {
  @Test
  void recoversTheLimitOfALinearRecursionOfLowDegree() {
    // r_t = r* + sum_i lambda_i^t a_i with 3 modes: K = 5 differences cancel them exactly (the
    // combination is then not unique; the solver's ridge of 1e-12 x trace picks one)
    int n = 40;
    SplittableRandom r = new SplittableRandom(9);
    double[] limit = new double[n];
    double[][] modes = new double[3][n];
    double[] rates = {0.9, -0.6, 0.97};
    for (int k = 0; k < n; k++) {
      limit[k] = r.nextGaussian();
      for (double[] m : modes) {
        m[k] = r.nextGaussian();
      }
    }
    DualExtrapolation e = new DualExtrapolation(n);
    double[] out = new double[n];
    for (int t = 0; t < 12; t++) {
      double[] rt = limit.clone();
      for (int i = 0; i < 3; i++) {
        double f = Math.pow(rates[i], t);
        for (int k = 0; k < n; k++) {
          rt[k] += f * modes[i][k];
        }
      }
      e.record(rt);
      boolean made = e.extrapolate(out);
      assertThat(made).isEqualTo(t >= DualExtrapolation.DEPTH);
    }
    double err = 0;
    double lastErr = 0;
    for (int k = 0; k < n; k++) {
      err = Math.max(err, Math.abs(out[k] - limit[k]));
      double last = 0;
      for (int i = 0; i < 3; i++) {
        last += Math.pow(rates[i], 11) * modes[i][k];
      }
      lastErr = Math.max(lastErr, Math.abs(last));
    }
    // the last iterate is still far from the limit (0.97^11 = 0.72 of a mode); the extrapolation
    // is exact up to the ridge (measured 1.6e-6 of the last iterate's error at 3 modes)
    assertThat(lastErr).isGreaterThan(0.1);
    assertThat(err).isLessThanOrEqualTo(1e-5 * lastErr);
    e.reset();
    assertThat(e.extrapolate(out)).isFalse();
  }

  @Test
  void theExtrapolatedCandidateOfBlockDescentScalesToATrueBound() {
    double[][] x = ReluTestData.gaussian(60, 3, 31L);
    double[] y = ReluTestData.sinTargets(x, 32L);
    ActivationPatterns pat = ActivationPatterns.sample(x, 20, 33L);
    ReluProblem p = new ReluProblem(x, y, pat, 1.0, Loss.SQUARED, Formulation.GATED);
    p = p.withBeta(0.02 * p.betaMax());
    double opt =
        new InteriorPointSolver(ReluSolverSettings.defaults().withTolerance(1e-11))
            .solve(p)
            .objective();
    int d = p.dimension();
    int patterns = pat.count();
    int[] global = new int[patterns];
    for (int j = 0; j < patterns; j++) {
      global[j] = j;
    }
    double[] lipschitz = new double[patterns];
    Arrays.fill(lipschitz, Double.NaN);
    GatedBlockDescent bcd =
        new GatedBlockDescent(
            p.xView(),
            d,
            pat.maskView(),
            patterns,
            global,
            lipschitz,
            new double[patterns][],
            p.loss(),
            p.yView(),
            p.beta());
    double[] u = new double[patterns * d];
    double[] yhat = new double[p.samples()];
    GatedBlockDescent.Result r = bcd.run(u, yhat, 0.0, 60, 10, System.nanoTime(), 60);
    assertThat(r.extrapolated()).isNotNull();
    // scaled to feasibility on all patterns, its dual value is at most the optimum
    double[] z = r.extrapolated();
    double[] corr = new double[patterns * d];
    PatternOperator op = p.operator(false);
    double[] m = new double[p.samples() * patterns];
    op.combine(z, null, m);
    op.adjoint(m, corr);
    double maxNorm = 0;
    for (int j = 0; j < patterns; j++) {
      maxNorm = Math.max(maxNorm, PatternOperator.blockNorm(corr, j, d));
    }
    GatedDual dual = new GatedDual(p.loss(), p.yView(), p.beta());
    double bound = dual.offer(z, maxNorm);
    assertThat(bound).isLessThanOrEqualTo(opt + 1e-12 * opt);
    assertThat(r.certificate().dual()).isLessThanOrEqualTo(opt + 1e-12 * opt);
  }
}
