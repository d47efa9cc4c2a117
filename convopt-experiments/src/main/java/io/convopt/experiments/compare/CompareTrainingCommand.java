package io.convopt.experiments.compare;

import io.convopt.experiments.cli.Progress;
import io.convopt.experiments.data.DataCatalog;
import io.convopt.experiments.io.RunOutputs;
import io.convopt.solvers.nonconvex.Nd4jSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/**
 * {@code convopt compare-training}: convex (CG, CR) against non-convex (SGD, Adam) training of the
 * same two-layer ReLU network on shipped datasets; writes the runs, traces and summaries (see
 * {@link CompareGrid}, {@link Summaries}, {@link Findings}) and prints the checked claims.
 */
@Command(name = "compare-training", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Compare convex training (gated program CG by R-FISTA, constrained ReLU program CR by the",
        "interior-point method or the augmented Lagrangian, see --cr-solver; P sampled patterns) with SGD",
        "and Adam on the same two-layer ReLU network (width 2P, same beta, same loss",
        "0.5*SSE + beta/2*|weights|^2) over datasets x betas x seeds",
        "(x learning rates for SGD/Adam). 80/20 seeded split, standardisation fitted on the training part;",
        "nothing is chosen on the test part (SGD/Adam learning rates are selected by training objective).",
        "Writes to <out>/compare (--quick: <out>/compare-quick): runs.csv and traces.csv (one row per",
        "finished run / trace point, resumable: rerun the same command to continue), profile.csv,",
        "sensitivity.csv, metrics.csv, findings.csv, provenance.csv (incl. cr_solver) and summary.txt.",
        "Convex iteration counts are solver iterations (R-FISTA iterations or Newton steps).",
        "Bad arguments exit with code 2."})
public final class CompareTrainingCommand implements Callable<Integer> {

  @Option(names = "--quick", description = "Small preset used by the tests: iris and cpu_performance, betas 0.1,1,"
      + " seeds 1,2, P=8 (width 16), lr 0.01,0.1, 30 epochs, 2 s per convex cell (about a minute)."
      + " Without it: the full preset (10 datasets incl. ECG, betas 0.1,1,10, seeds 1..3, P=16, lr 0.01,0.1,1,"
      + " 100 epochs, 3 s per convex cell; about 15 minutes).")
  boolean quick;

  @Option(names = "--out", defaultValue = "results", paramLabel = "DIR",
      description = "Results folder; files go to DIR/compare or DIR/compare-quick (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--seed", paramLabel = "K", description = "First seed: the preset's seeds become K, K+1, ..."
      + " (default 1). Seeds drive SGD/Adam initialisation and batch order and the convex pattern sampling.")
  Long seed;

  @Option(names = "--repeats", paramLabel = "N", description = "Number of seeds (default: quick 2, full 3).")
  Integer repeats;

  @Option(names = "--datasets", split = ",", paramLabel = "a,b", description = "Datasets (catalog names, ecg for"
      + " the ECG next-sample task), overriding the preset.")
  List<String> datasets;

  @Option(names = "--betas", split = ",", paramLabel = "b1,b2", description = "Weight decay values beta >= 0 on the"
      + " summed objective (default: quick 0.1,1; full 0.1,1,10).")
  List<Double> betas;

  @Option(names = "--methods", split = ",", paramLabel = "m1,m2", description = "Subset of cg, cr, sgd, adam"
      + " (default: all four; convex adversarial training, cr-robust, runs in compare-robust).")
  List<String> methods;

  @Option(names = "--lr", split = ",", paramLabel = "lr1,lr2", description = "SGD/Adam learning rates"
      + " (default: quick 0.01,0.1; full 0.01,0.1,1).")
  List<Double> learningRates;

  @Option(names = "--patterns", paramLabel = "P", description = "Gates drawn for the convex programs; the"
      + " SGD/Adam width is 2P (default: quick 8, full 16).")
  Integer patterns;

  @Option(names = "--epochs", description = "SGD/Adam epochs (default: quick 30, full 100).")
  Integer epochs;

  @Option(names = "--convex-seconds", paramLabel = "S", description = "Time budget of one convex cell's"
      + " iteration-budget schedule (default: quick 2, full 3).")
  Double convexSeconds;

  @Option(names = "--cr-solver", defaultValue = "auto", paramLabel = "auto|al|ipm",
      description = "Solver of the CR program: auto (ipm where beta > 0 and its Newton step is"
          + " affordable, else ADMM), ipm (interior-point method; iterations are Newton steps;"
          + " needs beta > 0) or al (augmented Lagrangian; iterations are R-FISTA iterations). CG always uses"
          + " R-FISTA. Part of the CR runs' resume key. Default: ${DEFAULT-VALUE}.")
  CrSolver crSolver;

  @Option(names = "--nd4j-threads", defaultValue = "1", description = "ND4J OpenMP/BLAS threads (default:"
      + " ${DEFAULT-VALUE}; one is fastest on shared 2-core machines).")
  int nd4jThreads;

  @Override
  public Integer call() {
    CompareSpec spec = spec();
    if (nd4jThreads < 1) {
      throw new IllegalArgumentException("--nd4j-threads must be >= 1, got " + nd4jThreads);
    }
    DataCatalog catalog = DataCatalog.open();
    for (String d : spec.datasets()) {
      catalog.entry(d); // unknown names: IllegalArgumentException listing the known ones
    }
    Nd4jSettings.limitThreads(nd4jThreads);
    Path dir = out.resolve(quick ? "compare-quick" : "compare");
    Result r = run(catalog, spec, dir, System.out);
    System.out.printf(Locale.ROOT, "compare-training: %d runs done now, %d in the grid, %.1f s; outputs in %s%n",
        r.done(), spec.cells(), r.seconds(), dir);
    return 0;
  }

