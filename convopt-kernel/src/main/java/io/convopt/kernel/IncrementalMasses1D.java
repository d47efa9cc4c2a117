package io.convopt.kernel;

import java.util.function.DoubleUnaryOperator;

/**
 * The three terms of the 1-D gradient (16) at a lattice point θ = θ<sub>0</sub> + iη, with the
 * outer masses kept up to date in O(1) per move (eq. (17)/(18)):
 *
 * <pre>
 *   L(θ) = η Σ_{x_j &lt; θ−δ} w_j          (coarse cells strictly left of the window)
 *   R(θ) = η Σ_{x_j &gt; θ+δ} w_j          (coarse cells strictly right of the window)
 *   M(θ) = (s/δ) Σ_{|x−θ| ≤ δ} (θ − x) w(x)   (fine window grid of step s, eq. (16))
 *   D(θ) = L − R + M ≈ F'(θ)
 * </pre>
 *
 * The coarse grid is a {@link LatticeGrid1D} aligned with the iterates, w<sub>j</sub> its lifted
 * weights. Windows are open on the outside: coarse cells at exactly θ ± δ belong to the window (and
 * are therefore counted only through M); δ/η is snapped to an integer m when within 4 ulps of one
 * ({@link FineGrid#stepsPerDelta}), and L covers the cells with index &lt; i − ⌊δ/η⌋, R those with
 * index &gt; i + ⌊δ/η⌋.
 *
 * <p><b>Updates.</b> The construction computes, once in O(size), the compensated (Kahan) prefix
 * sums P<sub>k</sub> = Σ<sub>j&lt;k</sub> w<sub>j</sub> and suffix sums S<sub>k</sub> =
 * Σ<sub>j≥k</sub> w<sub>j</sub>. The increments of eq. (18) (one cell joins L, one leaves R for a
 * move right) and of eq. (17) (the cells between the old and new windows for a big move) are then
 * differences of these tables, so {@link #moveBy} costs O(1) for any move and L, R are read off the
 * tables directly rather than accumulated: rounding does not build up over many moves, and there is
 * no cancellation (L and R are sums of non-negative terms, each from its own table). Bound: with u
 * = 2<sup>−53</sup> and all w<sub>j</sub> ≥ 0, |L̂ − L| ≤ (3u + O(size·u²))·L and likewise for R,
 * whatever the number or size of the moves before. Only M costs O(δ/s) evaluations of w per
 * position (through the caller's cache).
 *
 * <p><b>Two layouts.</b> {@link #create} uses the <em>node</em> layout above: the coarse samples
 * are the lattice points themselves and M uses the closed fine window {@link FineGrid#window}.
 * {@link #createMidpoint} uses the <em>cell-midpoint</em> layout: the coarse samples are the
 * midpoints θ<sub>0</sub> + (j + ½)η of the whole lattice cells ({@link
 * LatticeGrid1D#midpoints()}), the iterates stay on the lattice points, and M uses the fine
 * midpoint rule {@link FineGrid#midpointWindow} on the fine lattice θ<sub>0</sub> + sZ. With c =
 * ⌊δ/η + ½⌋ (δ/η snapped as above), L covers the cells j &lt; i − c (exactly those with midpoint
 * &lt; θ − δ) and R the cells j ≥ i + c (midpoint &gt; θ + δ); for δ = mη the 2m window cells tile
 * [θ − δ, θ + δ] and the fine window covers the same interval, so nothing is counted twice or left
 * out. This layout never samples a lattice point, which is what targets with poles on the iterate
 * lattice need (LOG1, see data/test-functions/README.md), and its Riemann error is O(η²) + O(s²).
 *
 * <p>M is computed by {@link ConvolutionSums#derivative} over the window points with cell volume s:
 * inside the window g<sub>δ</sub>'(θ − x) = (θ − x)/δ, so that sum is M exactly (up to rounding).
 *
 * <p>Positions are lattice indices restricted to the grid ({@link LatticeGrid1D#firstIndex()} …
 * {@link LatticeGrid1D#lastIndex()}): a move past the end stops at the last lattice point inside
 * [a, b], which differs from clipping to a or b by less than η when the end is off the lattice.
 *
 * <p>Immutable: {@link #moveBy} and {@link #at} return a new state sharing the tables. The weight
 * function is called on demand by {@link #windowTerm()} and must be safe for that use (the usual
 * {@link SampleCache} is not thread-safe, so neither are states built on one).
 */
public final class IncrementalMasses1D {

  private final Tables tables;
  private final long index;
  private final double left;
  private final double right;

  private static final class Tables {
    final LatticeGrid1D grid;
    final ConvexKernel kernel;
    final double fineStep;
    final DoubleUnaryOperator weightAt;
    final double[] prefix;
    final double[] suffix;
    final long cellsPerDelta;
    final boolean midpoint;

