package io.convopt.experiments.robust;

import io.convopt.experiments.cli.Progress;
import io.convopt.experiments.compare.Findings;
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
 * {@code convopt compare-robust}: robust convex training (spec §2.6) against standard convex
 * training, SGD and SGD with PGD adversarial training, measured by robust test accuracy under seeded
 * ℓ∞ PGD at several radii (issue 8). See {@link RobustSpec} (grid, common scaling), {@link
 * RobustTraining}, {@link RobustEvaluation} (the two robust accuracies), {@link RobustGrid} (rows,
 * resume) and {@link RobustSummaries} (table, findings).
 */
@Command(name = "compare-robust", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Adversarial robustness of two-layer ReLU networks trained four ways on binary datasets",
        "(hinge loss, same width 2P and beta): cr (standard convex program, interior-point",
        "method), cr-robust (convex adversarial training at eps_train, robust interior-point",
        "method), sgd, and",
        "sgd-pgd (SGD with PGD",
        "adversarial training at eps_train). Each network is attacked on the test part by seeded l_inf PGD",
        "at every eps of the grid (standardised feature units, bias never perturbed). 80/20 seeded split,",
        "standardisation fitted on the training part; nothing is chosen on the test part.",
        "Writes to <out>/robust (--quick: <out>/robust-quick): runs.csv and robustness.csv (rows written as",
        "networks finish; rerun the same command to resume), robust-summary.csv, findings.csv,",
        "provenance.csv and summary.txt. Bad arguments exit with code 2."})
public final class CompareRobustCommand implements Callable<Integer> {

  @Option(names = "--quick", description = "Small preset used by the tests: ionosphere, seed 1, P=8 (width 16),"
      + " eps 0,0.05,0.1,0.2, 40 epochs, PGD 10 steps x 2 starts, solver budgets 20000 iterations (about 20 s)."
      + " Without it: ionosphere, sonar, breast_cancer_wdbc, seeds 1..3, P=8, eps 0,0.025,0.05,0.1,0.15,0.2,0.3,"
      + " 100 epochs, PGD 20 steps x 3 starts, interior-point caps 20000 / 50000 Newton steps.")
  boolean quick;

  @Option(names = "--out", defaultValue = "results", paramLabel = "DIR",
      description = "Results folder; files go to DIR/robust or DIR/robust-quick (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--seed", paramLabel = "K", description = "First seed: the preset's seeds become K, K+1, ..."
      + " (default 1). Seeds drive the convex pattern sampling and SGD initialisation and batch order.")
  Long seed;

  @Option(names = "--repeats", paramLabel = "N", description = "Number of seeds (default: quick 1, full 3).")
  Integer repeats;

  @Option(names = "--eps", split = ",", paramLabel = "e1,e2", description = "Attack radii, l_inf in standardised"
      + " feature units (default: quick 0,0.05,0.1,0.2; full 0,0.025,0.05,0.1,0.15,0.2,0.3).")
  List<Double> eps;

  @Option(names = "--eps-train", paramLabel = "E", description = "Training radius of cr-robust and sgd-pgd"
      + " (default 0.1).")
  Double epsTrain;

  @Option(names = "--datasets", split = ",", paramLabel = "a,b", description = "Binary classification datasets of"
      + " the catalog, overriding the preset (e.g. ionosphere,sonar,breast_cancer_wdbc).")
  List<String> datasets;

  @Option(names = "--methods", split = ",", paramLabel = "m1,m2", description = "Subset of cr, cr-robust, sgd,"
      + " sgd-pgd (default: all four).")
  List<String> methods;

  @Option(names = "--beta", paramLabel = "B", description = "Weight beta >= 0 on the summed hinge objective"
      + " (default 1).")
  Double beta;

  @Option(names = "--patterns", paramLabel = "P", description = "Gates drawn for the convex programs (1..64); the"
      + " SGD width is 2P (default 8). The robust program factors a dense 2Pd x 2Pd matrix.")
  Integer patterns;

  @Option(names = "--lr", paramLabel = "LR", description = "SGD learning rate on the 1/n-normalised gradient,"
      + " fixed (default 0.1).")
  Double learningRate;

  @Option(names = "--epochs", description = "SGD epochs (default: quick 40, full 100).")
  Integer epochs;

  @Option(names = "--max-train", paramLabel = "N", description = "Use at most N training rows (seeded subsample,"
      + " same rows for every method; 0 = all, the default).")
  Integer maxTrain;

  @Option(names = "--pgd-steps", paramLabel = "S", description = "Steps of the evaluation attack (default: quick"
      + " 10, full 20); step size 2.5 eps / S.")
  Integer pgdSteps;

  @Option(names = "--pgd-restarts", paramLabel = "R", description = "Starts of the evaluation attack: the clean"
      + " point, then random points of the ball (default: quick 2, full 3).")
  Integer pgdRestarts;

  @Option(names = "--admm-iterations", paramLabel = "N", description = "Newton-step budget of the"
      + " robust interior-point solver (default 20000; the name is kept from the robust ADMM it"
      + " replaced);"
      + " the row records what it reached.")
  Integer admmIterations;

  @Option(names = "--nd4j-threads", defaultValue = "1", description = "ND4J OpenMP/BLAS threads (default:"
      + " ${DEFAULT-VALUE}).")
  int nd4jThreads;

