package io.convopt.experiments.data;

import io.convopt.experiments.grid.CellRows;
import io.convopt.experiments.grid.Grid;
import io.convopt.experiments.grid.GridRunner;
import io.convopt.experiments.grid.GridSettings;
import io.convopt.experiments.grid.GridTable;
import io.convopt.experiments.io.Numbers;
import io.convopt.experiments.io.Provenance;
import io.convopt.solvers.nonconvex.Adam;
import io.convopt.solvers.nonconvex.EpochRecord;
import io.convopt.solvers.nonconvex.Loss;
import io.convopt.solvers.nonconvex.NonConvexConfig;
import io.convopt.solvers.nonconvex.NonConvexResult;
import io.convopt.solvers.nonconvex.NonConvexTrainer;
import io.convopt.solvers.nonconvex.Optimiser;
import io.convopt.solvers.nonconvex.ReluTrainingProblem;
import io.convopt.solvers.nonconvex.Sgd;
import io.convopt.solvers.nonconvex.TwoLayerReluNetwork;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The learning-rate × seed grid of the non-convex baselines: for every dataset, method (SGD with a
 * fixed rate, Adam), learning rate and seed, trains the two-layer ReLU network of {@code
 * io.convopt.solvers.nonconvex} on the training part of {@link Protocol} (bias column appended
 * after standardisation) and writes one CSV row per finished run.
 *
 * <p>Tasks: regression trains one network on the standardised target and reports the test MSE in
 * standardised target units (predicting the training mean scores about 1). Binary classification
 * trains one network on ±1 labels, K ≥ 3 classes train K independent one-vs-all networks (each
 * hidden unit feeds one output, as in the convex one-vs-all formulation) with seeds drawn from
 * {@code new SplittableRandom(seed)}; the objective is the sum over the K networks and the
 * prediction the arg-max of their outputs (sign for binary).
 *
 * <p>Resume (by the grid runner): rows already in the run file (by {@code run_key}) are skipped.
 * The per-epoch trajectory (summed objective, training seconds) goes to a second file written
 * before the run row, so a run row always has its trajectory; the partial trajectory of an
 * interrupted run is dropped when the run resumes.
 */
public final class BaselineGrid {

  /** Column names of the run file. */
  public static final List<String> HEADER =
      List.of(
          "run_key",
          "dataset",
          "task",
          "method",
          "loss",
          "width",
          "beta",
          "learning_rate",
          "seed",
          "epochs",
          "batch_fraction",
          "split_seed",
          "test_fraction",
          "n_train",
          "n_test",
          "classes",
          "final_objective",
          "test_accuracy",
          "test_mse_std",
          "diverged",
          "wall_seconds",
          "optimiser",
          "convopt_version");

  /** Column names of the trajectory file. */
  public static final List<String> TRAJECTORY_HEADER =
      List.of("run_key", "epoch", "objective", "wall_seconds");

  /** The default methods: SGD with a fixed rate and Adam. */
  public static final List<String> METHODS = List.of("sgd", "adam");

  /**
   * Every method: {@code sgd} (fixed η), {@code sgd-decay} (η_t = η / (1 + t/S), S the steps per
   * epoch, i.e. η/(1 + epochs done)) and {@code adam} (default β1, β2, ε).
   */
  public static final List<String> KNOWN_METHODS = List.of("sgd", "sgd-decay", "adam");