    Tables(
        LatticeGrid1D grid,
        double[] w,
        ConvexKernel kernel,
        double fineStep,
        DoubleUnaryOperator weightAt,
        boolean midpoint) {
      this.midpoint = midpoint;
      this.grid = grid;
      this.kernel = kernel;
      this.fineStep = fineStep;
      this.weightAt = weightAt;
      int n = w.length;
      prefix = new double[n + 1];
      suffix = new double[n + 1];
      double s = 0;
      double c = 0;
      for (int k = 0; k < n; k++) {
        double y = w[k] - c;
        double t = s + y;
        c = (t - s) - y;
        s = t;
        prefix[k + 1] = s;
      }
      s = 0;
      c = 0;
      for (int k = n - 1; k >= 0; k--) {
        double y = w[k] - c;
        double t = s + y;
        c = (t - s) - y;
        s = t;
        suffix[k] = s;
      }
      double r = FineGrid.stepsPerDelta(kernel.delta(), grid.step());
      cellsPerDelta = (long) Math.floor(midpoint ? r + 0.5 : r);
    }
  }

  private IncrementalMasses1D(Tables tables, long index) {
    this.tables = tables;
    this.index = index;
    int n = tables.prefix.length - 1;
    long k = index - tables.grid.firstIndex();
    long c = tables.cellsPerDelta;
    // Node layout: window = points k − c … k + c; midpoint layout: cells k − c … k + c − 1.
    int lo = (int) Math.max(0, Math.min(n, k - c));
    int hi = (int) Math.max(0, Math.min(n, tables.midpoint ? k + c : k + c + 1));
    double eta = tables.grid.step();
    this.left = eta * tables.prefix[lo];
    this.right = eta * tables.suffix[hi];
  }

