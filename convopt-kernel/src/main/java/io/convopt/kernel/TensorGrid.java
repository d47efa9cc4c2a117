package io.convopt.kernel;

/**
 * The tensor lattice origin + diag(η)Z<sup>n</sup> clipped to a box: the product of one {@link
 * LatticeGrid1D} per axis (coarse grid of eq. (20)/(21)). Points are enumerated row-major (the last
 * axis varies fastest); the cell volume is Π η<sub>i</sub>.
 *
 * <p>Errors ({@link IllegalArgumentException}): dimension mismatch between box, origin and steps;
 * any per-axis error of {@link LatticeGrid1D}; a total above {@link KernelTunables#MAX_GRID_POINTS}
 * (the message gives the count and the limit). Immutable.
 */
public final class TensorGrid {

  private final LatticeGrid1D[] axes;
  private final int size;

  private TensorGrid(LatticeGrid1D[] axes, int size) {
    this.axes = axes;
    this.size = size;
  }

  /** The lattice origin + diag(steps)·Z<sup>n</sup> inside the box. */
  public static TensorGrid of(Box box, double[] origin, double[] steps) {
    Checks.sameLength("origin", origin.length, "box dimension", box.dimension());
    Checks.sameLength("steps", steps.length, "box dimension", box.dimension());
    LatticeGrid1D[] ax = new LatticeGrid1D[box.dimension()];
    double total = 1;
    for (int i = 0; i < ax.length; i++) {
      ax[i] = LatticeGrid1D.of(origin[i], steps[i], box.lower(i), box.upper(i));
      total *= ax[i].size();
    }
    int n = Checks.gridSize("tensor grid on " + box, total);
    return new TensorGrid(ax, n);
  }

  /** The same step η on every axis. */
  public static TensorGrid of(Box box, double[] origin, double eta) {
    double[] steps = new double[box.dimension()];
    java.util.Arrays.fill(steps, eta);
    return of(box, origin, steps);
  }

  /** The dimension n. */
  public int dimension() {
    return axes.length;
  }

  /** The 1-D lattice of axis i. */
  public LatticeGrid1D axis(int i) {
    return axes[i];
  }

  /** The total number of points. */
  public int size() {
    return size;
  }

  /** Π η<sub>i</sub>. */
  public double cellVolume() {
    double v = 1;
    for (LatticeGrid1D g : axes) {
      v *= g.step();
    }
    return v;
  }

  /** All points, structure-of-arrays, row-major order. O(n · size). */
  public PointSet points() {
    int n = axes.length;
    double[][] c = new double[n][size];
    int stride = size;
    for (int i = 0; i < n; i++) {
      int m = axes[i].size();
      stride /= m;
      double[] ci = c[i];
      for (int k = 0; k < size; k++) {
        ci[k] = axes[i].point((k / stride) % m);
      }
    }
    return new PointSet(c, cellVolume());
  }

  /**
   * The midpoints of the whole cells of the lattice (per axis {@link LatticeGrid1D#midpoints()}),
   * structure-of-arrays, row-major order, cell volume Π η<sub>i</sub>: the midpoint-rule grid of
   * the lattice-covered part of the box, which never samples a lattice point. Empty when some axis
   * has a single lattice point. O(n · cells).
   */
  public PointSet midpoints() {
    int n = axes.length;
    long total = 1;
    for (int i = 0; i < n; i++) {
      total *= axes[i].cellCount();
    }
    int cells = (int) total; // at most size, which fits an int
    double[][] c = new double[n][cells];
    int stride = cells;
    for (int i = 0; i < n; i++) {
      int m = axes[i].cellCount();
      if (m == 0) {
        break;
      }
      stride /= m;
      double[] ci = c[i];
      long first = axes[i].firstIndex();
      for (int k = 0; k < cells; k++) {
        ci[k] = axes[i].midpointAt(first + (k / stride) % m);
      }
    }
    return new PointSet(c, cellVolume());
  }

  @Override
  public String toString() {
    return "TensorGrid[n=" + axes.length + ", size=" + size + "]";
  }
}
