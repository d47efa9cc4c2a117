package io.convopt.experiments.compare;

import io.convopt.experiments.data.TrainTestSplit;
import io.convopt.experiments.data.WindowedRegression;
import io.convopt.solvers.nonconvex.NonConvexConfig;
import io.convopt.solvers.relu.ReluSolverSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The grid of {@code compare-training}: datasets × β × seeds × methods (× learning rates for SGD
 * and Adam). Immutable; the constructor validates every field ({@link IllegalArgumentException}).
 *
 * <p><b>Width rule.</b> The non-convex network gets {@code m = 2 P} hidden units, P the number of
 * gates drawn for the convex programs: CR has two blocks (v_i, w_i) per pattern, so its recovered
 * network has at most 2P' ≤ 2P neurons, and the SGD/Adam network can represent it exactly — the
 * non-convex model class contains the convex solution, so any gap in training objective is an
 * optimisation gap, not a capacity gap.
 *
 * <p><b>Scaling.</b> Every method minimises ½ Σ_k (f(x_k) − y_k)² + (β/2) Σ_j (‖w1_j‖² + w2_j²)
 * (the convex programs' scaling: loss summed over rows, ½ on the squared loss) on the standardised
 * training data with a bias column; β is on this summed scale (it is not divided by n).
 *
 * @param datasets dataset names of the catalog (e.g. iris, ecg)
 * @param betas weight-decay values β &gt;= 0
 * @param methods methods to run
 * @param learningRates SGD/Adam learning rates (on the 1/n-normalised gradient, see {@link
 *     NonConvexConfig})
 * @param seeds seeds: SGD/Adam initialisation and batch order; convex pattern sampling
 * @param patternDraws gates drawn for the convex programs (P)
 * @param epochs SGD/Adam epochs
 * @param batchFraction SGD/Adam mini-batch size as a fraction of the training rows
 * @param convexMaxIterations cap of solver iterations (R-FISTA iterations or Newton steps) per
 *     convex solve
 * @param convexTimeBudget seconds after which a convex cell's budget schedule stops growing
 * @param convexTolerance relative duality-gap / KKT tolerance of the convex solvers
 * @param splitSeed seed of the 80/20 train/test split
 * @param testFraction test fraction
 * @param window ECG window length
 * @param stride ECG window stride
 * @param crSolver solver of the CR program (CG is always solved by R-FISTA)
 */
public record CompareSpec(
    List<String> datasets,
    List<Double> betas,
    List<Method> methods,
    List<Double> learningRates,
    List<Long> seeds,
    int patternDraws,
    int epochs,
    double batchFraction,
    int convexMaxIterations,
    double convexTimeBudget,
    double convexTolerance,
    long splitSeed,
    double testFraction,
    int window,
    int stride,
    CrSolver crSolver) {

  public CompareSpec {
    datasets = List.copyOf(datasets);
    betas = List.copyOf(betas);
    methods = List.copyOf(methods);
    learningRates = List.copyOf(learningRates);
    seeds = List.copyOf(seeds);
    if (datasets.isEmpty()) {
      throw new IllegalArgumentException("--datasets: at least one dataset is needed");
    }
    if (betas.isEmpty() || seeds.isEmpty() || methods.isEmpty()) {
      throw new IllegalArgumentException("betas, seeds and methods must be non-empty");
    }
    for (double b : betas) {
      if (!(b >= 0) || Double.isInfinite(b)) {
        throw new IllegalArgumentException("--betas: each beta must be finite and >= 0, got " + b);
      }
    }
    boolean nonConvex = methods.stream().anyMatch(m -> !m.isConvex());
    if (nonConvex && learningRates.isEmpty()) {
      throw new IllegalArgumentException("--lr: SGD/Adam need at least one learning rate");
    }
    for (double lr : learningRates) {
      if (!(lr > 0) || Double.isInfinite(lr)) {
        throw new IllegalArgumentException(
            "--lr: learning rates must be finite and > 0, got " + lr);
      }
    }
    if (methods.contains(Method.CR_ROBUST)) {
      Method.parse(Method.CR_ROBUST.id()); // throws the message pointing to compare-robust
    }
    if (patternDraws < 1 || patternDraws > 100_000) {
      throw new IllegalArgumentException("--patterns: must be in 1..100000, got " + patternDraws);
    }
    if (!(convexTimeBudget > 0) || Double.isInfinite(convexTimeBudget)) {
      throw new IllegalArgumentException(
          "--convex-seconds: must be finite and > 0, got " + convexTimeBudget);
    }
    if (crSolver == null) {
      throw new IllegalArgumentException("--cr-solver: missing (auto, al or ipm)");
    }
    if (crSolver == CrSolver.ipm && methods.contains(Method.CR)) {
      for (double b : betas) {
        if (!(b > 0)) {
          throw new IllegalArgumentException(
              "--cr-solver ipm needs every beta > 0 (got "
                  + b
                  + "); use --cr-solver al for beta = 0");
        }
      }
    }
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
    }
    // epochs, batch fraction, width: validated by NonConvexConfig; solver settings by their record
    // (fields are assigned after this compact constructor: use the parameters, not the accessors)
    NonConvexConfig.defaults()
        .withWidth(2 * patternDraws)
        .withEpochs(epochs)
        .withBatchFraction(batchFraction);
    ReluSolverSettings.defaults()
        .withTolerance(convexTolerance)
        .withMaxIterations(convexMaxIterations);
  }

  /** Hidden units of the SGD/Adam network: 2 P (see the class comment). */
  public int width() {
    return 2 * patternDraws;
  }

  /**
   * Settings of the convex solvers (tolerance, iteration cap; other values are the solvers'
   * defaults).
   */
  public ReluSolverSettings solverSettings() {
    return ReluSolverSettings.defaults()
        .withTolerance(convexTolerance)
        .withMaxIterations(convexMaxIterations);
  }

  /**
   * The {@code --quick} preset: iris (3 classes, one-vs-all) and cpu_performance (regression), β ∈
   * {0.1, 1}, seeds 1, 2, P = 8 (width 16), SGD/Adam with η ∈ {0.01, 0.1} for 30 epochs, convex
   * solves capped at 20 000 iterations and 2 s per cell; CR by the automatic choice.
   */
  public static CompareSpec quick() {
    return new CompareSpec(
        List.of("iris", "cpu_performance"),
        List.of(0.1, 1.0),
        Method.defaults(),
        List.of(0.01, 0.1),
        List.of(1L, 2L),
        8,
        30,
        0.1,
        20_000,
        2.0,
        1e-6,
        TrainTestSplit.DEFAULT_SEED,
        TrainTestSplit.DEFAULT_TEST_FRACTION,
        WindowedRegression.DEFAULT_WINDOW,
        WindowedRegression.DEFAULT_STRIDE,
        CrSolver.auto);
  }

  /**
   * The full preset: ten datasets (seven classification, two regression, the ECG next-sample task),
   * β ∈ {0.1, 1, 10}, seeds 1..3, P = 16 (width 32), η ∈ {0.01, 0.1, 1}, 100 epochs, convex cells
   * capped at 100 000 iterations and 3 s, CR by the automatic choice (about 15 minutes on a shared
   * 2-core machine).
   */
  public static CompareSpec full() {
    return new CompareSpec(
        List.of(
            "iris",
            "wine",
            "glass",
            "sonar",
            "ionosphere",
            "breast_cancer_wdbc",
            "vehicle",
            "cpu_performance",
            "diabetes",
            "ecg"),
        List.of(0.1, 1.0, 10.0),
        Method.defaults(),
        List.of(0.01, 0.1, 1.0),
        List.of(1L, 2L, 3L),
        16,
        100,
        0.1,
        100_000,
        3.0,
        1e-6,
        TrainTestSplit.DEFAULT_SEED,
        TrainTestSplit.DEFAULT_TEST_FRACTION,
        WindowedRegression.DEFAULT_WINDOW,
        WindowedRegression.DEFAULT_STRIDE,
        CrSolver.auto);
  }

  /** A copy with other datasets, betas, seeds or methods (null keeps the current value). */
  public CompareSpec with(List<String> ds, List<Double> bs, List<Long> ss, List<Method> ms) {
    return new CompareSpec(
        ds != null ? ds : datasets,
        bs != null ? bs : betas,
        ms != null ? ms : methods,
        learningRates,
        ss != null ? ss : seeds,
        patternDraws,
        epochs,
        batchFraction,
        convexMaxIterations,
        convexTimeBudget,
        convexTolerance,
        splitSeed,
        testFraction,
        window,
        stride,
        crSolver);
  }

  /** A copy with another CR solver. */
  public CompareSpec withCrSolver(CrSolver s) {
    return new CompareSpec(
        datasets,
        betas,
        methods,
        learningRates,
        seeds,
        patternDraws,
        epochs,
        batchFraction,
        convexMaxIterations,
        convexTimeBudget,
        convexTolerance,
        splitSeed,
        testFraction,
        window,
        stride,
        s);
  }

  /** Number of grid cells (runs). */
  public long cells() {
    long perSeed = 0;
    for (Method m : methods) {
      perSeed += m.isConvex() ? 1 : learningRates.size();
    }
    return (long) datasets.size() * betas.size() * seeds.size() * perSeed;
  }

  /** Every parameter as key/value pairs, for the provenance file. */
  public Map<String, String> parameters() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("datasets", String.join(";", datasets));
    m.put("betas", join(betas));
    m.put("methods", String.join(";", methods.stream().map(Method::id).toList()));
    m.put("learning_rates", join(learningRates));
    m.put("seeds", join(seeds));
    m.put("pattern_draws", Integer.toString(patternDraws));
    m.put("width_rule", "m = 2 * pattern_draws = " + width());
    m.put(
        "loss",
        "0.5 * sum of squared errors + (beta/2) * sum of squared weights (summed, not averaged)");
    m.put("epochs", Integer.toString(epochs));
    m.put("batch_fraction", Double.toString(batchFraction));
    m.put("cr_solver", crSolver.name());
    m.put("cr_solver_description", crSolver.describe());
    m.put("cg_solver", "rfista (R-FISTA, io.convopt.solvers.relu.solve.ProximalGradientSolver)");
    m.put("convex_max_iterations", Integer.toString(convexMaxIterations));
    m.put("convex_iteration_unit", "cg: R-FISTA iterations; cr: " + crSolver.iterationUnit());
    m.put("convex_time_budget_seconds", Double.toString(convexTimeBudget));
    m.put("convex_tolerance", Double.toString(convexTolerance));
    m.put(
        "convex_budget_schedule",
        "cg: "
            + ConvexTraining.FIRST_BUDGET
            + " * "
            + ConvexTraining.BUDGET_GROWTH
            + "^k; cr: "
            + crSolver.firstBudget()
            + " * "
            + ConvexTraining.BUDGET_GROWTH
            + "^k");
    m.put("split_seed", Long.toString(splitSeed));
    m.put("test_fraction", Double.toString(testFraction));
    m.put("ecg_window", Integer.toString(window));
    m.put("ecg_stride", Integer.toString(stride));
    return m;
  }

  private static String join(List<?> values) {
    StringBuilder sb = new StringBuilder();
    for (Object v : values) {
      sb.append(sb.length() == 0 ? "" : ";").append(String.format(Locale.ROOT, "%s", v));
    }
    return sb.toString();
  }
}
