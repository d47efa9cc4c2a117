package io.convopt.solvers.conv;

import io.convopt.kernel.Box;
import io.convopt.kernel.LiftFunction;
import io.convopt.kernel.LiftedSamples;
import io.convopt.kernel.PointSet;
import io.convopt.kernel.SampleCache;
import io.convopt.kernel.ShiftRule;
import io.convopt.kernel.TensorGrid;

/**
 * The coarse n-D grid of Algorithm 2 and the surrogate solvers: the whole cells of the lattice θ₀ +
 * ηℤⁿ that lie inside the box, sampled at their midpoints (kernel {@link TensorGrid#midpoints()},
 * so lattice-aligned poles are never hit), with lifted weights.
 *
 * <p>Which cells "lie inside" is decided with a relative tolerance of 10⁻⁹ cells (a box side that
 * is a multiple of η up to rounding keeps its last cell); the kernel grid is then built on the
 * lattice-snapped box [θ₀ + j<sub>min</sub>η, θ₀ + j<sub>max</sub>η] (per axis), which its exact
 * comparisons reproduce bit for bit.
 */
final class BoxLattice {

  final int dim;
  final int cells;
  final PointSet points;
  final double[][]
      mid; // mid[i][c]: coordinate i of cell c's midpoint (copy, for the median solvers)
  final double[] f; // raw samples
  final double[] w; // lifted weights
  final LiftedSamples lifted;
  final double cellVolume;
  final LiftFunction lift;
  final double shift;
  final int bestCell;

  BoxLattice(SampleCache cache, Box box, double[] origin, ConvolutionSettings s) {
    this(cache, box, origin, s.eta(), s.shift(), s.power());
  }

  BoxLattice(
      SampleCache cache, Box box, double[] origin, double eta, ShiftRule shift, double power) {
    this.dim = box.dimension();
    Box snapped = snappedBox(box, origin, eta);
    TensorGrid grid = TensorGrid.of(snapped, origin, eta);
    this.points = grid.midpoints();
    this.cells = points.size();
    this.cellVolume = points.cellVolume();
    this.mid = new double[dim][];
    for (int i = 0; i < dim; i++) {
      mid[i] = points.coordinates(i);
    }
    this.f = cache.values(points);
    int best = 0;
    for (int c = 1; c < cells; c++) {
      if (f[c] > f[best]) {
        best = c;
      }
    }
    this.bestCell = best;
    double fmin = Lifts.min(f);
    double fmax = Lifts.max(f);
    this.lift = Lifts.fit(shift, power, fmin, fmax);
    this.shift = Lifts.shift(shift, fmin, fmax);
    this.lifted = LiftedSamples.of(points, f, lift);
    this.w = lifted.weights();
  }

  /**
   * The box [θ₀ + j<sub>min</sub>η, θ₀ + j<sub>max</sub>η] spanned by the lattice points that lie
   * in the box (10⁻⁹-cell tolerance), with the cell-count checks and messages of the solvers.
   */
  static Box snappedBox(Box box, double[] origin, double eta) {
    int n = box.dimension();
    double[] lo = new double[n];
    double[] hi = new double[n];
    double total = 1;
    for (int i = 0; i < n; i++) {
      long first = (long) Math.ceil((box.lower(i) - origin[i]) / eta - 1e-9);
      long last = (long) Math.floor((box.upper(i) - origin[i]) / eta + 1e-9);
      long c = last - first;
      if (c < 1) {
        throw new IllegalArgumentException(
            "step eta = "
                + eta
                + " is larger than side "
                + i
                + " of the box "
                + box
                + ": no lattice cell fits");
      }
      total *= c;
      if (total > ConvolutionSettings.MAX_CELLS) {
        throw new IllegalArgumentException(
            "the coarse grid would have more than "
                + ConvolutionSettings.MAX_CELLS
                + " cells ((box side / eta)^n), over the limit; use a larger eta, or a zigzag"
                + " solver in higher dimensions");
      }
      lo[i] = origin[i] + first * eta;
      hi[i] = origin[i] + last * eta;
    }
    return Box.of(lo, hi);
  }

  double[] midpoint(int c) {
    return points.point(c);
  }
}
