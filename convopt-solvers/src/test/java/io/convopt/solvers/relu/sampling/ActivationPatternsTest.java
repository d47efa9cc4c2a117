package io.convopt.solvers.relu.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.solvers.relu.ReluTestData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The packed, hashed pattern sampler against a direct reference: one dot product per sample and
 * gate, patterns as strings, first occurrences kept in draw order (the original method).
 */
class ActivationPatternsTest {
  @Test
  void sampleKeepsTheFirstDistinctNonZeroPatternsInDrawOrder() {
    // {n, features}: ragged bit words (n not a multiple of 64), 1-D with bias (many repeats),
    // more rows than one word, and one shape above the vector-lane threshold (ragged lanes: 300
    // gates in chunks of 256)
    int[][] shapes = {{50, 1}, {130, 3}, {64, 2}, {7, 4}, {1100, 3}};
    for (int[] s : shapes) {
      double[][] x = ReluTestData.gaussian(s[0], s[1], 17L + s[0]);
      for (long seed = 1; seed <= 2; seed++) {
        int draws = 300;
        assertThat((long) s[0] * (s[1] + 1) * draws >= ActivationPatterns.VECTOR_MIN_WORK)
            .isEqualTo(s[0] == 1100);
        ActivationPatterns p = ActivationPatterns.sample(x, draws, seed);
        List<int[]> ref = reference(x, draws, seed);
        assertThat(p.count()).as("n=%d seed=%d", s[0], seed).isEqualTo(ref.size());
        assertThat(p.gatesDrawn()).isEqualTo(draws);
        int[][] mask = p.matrix();
        int[][] gateMask = new int[s[0]][p.count()];
        int[][] refMask = new int[s[0]][ref.size()];
        double[][] g = p.gates();
        for (int k = 0; k < s[0]; k++) {
          for (int i = 0; i < ref.size(); i++) {
            refMask[k][i] = ref.get(i)[k];
            // the kept gates reproduce their patterns
            double v = 0;
            for (int c = 0; c < x[0].length; c++) {
              v += x[k][c] * g[c][i];
            }
            gateMask[k][i] = v >= 0 ? 1 : 0;
          }
        }
        assertThat(mask).isDeepEqualTo(refMask);
        assertThat(gateMask).isDeepEqualTo(refMask);
      }
    }
  }

  /** Gates drawn as documented, patterns by plain dot products, de-duplicated as strings. */
  private static List<int[]> reference(double[][] x, int draws, long seed) {
    int n = x.length;
    int d = x[0].length;
    SplittableRandom rng = new SplittableRandom(seed);
    Set<String> seen = new LinkedHashSet<>();
    List<int[]> out = new ArrayList<>();
    for (int j = 0; j < draws; j++) {
      double[] g = new double[d];
      for (int c = 0; c < d; c++) {
        g[c] = rng.nextGaussian();
      }
      int[] col = new int[n];
      StringBuilder key = new StringBuilder();
      boolean any = false;
      for (int k = 0; k < n; k++) {
        double v = 0;
        for (int c = 0; c < d; c++) {
          v += x[k][c] * g[c];
        }
        col[k] = v >= 0 ? 1 : 0;
        any |= v >= 0;
        key.append(col[k]);
      }
      if (any && seen.add(key.toString())) {
        out.add(col);
      }
    }
    return out;
  }
}