  @Override
  public Integer call() {
    RobustSpec spec = spec();
    if (nd4jThreads < 1) {
      throw new IllegalArgumentException("--nd4j-threads must be >= 1, got " + nd4jThreads);
    }
    DataCatalog catalog = DataCatalog.open();
    for (String d : spec.datasets()) {
      RobustGrid.prepare(catalog, d, spec); // unknown or non-binary datasets fail before any training
    }
    Nd4jSettings.limitThreads(nd4jThreads);
    Path dir = out.resolve(quick ? "robust-quick" : "robust");
    Result r = run(catalog, spec, dir, System.out);
    System.out.printf(Locale.ROOT, "compare-robust: %d networks trained now, %d in the grid, %.1f s; outputs in %s%n",
        r.done(), spec.cells(), r.seconds(), dir);
    return 0;
  }

  /** The spec from the preset and the options. */
  RobustSpec spec() {
    RobustSpec p = quick ? RobustSpec.quick() : RobustSpec.full();
    long first = seed != null ? seed : 1L;
    int n = repeats != null ? repeats : p.seeds().size();
    if (n < 1) {
      throw new IllegalArgumentException("--repeats must be >= 1, got " + n);
    }
    List<Long> seeds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      seeds.add(first + i);
    }
    return new RobustSpec(datasets != null ? datasets : p.datasets(),
        methods != null ? RobustMethod.parseAll(methods) : p.methods(), eps != null ? eps : p.epsGrid(),
        epsTrain != null ? epsTrain : p.epsTrain(), beta != null ? beta : p.beta(),
        patterns != null ? patterns : p.patternDraws(), seeds, learningRate != null ? learningRate : p.learningRate(),
        epochs != null ? epochs : p.epochs(), p.batchFraction(), maxTrain != null ? maxTrain : p.maxTrainRows(),
        p.trainPgdSteps(), pgdSteps != null ? pgdSteps : p.evalPgdSteps(),
        pgdRestarts != null ? pgdRestarts : p.evalRestarts(), p.attackSeed(),
        admmIterations != null ? admmIterations : p.admmMaxIterations(), p.admmTolerance(), p.alMaxIterations(),
        p.alTolerance(), p.splitSeed(), p.testFraction());
  }

  /** What {@link #run} did. */
  public record Result(int done, double seconds, List<Findings.Finding> findings, Path dir) {}

  /** Runs the grid into {@code dir} (resuming), writes the summaries and prints the findings to {@code log}. */
  public static Result run(DataCatalog catalog, RobustSpec spec, Path dir, PrintStream log) {
    long t0 = System.nanoTime();
    Path runs = dir.resolve("runs.csv");
    Path robustness = dir.resolve("robustness.csv");
    int done;
    try (Progress progress = new Progress("compare-robust", spec.cells(), log)) {
      done = RobustGrid.runGrid(catalog, spec, runs, robustness, s -> { }, progress::step).size();
    }
    double seconds = (System.nanoTime() - t0) * 1e-9;
    RobustSummaries.Data data = RobustSummaries.read(runs, robustness, RobustGrid.keys(spec, catalog));
    Table summary = RobustSummaries.summary(data);
    List<Findings.Finding> findings = RobustSummaries.findings(data, spec.epsTrain());
    RunOutputs.writeTable(summary, dir.resolve("robust-summary.csv"));
    RunOutputs.writeTable(Findings.table(findings), dir.resolve("findings.csv"));
    RunOutputs.writeProvenance(spec.parameters(), dir.resolve("provenance.csv"), seconds, done);
    String text = summaryText(spec, data, summary, findings, seconds);
    RunOutputs.writeText(text, dir.resolve("summary.txt"));
    log.print(text);
    return new Result(done, seconds, findings, dir);
  }

  static String summaryText(RobustSpec spec, RobustSummaries.Data data, Table summary,
      List<Findings.Finding> findings, double seconds) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%nAdversarial robustness: %d datasets, %d seeds, width %d (P = %d), beta %s,"
        + " eps_train %s, grid time this invocation %.1f s%n", data.datasets().size(), spec.seeds().size(),
        spec.width(), spec.patternDraws(), spec.beta(), spec.epsTrain(), seconds));
    sb.append("Robust test accuracy under l_inf PGD (mean over seeds; the strongest of the seeded attacks at radii"
        + " <= eps):\n");
    sb.append(String.format(Locale.ROOT, "  %-20s %-9s", "dataset", "method"));
    List<Double> radii = data.radii();
    for (double e : radii) {
      sb.append(String.format(Locale.ROOT, " eps=%-6s", e));
    }
    sb.append('\n');
    for (String ds : data.datasets()) {
      for (RobustMethod m : RobustMethod.values()) {
        if (Double.isNaN(data.meanClean(ds, m.id()))) {
          continue;
        }
        sb.append(String.format(Locale.ROOT, "  %-20s %-9s", ds, m.id()));
        for (double e : radii) {
          sb.append(String.format(Locale.ROOT, " %-10.3f", data.meanRobust(ds, m.id(), e)));
        }
        sb.append('\n');
      }
    }
    sb.append("What the measurements say (counts over the datasets and radii run, nothing more):\n");
    for (Findings.Finding f : findings) {
      sb.append("  [").append(f.verdict().toUpperCase(Locale.ROOT)).append("] ").append(f.claim()).append('\n');
      sb.append("      ").append(f.evidence()).append('\n');
    }
    sb.append("Notes: eps = 0 is the clean accuracy. PGD is a heuristic attack, so robust accuracies are upper"
        + " bounds on the true (worst-case) accuracy; cr-robust's training guarantee holds on the training rows"
        + " only. summary rows: ").append(summary.rowCount()).append('\n');
    return sb.toString();
  }
}
