package io.convopt.solvers.relu.sampling;

import io.convopt.solvers.relu.linalg.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A set of activation patterns {@code D_i = diag(1[X g_i >= 0])} (non-strict inequality, as in the
 * fixtures), stored as an n x P 0/1 mask, together with the gate vectors g_i (d x P) that produced
 * them when known. Gates are needed to predict with a gated model on new data.
 *
 * <p>Factories: {@link #sample} (seeded Gaussian gates), {@link #fromGates} (given gates, e.g. a
 * fixture's G), {@link #enumerate} (every chamber of the hyperplane arrangement for small d; in 1-D
 * with a bias column these are the 2n threshold patterns) and {@link #of} (given D and optional G).
 * Deduplication keeps the first occurrence and preserves the draw order; the all-zero pattern is
 * dropped.
 *
 * <p>Immutable and thread-safe.
 */
public final class ActivationPatterns {
  private final int n;
  private final int count;
  private final boolean[] mask; // n x P, row-major
  private final double[][] gates; // d x P or null
  private final long seed; // -1 when not sampled
  private final int gatesDrawn;

  private ActivationPatterns(
      int n, int count, boolean[] mask, double[][] gates, long seed, int gatesDrawn) {
    this.n = n;
    this.count = count;
    this.mask = mask;
    this.gates = gates;
    this.seed = seed;
    this.gatesDrawn = gatesDrawn;
  }

  /**
   * Draws {@code draws} gates with i.i.d. N(0,1) entries from {@code new SplittableRandom(seed)}
   * (column by column), computes their patterns on X, and keeps the distinct non-zero ones. Equal
   * seeds give identical patterns.
   *
   * @param x n x d data (include a ones column for a bias)
   */
  public static ActivationPatterns sample(double[][] x, int draws, long seed) {
    int d = Checks.matrix("X", x)[1];
    if (draws <= 0) {
      throw new IllegalArgumentException("draws: must be positive, got " + draws);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] g = new double[draws][d];
    for (int j = 0; j < draws; j++) {
      for (int c = 0; c < d; c++) {
        g[j][c] = rng.nextGaussian();
      }
    }
    return build(x, g, seed, draws);
  }

  /**
   * Patterns of the given gates (d x m, column j is gate j), duplicates and zero patterns removed.
   */
  public static ActivationPatterns fromGates(double[][] x, double[][] gatesDxM) {
    int[] xs = Checks.matrix("X", x);
    int[] gs = Checks.matrix("G", gatesDxM);
    if (gs[0] != xs[1]) {
      throw new IllegalArgumentException(
          "G: has " + gs[0] + " rows but X has " + xs[1] + " columns");
    }
    double[][] cols = new double[gs[1]][gs[0]];
    for (int c = 0; c < gs[0]; c++) {
      for (int j = 0; j < gs[1]; j++) {
        cols[j][c] = gatesDxM[c][j];
      }
    }
    return build(x, cols, -1, gs[1]);
  }

  /**
   * Given patterns (n x P 0/1 matrix) and optionally their gates (d x P, may be null). The mask is
   * taken as is (no deduplication) but must contain no all-zero column; if gates are given they
   * must reproduce D exactly on X.
   */
  public static ActivationPatterns of(double[][] x, int[][] d01, double[][] gatesDxP) {
    int[] xs = Checks.matrix("X", x);
    if (d01 == null || d01.length == 0) {
      throw new IllegalArgumentException("D: no patterns (empty matrix)");
    }
    if (d01.length != xs[0]) {
      throw new IllegalArgumentException(
          "D: has " + d01.length + " rows but X has " + xs[0] + " rows");
    }
    int p = d01[0] == null ? 0 : d01[0].length;
    if (p == 0) {
      throw new IllegalArgumentException("D: zero patterns (no columns)");
    }
    boolean[] mask = new boolean[xs[0] * p];
    for (int k = 0; k < xs[0]; k++) {
      if (d01[k] == null || d01[k].length != p) {
        throw new IllegalArgumentException(
            "D: ragged matrix, row "
                + k
                + " has "
                + (d01[k] == null ? 0 : d01[k].length)
                + " entries, expected "
                + p);
      }
      for (int i = 0; i < p; i++) {
        int v = d01[k][i];
        if (v != 0 && v != 1) {
          throw new IllegalArgumentException(
              "D: entry (" + k + "," + i + ") is " + v + ", expected 0 or 1");
        }
        mask[k * p + i] = v == 1;
      }
    }
    for (int i = 0; i < p; i++) {
      boolean any = false;
      for (int k = 0; k < xs[0] && !any; k++) {
        any = mask[k * p + i];
      }
      if (!any) {
        throw new IllegalArgumentException("D: column " + i + " is the all-zero pattern");
      }
    }
    double[][] g = null;
    if (gatesDxP != null) {
      int[] gs = Checks.matrix("G", gatesDxP);
      if (gs[0] != xs[1] || gs[1] != p) {
        throw new IllegalArgumentException(
            "G: is " + gs[0] + " x " + gs[1] + ", expected " + xs[1] + " x " + p);
      }
      g = Checks.copy(gatesDxP);
      for (int k = 0; k < xs[0]; k++) {
        for (int i = 0; i < p; i++) {
          double s = 0;
          for (int c = 0; c < xs[1]; c++) {
            s += x[k][c] * g[c][i];
          }
          if ((s >= 0) != mask[k * p + i]) {
            throw new IllegalArgumentException(
                "G: gate " + i + " does not reproduce D at row " + k + " (X g = " + s + ")");
          }
        }
      }
    }
    return new ActivationPatterns(xs[0], p, mask, g, -1, p);
  }

  /**
   * Every chamber of the arrangement of the hyperplanes {g : x_k . g = 0}, i.e. every distinct
   * non-zero pattern any gate can produce. Each chamber of a central arrangement of rank d is a
   * pointed cone, so it has an extreme ray, which lies on (at least) d - 1 of the hyperplanes; the
   * routine visits every (d-1)-subset S of rows with independent x's, takes the ray r orthogonal to
   * them (both signs) and the 2^(d-1) gates {@code r + eps sum_l s_l b_l} that step off it into
   * each neighbouring chamber (b_l dual to the rows of S). This finds every chamber when the rows
   * are in general position (no d of them on a common hyperplane through a ray); otherwise it
   * returns a subset. Cost O(C(n, d-1) 2^(d-1) n d). In 1-D with a bias column (d = 2) this is the
   * set of 2n threshold patterns {x ≥ t} and {x ≤ t}.
   *
   * @throws IllegalArgumentException if d > 4 (use {@link #sample})
   */
  public static ActivationPatterns enumerate(double[][] x) {
    int[] xs = Checks.matrix("X", x);
    int n = xs[0];
    int d = xs[1];
    if (d > 4) {
      throw new IllegalArgumentException("X: exact enumeration supports d <= 4, got d = " + d);
    }
    List<double[]> gates = new ArrayList<>();
    if (d == 1) {
      gates.add(new double[] {1});
      gates.add(new double[] {-1});
      return build(x, gates.toArray(new double[0][]), -1, gates.size());
    }
    int m = d - 1;
    int[] subset = new int[m];
    for (int i = 0; i < m; i++) {
      subset[i] = i;
    }
    while (m <= n) {
      double[][] rows = new double[d][];
      for (int i = 0; i < m; i++) {
        rows[i] = x[subset[i]].clone();
      }
      double[] r = nullVector(rows, m, d);
      if (r != null) {
        rows[m] = r;
        double[][] inv = Checks.invert(rows);
        if (inv != null) {
          // b_l = column l of inv: x_S[i] . b_l = delta_il, r . b_l = 0.
          for (int sr = -1; sr <= 1; sr += 2) {
            double eps = Double.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
              double a = Math.abs(dot(x[k], r));
              if (a > 1e-12 * norm(x[k]) * norm(r)) {
                double b = 0;
                for (int l = 0; l < m; l++) {
                  double t = 0;
                  for (int c = 0; c < d; c++) {
                    t += x[k][c] * inv[c][l];
                  }
                  b += Math.abs(t);
                }
                if (b > 0) {
                  eps = Math.min(eps, 0.5 * a / b);
                }
              }
            }
            if (!Double.isFinite(eps)) {
              eps = 1.0;
            }
            for (int signs = 0; signs < (1 << m); signs++) {
              double[] g = new double[d];
              for (int c = 0; c < d; c++) {
                g[c] = sr * r[c];
                for (int l = 0; l < m; l++) {
                  double s = ((signs >> l) & 1) == 1 ? 1 : -1;
                  g[c] += eps * s * inv[c][l];
                }
              }
              gates.add(g);
            }
          }
        }
      }
      // next subset in lexicographic order
      int i = m - 1;
      while (i >= 0 && subset[i] == n - m + i) {
        i--;
      }
      if (i < 0) {
        break;
      }
      subset[i]++;
      for (int j = i + 1; j < m; j++) {
        subset[j] = subset[j - 1] + 1;
      }
    }
    if (gates.isEmpty()) {
      throw new IllegalArgumentException("X: rank too small to enumerate patterns");
    }
    return build(x, gates.toArray(new double[0][]), -1, gates.size());
  }

  /**
   * Patterns of the gates (one gate per row of {@code gateCols}), the all-zero and repeated ones
   * removed, first occurrences kept in draw order. Per chunk of gates one sweep over the rows
   * computes {@code x_k . g_j} for the chunk's gates in vector lanes (each lane sums its products
   * over the features in ascending order with a rounding per multiply and per add, exactly as a
   * plain dot product, so the signs and hence the patterns do not depend on this layout) and packs
   * the signs into n-bit columns; repeats are found by hashing those columns. Memory: the packed
   * columns (draws n / 8 bytes) and one row of products, besides the n x P mask.
   */
  /** Gates per chunk of {@link #build}: 256 gates of d = 60 features are 120 KB of slice. */
  private static final int GATE_CHUNK = 256;

  private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

  /** Multiply-adds n d m from which {@link #build} computes in vector lanes. */
  static final long VECTOR_MIN_WORK = 1L << 20;

  private static ActivationPatterns build(double[][] x, double[][] gateCols, long seed, int drawn) {
    int n = x.length;
    int d = x[0].length;
    int m = gateCols.length;
    int words = (n + 63) >>> 6;
    double[] gt = new double[d * m]; // feature-major: gt[c*m + j] = g_j[c]
    for (int j = 0; j < m; j++) {
      for (int c = 0; c < d; c++) {
        gt[c * m + j] = gateCols[j][c];
      }
    }
    long[] bits = new long[m * words]; // column j: bits[j*words .. (j+1)*words)
    double[] acc = new double[GATE_CHUNK];
    // gates in chunks whose feature-major slice stays in cache while every row streams past it
    for (int j0 = 0; j0 < m; j0 += GATE_CHUNK) {
      int len = Math.min(GATE_CHUNK, m - j0);
      // small problems stay scalar: the vector code is slow until the JIT has compiled it
      int upper = (long) n * d * m >= VECTOR_MIN_WORK ? len - len % LANES.length() : 0;
      for (int k = 0; k < n; k++) {
        double[] xk = x[k];
        int j = 0;
        for (; j < upper; j += LANES.length()) {
          // multiply, then add: the same two roundings per feature as a scalar dot product
          DoubleVector s = DoubleVector.zero(LANES);
          for (int c = 0; c < d; c++) {
            s = s.add(DoubleVector.fromArray(LANES, gt, c * m + j0 + j).mul(xk[c]));
          }
          s.intoArray(acc, j);
        }
        for (; j < len; j++) {
          double s = 0;
          for (int c = 0; c < d; c++) {
            s += xk[c] * gt[c * m + j0 + j];
          }
          acc[j] = s;
        }
        int w = k >>> 6;
        long bit = 1L << (k & 63);
        for (int q = 0; q < len; q++) {
          if (acc[q] >= 0) {
            bits[(j0 + q) * words + w] |= bit;
          }
        }
      }
    }
    java.util.Map<PackedColumn, Integer> seen = new java.util.HashMap<>();
    int[] kept = new int[m];
    int p = 0;
    for (int j = 0; j < m; j++) {
      PackedColumn col = new PackedColumn(bits, j * words, words);
      if (!col.isZero() && seen.putIfAbsent(col, j) == null) {
        kept[p++] = j;
      }
    }
    if (p == 0) {
      throw new IllegalArgumentException(
          "patterns: zero patterns left after removing the all-zero one");
    }
    boolean[] mask = new boolean[n * p];
    double[][] g = new double[d][p];
    for (int i = 0; i < p; i++) {
      int o = kept[i] * words;
      for (int k = 0; k < n; k++) {
        mask[k * p + i] = (bits[o + (k >>> 6)] & (1L << (k & 63))) != 0;
      }
      for (int c = 0; c < d; c++) {
        g[c][i] = gateCols[kept[i]][c];
      }
    }
    return new ActivationPatterns(n, p, mask, g, seed, drawn);
  }

  /** One pattern as packed bits (a view into a shared array), hashed and compared by content. */
  private static final class PackedColumn {
    private final long[] bits;
    private final int offset;
    private final int words;
    private final int hash;

    PackedColumn(long[] bits, int offset, int words) {
      this.bits = bits;
      this.offset = offset;
      this.words = words;
      long h = 0x9E3779B97F4A7C15L;
      for (int q = 0; q < words; q++) {
        h = (h ^ bits[offset + q]) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
      }
      this.hash = (int) (h ^ (h >>> 32));
    }

    boolean isZero() {
      for (int q = 0; q < words; q++) {
        if (bits[offset + q] != 0) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof PackedColumn)) {
        return false;
      }
      PackedColumn c = (PackedColumn) o;
      return c.hash == hash
          && java.util.Arrays.equals(
              bits, offset, offset + words, c.bits, c.offset, c.offset + c.words);
    }
  }

  /** Number of samples n. */
  public int samples() {
    return n;
  }

  /** Number of patterns P. */
  public int count() {
    return count;
  }

  /** D[k][i] as a boolean. */
  public boolean active(int k, int i) {
    return mask[k * count + i];
  }

  /** True when gate vectors are known (required for gated prediction on new data). */
  public boolean hasGates() {
    return gates != null;
  }

  /** Copy of the gate matrix (d x P). */
  public double[][] gates() {
    if (gates == null) {
      throw new IllegalStateException("patterns were given without gates");
    }
    return Checks.copy(gates);
  }

  /** Gate i as a vector of length d. */
  public double[] gate(int i) {
    if (gates == null) {
      throw new IllegalStateException("patterns were given without gates");
    }
    double[] g = new double[gates.length];
    for (int c = 0; c < g.length; c++) {
      g[c] = gates[c][i];
    }
    return g;
  }

  /** The seed of {@link #sample}, or -1 when the patterns were not sampled here. */
  public long seed() {
    return seed;
  }

  /** Number of gates drawn or given before deduplication. */
  public int gatesDrawn() {
    return gatesDrawn;
  }

  /** Copy of D as an n x P 0/1 matrix. */
  public int[][] matrix() {
    int[][] out = new int[n][count];
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < count; i++) {
        out[k][i] = mask[k * count + i] ? 1 : 0;
      }
    }
    return out;
  }

  /** The n x P mask row-major ({@code [k*P + i]}), shared (not a copy): do not write to it. */
  public boolean[] maskView() {
    return mask;
  }

  @Override
  public String toString() {
    return "ActivationPatterns[n="
        + n
        + ", P="
        + count
        + ", gates="
        + (gates != null)
        + (seed >= 0 ? ", seed=" + seed : "")
        + "]";
  }

  private static double[] nullVector(double[][] rows, int m, int d) {
    // Null vector of the m x d matrix (m = d - 1) by cofactors: r_c = (-1)^c det(rows without c).
    double[] r = new double[d];
    double[][] sub = new double[m][m];
    for (int c = 0; c < d; c++) {
      for (int i = 0; i < m; i++) {
        int cc = 0;
        for (int c2 = 0; c2 < d; c2++) {
          if (c2 != c) {
            sub[i][cc++] = rows[i][c2];
          }
        }
      }
      r[c] = ((c % 2 == 0) ? 1 : -1) * Checks.determinant(sub);
    }
    double nr = norm(r);
    double scale = 1;
    for (int i = 0; i < m; i++) {
      scale *= Math.max(norm(rows[i]), 1e-300);
    }
    if (nr <= 1e-12 * scale) {
      return null;
    }
    for (int c = 0; c < d; c++) {
      r[c] /= nr;
    }
    return r;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }
}
