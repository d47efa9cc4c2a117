package io.convopt.solvers.relu.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.solvers.nonconvex.Nd4jSettings;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluTestData;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The blocked GEMM operator against the plain-Java loops of {@link PatternOperator} (an independent
 * implementation): every map, on shapes with P = 1, ragged vector tails, ragged row blocks and n
 * below the block size, for both formulations, block sizes and BLAS thread counts.
 */
class BlockedPatternOperatorTest {
  /** n, features (plus bias), gates drawn, constrained (1) or gated (0). */
  private static final int[][] SHAPES = {
    {37, 3, 1, 0}, {300, 5, 40, 0}, {129, 4, 13, 1}, {10, 2, 6, 1}, {203, 7, 21, 0}
  };

  private static final int[] BLOCK_ROWS = {0, 7, 64};

  @AfterAll
  static void restoreThreads() {
    Nd4jSettings.limitThreads(1);
  }

  @Test
  void float64AgreesWithTheReferenceLoopsForEveryShapeBlockAndThreadCount() {
    for (int threads = 1; threads <= 2; threads++) {
      Nd4jSettings.limitThreads(threads);
      for (int[] s : SHAPES) {
        for (int rows : BLOCK_ROWS) {
          double worst = compare(s, Precision.FLOAT64, rows, 11L * s[0] + rows);
          assertThat(worst)
              .as("shape n=%d P=%d rows=%d threads=%d", s[0], s[2], rows, threads)
              .isLessThan(1e-12);
        }
      }
    }
  }

  @Test
  void float32AgreesToSinglePrecision() {
    Nd4jSettings.limitThreads(1);
    for (int[] s : SHAPES) {
      double worst = compare(s, Precision.FLOAT32, 7, 5L * s[0]);
      assertThat(worst).as("shape n=%d P=%d", s[0], s[2]).isLessThan(1e-5);
    }
  }

  /** Worst max-norm relative difference over the four maps. */
  private static double compare(int[] shape, Precision precision, int blockRows, long seed) {
    double[][] x = ReluTestData.gaussian(shape[0], shape[1], seed);
    ActivationPatterns pat = ActivationPatterns.sample(x, shape[2], seed + 1);
    Formulation f = shape[3] == 1 ? Formulation.RELU : Formulation.GATED;
    ReluProblem problem =
        new ReluProblem(x, ReluTestData.sinTargets(x, seed), pat, 0.1, Loss.SQUARED, f);
    PatternOperator ref = problem.operator(false);
    BlockedPatternOperator op = BlockedPatternOperator.of(ref, precision, blockRows);
    SplittableRandom r = new SplittableRandom(seed + 2);
    int n = ref.n;
    int len = ref.blocks * ref.d;
    double[] u = gaussian(r, len);
    double[] a = gaussian(r, n);
    double[] m = gaussian(r, n * ref.blocks);

    double[] xuRef = new double[n * ref.blocks];
    ref.products(u, xuRef);
    double[] yRef = new double[n];
    ref.predict(xuRef, yRef);
    double[] y = new double[n];
    op.predict(u, y);
    double worst = ReluTestData.relDiff(y, yRef);

    double[] xu = new double[n * ref.blocks];
    op.products(u, xu);
    worst = Math.max(worst, ReluTestData.relDiff(xu, xuRef));

    double[] masked = new double[n * ref.blocks];
    ref.combine(a, null, masked);
    double[] gRef = new double[len];
    ref.adjoint(masked, gRef);
    double[] g = new double[len];
    op.adjoint(a, g);
    worst = Math.max(worst, ReluTestData.relDiff(g, gRef));

    // the masked maps without n x B intermediates (plain path)
    double[] yLoop = new double[n];
    ref.maskedPredict(u, yLoop);
    worst = Math.max(worst, ReluTestData.relDiff(yLoop, yRef));
    double[] gLoop = new double[len];
    ref.maskedAdjoint(a, gLoop);
    worst = Math.max(worst, ReluTestData.relDiff(gLoop, gRef));

    ref.adjoint(m, gRef);
    op.adjointOf(m, g);
    worst = Math.max(worst, ReluTestData.relDiff(g, gRef));

    // the fused row-block pass, both paths: products seen block by block, M written back
    for (PatternOperator pass : new PatternOperator[] {ref, problem.operator(true)}) {
      if (precision != Precision.FLOAT64 && pass == ref) {
        continue;
      }
      double[] seen = new double[n * ref.blocks];
      double[] gPass = new double[len];
      int blocks = ref.blocks;
      pass.rowBlocks(
          u,
          (r0, rows, blk) -> {
            System.arraycopy(blk, 0, seen, r0 * blocks, rows * blocks);
            System.arraycopy(m, r0 * blocks, blk, 0, rows * blocks);
          },
          gPass);
      worst = Math.max(worst, ReluTestData.relDiff(seen, xuRef));
      worst = Math.max(worst, ReluTestData.relDiff(gPass, gRef));
    }
    return worst;
  }

  @Test
  void lapackCholeskyAgreesWithTheLoops() {
    int order = CholeskyFactor.LAPACK_MIN_ORDER + 13;
    SplittableRandom r = new SplittableRandom(3);
    double[] g = gaussian(r, order * order);
    double[] a = new double[order * order];
    for (int i = 0; i < order; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int k = 0; k < order; k++) {
          s += g[i * order + k] * g[j * order + k];
        }
        a[i * order + j] = s + (i == j ? 1.0 : 0.0);
        a[j * order + i] = a[i * order + j];
      }
    }
    double[] b = gaussian(r, order);
    double[] viaLapack = b.clone();
    CholeskyFactor.of(a, order).solveInPlace(viaLapack);
    double[] viaLoops = b.clone();
    new CholeskyFactor(a, order).solveInPlace(viaLoops);
    assertThat(ReluTestData.relDiff(viaLapack, viaLoops)).isLessThan(1e-9);
    double[] back = new double[order];
    for (int i = 0; i < order; i++) {
      for (int k = 0; k < order; k++) {
        back[i] += a[i * order + k] * viaLapack[k];
      }
    }
    assertThat(ReluTestData.relDiff(back, b)).isLessThan(1e-9);
  }

  private static double[] gaussian(SplittableRandom r, int len) {
    double[] v = new double[len];
    for (int i = 0; i < len; i++) {
      v[i] = r.nextGaussian();
    }
    return v;
  }
}
