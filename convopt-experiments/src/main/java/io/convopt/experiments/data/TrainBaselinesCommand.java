package io.convopt.experiments.data;

import io.convopt.experiments.grid.GridOptions;
import io.convopt.experiments.grid.GridSettings;
import io.convopt.experiments.grid.PresetOption;
import io.convopt.experiments.grid.SeedOptions;
import io.convopt.experiments.io.Numbers;
import io.convopt.experiments.io.TextTable;
import io.convopt.solvers.nonconvex.Loss;
import io.convopt.solvers.nonconvex.Nd4jSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code convopt train-baselines}: the SGD/Adam learning-rate × seed grid on shipped datasets. */
@Command(
    name = "train-baselines",
    mixinStandardHelpOptions = true,
    header = "Train SGD and Adam ReLU-network baselines on datasets.",
    footer = {
      "",
      "--quick: Preset into DIR/baselines-quick: iris and cpu_performance, width 16,",
      "20 epochs, lr 0.01,0.1, seeds 1,2 (options given explicitly still apply)."
    },
    description = {
      "Trains the non-convex two-layer ReLU baselines (mini-batch SGD, Adam) over a"
          + " learning-rate x seed grid on shipped datasets (seeded 80/20 split, standardisation"
          + " fitted on the training part). Writes <out>/baselines/runs.csv (one row per run,"
          + " resumable) and trajectories.csv (objective per epoch); --quick writes into"
          + " <out>/baselines-quick/."
    })
public final class TrainBaselinesCommand implements Callable<Integer> {

  @Option(
      names = {"--datasets", "--dataset"},
      split = ",",
      paramLabel = "a,b",
      description =
          "Dataset names, comma separated (e.g. iris,sonar,ecg); required unless" + " --quick.")
  List<String> datasets;

  @Mixin PresetOption preset;

  @Mixin GridOptions grid;

  @Mixin SeedOptions seeds;

  @Option(
      names = "--seeds",
      split = ",",
      hidden = true,
      description = "Deprecated: an explicit seed list; use --seed K --repeats N.")
  List<Long> seedList;

  @Option(names = "--epochs", description = "Epochs per run (default 100; quick 20).")
  Integer epochs;

  @Option(names = "--width", description = "Hidden units m (default 32; quick 16).")
  Integer width;

  @Option(
      names = {"--betas", "--beta"},
      paramLabel = "B",
      description = "Weight decay beta on the summed objective; one value (default 1e-3).")
  Double beta;

  @Option(
      names = "--lr",
      split = ",",
      description = "Learning rates (default 0.001,0.01,0.1; quick 0.01,0.1).")
  List<Double> learningRates;

  @Option(
      names = "--methods",
      split = ",",
      defaultValue = "sgd,adam",
      description = "sgd, sgd-decay (eta/(1+epoch))" + " and/or adam (default: ${DEFAULT-VALUE}).")
  List<String> methods;

  @Option(
      names = "--loss",
      defaultValue = "squared",
      converter = LossConverter.class,
      paramLabel = "squared|hinge",
      description = "squared or hinge (default: ${DEFAULT-VALUE}; hinge only for classification).")
  Loss loss;

  @Option(
      names = "--batch-fraction",
      defaultValue = "0.1",
      description =
          "Mini-batch size as a fraction of the" + " training rows (default: ${DEFAULT-VALUE}).")
  double batchFraction;

  @Option(
      names = "--split-seed",
      defaultValue = "1995",
      description = "Seed of the train/test split" + " (default: ${DEFAULT-VALUE}).")
  long splitSeed;

  @Option(
      names = "--window",
      defaultValue = "32",
      description = "ECG window length (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(
      names = "--stride",
      defaultValue = "16",
      description = "ECG window stride (default: ${DEFAULT-VALUE}).")
  int stride;

  @Option(
      names = "--nd4j-threads",
      defaultValue = "1",
      description =
          "ND4J OpenMP/BLAS threads (default:"
              + " ${DEFAULT-VALUE}; one is fastest on shared 2-core machines).")
  int nd4jThreads;

