package io.convopt.experiments.compare;

import io.convopt.experiments.data.TrainTestSplit;
import io.convopt.experiments.data.WindowedRegression;
import io.convopt.solvers.nonconvex.NonConvexConfig;
import io.convopt.solvers.relu.ReluSolverSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The grid of {@code compare-training}: datasets × β × seeds × methods (× learning rates for SGD
 * and Adam). Immutable; the constructor validates every field ({@link IllegalArgumentException}).
 *
 * <p><b>Width rule.</b> The non-convex network gets {@code m = 2 P_CR} hidden units, P_CR the
 * number of patterns drawn for the constrained program: CR has two blocks (v_i, w_i) per pattern,
 * so its recovered network has at most 2 P_CR neurons, and the SGD/Adam network can represent it
 * exactly — the non-convex model class contains the CR solution, so any gap between CR and SGD/Adam
 * in training objective is an optimisation gap, not a capacity gap. The gated program CG draws its
 * own number of gates P_CG (the reference implementation uses P_CG = 2 P_CR, so its gated network
 * has as many neurons as the SGD/Adam network).
 *
 * <p><b>Scaling.</b> Every method minimises ½ Σ_k (f(x_k) − y_k)² + (β/2) Σ_j (‖w1_j‖² + w2_j²)
 * (the convex programs' scaling: loss summed over rows, ½ on the squared loss) on the standardised
 * training data with a bias column; β is on this summed scale (it is not divided by n).
 *
 * <p><b>Time budget.</b> Every cell — a convex solve or one SGD/Adam run at one learning rate —
 * gets the same wall-clock budget {@link #secondsFor(int)}: {@code cellSeconds} times the number of
 * training rows over {@value #BUDGET_ROWS}, clamped to [1, {@value #MAX_BUDGET_FACTOR}] (so the
 * large sets get more time, within a bound). A multi-class cell splits it evenly over its K
 * one-vs-all programs. A convex solve stops at its certificate tolerance, its iteration cap or the
 * budget; SGD/Adam after their epochs or at the first step that reaches the budget.
 *
 * @param datasets dataset names of the catalog (e.g. iris, ecg)
 * @param betas weight-decay values β &gt;= 0
 * @param methods methods to run
 * @param learningRates SGD/Adam learning rates (on the 1/n-normalised gradient, see {@link
 *     NonConvexConfig})
 * @param seeds seeds: SGD/Adam initialisation and batch order; convex pattern sampling
 * @param patternDraws gates drawn for the gated program CG (P_CG)
 * @param crPatternDraws patterns drawn for the constrained program CR (P_CR; width 2 P_CR)
 * @param crMaxRows CR runs only on datasets with at most this many training rows (0: on all); its
 *     cells on larger sets are written as skipped, with no objective, and left out of every summary
 * @param epochs SGD/Adam epochs
 * @param batchFraction SGD/Adam mini-batch size as a fraction of the training rows
 * @param convexMaxIterations cap of solver iterations (R-FISTA iterations, ADMM iterations or
 *     Newton steps) per convex solve
 * @param cellSeconds base wall-clock budget of one cell (see the class comment)
 * @param convexTolerance relative duality-gap / KKT tolerance of the convex solvers
 * @param splitSeed seed of the 80/20 train/test split
 * @param testFraction test fraction
 * @param window ECG window length
 * @param stride ECG window stride (1: every window of the series)
 * @param crSolver solver of the CR program (CG is always solved by R-FISTA)
 */
public record CompareSpec(
    List<String> datasets,
    List<Double> betas,
    List<Method> methods,
    List<Double> learningRates,
    List<Long> seeds,
    int patternDraws,
    int crPatternDraws,
    int crMaxRows,
    int epochs,
    double batchFraction,
    int convexMaxIterations,
    double cellSeconds,
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
    if (crPatternDraws < 1 || crPatternDraws > 100_000) {
      throw new IllegalArgumentException(
          "--cr-patterns: must be in 1..100000, got " + crPatternDraws);
    }
    if (crMaxRows < 0) {
      throw new IllegalArgumentException("--cr-max-rows: must be >= 0, got " + crMaxRows);
    }
    if (!(cellSeconds > 0) || Double.isInfinite(cellSeconds)) {
      throw new IllegalArgumentException(
          "--cell-seconds: must be finite and > 0, got " + cellSeconds);
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
        .withWidth(2 * crPatternDraws)
        .withEpochs(epochs)
        .withBatchFraction(batchFraction);
    ReluSolverSettings.defaults()
        .withTolerance(convexTolerance)
        .withMaxIterations(convexMaxIterations);
  }

  /** Training rows at and below which a cell gets the base budget {@code cellSeconds}. */
  public static final int BUDGET_ROWS = 1000;

  /** Largest multiple of {@code cellSeconds} a cell gets (at 8 000 training rows and more). */
  public static final int MAX_BUDGET_FACTOR = 8;

  /** Hidden units of the SGD/Adam network: 2 P_CR (see the class comment). */
  public int width() {
    return 2 * crPatternDraws;
  }

  /** Patterns (gates) drawn for a convex method: P_CG for CG, P_CR for CR. */
  public int patternsFor(Method method) {
    return method == Method.CR ? crPatternDraws : patternDraws;
  }

  /**
   * Wall-clock budget of one cell on a dataset with {@code trainingRows} rows: cellSeconds ×
   * clamp(rows / {@value #BUDGET_ROWS}, 1, {@value #MAX_BUDGET_FACTOR}).
   */
  public double secondsFor(int trainingRows) {
    double factor = Math.min(MAX_BUDGET_FACTOR, Math.max(1.0, trainingRows / (double) BUDGET_ROWS));
    return cellSeconds * factor;
  }

  /**
   * Settings of the convex solvers (tolerance, iteration cap; other values are the solvers'
   * defaults; the time limit is set per cell).
   */
  public ReluSolverSettings solverSettings() {
    return ReluSolverSettings.defaults()
        .withTolerance(convexTolerance)
        .withMaxIterations(convexMaxIterations);
  }

  /**
   * The {@code --quick} preset: iris (3 classes, one-vs-all) and cpu_performance (regression), β ∈
   * {0.1, 1}, seeds 1, 2, P_CG = P_CR = 8 (width 16), SGD/Adam with η ∈ {0.01, 0.1} for 30 epochs,
   * convex solves capped at 20 000 iterations, 2 s per cell; CR by the automatic choice.
   */
  public static CompareSpec quick() {
    return new CompareSpec(
        List.of("iris", "cpu_performance"),
        List.of(0.1, 1.0),
        Method.defaults(),
        List.of(0.01, 0.1),
        List.of(1L, 2L),
        8,
        8,
        0,
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

  /** The datasets of the field preset: every shipped classification set and the full ECG. */
  public static final List<String> FIELD_DATASETS =
      List.of(
          "iris",
          "wine",
          "glass",
          "sonar",
          "ionosphere",
          "breast_cancer_wdbc",
          "vehicle",
          "digits_8x8",
          "spambase",
          "ecg");

  /**
   * The full preset, at the field's protocol (the reference implementation's pattern counts): P_CG
   * = 5 000 gates for the gated program and P_CR = 2 500 patterns for CR (SGD/Adam width 5 000), on
   * every shipped classification set (multi-class one-vs-all) and the ECG next-sample regression
   * with every window (length 32, stride 1); SGD/Adam with η ∈ {1e-4, 1e-3, 0.01, 0.1, 1} (the two
   * small rates added for the width of 5 000, at which η ≥ 0.01 diverges or stalls) for up to 100
   * epochs, convex solves to a 1e-6 certificate; every cell within 20 s × clamp(rows / 1000, 1, 8)
   * of wall time. Cut to fit one hour on two cores: β = 1 only (not 0.1, 10) and seed 1 only (not
   * 1..3); see {@link #cuts()}.
   */
  public static CompareSpec full() {
    return new CompareSpec(
        FIELD_DATASETS,
        List.of(1.0),
        Method.defaults(),
        List.of(0.0001, 0.001, 0.01, 0.1, 1.0),
        List.of(1L),
        5000,
        2500,
        5000,
        100,
        0.1,
        1_000_000,
        20.0,
        1e-6,
        TrainTestSplit.DEFAULT_SEED,
        TrainTestSplit.DEFAULT_TEST_FRACTION,
        WindowedRegression.DEFAULT_WINDOW,
        1,
        CrSolver.auto);
  }

  /**
   * What this grid leaves out of the field's protocol (P_CG = 5 000, P_CR = 2 500, every shipped
   * classification set and the full ECG, β ∈ {0.1, 1, 10}, three seeds, every solver to its
   * tolerance): one phrase per cut, empty when nothing is cut. The per-cell time budget is always a
   * cut.
   */
  public List<String> cuts() {
    List<String> out = new ArrayList<>();
    if (patternDraws < 5000 || crPatternDraws < 2500) {
      out.add("fewer patterns (P_CG " + patternDraws + ", P_CR " + crPatternDraws + ")");
    }
    List<String> missing = new ArrayList<>(FIELD_DATASETS);
    missing.removeAll(datasets);
    if (!missing.isEmpty()) {
      out.add("datasets left out: " + String.join(", ", missing));
    }
    if (datasets.contains("ecg") && stride > 1) {
      out.add("ECG windows at stride " + stride + " (not every window)");
    }
    List<Double> betasLeft = new ArrayList<>(List.of(0.1, 1.0, 10.0));
    betasLeft.removeAll(betas);
    if (!betasLeft.isEmpty()) {
      out.add("betas left out: " + join(betasLeft).replace(";", ", "));
    }
    if (crMaxRows > 0 && methods.contains(Method.CR)) {
      out.add(
          "CR only on datasets with at most "
              + crMaxRows
              + " training rows (the full ECG: ADMM's n x 2 P_CR multipliers alone would take"
              + " 3.5 GB at P_CR = 2500)");
    }
    if (seeds.size() < 3) {
      out.add(seeds.size() + " seed(s) instead of 3");
    }
    out.add(
        String.format(
            Locale.ROOT,
            "a wall-clock budget per cell (%s s x clamp(training rows / %d, 1, %d)) instead of"
                + " every solver to its tolerance and SGD/Adam for all %d epochs",
            cellSeconds,
            BUDGET_ROWS,
            MAX_BUDGET_FACTOR,
            epochs));
    return out;
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
        crPatternDraws,
        crMaxRows,
        epochs,
        batchFraction,
        convexMaxIterations,
        cellSeconds,
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
        crPatternDraws,
        crMaxRows,
        epochs,
        batchFraction,
        convexMaxIterations,
        cellSeconds,
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
    m.put("pattern_draws_cg", Integer.toString(patternDraws));
    m.put("pattern_draws_cr", Integer.toString(crPatternDraws));
    m.put("cr_max_training_rows", crMaxRows == 0 ? "none" : Integer.toString(crMaxRows));
    m.put("width_rule", "m = 2 * pattern_draws_cr = " + width());
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
    m.put("cell_seconds", Double.toString(cellSeconds));
    m.put(
        "cell_budget_rule",
        "cell_seconds * clamp(training rows / "
            + BUDGET_ROWS
            + ", 1, "
            + MAX_BUDGET_FACTOR
            + "), split over the K one-vs-all programs; convex: solver time limit; SGD/Adam:"
            + " wall time, checked after each step");
    m.put("convex_tolerance", Double.toString(convexTolerance));
    m.put("cuts_from_field_protocol", String.join("; ", cuts()));
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
