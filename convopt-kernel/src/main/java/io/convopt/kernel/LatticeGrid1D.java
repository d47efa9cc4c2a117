package io.convopt.kernel;

/**
 * The 1-D lattice θ<sub>0</sub> + ηZ clipped to [a, b]: points x<sub>j</sub> = θ<sub>0</sub> + j·η
 * for the lattice indices j = {@link #firstIndex()} … {@link #lastIndex()} with a ≤ x<sub>j</sub> ≤
 * b (the coarse grid of eq. (16)–(18), aligned to the iterate lattice so that one sign step moves
 * the window by exactly one cell, eq. (18)). Each point is computed as {@code theta0 + j * eta}
 * (never by accumulation), so the same lattice index always gives the same double.
 *
 * <p>Errors ({@link IllegalArgumentException}): θ<sub>0</sub>, a, b not finite; η not finite or ≤
 * 0; a ≥ b; lattice indices that overflow (|(a − θ<sub>0</sub>)/η| ≥ 2<sup>53</sup>); no lattice
 * point in [a, b]; more than {@link KernelTunables#MAX_GRID_POINTS} points. Immutable; construction
 * O(1).
 */
public final class LatticeGrid1D {

  private static final double MAX_INDEX = 0x1p53;

  private final double theta0;
  private final double eta;
  private final double a;
  private final double b;
  private final long first;
  private final int size;

  private LatticeGrid1D(double theta0, double eta, double a, double b) {
    this.theta0 = Checks.finite("theta0", theta0);
    this.eta = Checks.positive("eta", eta);
    Box.interval(a, b);
    this.a = a;
    this.b = b;
    double lo = (a - theta0) / eta;
    double hi = (b - theta0) / eta;
    if (!(Math.abs(lo) < MAX_INDEX && Math.abs(hi) < MAX_INDEX)) {
      throw new IllegalArgumentException(
          "lattice index overflows: (a - theta0)/eta = "
              + lo
              + ", (b - theta0)/eta = "
              + hi
              + "; indices must stay below 2^53 in magnitude (eta = "
              + eta
              + " is too small"
              + " for this box or theta0 is too far away)");
    }
    Checks.gridSize("lattice grid with eta = " + eta + " on [" + a + ", " + b + "]", hi - lo + 1);
    long j0 = (long) Math.ceil(lo);
    while (theta0 + j0 * eta < a) {
      j0++;
    }
    while (theta0 + (j0 - 1) * eta >= a) {
      j0--;
    }
    long j1 = (long) Math.floor(hi);
    while (theta0 + j1 * eta > b) {
      j1--;
    }
    while (theta0 + (j1 + 1) * eta <= b) {
      j1++;
    }
    if (j1 < j0) {
      throw new IllegalArgumentException(
          "no point of the lattice theta0 + eta*Z (theta0 = "
              + theta0
              + ", eta = "
              + eta
              + ") lies in ["
              + a
              + ", "
              + b
              + "]; the step must be smaller than the interval");
    }
    this.first = j0;
    this.size = Checks.gridSize("lattice grid with eta = " + eta, (double) (j1 - j0 + 1));
  }

  /** The lattice θ<sub>0</sub> + ηZ restricted to [a, b]. */
  public static LatticeGrid1D of(double theta0, double eta, double a, double b) {
    return new LatticeGrid1D(theta0, eta, a, b);
  }

  /** The lattice θ<sub>0</sub> + ηZ restricted to the 1-D box. */
  public static LatticeGrid1D of(double theta0, double eta, Box box) {
    if (box.dimension() != 1) {
      throw new IllegalArgumentException(
          "box has dimension " + box.dimension() + ": a 1-D lattice needs dimension 1");
    }
    return new LatticeGrid1D(theta0, eta, box.lower(0), box.upper(0));
  }

  /** θ<sub>0</sub>. */
  public double theta0() {
    return theta0;
  }

  /** The step η (also the Riemann cell length). */
  public double step() {
    return eta;
  }

  /** Left end a of the interval. */
  public double lower() {
    return a;
  }

  /** Right end b of the interval. */
  public double upper() {
    return b;
  }

  /** The number of lattice points in [a, b]. */
  public int size() {
    return size;
  }

  /** The smallest lattice index j with x<sub>j</sub> ≥ a. */
  public long firstIndex() {
    return first;
  }

  /** The largest lattice index j with x<sub>j</sub> ≤ b. */
  public long lastIndex() {
    return first + size - 1;
  }

  /** x<sub>j</sub> = θ<sub>0</sub> + j·η for any lattice index j (inside the grid or not). */
  public double pointAt(long j) {
    return theta0 + j * eta;
  }

  /** The k-th grid point, k = 0 … size − 1 (lattice index firstIndex() + k). */
  public double point(int k) {
    return pointAt(first + k);
  }

  /** The lattice index nearest to x (not clipped to the grid). */
  public long nearestIndex(double x) {
    return Math.round((Checks.finite("x", x) - theta0) / eta);
  }

  /**
   * The midpoint θ<sub>0</sub> + (j + ½)η of the lattice cell [x<sub>j</sub>, x<sub>j+1</sub>], for
   * any lattice index j (computed from the index, never accumulated).
   */
  public double midpointAt(long j) {
    return theta0 + (j + 0.5) * eta;
  }

  /**
   * The number of whole lattice cells [x<sub>j</sub>, x<sub>j+1</sub>] with both ends in the grid:
   * size() − 1 (0 for a one-point grid).
   */
  public int cellCount() {
    return size - 1;
  }

  /**
   * The midpoints of the {@link #cellCount()} whole cells, k-th = {@link #midpointAt}(firstIndex()
   * + k), with cell volume η: the midpoint-rule grid of [x<sub>first</sub>, x<sub>last</sub>].
   * Unlike {@link #points()} it never samples a lattice point, so a target with poles on the
   * iterate lattice (LOG1, see data/test-functions/README.md) can be sampled. Empty (a zero-length
   * coordinate array) for a one-point grid.
   */
  public PointSet midpoints() {
    int n = cellCount();
    double[] x = new double[n];
    for (int k = 0; k < n; k++) {
      x[k] = midpointAt(first + k);
    }
    return new PointSet(new double[][] {x}, eta);
  }

  /** All grid points with cell volume η. */
  public PointSet points() {
    double[] x = new double[size];
    for (int k = 0; k < size; k++) {
      x[k] = point(k);
    }
    return new PointSet(new double[][] {x}, eta);
  }

  @Override
  public String toString() {
    return "LatticeGrid1D[theta0="
        + theta0
        + ", eta="
        + eta
        + ", ["
        + a
        + ", "
        + b
        + "], j="
        + first
        + ".."
        + lastIndex()
        + "]";
  }
}
