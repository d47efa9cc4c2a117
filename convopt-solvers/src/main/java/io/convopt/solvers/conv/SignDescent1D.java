package io.convopt.solvers.conv;

import io.convopt.solvers.api.IterationListener;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.api.StopReason;
import io.convopt.solvers.api.StoppingRule;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Algorithm 1: one-dimensional convolutional sign descent on F = g_δ * (f + C)^N (spec §4).
 *
 * <p>The iterates live on the lattice θ₀ + ηℤ. The coarse Riemann grid is the cells
 * [θ₀ + jη, θ₀ + (j+1)η] inside the box, sampled at their <em>midpoints</em>, so a pole on the
 * lattice (LOG1's are) is never sampled. With δ = η the cells that touch [θ − δ, θ + δ] are exactly
 * the window, integrated instead on a fine grid of step δ/k (fine midpoints, cached). The slope is
 * eq. (16): F'(θ) = L(θ) − R(θ) + M(θ); L and R come from prefix sums of the lifted samples, so
 * each step costs O(1) for them (eq. 17/18: any move, large or small, is one subtraction of prefix
 * sums, with no drift), plus O(k) for the window.
 *
 * <p>Returns the final iterate θ_T, as the paper's tables do (sign descent ends oscillating
 * between two neighbouring lattice points).
 */
public final class SignDescent1D implements Solver {

  private final ConvolutionSettings settings;
  private final StoppingRule extraStop;
  private final IterationListener listener;

  public SignDescent1D(ConvolutionSettings settings) {
    this(settings, null, IterationListener.none());
  }

  private SignDescent1D(ConvolutionSettings settings, StoppingRule extraStop, IterationListener listener) {
    this.settings = settings;
    this.extraStop = extraStop;
    this.listener = listener;
  }

  /** Adds a stopping rule (e.g. {@link StoppingRule#twoCycle()}) to the iteration budget. */
  public SignDescent1D withStoppingRule(StoppingRule rule) {
    return new SignDescent1D(settings, rule, listener);
  }

  public SignDescent1D withListener(IterationListener l) {
    return new SignDescent1D(settings, extraStop, l);
  }

  public SignDescent1D withSettings(ConvolutionSettings s) {
    return new SignDescent1D(s, extraStop, listener);
  }

  public ConvolutionSettings settings() {
    return settings;
  }

  @Override
  public String name() {
    return "alg1";
  }

  @Override
  public Optimum optimize(Problem problem, double[] start) {
    if (problem.dimension() != 1) {
      throw new IllegalArgumentException("Algorithm 1 is one-dimensional; problem '" + problem.name()
          + "' has dimension " + problem.dimension() + " (use ConvolutionDescent or a zigzag solver)");
    }
    problem.requireStart(start);
    RunContext run = RunContext.forIterations(problem, settings, extraStop, listener);
    Lattice1D lat = new Lattice1D(run, problem.box().lower(0), problem.box().upper(0), start[0], settings);

    long k = 0; // iterate index: theta = theta0 + k * eta
    double theta = lat.point(k);
    run.recordStart(new double[] {theta});
    StopReason reason;
    while (true) {
      double d = lat.slope(k);
      long next = lat.clampIndex(k - (long) Math.signum(d));
      double thetaNext = lat.point(next);
      Optional<StopReason> r = run.step(new double[] {theta}, new double[] {d}, new double[] {thetaNext});
      k = next;
      theta = thetaNext;
      if (r.isPresent()) {
        reason = r.get();
        break;
      }
    }
    Map<String, String> s = settings.describe(problem.box());
    s.put("shift_C", Double.toString(lat.lift.shift));
    s.put("coarse_cells", Integer.toString(lat.cells()));
    return run.finish(name(), new double[] {theta}, reason, s);
  }

  /**
   * The coarse cells, their lifted weights and prefix sums, and the fine window samples of one run.
   */
  static final class Lattice1D {
    private final RunContext run;
    private final double origin;
    private final double eta;
    private final double delta;
    private final double fineStep;
    private final int fineCount;
    private final double lo;
    private final double hi;
    private final long jMin; // first cell index inside the box
    private final double[] prefix; // prefix[i] = sum of weights of cells jMin .. jMin+i-1
    private final long kMin;
    private final long kMax;
    final LiftScale lift;
    private final Map<Long, Double> fineCache = new HashMap<>();

