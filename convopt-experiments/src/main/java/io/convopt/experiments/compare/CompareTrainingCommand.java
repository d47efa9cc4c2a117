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
      "epochs, 2 s per convex cell (about a minute). Without it: the full preset (10",
      "datasets incl. ECG, betas 0.1,1,10, seeds 1..3, P=16, lr 0.01,0.1,1, 100",
      "epochs, 3 s per convex cell; about 15 minutes)."
    },
    description = {
      "Compares convex training (gated program CG by R-FISTA, constrained ReLU program CR by"
          + " the interior-point method or the augmented Lagrangian, see --cr-solver; P sampled"
          + " patterns) with SGD and Adam on the same two-layer ReLU network (width 2P, same beta,"
          + " same loss 0.5*SSE + beta/2*|weights|^2) over datasets x betas x seeds (x learning"
          + " rates for SGD/Adam).",
      "80/20 seeded split, standardisation fitted on the training part; nothing is chosen on"
          + " the test part (SGD/Adam learning rates are selected by training objective).",
      "Writes to <out>/compare (--quick: <out>/compare-quick): runs.csv and traces.csv (one row"
          + " per finished run / trace point, resumable: rerun the same command to continue),"
          + " profile.csv, sensitivity.csv, metrics.csv, findings.csv, provenance.csv (incl."
          + " cr_solver) and summary.txt. Convex iteration counts are solver iterations (R-FISTA"
          + " iterations or Newton steps).",
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
      description = "SGD/Adam learning rates" + " (default: quick 0.01,0.1; full 0.01,0.1,1).")
  List<Double> learningRates;

  @Option(
      names = "--convex-seconds",
      paramLabel = "S",
      description =
          "Time budget of one convex cell's"
              + " iteration-budget schedule (default: quick 2, full 3).")
  Double convexSeconds;

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
    return new CompareSpec(
        common.datasets(p.datasets()),
        betas != null ? betas : p.betas(),
        common.methods() != null ? Method.parseAll(common.methods()) : p.methods(),
        learningRates != null ? learningRates : p.learningRates(),
        s,
        common.patterns(p.patternDraws()),
        common.epochs(p.epochs()),
        p.batchFraction(),
        p.convexMaxIterations(),
        convexSeconds != null ? convexSeconds : p.convexTimeBudget(),
        p.convexTolerance(),
        p.splitSeed(),
        p.testFraction(),
        p.window(),
        p.stride(),
        crSolver != null ? crSolver : p.crSolver());
  }
}
