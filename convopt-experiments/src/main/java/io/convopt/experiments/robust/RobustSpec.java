package io.convopt.experiments.robust;

import io.convopt.experiments.data.TrainTestSplit;
import io.convopt.experiments.io.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The grid of {@code compare-robust}: datasets × seeds × methods, each trained network attacked at
 * every radius of the ε grid. Immutable; the constructor validates every field ({@link
 * IllegalArgumentException} naming the option).
 *
 * <p><b>Same model, same scaling.</b> Every method trains a two-layer ReLU network on the
 * standardised training features with a bias column (never perturbed), hinge loss summed over the
 * training rows, and weight β on the summed scale: β Σ (‖v_i‖ + ‖w_i‖) in the convex programs,
 * which is (β/2) Σ_j (‖w1_j‖² + w2_j²) for the recovered network (the two are equal at the
 * optimum), the weight decay SGD uses. SGD gets width {@code m = 2P}, the most neurons the convex
 * programs on P patterns can recover. Differences that the formulations force: the convex programs
 * restrict the network to the P sampled patterns (the robust one additionally keeps each training
 * pattern constant on the ball, (2d − 1) x·v ≥ ε ‖v‖₁, and minimises the closed-form worst-case
 * hinge, an upper bound of the adversarial loss), while SGD-PGD minimises a PGD estimate of the
 * adversarial loss (a lower bound of it). The convex programs' first gate is the bias-only gate
 * (all-active pattern, see {@link RobustTraining#patterns}); without it the robust program's
 * optimum was the zero network on ionosphere, since the robust cones of random patterns on a few
 * hundred rows are {0}.
 *
 * <p><b>Radii.</b> ε is in the units of the standardised features (training mean and s.d.), ℓ∞ over
 * every feature column.
 *
 * @param datasets binary classification datasets of the catalog
 * @param methods methods to run
 * @param epsGrid attack radii (sorted, distinct, ≥ 0)
 * @param epsTrain training radius of cr-robust and sgd-pgd (&gt; 0)
 * @param beta weight β ≥ 0 on the summed objective
 * @param patternDraws gates drawn for the convex programs (P); SGD width 2P
 * @param seeds seeds: pattern sampling (convex), initialisation and batch order (SGD)
 * @param learningRate SGD step size on the 1/n-normalised gradient (fixed, not tuned)
 * @param epochs SGD epochs
 * @param batchFraction SGD mini-batch size as a fraction of the training rows
 * @param maxTrainRows training rows used (0: all); a larger training part is subsampled by a
 *     permutation seeded with the split seed, the same rows for every method and seed, to keep the
 *     dense robust program small
 * @param trainPgdSteps PGD steps per mini-batch in sgd-pgd
 * @param evalPgdSteps PGD steps of the evaluation attack
 * @param evalRestarts starts of the evaluation attack (the clean point, then random points)
 * @param attackSeed seed of the evaluation attack (the same for every network and radius)
 * @param admmMaxIterations Newton-step budget of the robust solver (the interior-point method; the
 *     name is kept from the robust ADMM it replaced)
 * @param admmTolerance relative duality gap at which the robust solver stops
 * @param alMaxIterations Newton-step budget of the CR solver (the interior-point method; the name
 *     is kept from the augmented Lagrangian it replaced)
 * @param alTolerance certified relative gap of the CR solver
 * @param splitSeed seed of the stratified train/test split
 * @param testFraction test fraction
 */
public record RobustSpec(
    List<String> datasets,
    List<RobustMethod> methods,
    List<Double> epsGrid,
    double epsTrain,
    double beta,
    int patternDraws,
    List<Long> seeds,
    double learningRate,
    int epochs,
    double batchFraction,
    int maxTrainRows,
    int trainPgdSteps,
    int evalPgdSteps,
    int evalRestarts,
    long attackSeed,
    int admmMaxIterations,
    double admmTolerance,
    int alMaxIterations,
    double alTolerance,
    long splitSeed,
    double testFraction) {

  public RobustSpec {
    datasets = List.copyOf(datasets);
    methods = List.copyOf(methods);
    seeds = List.copyOf(seeds);
    if (datasets.isEmpty()) {
      throw new IllegalArgumentException("--datasets: at least one dataset is needed");
    }
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("--methods: at least one method is needed");
    }
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("--repeats: at least one seed is needed");
    }
    if (epsGrid == null || epsGrid.isEmpty()) {
      throw new IllegalArgumentException("--eps: at least one radius is needed");
    }
    TreeSet<Double> sorted = new TreeSet<>();
    for (Double e : epsGrid) {
      if (e == null || !(e >= 0) || Double.isInfinite(e)) {
        throw new IllegalArgumentException("--eps: radii must be finite and >= 0, got " + e);
      }
      sorted.add(e == 0 ? 0.0 : e);
    }
    epsGrid = List.copyOf(new ArrayList<>(sorted));
    if (!(epsTrain > 0) || Double.isInfinite(epsTrain)) {
      throw new IllegalArgumentException("--eps-train: must be finite and > 0, got " + epsTrain);
    }
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("--beta: must be finite and >= 0, got " + beta);
    }
    if (patternDraws < 1 || patternDraws > 64) {
      throw new IllegalArgumentException(
          "--patterns: must be in 1..64 (the robust program is dense in 2Pd), got " + patternDraws);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("--lr: must be finite and > 0, got " + learningRate);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("--epochs: must be >= 1, got " + epochs);
    }
    if (!(batchFraction > 0 && batchFraction <= 1)) {
      throw new IllegalArgumentException("batch fraction must be in (0, 1], got " + batchFraction);
    }
    if (maxTrainRows < 0 || maxTrainRows == 1) {
      throw new IllegalArgumentException(
          "--max-train: must be 0 (all rows) or >= 2, got " + maxTrainRows);
    }
    if (trainPgdSteps < 1 || evalPgdSteps < 1) {
      throw new IllegalArgumentException("--pgd-steps: PGD steps must be >= 1");
    }
    if (evalRestarts < 1) {
      throw new IllegalArgumentException("--pgd-restarts: must be >= 1, got " + evalRestarts);
    }
    if (admmMaxIterations < 1 || alMaxIterations < 1) {
      throw new IllegalArgumentException("solver iteration budgets must be >= 1");
    }
    if (!(admmTolerance > 0) || !(alTolerance > 0)) {
      throw new IllegalArgumentException("solver tolerances must be > 0");
    }
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
    }
  }

  /** Hidden units of the SGD networks: 2P. */
  public int width() {
    return 2 * patternDraws;
  }

  /**
   * The {@code --quick} preset (about 15 s of training on 2 cores): ionosphere (all 280 training
   * rows), seed 1, P = 8 (width 16), β = 1, ε_train = 0.1, ε ∈ {0, 0.05, 0.1, 0.2}, SGD η = 0.1 for
   * 40 epochs, PGD 5 steps in training, 10 steps × 2 starts in evaluation, cr-robust capped at 20
   * 000 Newton steps (robust interior-point method), CR at 20 000 (interior-point method).
   */
  public static RobustSpec quick() {
    return new RobustSpec(
        List.of("ionosphere"),
        List.of(RobustMethod.values()),
        List.of(0.0, 0.05, 0.1, 0.2),
        0.1,
        1.0,
        8,
        List.of(1L),
        0.1,
        40,
        0.1,
        0,
        5,
        10,
        2,
        2026L,
        20_000,
        1e-6,
        20_000,
        1e-6,
        TrainTestSplit.DEFAULT_SEED,
        TrainTestSplit.DEFAULT_TEST_FRACTION);
  }

  /**
   * The full preset (several minutes): ionosphere, sonar and breast_cancer_wdbc (all training
   * rows), seeds 1..3, P = 8 (width 16), β = 1, ε_train = 0.1, ε ∈ {0, 0.025, 0.05, 0.1, 0.15, 0.2,
   * 0.3}, SGD η = 0.1 for 100 epochs, PGD 7 steps in training, 20 steps × 3 starts in evaluation,
   * the robust interior-point method capped at 20 000 Newton steps, CR (interior point) at 50 000.
   */
  public static RobustSpec full() {
    return new RobustSpec(
        List.of("ionosphere", "sonar", "breast_cancer_wdbc"),
        List.of(RobustMethod.values()),
        List.of(0.0, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3),
        0.1,
        1.0,
        8,
        List.of(1L, 2L, 3L),
        0.1,
        100,
        0.1,
        0,
        7,
        20,
        3,
        2026L,
        20_000,
        1e-6,
        50_000,
        1e-6,
        TrainTestSplit.DEFAULT_SEED,
        TrainTestSplit.DEFAULT_TEST_FRACTION);
  }

  /** Number of trained networks. */
  public long cells() {
    return (long) datasets.size() * seeds.size() * methods.size();
  }

  /** Every parameter as key/value pairs, for the provenance file. */
  public Map<String, String> parameters() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("datasets", String.join(";", datasets));
    m.put("methods", String.join(";", methods.stream().map(RobustMethod::id).toList()));
    m.put("eps_grid", join(epsGrid));
    m.put("eps_train", num(epsTrain));
    m.put(
        "eps_units",
        "standardised features (training mean and s.d.), l_inf over every feature; bias never"
            + " perturbed");
    m.put("beta", num(beta));
    m.put(
        "loss",
        "hinge summed over training rows; beta on the summed scale (convex: beta*sum group norms;"
            + " SGD: beta/2*|weights|^2)");
    m.put("pattern_draws", Integer.toString(patternDraws));
    m.put(
        "pattern_rule",
        "gate 1 = bias only (all-active pattern, a linear neuron), gates 2..P"
            + " through gaps wider than 2*eps_train of the rows projected on 1-2 seeded feature"
            + " directions (every robust cone at eps_train non-trivial); the same gates for cr and"
            + " cr-robust");
    m.put("robust_solver", "interior-point method (admm_max_iterations: its Newton-step cap)");
    m.put("cr_solver", "interior-point method (al_max_iterations: its Newton-step cap)");
    m.put("width_rule", "SGD width m = 2 * pattern_draws = " + width());
    m.put("seeds", join(seeds));
    m.put("learning_rate", num(learningRate));
    m.put("epochs", Integer.toString(epochs));
    m.put("batch_fraction", num(batchFraction));
    m.put("max_train_rows", maxTrainRows == 0 ? "all" : Integer.toString(maxTrainRows));
    m.put("train_pgd_steps", Integer.toString(trainPgdSteps));
    m.put("train_pgd_step_size", "2.5 * eps_train / train_pgd_steps, one start (the clean point)");
    m.put("eval_pgd_steps", Integer.toString(evalPgdSteps));
    m.put("eval_pgd_restarts", Integer.toString(evalRestarts));
    m.put("eval_pgd_step_size", "2.5 * eps / eval_pgd_steps");
    m.put("attack_seed", Long.toString(attackSeed));
    m.put("admm_max_iterations", Integer.toString(admmMaxIterations));
    m.put("admm_tolerance", num(admmTolerance));
    m.put("al_max_iterations", Integer.toString(alMaxIterations));
    m.put("al_tolerance", num(alTolerance));
    m.put("split_seed", Long.toString(splitSeed));
    m.put("test_fraction", num(testFraction));
    return m;
  }

  static String num(double v) {
    return Numbers.exact(v);
  }

  private static String join(List<?> values) {
    StringBuilder sb = new StringBuilder();
    for (Object v : values) {
      sb.append(sb.length() == 0 ? "" : ";").append(String.format(Locale.ROOT, "%s", v));
    }
    return sb.toString();
  }
}
