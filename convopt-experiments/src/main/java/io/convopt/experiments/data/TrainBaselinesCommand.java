package io.convopt.experiments.data;

import io.convopt.solvers.nonconvex.Loss;
import io.convopt.solvers.nonconvex.Nd4jSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code convopt train-baselines}: the SGD/Adam learning-rate × seed grid on shipped datasets. */
@Command(name = "train-baselines", mixinStandardHelpOptions = true,
    header = "Train SGD and Adam ReLU-network baselines on datasets.",
    description = {
      "Trains the non-convex two-layer ReLU baselines (mini-batch SGD, Adam) over a"
          + " learning-rate x seed grid on shipped datasets (seeded 80/20 split, standardisation"
          + " fitted on the training part). Writes <out>/baselines/runs.csv (one row per run,"
          + " resumable) and trajectories.csv (objective per epoch); --quick writes runs-quick.csv"
          + " and trajectories-quick.csv."
    })
public final class TrainBaselinesCommand implements Callable<Integer> {

  @Option(names = "--dataset", split = ",", description = "Dataset name(s), comma separated (e.g. iris,sonar,ecg);"
      + " required unless --quick.")
  List<String> datasets;

  @Option(names = "--quick", description = "Preset: iris and cpu_performance, width 16, 20 epochs, lr 0.01,0.1,"
      + " seeds 1,2 (options given explicitly still apply).")
  boolean quick;

  @Option(names = "--out", defaultValue = "results", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--epochs", description = "Epochs per run (default 100; quick 20).")
  Integer epochs;

  @Option(names = "--width", description = "Hidden units m (default 32; quick 16).")
  Integer width;

  @Option(names = "--beta", description = "Weight decay beta on the summed objective (default 1e-3).")
  Double beta;

  @Option(names = "--lr", split = ",", description = "Learning rates (default 0.001,0.01,0.1; quick 0.01,0.1).")
  List<Double> learningRates;

  @Option(names = "--seeds", split = ",", description = "Training seeds (default 1,2,3; quick 1,2).")
  List<Long> seeds;

  @Option(names = "--methods", split = ",", defaultValue = "sgd,adam", description = "sgd, sgd-decay (eta/(1+epoch)) and/or adam"
      + " (default: ${DEFAULT-VALUE}).")
  List<String> methods;

  @Option(names = "--loss", defaultValue = "SQUARED", description = "SQUARED or HINGE (default: ${DEFAULT-VALUE};"
      + " HINGE only for classification).")
  Loss loss;

  @Option(names = "--batch-fraction", defaultValue = "0.1", description = "Mini-batch size as a fraction of the"
      + " training rows (default: ${DEFAULT-VALUE}).")
  double batchFraction;

  @Option(names = "--split-seed", defaultValue = "1995", description = "Seed of the train/test split"
      + " (default: ${DEFAULT-VALUE}).")
  long splitSeed;

  @Option(names = "--window", defaultValue = "32", description = "ECG window length (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--stride", defaultValue = "16", description = "ECG window stride (default: ${DEFAULT-VALUE}).")
  int stride;

  @Option(names = "--nd4j-threads", defaultValue = "1", description = "ND4J OpenMP/BLAS threads (default:"
      + " ${DEFAULT-VALUE}; one is fastest on shared 2-core machines).")
  int nd4jThreads;

  @Override
  public Integer call() {
    BaselineGrid.Spec q = BaselineGrid.Spec.quick();
    List<String> ds = datasets != null ? datasets : quick ? q.datasets() : null;
    if (ds == null) {
      throw new IllegalArgumentException("give --dataset (e.g. --dataset iris,sonar) or --quick");
    }
    BaselineGrid.Spec spec = new BaselineGrid.Spec(ds, methods,
        width != null ? width : quick ? q.width() : 32,
        beta != null ? beta : 1e-3,
        learningRates != null ? learningRates : quick ? q.learningRates() : List.of(1e-3, 1e-2, 1e-1),
        seeds != null ? seeds : quick ? q.seeds() : List.of(1L, 2L, 3L),
        epochs != null ? epochs : quick ? q.epochs() : 100,
        batchFraction, loss, splitSeed, TrainTestSplit.DEFAULT_TEST_FRACTION, window, stride);
    if (loss == Loss.HINGE) {
      DataCatalog c = DataCatalog.open();
      for (String d : ds) {
        if (c.entry(d).task() != Task.CLASSIFICATION) {
          throw new IllegalArgumentException("--loss HINGE needs classification data; " + d + " is " + c.entry(d).task());
        }
      }
    }
    Nd4jSettings.limitThreads(nd4jThreads);
    Path dir = out.resolve("baselines");
    String suffix = quick ? "-quick" : "";
    Path runs = dir.resolve("runs" + suffix + ".csv");
    List<BaselineGrid.Run> done = BaselineGrid.runGrid(DataCatalog.open(), spec, runs,
        dir.resolve("trajectories" + suffix + ".csv"), System.out::println);
    printSummary(done);
    System.out.println("Runs in " + runs);
    return 0;
  }

  /** Mean over seeds per (dataset, method, learning rate). */
  static void printSummary(List<BaselineGrid.Run> runs) {
    Map<String, List<BaselineGrid.Run>> groups = new TreeMap<>();
    for (BaselineGrid.Run r : runs) {
      groups.computeIfAbsent(String.format(Locale.ROOT, "%s|%s|%s", r.dataset(), r.method(), r.learningRate()),
          k -> new ArrayList<>()).add(r);
    }
    if (groups.isEmpty()) {
      return;
    }
    System.out.println("dataset | method | lr | runs | mean final objective | mean test metric | mean seconds");
    for (Map.Entry<String, List<BaselineGrid.Run>> e : groups.entrySet()) {
      double obj = 0;
      double metric = 0;
      double sec = 0;
      for (BaselineGrid.Run r : e.getValue()) {
        obj += r.finalObjective();
        metric += r.task() == Task.REGRESSION ? r.testMse() : r.testAccuracy();
        sec += r.wallSeconds();
      }
      int n = e.getValue().size();
      BaselineGrid.Run first = e.getValue().get(0);
      System.out.printf(Locale.ROOT, "%s | %s | %s | %d | %.6g | %s %.4f | %.3f%n", first.dataset(), first.method(),
          first.learningRate(), n, obj / n, first.task() == Task.REGRESSION ? "mse_std" : "acc", metric / n, sec / n);
    }
  }
}