  /**
   * Builds the tables (O(size)) and places θ at lattice index {@code startIndex}.
   *
   * @param grid coarse lattice (cell length η = grid.step())
   * @param weights lifted weights at the grid points, finite and ≥ 0, length grid.size()
   * @param kernel g<sub>δ</sub>
   * @param fineStep step s of the window grid for M (e.g. {@link FineGrid#defaultStep})
   * @param weightAt lifted weight w(x) at any x in [a, b] (e.g. {@link #weightFunction})
   * @param startIndex lattice index of the start, within the grid
   * @throws IllegalArgumentException on a length mismatch, a bad weight (naming its index and x), a
   *     non-positive fine step, or a start outside the grid
   */
  public static IncrementalMasses1D create(
      LatticeGrid1D grid,
      double[] weights,
      ConvexKernel kernel,
      double fineStep,
      DoubleUnaryOperator weightAt,
      long startIndex) {
    if (grid == null || weights == null || kernel == null || weightAt == null) {
      throw new IllegalArgumentException("grid, weights, kernel and weightAt must not be null");
    }
    Checks.sameLength("weights", weights.length, "grid size", grid.size());
    for (int k = 0; k < weights.length; k++) {
      if (!(weights[k] >= 0) || weights[k] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "weights["
                + k
                + "] = "
                + weights[k]
                + " at x = "
                + grid.point(k)
                + " is not allowed: weights must be finite and >= 0");
      }
    }
    Checks.positive("fineStep", fineStep);
    checkIndex(grid, startIndex, "startIndex");
    return new IncrementalMasses1D(
        new Tables(grid, weights, kernel, fineStep, weightAt, false), startIndex);
  }

  /**
   * Cell-midpoint layout (see the class comment): builds the tables (O(cells)) and places θ at
   * lattice index {@code startIndex}.
   *
   * @param grid the iterate lattice θ<sub>0</sub> + ηZ ∩ [a, b]; its whole cells are the coarse
   *     cells
   * @param cellWeights lifted weights at {@code grid.midpoints()}, finite and ≥ 0, length
   *     grid.cellCount()
   * @param kernel g<sub>δ</sub>
   * @param fineStep step s of the fine lattice θ<sub>0</sub> + sZ for M
   * @param weightAt lifted weight w(x) at any x in [a, b]
   * @param startIndex lattice index of the start, within the grid
   * @throws IllegalArgumentException as {@link #create}, and if the grid has no whole cell
   */
  public static IncrementalMasses1D createMidpoint(
      LatticeGrid1D grid,
      double[] cellWeights,
      ConvexKernel kernel,
      double fineStep,
      DoubleUnaryOperator weightAt,
      long startIndex) {
    if (grid == null || cellWeights == null || kernel == null || weightAt == null) {
      throw new IllegalArgumentException("grid, cellWeights, kernel and weightAt must not be null");
    }
    if (grid.cellCount() < 1) {
      throw new IllegalArgumentException(
          "the lattice "
              + grid
              + " has a single point: the midpoint layout needs at least one"
              + " whole cell (eta must be smaller than the interval)");
    }
    Checks.sameLength("cellWeights", cellWeights.length, "grid cell count", grid.cellCount());
    for (int k = 0; k < cellWeights.length; k++) {
      if (!(cellWeights[k] >= 0) || cellWeights[k] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "cellWeights["
                + k
                + "] = "
                + cellWeights[k]
                + " at x = "
                + grid.midpointAt(grid.firstIndex() + k)
                + " is not allowed: weights must be finite and >= 0");
      }
    }
    Checks.positive("fineStep", fineStep);
    checkIndex(grid, startIndex, "startIndex");
    return new IncrementalMasses1D(
        new Tables(grid, cellWeights, kernel, fineStep, weightAt, true), startIndex);
  }

  /** {@link #create} with the weights of lifted samples of {@code grid.points()}. */
  public static IncrementalMasses1D create(
      LatticeGrid1D grid,
      LiftedSamples coarse,
      ConvexKernel kernel,
      double fineStep,
      DoubleUnaryOperator weightAt,
      long startIndex) {
    return create(grid, coarse.rawWeights(), kernel, fineStep, weightAt, startIndex);
  }

  /** x ↦ lift.weight(cache.value(x)) for 1-D targets; errors name x. */
  public static DoubleUnaryOperator weightFunction(SampleCache cache, LiftFunction lift) {
    if (cache.dimension() != 1) {
      throw new IllegalArgumentException(
          "cache has dimension " + cache.dimension() + ": a 1-D weight function needs dimension 1");
    }
    return x -> {
      double f = cache.value(x);
      try {
        return lift.weight(f);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("at x = " + x + ": " + e.getMessage(), e);
      }
    };
  }

  private static void checkIndex(LatticeGrid1D grid, long index, String name) {
    if (index < grid.firstIndex() || index > grid.lastIndex()) {
      throw new IllegalArgumentException(
          name
              + " = "
              + index
              + " (x = "
              + grid.pointAt(index)
              + ") is outside the grid: allowed "
              + grid.firstIndex()
              + " … "
              + grid.lastIndex()
              + " (x in ["
              + grid.lower()
              + ", "
              + grid.upper()
              + "])");
    }
  }

  /** The state at lattice index {@code index} (within the grid); O(1). */
  public IncrementalMasses1D at(long index) {
    checkIndex(tables.grid, index, "index");
    return new IncrementalMasses1D(tables, index);
  }

  /**
   * The state {@code cells} lattice cells away (negative = left), stopped at the ends of the grid;
   * O(1) for any move (eq. (18) for ±1, eq. (17) for larger moves, as prefix-sum differences).
   */
  public IncrementalMasses1D moveBy(long cells) {
    long target = index + cells;
    if (cells > 0 && target < index) {
      target = Long.MAX_VALUE;
    } else if (cells < 0 && target > index) {
      target = Long.MIN_VALUE;
    }
    long clamped = Math.max(tables.grid.firstIndex(), Math.min(tables.grid.lastIndex(), target));
    return new IncrementalMasses1D(tables, clamped);
  }

  /** The lattice index i of θ. */
  public long index() {
    return index;
  }

  /** θ = θ<sub>0</sub> + iη. */
  public double theta() {
    return tables.grid.pointAt(index);
  }

  /** The coarse grid. */
  public LatticeGrid1D grid() {
    return tables.grid;
  }

  /** L(θ) = η Σ<sub>x<sub>j</sub> &lt; θ−δ</sub> w<sub>j</sub>. */
  public double left() {
    return left;
  }

  /** R(θ) = η Σ<sub>x<sub>j</sub> &gt; θ+δ</sub> w<sub>j</sub>. */
  public double right() {
    return right;
  }

  /**
   * M(θ) = (s/δ) Σ (θ − x) w(x) over the fine window grid inside [a, b] (eq. (16), third term): θ +
   * k·s, |k·s| ≤ δ in the node layout, the fine cell midpoints of {@link FineGrid#midpointWindow}
   * in the midpoint layout. O(δ/s) calls of the weight function.
   *
   * @throws IllegalArgumentException if the weight function returns a negative, NaN or infinite
   *     value (naming x), or rethrows its own error
   */
  public double windowTerm() {
    double theta = theta();
    double delta = tables.kernel.delta();
    LatticeGrid1D g = tables.grid;
    PointSet window =
        tables.midpoint
            ? FineGrid.midpointWindow(
                theta, delta, g.theta0(), tables.fineStep, g.lower(), g.upper())
            : FineGrid.window(theta, delta, tables.fineStep, g.lower(), g.upper());
    double[] x = window.raw()[0];
    double[] w = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      double wx = tables.weightAt.applyAsDouble(x[k]);
      if (!(wx >= 0) || wx == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "weightAt(x) = " + wx + " at x = " + x[k] + ": weights must be finite and >= 0");
      }
      w[k] = wx;
    }
    // Every window point has |θ − x| ≤ δ, where g_δ'(θ − x) = (θ − x)/δ: this sum is M.
    return ConvolutionSums.derivative(tables.kernel, theta, x, w, tables.fineStep);
  }

  /** D = L − R + M ≈ F'(θ) (eq. (16)); its sign is the sign-descent direction. */
  public double slope() {
    return left - right + windowTerm();
  }

  @Override
  public String toString() {
    return "IncrementalMasses1D[index="
        + index
        + ", theta="
        + theta()
        + ", L="
        + left
        + ", R="
        + right
        + "]";
  }
}