  /**
   * The grid. ECG windows use {@code window} and {@code stride} (the other datasets ignore them).
   */
  public record Spec(
      List<String> datasets,
      List<String> methods,
      int width,
      double beta,
      List<Double> learningRates,
      List<Long> seeds,
      int epochs,
      double batchFraction,
      Loss loss,
      long splitSeed,
      double testFraction,
      int window,
      int stride) {

    public Spec {
      datasets = List.copyOf(datasets);
      methods = List.copyOf(methods);
      learningRates = List.copyOf(learningRates);
      seeds = List.copyOf(seeds);
      if (datasets.isEmpty() || methods.isEmpty() || learningRates.isEmpty() || seeds.isEmpty()) {
        throw new IllegalArgumentException(
            "datasets, methods, learning rates and seeds must be non-empty");
      }
      for (String m : methods) {
        if (!KNOWN_METHODS.contains(m)) {
          throw new IllegalArgumentException("unknown method '" + m + "'; known: " + KNOWN_METHODS);
        }
      }
      for (double lr : learningRates) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
          throw new IllegalArgumentException("learning rates must be finite and > 0, got " + lr);
        }
      }
      // width, beta, epochs, batch fraction are validated by NonConvexConfig
      NonConvexConfig.defaults()
          .withWidth(width)
          .withBeta(beta)
          .withEpochs(epochs)
          .withBatchFraction(batchFraction);
    }

    /**
     * The {@code --quick} preset: iris and cpu_performance, width 16, 20 epochs, 2 rates × 2 seeds.
     */
    public static Spec quick() {
      return new Spec(
          List.of("iris", "cpu_performance"),
          METHODS,
          16,
          1e-3,
          List.of(0.01, 0.1),
          List.of(1L, 2L),
          20,
          0.1,
          Loss.SQUARED,
          TrainTestSplit.DEFAULT_SEED,
          TrainTestSplit.DEFAULT_TEST_FRACTION,
          WindowedRegression.DEFAULT_WINDOW,
          WindowedRegression.DEFAULT_STRIDE);
    }
  }

  /** The outcome of one grid cell. */
  public record Run(
      String key,
      String dataset,
      Task task,
      String method,
      double learningRate,
      long seed,
      int nTrain,
      int nTest,
      int classes,
      double finalObjective,
      double testAccuracy,
      double testMse,
      boolean diverged,
      double wallSeconds,
      String optimiser,
      List<EpochRecord> trajectory) {

    public Run {
      trajectory = List.copyOf(trajectory);
    }
  }

  private BaselineGrid() {}

  /**
   * A fresh optimiser for {@code method} at learning rate {@code lr}; {@code stepsPerEpoch} sets
   * the decay of {@code sgd-decay}.
   */
  public static Optimiser optimiser(String method, double lr, int stepsPerEpoch) {
    switch (method) {
      case "sgd":
        return Sgd.fixed(lr);
      case "sgd-decay":
        return Sgd.inverseTimeDecay(lr, 1.0 / Math.max(1, stepsPerEpoch));
      case "adam":
        return Adam.of(lr);
      default:
        throw new IllegalArgumentException(
            "unknown method '" + method + "'; known: " + KNOWN_METHODS);
    }
  }

  /** Loads and prepares one dataset of the spec (ECG: windowed, chronological split). */
  public static PreparedData prepare(DataCatalog catalog, String dataset, Spec spec) {
    ManifestEntry e = catalog.entry(dataset);
    if (e.task() == Task.TIMESERIES) {
      return Protocol.prepareWindowed(
          catalog.loadSeries(dataset), spec.window(), spec.stride(), spec.testFraction());
    }
    return Protocol.prepare(catalog.load(dataset), spec.testFraction(), spec.splitSeed());
  }

  /** The resume key of one cell. */
  public static String key(String dataset, String method, Spec spec, double lr, long seed) {
    return String.join(
        "|",
        dataset,
        method,
        spec.loss().name().toLowerCase(Locale.ROOT),
        "m" + spec.width(),
        "beta" + spec.beta(),
        "lr" + lr,
        "seed" + seed,
        "ep" + spec.epochs(),
        "bf" + spec.batchFraction(),
        "split" + spec.splitSeed() + "/" + spec.testFraction(),
        "win" + spec.window() + "/" + spec.stride());
  }

  /** Trains one cell on prepared data (no time limit). */
  public static Run run(PreparedData data, String method, Spec spec, double lr, long seed) {
    return run(data, method, spec, lr, seed, Double.POSITIVE_INFINITY);
  }

  /**
   * Trains one cell on prepared data within {@code timeLimitSeconds} of wall time (split evenly
   * over the K one-vs-all networks of a multi-class set; each stops at the first step that reaches
   * its share, see {@link NonConvexConfig}). The combined trajectory holds a network's last record
   * once it has stopped, so its last point is the final objective.
   */
  public static Run run(
      PreparedData data, String method, Spec spec, double lr, long seed, double timeLimitSeconds) {
    String key = key(data.name(), method, spec, lr, seed);
    double[][] xTr = ReluTrainingProblem.appendBiasColumn(data.xTrain());
    double[][] xTe = ReluTrainingProblem.appendBiasColumn(data.xTest());
    NonConvexConfig base =
        NonConvexConfig.defaults()
            .withWidth(spec.width())
            .withBeta(spec.beta())
            .withLoss(spec.loss())
            .withEpochs(spec.epochs())
            .withBatchFraction(spec.batchFraction())
            .withTimeLimit(timeLimitSeconds / Math.max(1, data.signedProblems()));
    int batch = base.batchSize(xTr.length);
    base = base.withOptimiser(optimiser(method, lr, (xTr.length + batch - 1) / batch));
    List<NonConvexResult> results = new ArrayList<>();
    if (data.task() == Task.REGRESSION) {
      results.add(
          NonConvexTrainer.train(ReluTrainingProblem.of(xTr, data.yTrain()), base.withSeed(seed)));
    } else {
      int problems = data.signedProblems();
      SplittableRandom root = new SplittableRandom(seed);
      for (int c = 0; c < problems; c++) {
        long sub = root.split().nextLong();
        double[] y = problems == 1 ? data.binaryTargets(true) : data.oneVsAll(c, true);
        results.add(NonConvexTrainer.train(ReluTrainingProblem.of(xTr, y), base.withSeed(sub)));
      }
    }
    double obj = 0;
    double wall = 0;
    boolean diverged = false;
    int len = 0;
    for (NonConvexResult r : results) {
      obj += r.finalObjective();
      wall += r.wallSeconds();
      diverged |= r.diverged();
      len = Math.max(len, r.trajectory().size());
    }
    List<EpochRecord> traj = new ArrayList<>();
    for (int e = 0; e < len; e++) {
      double o = 0;
      double w = 0;
      long steps = 0;
      for (NonConvexResult r : results) {
        List<EpochRecord> t = r.trajectory();
        EpochRecord er = t.get(Math.min(e, t.size() - 1));
        o += er.objective();
        w += er.wallSeconds();
        steps += er.steps();
      }
      traj.add(new EpochRecord(e, steps, o, w, Double.NaN));
    }
    double acc = Double.NaN;
    double mse = Double.NaN;
    if (!diverged) {
      if (data.task() == Task.REGRESSION) {
        mse = meanSquaredError(results.get(0).network().predict(xTe), data.yTest());
      } else {
        acc = accuracy(results, xTe, data.labelsTest());
      }
    }
    return new Run(
        key,
        data.name(),
        data.task(),
        method,
        lr,
        seed,
        xTr.length,
        xTe.length,
        data.classCount(),
        obj,
        acc,
        mse,
        diverged,
        wall,
        results.get(0).optimiser(),
        traj);
  }

  /** Fraction of rows whose predicted class (sign, or arg-max of one-vs-all outputs) is right. */
  static double accuracy(List<NonConvexResult> nets, double[][] x, int[] labels) {
    if (labels.length == 0) {
      return Double.NaN;
    }
    double[][] out = new double[nets.size()][];
    for (int c = 0; c < nets.size(); c++) {
      TwoLayerReluNetwork net = nets.get(c).network();
      out[c] = net.predict(x);
    }
    int correct = 0;
    for (int k = 0; k < labels.length; k++) {
      int predicted;
      if (out.length == 1) {
        predicted = out[0][k] >= 0 ? 1 : 0;
      } else {
        predicted = 0;
        for (int c = 1; c < out.length; c++) {
          if (out[c][k] > out[predicted][k]) {
            predicted = c;
          }
        }
      }
      if (predicted == labels[k]) {
        correct++;
      }
    }
    return (double) correct / labels.length;
  }

  static double meanSquaredError(double[] f, double[] y) {
    double s = 0;
    for (int k = 0; k < y.length; k++) {
      double r = f[k] - y[k];
      s += r * r;
    }
    return s / y.length;
  }

  /** One cell: a method on a dataset at a learning rate and seed. */
  public record Cell(String dataset, String method, double lr, long seed) {}

  /** The cells of {@code spec}: datasets × methods × learning rates × seeds. */
  static List<Cell> cells(Spec spec) {
    List<Cell> cells = new ArrayList<>();
    for (String ds : spec.datasets()) {
      for (String method : spec.methods()) {
        for (double lr : spec.learningRates()) {
          for (long seed : spec.seeds()) {
            cells.add(new Cell(ds, method, lr, seed));
          }
        }
      }
    }
    return cells;
  }

  /** The parameters recorded in provenance.csv. */
  static Map<String, String> parameters(Spec spec) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("datasets", String.join(";", spec.datasets()));
    m.put("methods", String.join(";", spec.methods()));
    m.put("width", Integer.toString(spec.width()));
    m.put("beta", num(spec.beta()));
    m.put(
        "learning_rates",
        String.join(";", spec.learningRates().stream().map(Numbers::exact).toList()));
    m.put("seeds", String.join(";", spec.seeds().stream().map(String::valueOf).toList()));
    m.put("epochs", Integer.toString(spec.epochs()));
    m.put("batch_fraction", num(spec.batchFraction()));
    m.put("loss", spec.loss().name().toLowerCase(Locale.ROOT));
    m.put("split_seed", Long.toString(spec.splitSeed()));
    m.put("test_fraction", num(spec.testFraction()));
    m.put("ecg_window", Integer.toString(spec.window()));
    m.put("ecg_stride", Integer.toString(spec.stride()));
    return m;
  }

  /**
   * Runs every missing cell of {@code spec} with the grid runner into the tables {@code runsTable}
   * and {@code trajectoriesTable} (relative to the output folder; provenance.csv beside the runs);
   * returns the runs done now, in grid order.
   */
  public static List<Run> runGrid(
      DataCatalog catalog,
      Spec spec,
      GridSettings settings,
      String runsTable,
      String trajectoriesTable) {
    Map<String, PreparedData> prepared = new LinkedHashMap<>();
    for (String ds : spec.datasets()) {
      prepared.put(ds, prepare(catalog, ds, spec));
    }
    Map<String, Run> runs = new java.util.concurrent.ConcurrentHashMap<>();
    List<Cell> cells = cells(spec);
    Grid<Cell> grid =
        new Grid<>(
            "train-baselines" + (runsTable.contains("-quick/") ? "-quick" : ""),
            cells,
            c -> key(prepared.get(c.dataset()).name(), c.method(), spec, c.lr(), c.seed()),
            List.of(
                new GridTable(trajectoriesTable, TRAJECTORY_HEADER, "run_key"),
                new GridTable(runsTable, HEADER, "run_key")));
    String dir =
        runsTable.contains("/") ? runsTable.substring(0, runsTable.lastIndexOf('/') + 1) : "";
    new GridRunner(settings)
        .run(
            grid,
            c -> {
              Run r = run(prepared.get(c.dataset()), c.method(), spec, c.lr(), c.seed());
              runs.put(r.key(), r);
              List<List<String>> traj = new ArrayList<>();
              for (EpochRecord e : r.trajectory()) {
                traj.add(
                    List.of(
                        r.key(),
                        Integer.toString(e.epoch()),
                        num(e.objective()),
                        num(e.wallSeconds())));
              }
              return CellRows.of(traj, row(r, spec));
            },
            new GridRunner.Description(
                dir + "provenance.csv",
                parameters(spec),
                String.join(";", spec.seeds().stream().map(String::valueOf).toList())));
    List<Run> done = new ArrayList<>();
    for (String k : grid.keys()) {
      if (runs.containsKey(k)) {
        done.add(runs.get(k));
      }
    }
    return done;
  }

  /**
   * {@link #runGrid(DataCatalog, Spec, GridSettings, String, String)} on one thread into two files
   * of one folder.
   */
  public static List<Run> runGrid(
      DataCatalog catalog, Spec spec, Path runsCsv, Path trajectoriesCsv) {
    Path dir = runsCsv.toAbsolutePath().getParent();
    if (!dir.equals(trajectoriesCsv.toAbsolutePath().getParent())) {
      throw new IllegalArgumentException("the runs and trajectories files must share a folder");
    }
    return runGrid(
        catalog,
        spec,
        GridSettings.local(dir, 1),
        runsCsv.getFileName().toString(),
        trajectoriesCsv.getFileName().toString());
  }

  static List<String> row(Run r, Spec spec) {
    return List.of(
        r.key(),
        r.dataset(),
        r.task().name().toLowerCase(Locale.ROOT),
        r.method(),
        spec.loss().name().toLowerCase(Locale.ROOT),
        Integer.toString(spec.width()),
        num(spec.beta()),
        num(r.learningRate()),
        Long.toString(r.seed()),
        Integer.toString(spec.epochs()),
        num(spec.batchFraction()),
        Long.toString(spec.splitSeed()),
        num(spec.testFraction()),
        Integer.toString(r.nTrain()),
        Integer.toString(r.nTest()),
        Integer.toString(r.classes()),
        num(r.finalObjective()),
        num(r.testAccuracy()),
        num(r.testMse()),
        Boolean.toString(r.diverged()),
        Numbers.fixed(r.wallSeconds(), 4),
        r.optimiser(),
        Provenance.version());
  }

  private static String num(double v) {
    return Numbers.exact(v);
  }
}
