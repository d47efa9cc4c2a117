package io.convopt.solvers.relu.robust;

import io.convopt.solvers.relu.sampling.ActivationPatterns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Samples activation patterns whose robust cones are non-trivial for an l_inf ball of radius eps,
 * each with the gate that proves it.
 *
 * <p><b>Why.</b> The robust cone of a pattern, {@code {u : (2 D_k - 1) x_k . u >= eps ||u[J]||_1}},
 * contains a u != 0 only if a hyperplane separates the pattern's active rows from its inactive ones
 * with l_1-normalised margin ({@code |x . w + b| / ||w||_1}, the l_inf distance) at least eps
 * ({@link RobustConeMargin}). A Gaussian gate almost never does that on a few hundred rows, so the
 * robust program puts those blocks at zero.
 *
 * <p><b>Rule.</b> Gate 0 is the bias-only gate (the all-active pattern, a linear neuron). Then,
 * until {@code count} patterns are kept or {@code 200 count} directions were drawn: draw a
 * direction w on one or two perturbed columns (equally likely; columns uniform without replacement,
 * N(0, 1) weights), scale it to {@code ||w||_1 = 1}, project the rows ({@code p_k = x_k[J] . w}),
 * and look for gaps between consecutive sorted projections wider than 2 eps; take the most balanced
 * such gap (the one with most rows on its smaller side; ties: the lower one), put the threshold t
 * in its middle and the gate {@code g = +-(w, -t)} (bias entry -t, sign uniform). Every row is then
 * at l_inf distance &gt; eps from the gate's hyperplane, so the gate itself lies strictly inside
 * the robust cone of its pattern: {@code (2 D_k - 1) x_k . g > eps ||g[J]||_1 = eps}. Patterns that
 * repeat a kept one (or its all-active/all-inactive extremes) are skipped. Directions on at most
 * two columns keep {@code ||w||_1 / ||w||_2} small, which is what spreads the projections out in
 * l_1 units; dense directions shrink every gap by up to sqrt(d).
 *
 * <p>Equal seeds give identical patterns. Stateless.
 */
public final class RobustPatternSampler {
  /** Directions drawn per wanted pattern before giving up. */
  static final int DIRECTIONS_PER_PATTERN = 200;

  private RobustPatternSampler() {}

  /**
   * The sampled patterns and how hard they were to find.
   *
   * @param patterns the patterns with their gates (gate 0 is the bias-only gate)
   * @param directionsDrawn directions drawn
   * @param directionsWithGap directions whose projection had a gap wider than 2 eps
   */
  public record Sample(ActivationPatterns patterns, int directionsDrawn, int directionsWithGap) {
    /** Fraction of drawn directions that produced a gate with margin &gt; eps. */
    public double gapRate() {
      return directionsDrawn == 0 ? Double.NaN : (double) directionsWithGap / directionsDrawn;
    }
  }

