package io.convopt.experiments.compare;

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
 * {@code convopt compare-training}: convex (CG, CR) against non-convex (SGD, Adam) training of the
 * same two-layer ReLU network on shipped datasets; runs {@link TrainingComparison} through the
 * shared {@link ComparisonPipeline} and prints the checked claims.
 */
@Command(
    name = "compare-training",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Compare convex ReLU training with SGD and Adam.",
    footer = {
      "",
      "--quick: Small preset used by the tests, into DIR/compare-quick: iris and",
      "cpu_performance, betas 0.1,1, seeds 1,2, P=8 (width 16), lr 0.01,0.1, 30",
      "epochs, 2 s per cell (under a minute). Without it: the field's protocol (the",
      "reference implementation's pattern counts): 5000 gates for CG, 2500 patterns",
      "for CR (SGD/Adam width 5000), every shipped classification set (spambase and",
      "digits included) and the ECG next-sample regression with every window (stride",
      "1, n ~ 10^5); lr 0.0001,0.001,0.01,0.1,1, up to 100 epochs; every cell within",
      "20 s x clamp(training rows / 1000, 1, 8) of wall time. Cut to fit an hour on 2",
      "cores: beta 1 only, seed 1 only, CR only on sets with at most 5000 training",
      "rows (the summary and provenance.csv list every cut). About 55 minutes as two",
      "shards (--shard 1/2 and 2/2, one thread each, then convopt merge) on a shared",
      "2-core machine."
    },
    description = {
      "Compares convex training (gated program CG by R-FISTA with P_CG gates, constrained ReLU"
          + " program CR with P_CR patterns, see --cr-solver) with SGD and Adam on the same"
          + " two-layer ReLU network (width 2 P_CR, same beta, same loss 0.5*SSE +"
          + " beta/2*|weights|^2) over datasets x betas x seeds (x learning rates for SGD/Adam).",
      "80/20 seeded split, standardisation fitted on the training part; nothing is chosen on"
          + " the test part (SGD/Adam learning rates are selected by training objective).",
      "Writes to <out>/compare (--quick: <out>/compare-quick): runs.csv and traces.csv (one row"
          + " per finished run / trace point, resumable: rerun the same command to continue),"
          + " profile.csv, sensitivity.csv, metrics.csv, verdicts.csv (problems solved per method"
          + " at relative gaps 1, 0.5, 0.1, 0.01 to the best objective), gaps.csv (each method's"
          + " gap per problem), findings.csv, provenance.csv (incl. cr_solver and the cuts from"
          + " the field's protocol) and summary.txt. Convex iteration counts are solver"
          + " iterations (R-FISTA or ADMM iterations, Newton steps).",
      "Bad arguments exit with code 2."
    })
public final class CompareTrainingCommand implements Callable<Integer> {

  @Mixin PresetOption preset;

  @Mixin GridOptions grid;

  @Mixin SeedOptions seeds;

  @Mixin ComparisonOptions common;

  @Option(
      names = "--betas",
      split = ",",
      paramLabel = "b1,b2",
      description =
          "Weight decay values beta >= 0 on the"
              + " summed objective (default: quick 0.1,1; full 0.1,1,10).")
  List<Double> betas;

  @Option(
      names = "--lr",
      split = ",",
      paramLabel = "lr1,lr2",
      description =
          "SGD/Adam learning rates (default: quick 0.01,0.1; full 0.0001,0.001,0.01,0.1,1).")
  List<Double> learningRates;

  @Option(
      names = {"--cell-seconds", "--convex-seconds"},
      paramLabel = "S",
      description =
          "Base wall-clock budget of one cell (a convex solve, or one SGD/Adam run at one"
              + " learning rate), scaled by clamp(training rows / 1000, 1, 8) (default: quick 2,"
              + " full 20). --convex-seconds is the older name.")
  Double cellSeconds;

  @Option(
      names = "--cr-max-rows",
      paramLabel = "N",
      description =
          "Run CR only on datasets with at most N training rows, 0 = on all (default: quick 0,"
              + " full 5000: every classification set, not the full ECG, whose n x 2P_CR ADMM"
              + " state alone would take 3.5 GB). Larger sets get a skipped row; rerun with"
              + " --fresh to retry them.")
  Integer crMaxRows;

  @Option(
      names = "--cr-patterns",
      paramLabel = "P",
      description =
          "Patterns drawn for the CR program; the SGD/Adam width is twice this (default: the"
              + " value of --patterns when given, else the preset's: quick 8, full 2500).")
  Integer crPatterns;

  @Option(
      names = "--cr-solver",
      defaultValue = "auto",
      paramLabel = "auto|al|ipm",
      description =
          "Solver of the CR program: auto (ipm where beta > 0 and its Newton step is affordable,"
              + " else ADMM), ipm (interior-point method; iterations are Newton steps; needs beta >"
              + " 0) or al (augmented Lagrangian; iterations are R-FISTA iterations). CG always"
              + " uses R-FISTA. Part of the CR runs' resume key. Default: ${DEFAULT-VALUE}.")
  CrSolver crSolver;

  @Override
  public Integer call() {
    CompareSpec spec = spec();
    DataCatalog catalog = DataCatalog.open();
    for (String d : spec.datasets()) {
      catalog.entry(d); // unknown names: IllegalArgumentException listing the known ones
    }
    ComparisonPipeline.runCommand(
        new TrainingComparison(catalog, spec),
        grid.settings(1),
        common,
        preset.quick() ? "compare-quick" : "compare");
    return 0;
  }

  /** The spec from the preset and the options. */
  CompareSpec spec() {
    CompareSpec p = preset.quick() ? CompareSpec.quick() : CompareSpec.full();
    List<Long> s = seeds.seeds(1L, p.seeds().size());
    // --patterns sets both programs' counts unless --cr-patterns sets CR's
    int gated = common.patterns(p.patternDraws());
    boolean given = common.patterns(Integer.MIN_VALUE) != Integer.MIN_VALUE;
    int relu = crPatterns != null ? crPatterns : given ? gated : p.crPatternDraws();
    return new CompareSpec(
        common.datasets(p.datasets()),
        betas != null ? betas : p.betas(),
        common.methods() != null ? Method.parseAll(common.methods()) : p.methods(),
        learningRates != null ? learningRates : p.learningRates(),
        s,
        gated,
        relu,
        crMaxRows != null ? crMaxRows : p.crMaxRows(),
        common.epochs(p.epochs()),
        p.batchFraction(),
        p.convexMaxIterations(),
        cellSeconds != null ? cellSeconds : p.cellSeconds(),
        p.convexTolerance(),
        p.splitSeed(),
        p.testFraction(),
        p.window(),
        p.stride(),
        crSolver != null ? crSolver : p.crSolver());
  }
}
