package io.convopt.kernel;

/**
 * An immutable set of sample points in R<sup>n</sup> stored structure-of-arrays (one {@code
 * double[]} per coordinate, the layout the SIMD sums read) together with the cell volume h of the
 * Riemann sums that use them (h = η for a 1-D lattice, Π η<sub>i</sub> for a tensor grid,
 * step<sup>n</sup> for a fine window grid).
 *
 * <p>Built by {@link LatticeGrid1D#points()}, {@link TensorGrid#points()}, {@link FineGrid} or
 * {@link #of}. Accessors copy; {@link ConvolutionSums} reads the arrays without copying.
 * Thread-safe (immutable).
 */
public final class PointSet {

  private final double[][] coords;
  private final int size;
  private final double cellVolume;

  PointSet(double[][] coords, double cellVolume) {
    this.coords = coords;
    this.size = coords[0].length;
    this.cellVolume = cellVolume;
  }

  /**
   * A point set from copies of the coordinate arrays {@code coords[axis][k]}.
   *
   * @throws IllegalArgumentException if there is no axis, the axes differ in length, a coordinate
   *     is NaN/±∞, or the cell volume is not finite and &gt; 0
   */
  public static PointSet of(double[][] coords, double cellVolume) {
    if (coords == null || coords.length == 0) {
      throw new IllegalArgumentException("coords must have at least one axis");
    }
    Checks.positive("cellVolume", cellVolume);
    double[][] c = new double[coords.length][];
    for (int i = 0; i < coords.length; i++) {
      Checks.sameLength("coords[" + i + "]", coords[i].length, "coords[0]", coords[0].length);
      c[i] = Checks.finiteVector("coords[" + i + "]", coords[i]).clone();
    }
    return new PointSet(c, cellVolume);
  }

  /** The dimension n. */
  public int dimension() {
    return coords.length;
  }

  /** The number of points. */
  public int size() {
    return size;
  }

  /** The Riemann cell volume h. */
  public double cellVolume() {
    return cellVolume;
  }

  /** Coordinate {@code axis} of point k. */
  public double coordinate(int axis, int k) {
    return coords[axis][k];
  }

  /** A copy of all coordinates of one axis. */
  public double[] coordinates(int axis) {
    return coords[axis].clone();
  }

  /** Point k as a new array. */
  public double[] point(int k) {
    double[] p = new double[coords.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = coords[i][k];
    }
    return p;
  }

  /** The internal arrays (package use only: never modified). */
  double[][] raw() {
    return coords;
  }

  @Override
  public String toString() {
    return "PointSet[n=" + coords.length + ", size=" + size + ", cellVolume=" + cellVolume + "]";
  }
}
