package io.convopt.solvers.conv;

import io.convopt.kernel.Box;
import io.convopt.kernel.ShiftRule;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.api.StopReason;
import java.util.Locale;
import java.util.Map;

/**
 * The convolution method under an evaluation budget, made to scale where a single grid cannot: a
 * coarse grid of the box, the exact surrogate minimiser by power continuation (no extra
 * evaluations), then a grid twice as fine around it, and so on until the budget is spent.
 *
 * <p><b>Symmetric optima.</b> With two or more (near-)equal maxima, any convex surrogate puts its
 * minimiser between them (six-hump camel: the saddle at the origin). That is detected when f at the
 * surrogate's minimiser is far below the best sample of the same grid (by more than {@code
 * splitTolerance} of the grid's f-range); the next level then zooms on the best sample instead (a
 * branch on the most promising piece), and the result reports how often that happened.
 *
 * <p>One rule for every problem (no per-function tuning): per-level budget B/levels, m =
 * ⌊(B/levels)^{1/n}⌋ points per axis (at least 3), δ = one cell, lift C = −min of the level's
 * samples, N from continuation 1, 2, 4, …, 4096, zoom factor ½. Returns the best point evaluated;
 * every call of f is counted, the surrogate minimiser's too.
 */
public final class MultiResolutionConvolution implements Solver {

  private final long budget;
  private final int levels;
  private final double zoom;
  private final double splitTolerance;

  /**
   * @param budget evaluation budget (every call of f).
   */
  public MultiResolutionConvolution(long budget) {
    this(budget, 6, 0.5, 0.25);
  }

  private MultiResolutionConvolution(long budget, int levels, double zoom, double splitTolerance) {
    if (budget < 8) {
      throw new IllegalArgumentException("evaluation budget must be >= 8, got " + budget);
    }
    if (levels < 1) {
      throw new IllegalArgumentException("levels must be >= 1, got " + levels);
    }
    if (!(zoom > 0 && zoom < 1)) {
      throw new IllegalArgumentException("zoom factor must be in (0, 1), got " + zoom);
    }
    if (!(splitTolerance >= 0)) {
      throw new IllegalArgumentException("split tolerance must be >= 0, got " + splitTolerance);
    }
    this.budget = budget;
    this.levels = levels;
    this.zoom = zoom;
    this.splitTolerance = splitTolerance;
  }

  public MultiResolutionConvolution withLevels(int l) {
    return new MultiResolutionConvolution(budget, l, zoom, splitTolerance);
  }

  public MultiResolutionConvolution withZoom(double z) {
    return new MultiResolutionConvolution(budget, levels, z, splitTolerance);
  }

  /** Fraction of the grid's f-range below the best sample that flags a between-optima minimiser. */
  public MultiResolutionConvolution withSplitTolerance(double t) {
    return new MultiResolutionConvolution(budget, levels, zoom, t);
  }

  @Override
  public String name() {
    return "conv-multires";
  }