    Lattice1D(RunContext run, double lo, double hi, double origin, ConvolutionSettings s) {
      this.run = run;
      this.origin = origin;
      this.eta = s.eta();
      this.delta = s.delta();
      this.fineStep = s.fineStep();
      this.fineCount = 2 * s.fineStepsPerDelta();
      this.lo = lo;
      this.hi = hi;
      this.jMin = (long) Math.ceil((lo - origin) / eta - 1e-9);
      long jEnd = (long) Math.floor((hi - origin) / eta + 1e-9); // exclusive
      long cells = jEnd - jMin;
      if (cells < 1) {
        throw new IllegalArgumentException("step eta = " + eta + " is larger than the box [" + lo + ", " + hi
            + "]: no lattice cell fits");
      }
      if (cells > ConvolutionSettings.MAX_CELLS) {
        throw new IllegalArgumentException("the coarse grid would have " + cells + " cells (box width / eta),"
            + " more than the limit " + ConvolutionSettings.MAX_CELLS + "; use a larger eta");
      }
      int n = (int) cells;
      double[] f = new double[n];
      double fmin = Double.POSITIVE_INFINITY;
      double fmax = Double.NEGATIVE_INFINITY;
      double[] x = new double[1];
      for (int i = 0; i < n; i++) {
        x[0] = origin + (jMin + i + 0.5) * eta;
        f[i] = run.f.value(x);
        fmin = Math.min(fmin, f[i]);
        fmax = Math.max(fmax, f[i]);
      }
      this.lift = new LiftScale(fmin, fmax, s.shift(), s.power());
      this.prefix = new double[n + 1];
      // Kahan-compensated prefix sums: with large N the weights span many orders of magnitude.
      double sum = 0;
      double comp = 0;
      for (int i = 0; i < n; i++) {
        double y = lift.weight(f[i]) - comp;
        double tSum = sum + y;
        comp = (tSum - sum) - y;
        sum = tSum;
        prefix[i + 1] = sum;
      }
      this.kMin = (long) Math.ceil((lo - origin) / eta - 1e-9);
      this.kMax = (long) Math.floor((hi - origin) / eta + 1e-9);
    }

    int cells() {
      return prefix.length - 1;
    }

    double point(long k) {
      return origin + k * eta;
    }

    long clampIndex(long k) {
      return Math.max(kMin, Math.min(kMax, k));
    }

    /** Number of cells (from jMin) whose midpoint is strictly below x. */
    private int cellsBelow(double x) {
      // midpoint origin + (j + 0.5) eta < x  <=>  j < (x - origin)/eta - 0.5
      double u = (x - origin) / eta - 0.5;
      long j = (long) Math.ceil(u - 1e-9) - jMin; // cells jMin .. jMin+j-1 qualify
      return (int) Math.max(0, Math.min(cells(), j));
    }

    /** Number of cells whose midpoint is at most x. */
    private int cellsAtOrBelow(double x) {
      double u = (x - origin) / eta - 0.5;
      long j = (long) Math.floor(u + 1e-9) + 1 - jMin;
      return (int) Math.max(0, Math.min(cells(), j));
    }

    /** F'(θ_k) by eq. (16): L − R from the prefix sums, M on the fine window grid. */
    double slope(long k) {
      double theta = point(k);
      int nl = cellsBelow(theta - delta);
      int nr = cellsAtOrBelow(theta + delta);
      double left = eta * prefix[nl];
      double right = eta * (prefix[cells()] - prefix[nr]);
      return left - right + window(theta, k);
    }

    /**
     * M(θ) = (1/δ) ∫_{θ−δ}^{θ+δ} (θ − x) w(x) dx by the fine midpoint rule, inside the box only.
     * Fine points are indexed on the global grid origin + (i + ½)·h so that neighbouring windows
     * share samples (each point is evaluated once per run).
     */
    private double window(double theta, long k) {
      double m = 0;
      double[] x = new double[1];
      long first = Math.round((theta - delta - origin) / fineStep);
      for (int i = 0; i < fineCount; i++) {
        long idx = first + i;
        double xi = origin + (idx + 0.5) * fineStep;
        if (xi < lo || xi > hi) {
          continue;
        }
        x[0] = xi;
        m += (theta - xi) * lift.weight(fineValue(idx, x));
      }
      return m * fineStep / delta;
    }

    private double fineValue(long idx, double[] x) {
      Double v = fineCache.get(idx);
      if (v == null) {
        v = run.f.value(x);
        fineCache.put(idx, v);
      }
      return v;
    }
  }
}