  /** The spec from the preset and the options. */
  CompareSpec spec() {
    CompareSpec p = quick ? CompareSpec.quick() : CompareSpec.full();
    long first = seed != null ? seed : 1L;
    int n = repeats != null ? repeats : p.seeds().size();
    if (n < 1) {
      throw new IllegalArgumentException("--repeats must be >= 1, got " + n);
    }
    List<Long> seeds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      seeds.add(first + i);
    }
    return new CompareSpec(datasets != null ? datasets : p.datasets(), betas != null ? betas : p.betas(),
        methods != null ? Method.parseAll(methods) : p.methods(),
        learningRates != null ? learningRates : p.learningRates(), seeds,
        patterns != null ? patterns : p.patternDraws(), epochs != null ? epochs : p.epochs(), p.batchFraction(),
        p.convexMaxIterations(), convexSeconds != null ? convexSeconds : p.convexTimeBudget(), p.convexTolerance(),
        p.splitSeed(), p.testFraction(), p.window(), p.stride(), crSolver != null ? crSolver : p.crSolver());
  }

  /** What {@link #run} did. */
  public record Result(int done, double seconds, List<Findings.Finding> findings, Path dir) {}

  /**
   * Runs the grid into {@code dir} (resuming), writes the summaries and prints the findings to
   * {@code log}.
   */
  public static Result run(DataCatalog catalog, CompareSpec spec, Path dir, PrintStream log) {
    long t0 = System.nanoTime();
    Path runs = dir.resolve("runs.csv");
    Path traces = dir.resolve("traces.csv");
    int done;
    try (Progress progress = new Progress("compare-training", spec.cells(), log)) {
      done = CompareGrid.runGrid(catalog, spec, runs, traces, s -> { }, progress::step).size();
    }
    double seconds = (System.nanoTime() - t0) * 1e-9;
    Summaries.Data data = Summaries.read(runs, traces, CompareGrid.keys(spec, catalog));
    Table profile = Summaries.profile(data);
    Table sensitivity = Summaries.sensitivity(data);
    Table metrics = Summaries.metrics(data);
    List<Findings.Finding> findings = Findings.evaluate(data, profile);
    RunOutputs.writeTable(profile, dir.resolve("profile.csv"));
    RunOutputs.writeTable(sensitivity, dir.resolve("sensitivity.csv"));
    RunOutputs.writeTable(metrics, dir.resolve("metrics.csv"));
    RunOutputs.writeTable(Findings.table(findings), dir.resolve("findings.csv"));
    RunOutputs.writeProvenance(spec.parameters(), dir.resolve("provenance.csv"), seconds, done);
    String text = summaryText(spec, data, metrics, findings, seconds);
    RunOutputs.writeText(text, dir.resolve("summary.txt"));
    log.print(text);
    return new Result(done, seconds, findings, dir);
  }

  static String summaryText(CompareSpec spec, Summaries.Data data, Table metrics, List<Findings.Finding> findings,
      double seconds) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%nConvex vs non-convex training: %d problems (dataset x beta), %d seeds,"
        + " width %d (P = %d), grid time this invocation %.1f s%n", data.problems().size(), spec.seeds().size(),
        spec.width(), spec.patternDraws(), seconds));
    sb.append(String.format(Locale.ROOT, "Convex solvers: CG by R-FISTA; CR by %s; iteration budgets %d * %d^k"
        + " solver iterations (CR: %d * %d^k %s), %.3g s per cell, tolerance %.1g%n", spec.crSolver().describe(),
        ConvexTraining.FIRST_BUDGET, ConvexTraining.BUDGET_GROWTH, spec.crSolver().firstBudget(),
        ConvexTraining.BUDGET_GROWTH, spec.crSolver().iterationUnit(),
        spec.convexTimeBudget(), spec.convexTolerance()));
    sb.append("Test metric per problem (mean over seeds; SGD/Adam at the learning rate with the lowest training"
        + " objective per seed):\n");
    sb.append(String.format(Locale.ROOT, "  %-22s %-6s %-5s %-14s %-10s %-12s %-9s%n", "dataset", "beta", "method",
        "metric", "mean", "train obj", "gap/best"));
    for (int r = 0; r < metrics.rowCount(); r++) {
      sb.append(String.format(Locale.ROOT, "  %-22s %-6s %-5s %-14s %-10.4f %-12.5g %-9.3g%n",
          metrics.stringColumn("dataset").get(r), metrics.doubleColumn("beta").getDouble(r),
          metrics.stringColumn("method").get(r), metrics.stringColumn("metric").get(r),
          metrics.doubleColumn("mean").getDouble(r), metrics.doubleColumn("train_objective_mean").getDouble(r),
          metrics.doubleColumn("relative_gap_to_best").getDouble(r)));
    }
    sb.append("What the measurements say (verdicts are counts over the problems run, nothing more):\n");
    for (Findings.Finding f : findings) {
      sb.append("  [").append(f.verdict().toUpperCase(Locale.ROOT)).append("] ").append(f.claim()).append('\n');
      sb.append("      ").append(f.evidence()).append('\n');
    }
    sb.append("Notes: CG trains a gated network (a relaxation of CR on the same patterns), so its objective is not"
        + " that of a ReLU network; it is measured against the best ReLU objective but does not define it."
        + " Convex wall times include pattern sampling and solver setup; SGD/Adam times exclude the per-epoch"
        + " objective evaluation. Adversarial robustness (method cr-robust) is measured by compare-robust.\n");
    return sb.toString();
  }
}