  /** The start is not used: the first grid covers the whole box. */
  @Override
  public Optimum optimize(Problem problem, double[] start) {
    problem.requireStart(start);
    Box full = problem.box();
    int n = full.dimension();
    RunContext run = new RunContext(problem, s -> java.util.Optional.empty(), s -> null, false);
    long perLevel = budget / levels;
    int m = (int) Math.max(3, Math.floor(Math.pow(perLevel - 1, 1.0 / n) + 1e-9));
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      lo[i] = full.lower(i);
      hi[i] = full.upper(i);
    }
    double[] best = null;
    double bestF = Double.NEGATIVE_INFINITY;
    int splits = 0;
    int level = 0;
    StringBuilder log = new StringBuilder();
    while (true) {
      long cells = (long) Math.pow(m, n);
      if (run.evaluations() + cells + 1 > budget) {
        break;
      }
      Box box = Box.of(lo, hi);
      double eta = Double.POSITIVE_INFINITY;
      double[] origin = new double[n];
      for (int i = 0; i < n; i++) {
        eta = Math.min(eta, (hi[i] - lo[i]) / m);
        origin[i] = lo[i];
      }
      // A grid with the same cell count per axis: anisotropic boxes use the smallest side's step.
      ConvolutionSettings s = ConvolutionSettings.of(eta, 1);
      if (run.evaluations() + estimateCells(box, origin, eta) + 1 > budget) {
        break;
      }
      BoxLattice lat = new BoxLattice(run.samples, box, origin, s);
      double gridBestF = lat.f[lat.bestCell];
      double[] gridBest = lat.midpoint(lat.bestCell);
      if (gridBestF > bestF) {
        bestF = gridBestF;
        best = gridBest;
      }
      double fmin = Double.POSITIVE_INFINITY;
      for (double v : lat.f) {
        fmin = Math.min(fmin, v);
      }
      double[] theta = continuation(lat, box, eta);
      double fTheta = run.f.value(theta);
      if (fTheta > bestF) {
        bestF = fTheta;
        best = theta.clone();
      }
      double[] centre = theta;
      if (gridBestF - fTheta > splitTolerance * (gridBestF - fmin)) {
        splits++;
        centre = gridBest;
      }
      log.append(
          String.format(
              Locale.ROOT,
              "L%d:m=%d,f(theta)=%.4g,best=%.4g%s; ",
              level,
              m,
              fTheta,
              gridBestF,
              centre == gridBest ? ",split" : ""));
      level++;
      for (int i = 0; i < n; i++) {
        double half = (hi[i] - lo[i]) * zoom / 2;
        double c = Math.min(Math.max(centre[i], full.lower(i) + half), full.upper(i) - half);
        lo[i] = c - half;
        hi[i] = c + half;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException(
          "evaluation budget "
              + budget
              + " is too small for one grid of "
              + m
              + "^"
              + n
              + " points in dimension "
              + n);
    }
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    settings.put("budget", Long.toString(budget));
    settings.put("levels_planned", Integer.toString(levels));
    settings.put("levels_run", Integer.toString(level));
    settings.put("points_per_axis", Integer.toString(m));
    settings.put("zoom", Double.toString(zoom));
    settings.put("split_tolerance", Double.toString(splitTolerance));
    settings.put("splits", Integer.toString(splits));
    settings.put("log", log.toString().trim());
    return run.finishAfter(name(), best, level, StopReason.EVALUATION_BUDGET, settings);
  }

  private static long estimateCells(Box box, double[] origin, double eta) {
    long c = 1;
    for (int i = 0; i < box.dimension(); i++) {
      c *= (long) Math.floor((box.upper(i) - origin[i]) / eta + 1e-9);
    }
    return c;
  }

  /** Surrogate minimiser with N raised until it moves less than one cell (or N = 4096). */
  private static double[] continuation(BoxLattice lat, Box box, double eta) {
    double fmin = Double.POSITIVE_INFINITY;
    double fmax = Double.NEGATIVE_INFINITY;
    for (double v : lat.f) {
      fmin = Math.min(fmin, v);
      fmax = Math.max(fmax, v);
    }
    double[] current = lat.midpoint(lat.bestCell);
    double[] previous = null;
    for (double nPow = 1; nPow <= 4096; nPow *= 2) {
      double[] w = Lifts.fit(ShiftRule.minShift(0), nPow, fmin, fmax).weights(lat.f, null);
      current = SurrogateMedianSolver.solve(lat.mid, w, box, eta, current, 1e-9, 10_000).point();
      if (previous != null) {
        double d = 0;
        for (int i = 0; i < current.length; i++) {
          d = Math.max(d, Math.abs(current[i] - previous[i]));
        }
        if (d < eta) {
          break;
        }
      }
      previous = current.clone();
    }
    return current;
  }
}