  /** Loss names in any case (squared, SQUARED, hinge). */
  static final class LossConverter implements CommandLine.ITypeConverter<Loss> {
    @Override
    public Loss convert(String value) {
      try {
        return Loss.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "--loss must be squared or hinge, got '" + value + "'");
      }
    }
  }

  @Override
  public Integer call() {
    boolean quick = preset != null && preset.quick(); // preset is null without picocli
    BaselineGrid.Spec q = BaselineGrid.Spec.quick();
    List<String> ds = datasets != null ? datasets : quick ? q.datasets() : null;
    if (ds == null) {
      throw new IllegalArgumentException("give --datasets (e.g. --datasets iris,sonar) or --quick");
    }
    if (seedList != null && seeds.given()) {
      throw new IllegalArgumentException(
          "--seeds (deprecated) and --seed/--repeats cannot be" + " combined");
    }
    if (nd4jThreads < 1) {
      throw new IllegalArgumentException("--nd4j-threads must be >= 1, got " + nd4jThreads);
    }
    List<Long> s = seedList != null ? seedList : seeds.seeds(1L, quick ? q.seeds().size() : 3);
    BaselineGrid.Spec spec =
        new BaselineGrid.Spec(
            ds,
            methods,
            width != null ? width : quick ? q.width() : 32,
            beta != null ? beta : 1e-3,
            learningRates != null
                ? learningRates
                : quick ? q.learningRates() : List.of(1e-3, 1e-2, 1e-1),
            s,
            epochs != null ? epochs : quick ? q.epochs() : 100,
            batchFraction,
            loss,
            splitSeed,
            TrainTestSplit.DEFAULT_TEST_FRACTION,
            window,
            stride);
    if (loss == Loss.HINGE) {
      DataCatalog c = DataCatalog.open();
      for (String d : ds) {
        if (c.entry(d).task() != Task.CLASSIFICATION) {
          throw new IllegalArgumentException(
              "--loss hinge needs classification data; " + d + " is " + c.entry(d).task());
        }
      }
    }
    GridSettings settings = grid.settings(1);
    Nd4jSettings.limitThreads(nd4jThreads);
    String dir = quick ? "baselines-quick" : "baselines";
    List<BaselineGrid.Run> done =
        BaselineGrid.runGrid(
            DataCatalog.open(), spec, settings, dir + "/runs.csv", dir + "/trajectories.csv");
    printSummary(done);
    System.out.println("Runs in " + settings.out().resolve(dir).resolve("runs.csv"));
    return 0;
  }

  /** Mean over seeds per (dataset, method, learning rate) of the runs done now, rounded. */
  static void printSummary(List<BaselineGrid.Run> runs) {
    Map<String, List<BaselineGrid.Run>> groups = new TreeMap<>();
    for (BaselineGrid.Run r : runs) {
      groups
          .computeIfAbsent(
              String.format(Locale.ROOT, "%s|%s|%s", r.dataset(), r.method(), r.learningRate()),
              k -> new ArrayList<>())
          .add(r);
    }
    if (groups.isEmpty()) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (List<BaselineGrid.Run> g : groups.values()) {
      double obj = 0;
      double metric = 0;
      double sec = 0;
      for (BaselineGrid.Run r : g) {
        obj += r.finalObjective();
        metric += r.task() == Task.REGRESSION ? r.testMse() : r.testAccuracy();
        sec += r.wallSeconds();
      }
      int n = g.size();
      BaselineGrid.Run first = g.get(0);
      rows.add(
          List.of(
              first.dataset(),
              first.method(),
              Numbers.rounded(first.learningRate(), 3),
              Integer.toString(n),
              Numbers.rounded(obj / n, 4),
              first.task() == Task.REGRESSION ? "mse_std" : "acc",
              Numbers.rounded(metric / n, 4),
              Numbers.rounded(sec / n, 3)));
    }
    System.out.print(
        TextTable.render(
            List.of("dataset", "method", "lr", "runs", "objective", "metric", "mean", "seconds"),
            rows));
  }
}
