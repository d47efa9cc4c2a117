package io.convopt.experiments.robust;

import io.convopt.experiments.comparison.ComparisonOptions;
import io.convopt.experiments.comparison.ComparisonPipeline;
import io.convopt.experiments.data.DataCatalog;
import io.convopt.experiments.grid.GridOptions;
import io.convopt.experiments.grid.PresetOption;
import io.convopt.experiments.grid.SeedOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code convopt compare-robust}: robust convex training (Bai, Gautam and Sojoudi, arXiv
 * 2201.01965) against standard convex training, SGD and SGD with PGD adversarial training, measured
 * by robust test accuracy under seeded ℓ∞ PGD at several radii (issue 8). See {@link RobustSpec}
 * (grid, common scaling), {@link RobustTraining}, {@link RobustEvaluation} (the two robust
 * accuracies), {@link RobustGrid} (rows), {@link RobustSummaries} (table, findings) and {@link
 * RobustComparison}, which the shared {@link ComparisonPipeline} runs.
 */
@Command(
    name = "compare-robust",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Compare robust convex training with SGD and SGD-PGD.",
    footer = {
      "",
      "--quick: Small preset used by the tests, into DIR/robust-quick: ionosphere,",
      "seed 1, P=8 (width 16), eps 0,0.05,0.1,0.2, 40 epochs, PGD 10 steps x 2",
      "starts, solver budgets 20000 iterations (about 20 s). Without it: ionosphere,",
      "sonar, breast_cancer_wdbc, seeds 1..3, P=8, eps 0,0.025,0.05,0.1,0.15,0.2,0.3,",
      "100 epochs, PGD 20 steps x 3 starts, interior-point caps 20000 / 50000 Newton",
      "steps."
    },
    description = {
      "Measures the adversarial robustness of two-layer ReLU networks trained four ways on"
          + " binary datasets (hinge loss, same width 2P and beta): cr (standard convex program,"
          + " interior-point method), cr-robust (convex adversarial training at eps_train, robust"
          + " interior-point method; both on gates with non-trivial robust cones), sgd, and sgd-pgd"
          + " (SGD with PGD adversarial training at eps_train).",
      "Each network is attacked on the test part by seeded l_inf PGD at every eps of the grid"
          + " (standardised feature units, bias never perturbed). 80/20 seeded split,"
          + " standardisation fitted on the training part; nothing is chosen on the test part.",
      "Writes to <out>/robust (--quick: <out>/robust-quick): runs.csv and robustness.csv (rows"
          + " written as networks finish; rerun the same command to resume), robust-summary.csv,"
          + " findings.csv, provenance.csv and summary.txt. Bad arguments exit with code 2."
    })
public final class CompareRobustCommand implements Callable<Integer> {

  @Mixin PresetOption preset;

  @Mixin GridOptions grid;

  @Mixin SeedOptions seeds;

  @Mixin ComparisonOptions common;

  @Option(
      names = "--eps",
      split = ",",
      paramLabel = "e1,e2",
      description =
          "Attack radii, l_inf in standardised feature units (default: quick 0,0.05,0.1,0.2; full"
              + " 0,0.025,0.05,0.1,0.15,0.2,0.3).")
  List<Double> eps;

  @Option(
      names = "--eps-train",
      paramLabel = "E",
      description = "Training radius of cr-robust and sgd-pgd" + " (default 0.1).")
  Double epsTrain;

  @Option(
      names = {"--betas", "--beta"},
      paramLabel = "B",
      description = "Weight beta >= 0 on the summed hinge" + " objective; one value (default 1).")
  Double beta;

  @Option(
      names = "--lr",
      paramLabel = "LR",
      description = "SGD learning rate on the 1/n-normalised gradient," + " fixed (default 0.1).")
  Double learningRate;

  @Option(
      names = "--max-train",
      paramLabel = "N",
      description =
          "Use at most N training rows (seeded subsample,"
              + " same rows for every method; 0 = all, the default).")
  Integer maxTrain;

  @Option(
      names = "--pgd-steps",
      paramLabel = "S",
      description =
          "Steps of the evaluation attack (default: quick"
              + " 10, full 20); step size 2.5 eps / S.")
  Integer pgdSteps;

  @Option(
      names = "--pgd-restarts",
      paramLabel = "R",
      description =
          "Starts of the evaluation attack: the clean"
              + " point, then random points of the ball (default: quick 2, full 3).")
  Integer pgdRestarts;

  @Option(
      names = "--admm-iterations",
      paramLabel = "N",
      description =
          "Newton-step budget of the robust interior-point solver (default 20000; the name is kept"
              + " from the robust ADMM it replaced); the row records what it reached.")
  Integer admmIterations;

  @Override
  public Integer call() {
    RobustSpec spec = spec();
    DataCatalog catalog = DataCatalog.open();
    for (String d : spec.datasets()) {
      RobustGrid.prepare(
          catalog, d, spec); // unknown or non-binary datasets fail before any training
    }
    ComparisonPipeline.runCommand(
        new RobustComparison(catalog, spec),
        grid.settings(1),
        common,
        preset.quick() ? "robust-quick" : "robust");
    return 0;
  }

  /** The spec from the preset and the options. */
  RobustSpec spec() {
    RobustSpec p = preset.quick() ? RobustSpec.quick() : RobustSpec.full();
    List<Long> s = seeds.seeds(1L, p.seeds().size());
    return new RobustSpec(
        common.datasets(p.datasets()),
        common.methods() != null ? RobustMethod.parseAll(common.methods()) : p.methods(),
        eps != null ? eps : p.epsGrid(),
        epsTrain != null ? epsTrain : p.epsTrain(),
        beta != null ? beta : p.beta(),
        common.patterns(p.patternDraws()),
        s,
        learningRate != null ? learningRate : p.learningRate(),
        common.epochs(p.epochs()),
        p.batchFraction(),
        maxTrain != null ? maxTrain : p.maxTrainRows(),
        p.trainPgdSteps(),
        pgdSteps != null ? pgdSteps : p.evalPgdSteps(),
        pgdRestarts != null ? pgdRestarts : p.evalRestarts(),
        p.attackSeed(),
        admmIterations != null ? admmIterations : p.admmMaxIterations(),
        p.admmTolerance(),
        p.alMaxIterations(),
        p.alTolerance(),
        p.splitSeed(),
        p.testFraction());
  }
}
