package io.convopt.solvers.conv.sampled;

import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.api.StopReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Sampled convolutional optimization: the convolution method with Monte Carlo integrals instead of
 * a grid, so its cost grows with the number of samples, not as m^d.
 *
 * <p><b>One descent.</b> In unit-cube coordinates (x = lower + u·width, so one rule serves every
 * box), a region (a cube of half-width r around a centre, cut to the box) is sampled with a
 * randomised quasi-Monte Carlo sequence ({@link QmcSequence}). All samples of the descent that lie
 * in the region, with multiple-importance weights for the regions they came from ({@link
 * SamplePool}), give a Monte Carlo estimate of F = g_δ * (f + C)^N on the region, and its minimiser
 * θ — the weighted geometric median of the lifted samples — by Weiszfeld's iteration ({@link
 * SurrogateEstimate}). f(θ) is evaluated (counted). The next region is centred at θ with r shrunk
 * by {@value #SHRINK}; δ = {@value #DELTA_FRACTION}·r follows the region, and N is raised as the
 * region shrinks (power continuation by effective sample size: N doubles until the lifted weights'
 * effective sample size is at most {@value #ESS_FRACTION} of the samples; N never decreases). When
 * f(θ) is far below the region's best sample (by more than {@value #SPLIT} of the region's f-range:
 * the surrogate's minimiser sits between several optima, the symmetric-optima failure of every
 * convex surrogate), the next region is centred at the best sample instead. The descent ends at r
 * &lt; {@value #MIN_RADIUS}.
 *
 * <p><b>Polish and restarts.</b> The descent's best point is polished by one BOBYQA run
 * (Nelder–Mead in 1-D; {@link LocalPolish}) with at most 20(d+1)² + 100 evaluations, its initial
 * trust radius the descent's last region half-width. Restarts then run until the budget is spent,
 * alternating two regimes: even restarts run the shrinking descent above, odd ones spend the same
 * number of samples on one stage over the whole box (one surrogate solve, then a polish with a wide
 * trust region, which sees a global bowl under the ripples as on Griewank or Styblinski–Tang);
 * samples per stage grow as (8 + 4d)·1.5^k (at most 20×) like IPOP's population; and every basin
 * already found (the polished best point of each earlier descent) is excluded — sample points
 * within its radius are skipped without being evaluated, so a restart does not return to it. The
 * radius is the distance the polish moved (a lower bound on the basin's size), clamped to
 * [MIN_RADIUS/2, MIN_RADIUS·√d]; MIN_RADIUS without polish. A descent whose region lies inside
 * known basins ends early.
 *
 * <p><b>Ablations</b> (same seeds): {@link #withRestarts(boolean) no restarts} (one descent and
 * polish, then stop with the budget left and stop reason {@link StopReason#CONVERGED}), {@link
 * #withPolish(boolean) no polish}, {@link #withContinuation(boolean) no continuation} (every
 * descent is one wide stage: the same number of samples on the whole box, one surrogate solve) and
 * {@link #withFixedPower fixed N}.
 *
 * <p>The start point is not used (the first region is the whole box). Every call of f is counted, f
 * is only evaluated inside the box, the budget (default 10^4·d) is never exceeded, the result is
 * the best point evaluated, and equal seeds give bit-identical runs. Immutable and thread-safe.
 */
public final class SampledConvolution implements Solver {

  public static final long DEFAULT_SEED = 20_261_203L;

  /** Region radius factor per stage. */
  public static final double SHRINK = 0.7;

  /** A descent ends when the region's half-width (unit cube) is below this. */
  public static final double MIN_RADIUS = 0.005;

  /** δ as a fraction of the region's half-width. */
  public static final double DELTA_FRACTION = 0.1;

  /** Target effective sample size of the lifted weights, as a fraction of the samples. */
  public static final double ESS_FRACTION = 0.4;

  /** Largest power N of the continuation. */
  public static final double MAX_POWER = 4096;

  /** f-range fraction below the region's best sample that flags a between-optima minimiser. */
  public static final double SPLIT = 0.25;

  private final long maxEvaluations;
  private final long seed;
  private final boolean restarts;
  private final boolean polish;
  private final boolean continuation;
  private final double fixedPower; // NaN: power continuation

  /** Budget 10^4·d, seed {@link #DEFAULT_SEED}, restarts, polish and power continuation on. */
  public SampledConvolution() {
    this(0, DEFAULT_SEED, true, true, true, Double.NaN);
  }

  private SampledConvolution(
      long maxEvaluations,
      long seed,
      boolean restarts,
      boolean polish,
      boolean continuation,
      double fixedPower) {
    this.maxEvaluations = maxEvaluations;
    this.seed = seed;
    this.restarts = restarts;
    this.polish = polish;
    this.continuation = continuation;
    this.fixedPower = fixedPower;
  }

  /** Evaluation budget ≥ 1 (every call of f). */
  public SampledConvolution withMaxEvaluations(long budget) {
    if (budget < 1) {
      throw new IllegalArgumentException("evaluation budget must be >= 1, got " + budget);
    }
    return new SampledConvolution(budget, seed, restarts, polish, continuation, fixedPower);
  }

  public SampledConvolution withSeed(long s) {
    return new SampledConvolution(maxEvaluations, s, restarts, polish, continuation, fixedPower);
  }

  /** With false: one descent (and polish), then stop with the rest of the budget unused. */
  public SampledConvolution withRestarts(boolean on) {
    return new SampledConvolution(maxEvaluations, seed, on, polish, continuation, fixedPower);
  }

  /** With false: no local polish; the budget goes to descents only. */
  public SampledConvolution withPolish(boolean on) {
    return new SampledConvolution(maxEvaluations, seed, restarts, on, continuation, fixedPower);
  }

  /** With false: one stage per descent (no shrinking region, one surrogate solve). */
  public SampledConvolution withContinuation(boolean on) {
    return new SampledConvolution(maxEvaluations, seed, restarts, polish, on, fixedPower);
  }

  /** A fixed power N &gt; 0 instead of the effective-sample-size continuation. */
  public SampledConvolution withFixedPower(double n) {
    if (!(n > 0) || Double.isInfinite(n)) {
      throw new IllegalArgumentException("fixed power N must be finite and > 0, got " + n);
    }
    return new SampledConvolution(maxEvaluations, seed, restarts, polish, continuation, n);
  }

  @Override
  public String name() {
    return "conv-sampled";
  }

  /** Samples per stage of restart k in dimension d: (8 + 4d)·1.5^k, at most 20·(8 + 4d). */
  static int samplesPerStage(int d, int restart) {
    int m0 = 8 + 4 * d;
    return (int) Math.min(20.0 * m0, Math.round(m0 * Math.pow(1.5, restart)));
  }

  /** Stages of one descent from radius ½ to {@link #MIN_RADIUS}. */
  static int stagesPerDescent() {
    return (int) Math.ceil(Math.log(MIN_RADIUS / 0.5) / Math.log(SHRINK));
  }

  /** Evaluation cap of one polish: 20(d+1)² + 100. */
  static long polishCap(int d) {
    return 20L * (d + 1) * (d + 1) + 100;
  }

  @Override
  public Optimum optimize(Problem problem, double[] start) {
    problem.requireStart(start);
    int d = problem.dimension();
    long budget = maxEvaluations > 0 ? maxEvaluations : 10_000L * d;
    long t0 = System.nanoTime();
    CountedRun run = new CountedRun(problem, budget);
    SplittableRandom rng = new SplittableRandom(seed);
    Tally tally = new Tally();
    List<Basin> basins = new ArrayList<>();
    StopReason reason;
    String detail;
    try {
      for (int k = 0; ; k++) {
        run.markRestart();
        Descent descent = descend(run, rng.split(), k, basins, tally);
        tally.descents++;
        double[] found = run.localBestU();
        if (found != null) {
          double basinRadius = MIN_RADIUS;
          if (polish) {
            tally.polishEvaluations += LocalPolish.run(run, found, descent.radius, polishCap(d));
            double[] polished = run.localBestU();
            basinRadius =
                Math.min(
                    MIN_RADIUS * Math.sqrt(d), Math.max(MIN_RADIUS / 2, distance(found, polished)));
            found = polished;
          }
          basins.add(new Basin(found, basinRadius));
        }
        if (!restarts) {
          reason = StopReason.CONVERGED;
          detail =
              "restarts off: one descent"
                  + (polish ? " and polish" : "")
                  + " done, "
                  + run.remaining()
                  + " evaluations left";
          break;
        }
      }
    } catch (CountedRun.Exhausted e) {
      reason = StopReason.EVALUATION_BUDGET;
      detail = "budget used";
    }
    double[] bestU = run.bestU();
    if (bestU == null) {
      throw new IllegalArgumentException(
          "evaluation budget " + budget + " ended the run before f was evaluated");
    }
    Map<String, String> s = new LinkedHashMap<>();
    s.put("maxEvaluations", Long.toString(budget));
    s.put("seed", Long.toString(seed));
    s.put("samples_per_stage", (8 + 4 * d) + " x 1.5^restart (<= 20x)");
    s.put("shrink", Double.toString(SHRINK));
    s.put("min_radius", Double.toString(MIN_RADIUS));
    s.put("delta", DELTA_FRACTION + " x region half-width");
    s.put(
        "power",
        Double.isNaN(fixedPower)
            ? "continuation: ESS <= " + ESS_FRACTION + " x samples, N <= " + MAX_POWER
            : "fixed " + fixedPower);
    s.put("restarts", Boolean.toString(restarts));
    s.put(
        "polish",
        polish ? (d >= 2 ? "bobyqa" : "nelder-mead") + " <= " + polishCap(d) + " evals" : "off");
    s.put("continuation", Boolean.toString(continuation));
    s.put("descents", Integer.toString(tally.descents));
    s.put("stages", Long.toString(tally.stages));
    s.put("splits", Long.toString(tally.splits));
    s.put("polish_evaluations", Long.toString(tally.polishEvaluations));
    s.put("last_power", Double.toString(tally.lastPower));
    s.put("stop_detail", detail);
    return new Optimum(
        name(),
        run.toBox(bestU),
        run.bestF(),
        tally.stages,
        run.evaluations(),
        System.nanoTime() - t0,
        reason,
        List.of(),
        s);
  }

  private static final class Tally {
    int descents;
    long stages;
    long splits;
    long polishEvaluations;
    double lastPower = Double.NaN;
  }

  private record Descent(double radius) {}

  /** A basin already found: its best point and the radius of the ball excluded from sampling. */
  private record Basin(double[] centre, double radius) {}

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  private Descent descend(
      CountedRun run, SplittableRandom rng, int k, List<Basin> basins, Tally tally) {
    int d = run.dimension();
    QmcSequence seq = new QmcSequence(d, rng);
    double[] centre = new double[d];
    java.util.Arrays.fill(centre, 0.5);
    double radius = 0.5;
    // Even restarts shrink (continuation); odd ones spend the same samples on one wide stage.
    boolean shrink = continuation && k % 2 == 0;
    int m = samplesPerStage(d, k);
    if (!shrink) {
      m *= stagesPerDescent();
    }
    boolean adaptive = Double.isNaN(fixedPower);
    double power = adaptive ? 1 : fixedPower;
    SamplePool pool = new SamplePool();
    while (true) {
      Region region = Region.around(centre, radius);
      List<double[]> us = draw(seq, region, m, basins);
      if (us.size() < (m + 1) / 2) {
        break; // the region lies (mostly) inside known basins
      }
      double[] fs = new double[us.size()];
      for (int j = 0; j < fs.length; j++) {
        fs[j] = run.value(us.get(j));
      }
      pool.addStage(region, us, fs);
      tally.stages++;
      SamplePool.Restricted in = pool.restrictTo(region);
      int best = 0;
      int worst = 0;
      for (int j = 1; j < in.size(); j++) {
        best = in.f()[j] > in.f()[best] ? j : best;
        worst = in.f()[j] < in.f()[worst] ? j : worst;
      }
      double[] bestU = in.point(best);
      SurrogateEstimate est =
          SurrogateEstimate.solve(
              in, DELTA_FRACTION * radius, power, adaptive, ESS_FRACTION, MAX_POWER, bestU);
      power = est.power();
      tally.lastPower = power;
      double[] theta = CountedRun.clip(est.theta());
      double fTheta = run.value(theta);
      double fBest = in.f()[best];
      centre = theta;
      if (fBest - fTheta > SPLIT * (fBest - in.f()[worst])) {
        tally.splits++;
        centre = bestU;
      }
      radius *= SHRINK;
      if (!shrink || radius < MIN_RADIUS) {
        break;
      }
    }
    return new Descent(Math.max(radius, MIN_RADIUS * SHRINK));
  }

  /** Up to m sequence points of the region outside every tabu ball (at most 20m draws). */
  private static List<double[]> draw(QmcSequence seq, Region region, int m, List<Basin> basins) {
    List<double[]> us = new ArrayList<>(m);
    for (int attempt = 0; attempt < 20 * m && us.size() < m; attempt++) {
      double[] u = region.at(seq.next());
      if (!nearAny(u, basins)) {
        us.add(u);
      }
    }
    return us;
  }

  private static boolean nearAny(double[] u, List<Basin> basins) {
    for (Basin basin : basins) {
      double[] b = basin.centre();
      double r2 = basin.radius() * basin.radius();
      double s = 0;
      for (int i = 0; i < u.length && s <= r2; i++) {
        s += (u[i] - b[i]) * (u[i] - b[i]);
      }
      if (s <= r2) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "SampledConvolution[restarts=%s, polish=%s, continuation=%s, power=%s]",
        restarts,
        polish,
        continuation,
        Double.isNaN(fixedPower) ? "continuation" : fixedPower);
  }
}