  /**
   * @param x n x d rows; column {@code biasColumn} must be all ones
   * @param perturbed length-d mask J of perturbed columns (false at the bias column)
   * @param biasColumn index of the all-ones column
   * @param eps ball radius, finite and &gt;= 0
   * @param count patterns wanted (&gt;= 1), gate 0 included
   * @param seed seed of the directions
   * @throws IllegalArgumentException naming the offending argument
   */
  public static Sample sample(
      double[][] x, boolean[] perturbed, int biasColumn, double eps, int count, long seed) {
    if (x == null || x.length == 0) {
      throw new IllegalArgumentException("X: empty matrix");
    }
    int n = x.length;
    int d = x[0].length;
    if (biasColumn < 0 || biasColumn >= d) {
      throw new IllegalArgumentException(
          "biasColumn: must be in [0, " + (d - 1) + "], got " + biasColumn);
    }
    if (perturbed == null || perturbed.length != d || perturbed[biasColumn]) {
      throw new IllegalArgumentException(
          "perturbed: expected a mask of " + d + " columns that excludes the bias column");
    }
    for (double[] row : x) {
      if (row == null || row.length != d) {
        throw new IllegalArgumentException("X: ragged matrix, expected " + d + " columns");
      }
      if (row[biasColumn] != 1.0) {
        throw new IllegalArgumentException("X: column " + biasColumn + " is not all ones (bias)");
      }
    }
    if (!(eps >= 0) || !Double.isFinite(eps)) {
      throw new IllegalArgumentException("eps: must be finite and >= 0, got " + eps);
    }
    if (count < 1) {
      throw new IllegalArgumentException("count: must be >= 1, got " + count);
    }
    int[] jcols = new int[d];
    int m = 0;
    for (int c = 0; c < d; c++) {
      if (perturbed[c]) {
        jcols[m++] = c;
      }
    }
    List<double[]> gates = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    double[] bias = new double[d];
    bias[biasColumn] = 1;
    gates.add(bias);
    seen.add(key(x, bias));
    seen.add(key(x, negate(bias)));
    SplittableRandom rng = new SplittableRandom(seed);
    int drawn = 0;
    int withGap = 0;
    int budget = DIRECTIONS_PER_PATTERN * count;
    double[] proj = new double[n];
    while (gates.size() < count && drawn < budget && m > 0) {
      drawn++;
      double[] w = direction(rng, jcols, m, d);
      for (int k = 0; k < n; k++) {
        double v = 0;
        for (int c = 0; c < d; c++) {
          v += x[k][c] * w[c];
        }
        proj[k] = v;
      }
      double[] sorted = proj.clone();
      Arrays.sort(sorted);
      int best = -1;
      int bestSide = 0;
      for (int i = 0; i + 1 < n; i++) {
        int side = Math.min(i + 1, n - i - 1);
        if (sorted[i + 1] - sorted[i] > 2 * eps && side > bestSide) {
          best = i;
          bestSide = side;
        }
      }
      boolean flip = rng.nextBoolean();
      if (best < 0) {
        continue;
      }
      withGap++;
      double t = 0.5 * (sorted[best] + sorted[best + 1]);
      double[] g = w.clone();
      g[biasColumn] = -t;
      if (flip) {
        g = negate(g);
      }
      if (seen.add(key(x, g))) {
        gates.add(g);
      }
    }
    double[][] gd = new double[d][gates.size()];
    for (int j = 0; j < gates.size(); j++) {
      for (int c = 0; c < d; c++) {
        gd[c][j] = gates.get(j)[c];
      }
    }
    return new Sample(ActivationPatterns.fromGates(x, gd), drawn, withGap);
  }

  private static double[] direction(SplittableRandom rng, int[] jcols, int m, int d) {
    int support = m == 1 ? 1 : 1 + rng.nextInt(2);
    double[] w = new double[d];
    int a = jcols[rng.nextInt(m)];
    w[a] = rng.nextGaussian();
    if (support == 2) {
      int b;
      do {
        b = jcols[rng.nextInt(m)];
      } while (b == a);
      w[b] = rng.nextGaussian();
    }
    double l1 = 0;
    for (double v : w) {
      l1 += Math.abs(v);
    }
    for (int c = 0; c < d; c++) {
      w[c] /= l1;
    }
    return w;
  }

  private static double[] negate(double[] g) {
    double[] r = new double[g.length];
    for (int c = 0; c < g.length; c++) {
      r[c] = -g[c];
    }
    return r;
  }

  /** The pattern of gate g as a string key (non-strict inequality, as ActivationPatterns). */
  private static String key(double[][] x, double[] g) {
    char[] k = new char[x.length];
    for (int r = 0; r < x.length; r++) {
      double v = 0;
      for (int c = 0; c < g.length; c++) {
        v += x[r][c] * g[c];
      }
      k[r] = v >= 0 ? '1' : '0';
    }
    return new String(k);
  }
}
