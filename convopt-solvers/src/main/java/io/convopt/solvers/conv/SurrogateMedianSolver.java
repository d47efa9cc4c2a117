package io.convopt.solvers.conv;

import io.convopt.kernel.Box;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.api.StopReason;
import java.util.Map;

/**
 * The exact minimiser of the convex surrogate on the coarse lattice samples, without descent: the
 * δ-smoothed weighted median in 1-D (bisection on prefix sums, O(log M) per slope after O(M)
 * sampling) and the geometric median by Weiszfeld's iteration in n-D. Sign descent (Algorithms 1
 * and 2) converges to within about η of this point; this solver gets there in one solve and the
 * same samples. The start only anchors the lattice (as for Algorithms 1–2).
 */
public final class SurrogateMedianSolver implements Solver {

  private final ConvolutionSettings settings;
  private final double tolerance;
  private final int maxIterations;

  public SurrogateMedianSolver(ConvolutionSettings settings) {
    this(settings, 1e-10, 100_000);
  }

  private SurrogateMedianSolver(ConvolutionSettings settings, double tolerance, int maxIterations) {
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("Weiszfeld tolerance must be > 0, got " + tolerance);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException(
          "Weiszfeld iteration limit must be >= 1, got " + maxIterations);
    }
    this.settings = settings;
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
  }

  /** Weiszfeld stops when no coordinate moves more than {@code tol} times the largest box side. */
  public SurrogateMedianSolver withTolerance(double tol) {
    return new SurrogateMedianSolver(settings, tol, maxIterations);
  }

  public SurrogateMedianSolver withMaxIterations(int m) {
    return new SurrogateMedianSolver(settings, tolerance, m);
  }

  @Override
  public String name() {
    return "median";
  }

  @Override
  public Optimum optimize(Problem problem, double[] start) {
    problem.requireStart(start);
    Box box = problem.box();
    RunContext run = new RunContext(problem, s -> java.util.Optional.empty(), s -> null, false);
    BoxLattice lat = new BoxLattice(run.samples, box, start, settings);
    Solution sol = solve(lat.mid, lat.w, box, settings.delta(), start, tolerance, maxIterations);
    Map<String, String> s = settings.describe(box);
    s.put("shift_C", Double.toString(lat.shift));
    s.put("coarse_cells", Integer.toString(lat.cells));
    s.put("method", box.dimension() == 1 ? "weighted-median-bisection" : "weiszfeld");
    return run.finishAfter(
        name(),
        sol.point,
        sol.iterations,
        sol.converged ? StopReason.CONVERGED : StopReason.ITERATION_BUDGET,
        s);
  }

  /**
   * The weighted geometric median of arbitrary points, i.e. the minimiser of the discrete surrogate
   * F(θ) = Σ_k w_k g_δ(θ − x_k), by Weiszfeld's majorise–minimise iteration (F never increases; the
   * δ floor rules out division by zero). For solvers outside this package that estimate the
   * surrogate from samples rather than a lattice.
   *
   * @param points {@code points[axis][k]}: coordinate {@code axis} of point k
   * @param weights w_k ≥ 0, one per point
   * @param delta the kernel's window half-width δ &gt; 0
   * @param warm the first iterate
   * @param tol stop when no coordinate moves more than this
   * @param maxIter iteration limit ≥ 1
   * @return the last iterate (not clipped to any box)
   */
  public static double[] geometricMedian(
      double[][] points, double[] weights, double delta, double[] warm, double tol, int maxIter) {
    if (points.length != warm.length) {
      throw new IllegalArgumentException(
          "points have " + points.length + " axes but warm start has " + warm.length);
    }
    if (!(delta > 0) || !(tol > 0) || maxIter < 1) {
      throw new IllegalArgumentException(
          "need delta > 0, tol > 0, maxIter >= 1; got delta="
              + delta
              + ", tol="
              + tol
              + ", maxIter="
              + maxIter);
    }
    return SurrogateMinimizer.weiszfeld(points, weights, delta, warm, tol, maxIter).point();
  }

  record Solution(double[] point, int iterations, boolean converged) {}

  static Solution solve(
      double[][] mid, double[] w, Box box, double delta, double[] warm, double tol, int maxIter) {
    if (box.dimension() == 1) {
      // BoxLattice stores 1-D midpoints in increasing order already.
      double m = SurrogateMinimizer.median1d(mid[0], w, delta, box.lower(0), box.upper(0));
      return new Solution(new double[] {m}, 1, true);
    }
    double side = 0;
    for (int i = 0; i < box.dimension(); i++) {
      side = Math.max(side, box.width(i));
    }
    SurrogateMinimizer.Weiszfeld r =
        SurrogateMinimizer.weiszfeld(mid, w, delta, warm, tol * side, maxIter);
    return new Solution(box.clip(r.point()), r.iterations(), r.converged());
  }
}
