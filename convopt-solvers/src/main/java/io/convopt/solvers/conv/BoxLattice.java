package io.convopt.solvers.conv;

import io.convopt.kernel.Box;

/**
 * The coarse n-D grid of Algorithm 2 and the surrogate solvers: the cells of the lattice
 * θ₀ + ηℤⁿ that lie inside the box, sampled at their midpoints (so lattice-aligned poles are never
 * hit), stored structure-of-arrays for the SIMD sums, with lifted weights.
 */
final class BoxLattice {

  final int dim;
  final int cells;
  final double[][] mid; // mid[i][c]: coordinate i of cell c's midpoint
  final double[] f; // raw samples
  final double[] w; // lifted weights
  final double cellVolume;
  final LiftScale lift;
  final int bestCell;

  BoxLattice(RunContext run, Box box, double[] origin, ConvolutionSettings s) {
    this(run, box, origin, s.eta(), s.shift(), s.power());
  }

  BoxLattice(RunContext run, Box box, double[] origin, double eta, ShiftRule shift, double power) {
    this.dim = box.dimension();
    long[] first = new long[dim];
    int[] count = new int[dim];
    long total = 1;
    for (int i = 0; i < dim; i++) {
      first[i] = (long) Math.ceil((box.lower(i) - origin[i]) / eta - 1e-9);
      long end = (long) Math.floor((box.upper(i) - origin[i]) / eta + 1e-9);
      long c = end - first[i];
      if (c < 1) {
        throw new IllegalArgumentException("step eta = " + eta + " is larger than side " + i + " of the box "
            + box + ": no lattice cell fits");
      }
      count[i] = (int) Math.min(c, Integer.MAX_VALUE);
      total *= c;
      if (total > ConvolutionSettings.MAX_CELLS) {
        throw new IllegalArgumentException("the coarse grid would have more than " + ConvolutionSettings.MAX_CELLS
            + " cells ((box side / eta)^n); use a larger eta, or a zigzag solver in higher dimensions");
      }
    }
    this.cells = (int) total;
    this.mid = new double[dim][cells];
    this.f = new double[cells];
    this.w = new double[cells];
    double vol = 1;
    for (int i = 0; i < dim; i++) {
      vol *= eta;
    }
    this.cellVolume = vol;
    int[] idx = new int[dim];
    double[] x = new double[dim];
    double fmin = Double.POSITIVE_INFINITY;
    double fmax = Double.NEGATIVE_INFINITY;
    int best = 0;
    for (int c = 0; c < cells; c++) {
      for (int i = 0; i < dim; i++) {
        x[i] = origin[i] + (first[i] + idx[i] + 0.5) * eta;
        mid[i][c] = x[i];
      }
      f[c] = run.f.value(x);
      if (f[c] > fmax) {
        fmax = f[c];
        best = c;
      }
      fmin = Math.min(fmin, f[c]);
      for (int i = dim - 1; i >= 0; i--) { // odometer increment, last axis fastest
        if (++idx[i] < count[i]) {
          break;
        }
        idx[i] = 0;
      }
    }
    this.bestCell = best;
    this.lift = new LiftScale(fmin, fmax, shift, power);
    for (int c = 0; c < cells; c++) {
      w[c] = lift.weight(f[c]);
    }
  }

  double[] midpoint(int c) {
    double[] p = new double[dim];
    for (int i = 0; i < dim; i++) {
      p[i] = mid[i][c];
    }
    return p;
  }
}
