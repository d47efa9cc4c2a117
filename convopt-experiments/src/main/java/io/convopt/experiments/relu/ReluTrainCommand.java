package io.convopt.experiments.relu;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convopt.experiments.data.CsvTable;
import io.convopt.experiments.data.DatasetFormatException;
import io.convopt.experiments.data.TrainTestSplit;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.solve.ReluSolvers;
import io.convopt.solvers.relu.train.ConvexReluModel;
import io.convopt.solvers.relu.train.ConvexReluTrainer;
import io.convopt.solvers.relu.train.FitSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code convopt relu-train --data FILE.csv --target COL [--test FILE.csv | --split F]
 * --formulation gated|relu (--patterns P | --gates G.csv) --beta B --loss squared|hinge|logistic
 * [--standardize] [--solver auto|fista|al|admm|ipm] [--seed S] [--threads T] [--model-out M.json]
 * [--json]}: trains a two-layer ReLU network on a CSV file through {@link ConvexReluTrainer} and
 * prints the objective, its certificate, the solver's effort, the active neurons and the metric on
 * the training and test rows (squared loss: RMSE; hinge/logistic: accuracy, the two classes of the
 * target mapped to -1/+1 in sorted order).
 *
 * <p>Exit codes: 0 trained and certified to the tolerance; 1 the solver stopped short of it (the
 * model is still printed and saved) or failed; 2 bad input, named in the message.
 */
@Command(
    name = "relu-train",
    mixinStandardHelpOptions = true,
    header = "Train a ReLU network on a CSV file by convex optimisation.",
    description = {
      "Train a two-layer ReLU network on a CSV file by convex optimisation (gated or ReLU program"
          + " over sampled or given activation patterns), with a certificate of optimality.",
      "Exit codes: 0 certified, 1 not certified within the budget or failed, 2 bad input."
    })
public final class ReluTrainCommand implements Callable<Integer> {

  /** Seconds without progress lines at the start (short runs print none). */
  static final double PROGRESS_QUIET_SECONDS = 2;

  /** Seconds between progress lines on stderr (each from the solver's listener). */
  static final double PROGRESS_EVERY_SECONDS = 5;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE.csv",
      description = "training data: a header line of column names, then numeric rows")
  Path data;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "COL",
      description = "the target column; every other column is a feature")
  String target;

  @Option(
      names = "--test",
      paramLabel = "FILE.csv",
      description = "test rows with the same columns (instead of --split)")
  Path test;

  @Option(
      names = "--split",
      paramLabel = "F",
      description =
          "hold out this fraction of --data as test rows, seeded by --seed"
              + " (stratified for hinge/logistic)")
  Double split;

  @Option(
      names = "--formulation",
      required = true,
      paramLabel = "gated|relu",
      description =
          "gated (gated ReLU network, group Lasso) or relu (ReLU network, cone" + " constraints)")
  String formulation;

  @Option(
      names = "--patterns",
      paramLabel = "P",
      description =
          "number of Gaussian gates to sample (seeded by --seed; duplicate patterns are"
              + " dropped)")
  Integer patterns;

  @Option(
      names = "--gates",
      paramLabel = "G.csv",
      description =
          "explicit gates instead of --patterns: a (d+1) x P numeric matrix without"
              + " header, one gate per column, the bias row last (d rows with --no-bias), in the"
              + " feature space after --standardize")
  Path gates;

  @Option(
      names = "--beta",
      required = true,
      paramLabel = "B",
      description = "weight decay, >= 0 (objective: loss summed over rows + B * sum ||u_i||)")
  double beta;

  @Option(
      names = "--loss",
      required = true,
      paramLabel = "squared|hinge|logistic",
      description = "squared (regression) or hinge/logistic (two classes)")
  String loss;

  @Option(
      names = "--standardize",
      description = "standardise the feature columns (mean and deviation of the training rows)")
  boolean standardize;

  @Option(names = "--no-bias", description = "do not append a bias column of ones")
  boolean noBias;

  @Option(
      names = "--solver",
      defaultValue = ReluSolvers.AUTO,
      paramLabel = "auto|fista|al|admm|ipm",
      description =
          "auto (the default choice for the program), fista (gated, smooth loss), al,"
              + " admm or ipm (beta > 0) (default: ${DEFAULT-VALUE})")
  String solver;

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "seed of the gate sampling and the split (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--threads",
      defaultValue = "1",
      description = "ND4J threads for large products (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(
      names = "--tol",
      defaultValue = "1e-6",
      description = "relative certificate tolerance (default: ${DEFAULT-VALUE})")
  double tol;

  @Option(
      names = "--max-iterations",
      defaultValue = "500000",
      description = "iteration budget in the solver's unit (default: ${DEFAULT-VALUE})")
  int maxIterations;

  @Option(
      names = "--model-out",
      paramLabel = "M.json",
      description = "write the trained model as JSON")
  Path modelOut;

  @Option(names = "--json", description = "print one JSON object on the last line")
  boolean json;

  /** A bad input found while preparing the run: exit code 2 with this message. */
  private static final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
      super(message);
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(out, err);
    } catch (BadInput | IllegalArgumentException e) {
      err.println("relu-train: " + e.getMessage());
      err.flush();
      return 2;
    } finally {
      out.flush();
    }
  }

  private int run(PrintWriter out, PrintWriter err) throws BadInput {
    Formulation form = Formulation.parse(formulation);
    if (form == Formulation.RELU_ROBUST) {
      throw new BadInput(
          "--formulation: relu-train takes gated or relu (the robust program is"
              + " solved by relu-solve)");
    }
    Loss lossKind = Loss.parse(loss);
    if (!(beta >= 0) || !Double.isFinite(beta)) {
      throw new BadInput("--beta: must be a finite number >= 0, got " + beta);
    }
    if ((patterns == null) == (gates == null)) {
      throw new BadInput(
          patterns == null
              ? "give the activation patterns: --patterns P (sampled gates) or --gates G.csv"
              : "give either --patterns or --gates, not both");
    }
    if (patterns != null && patterns < 1) {
      throw new BadInput("--patterns: P must be >= 1, got " + patterns);
    }
    if (test != null && split != null) {
      throw new BadInput("give either --test FILE.csv or --split F, not both");
    }
    if (!(tol > 0) || !Double.isFinite(tol)) {
      throw new BadInput("--tol: must be a positive number, got " + tol);
    }
    if (maxIterations < 1) {
      throw new BadInput("--max-iterations: must be >= 1, got " + maxIterations);
    }
    if (threads < 1) {
      throw new BadInput("--threads: must be >= 1, got " + threads);
    }
    ConvexReluTrainer trainer =
        ConvexReluTrainer.create()
            .withFormulation(form)
            .withLoss(lossKind)
            .withBeta(beta)
            .withSolver(solver)
            .withSeed(seed)
            .withTolerance(tol)
            .withMaxIterations(maxIterations)
            .withThreads(threads)
            .withStandardization(standardize)
            .withBias(!noBias);
    if (patterns != null) {
      trainer = trainer.withPatterns(patterns);
    } else {
      try {
        trainer = trainer.withGates(CsvTable.readMatrix(gates));
      } catch (IOException e) {
        throw new BadInput("--gates: cannot read " + gates + " (" + e + ")");
      }
    }

    CsvTable table = read(data, "--data");
    int targetCol = table.column(target);
    if (targetCol < 0) {
      throw new BadInput(
          "--target: "
              + data
              + " has no column '"
              + target
              + "'; its columns are: "
              + String.join(", ", table.header()));
    }
    List<String> featureNames = new ArrayList<>(table.header());
    featureNames.remove(targetCol);
    if (featureNames.isEmpty()) {
      throw new BadInput(data + ": no feature columns besides the target '" + target + "'");
    }
    int[] featureCols = columns(table, featureNames);
    double[][] x = table.numbers(featureCols);
    boolean classify = lossKind.needsSignLabels();
    Labels labels = classify ? Labels.of(table, targetCol, lossKind) : null;
    double[] y = classify ? labels.encode(table, targetCol) : column(table, targetCol);

    double[][] xTrain = x;
    double[] yTrain = y;
    double[][] xTest = null;
    double[] yTest = null;
    if (split != null) {
      if (!(split > 0 && split < 1)) {
        throw new BadInput("--split: the test fraction must be in (0, 1), got " + split);
      }
      TrainTestSplit s = splitRows(y, classify);
      if (s.train().length == 0 || s.test().length == 0) {
        throw new BadInput(
            "--split "
                + split
                + " of "
                + y.length
                + " rows leaves "
                + s.train().length
                + " training and "
                + s.test().length
                + " test rows; both must be non-empty");
      }
      xTrain = rows(x, s.train());
      yTrain = rows(y, s.train());
      xTest = rows(x, s.test());
      yTest = rows(y, s.test());
    } else if (test != null) {
      CsvTable t = read(test, "--test");
      List<String> missing = new ArrayList<>();
      for (String name : table.header()) {
        if (t.column(name) < 0) {
          missing.add(name);
        }
      }
      if (!missing.isEmpty()) {
        throw new BadInput(
            "--test: "
                + test
                + " lacks the column(s) "
                + String.join(", ", missing)
                + " of "
                + data);
      }
      xTest = t.numbers(columns(t, featureNames));
      yTest = classify ? labels.encode(t, t.column(target)) : column(t, t.column(target));
    }

    FitSummary fs;
    ConvexReluModel model;
    err.printf(
        Locale.ROOT,
        "relu-train: %s program, %d training rows, %d features, %s; solving"
            + " (iteration, objective, certificate and elapsed time are reported every %.0f s"
            + " after the first %.0f s, and when the solve ends)%n",
        form.id(),
        yTrain.length,
        featureNames.size(),
        patterns != null ? patterns + " sampled gates" : "gates of " + gates,
        PROGRESS_EVERY_SECONDS,
        PROGRESS_QUIET_SECONDS);
    err.flush();
    ProgressLines progress =
        new ProgressLines(
            err, "relu-train", PROGRESS_QUIET_SECONDS, PROGRESS_EVERY_SECONDS, System::nanoTime);
    try {
      model = trainer.fit(xTrain, yTrain, progress);
    } catch (IllegalArgumentException e) {
      String where =
          gates != null && e.getMessage().startsWith("gates:") ? "--gates " + gates + ": " : "";
      throw new BadInput(where + e.getMessage());
    } catch (RuntimeException e) {
      err.println("relu-train: solver failed: " + e);
      return 1;
    }
    fs = model.summary();
    if (fs.seconds() > 2) {
      err.printf(
          Locale.ROOT,
          "relu-train: iteration %d, objective %.9g, certificate %.3e," + " elapsed %.1f s%n",
          fs.iterations(),
          fs.objective(),
          fs.relativeGap(),
          fs.seconds());
    }
    String metric = classify ? "accuracy" : "rmse";
    double trainMetric = metric(model, xTrain, yTrain, classify);
    Double testMetric = xTest == null ? null : metric(model, xTest, yTest, classify);
    if (modelOut != null) {
      try {
        model.save(modelOut);
      } catch (IOException e) {
        err.println("relu-train: cannot write --model-out " + modelOut + " (" + e + ")");
        return 1;
      }
    }

    out.printf(
        Locale.ROOT,
        "data         %s: %d training rows, %s, %d features, target %s%n",
        data,
        yTrain.length,
        xTest == null ? "no test rows" : xTest.length + " test rows",
        featureNames.size(),
        target);
    if (classify) {
      out.printf(Locale.ROOT, "classes      -1 = %s, +1 = %s%n", labels.negative, labels.positive);
    }
    out.printf(
        Locale.ROOT,
        "program      %s, %s loss, P=%d patterns (%s), beta=%s%s%s%n",
        form.id(),
        lossKind.name().toLowerCase(Locale.ROOT),
        fs.patterns(),
        fs.seed() >= 0 ? fs.gatesDrawn() + " gates drawn, seed " + fs.seed() : "given gates",
        beta,
        noBias ? "" : ", bias column",
        standardize ? ", standardized" : "");
    out.printf(Locale.ROOT, "solver       %s (%s)%n", fs.solver(), fs.solverReason());
    out.printf(
        Locale.ROOT,
        "objective    %.12g (data %.12g + penalty %.12g)%n",
        fs.objective(),
        fs.dataTerm(),
        fs.penalty());
    out.printf(
        Locale.ROOT,
        "certificate  relative duality gap %.3e (tolerance %s)%n",
        fs.relativeGap(),
        tol);
    out.printf(
        Locale.ROOT,
        "iterations   %d (outer %d), %s%n",
        fs.iterations(),
        fs.outerIterations(),
        fs.stopReason());
    out.printf(Locale.ROOT, "seconds      %.4f%n", fs.seconds());
    out.printf(
        Locale.ROOT,
        "neurons      %d active of %d blocks%n",
        model.neurons(),
        fs.patterns() * (form == Formulation.RELU ? 2 : 1));
    out.printf(Locale.ROOT, "train %-8s %.6g%n", metric, trainMetric);
    if (testMetric != null) {
      out.printf(Locale.ROOT, "test %-9s %.6g%n", metric, testMetric);
    }
    if (modelOut != null) {
      out.println("model        " + modelOut);
    }
    if (json) {
      ObjectNode o = new ObjectMapper().createObjectNode();
      o.put("data", data.toString());
      o.put("formulation", form.id());
      o.put("loss", lossKind.name().toLowerCase(Locale.ROOT));
      o.put("beta", beta);
      o.put("patterns", fs.patterns());
      o.put("seed", fs.seed());
      o.put("solver", fs.solver());
      o.put("solver_reason", fs.solverReason());
      o.put("objective", fs.objective());
      o.put("data_term", fs.dataTerm());
      o.put("penalty", fs.penalty());
      o.put("certificate", fs.relativeGap());
      o.put("iterations", fs.iterations());
      o.put("outer_iterations", fs.outerIterations());
      o.put("seconds", fs.seconds());
      o.put("stop_reason", fs.stopReason().name());
      o.put("neurons", model.neurons());
      o.put("train_rows", yTrain.length);
      o.put("test_rows", xTest == null ? 0 : xTest.length);
      o.put("metric", metric);
      o.put("train_metric", trainMetric);
      if (testMetric == null) {
        o.putNull("test_metric");
      } else {
        o.put("test_metric", testMetric);
      }
      if (modelOut == null) {
        o.putNull("model");
      } else {
        o.put("model", modelOut.toString());
      }
      out.println(o.toString());
    }
    if (!fs.converged()) {
      err.printf(
          Locale.ROOT,
          "relu-train: not certified to the tolerance %s: the solver stopped"
              + " with %s at a relative gap of %.3e%n",
          tol,
          fs.stopReason(),
          fs.relativeGap());
      return 1;
    }
    return 0;
  }

  private static double metric(ConvexReluModel m, double[][] x, double[] y, boolean classify) {
    return classify ? m.accuracy(x, y) : m.rootMeanSquaredError(x, y);
  }

  private TrainTestSplit splitRows(double[] y, boolean classify) {
    if (!classify) {
      return TrainTestSplit.random(y.length, split, seed);
    }
    int[] classes = new int[y.length];
    for (int k = 0; k < y.length; k++) {
      classes[k] = y[k] > 0 ? 1 : 0;
    }
    return TrainTestSplit.stratified(classes, split, seed);
  }

  private static CsvTable read(Path file, String option) throws BadInput {
    try {
      return CsvTable.read(file);
    } catch (IOException e) {
      throw new BadInput(option + ": cannot read " + file + " (" + e + ")");
    } catch (DatasetFormatException e) {
      throw new BadInput(option + ": " + e.getMessage());
    }
  }

  private static int[] columns(CsvTable t, List<String> names) {
    int[] c = new int[names.size()];
    for (int j = 0; j < c.length; j++) {
      c[j] = t.column(names.get(j));
    }
    return c;
  }

  private static double[] column(CsvTable t, int col) {
    double[] v = new double[t.rows()];
    for (int r = 0; r < v.length; r++) {
      v[r] = t.number(r, col);
    }
    return v;
  }

  private static double[][] rows(double[][] x, int[] idx) {
    double[][] out = new double[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      out[i] = x[idx[i]];
    }
    return out;
  }

  private static double[] rows(double[] y, int[] idx) {
    double[] out = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = y[idx[i]];
    }
    return out;
  }

  /**
   * The two classes of a target column, mapped to -1 and +1 in sorted order (numerically when every
   * value is a number, else as text).
   */
  private static final class Labels {
    final String negative;
    final String positive;
    private final boolean numeric;

    private Labels(String negative, String positive, boolean numeric) {
      this.negative = negative;
      this.positive = positive;
      this.numeric = numeric;
    }

    static Labels of(CsvTable t, int col, Loss loss) throws BadInput {
      boolean numeric = true;
      for (int r = 0; r < t.rows() && numeric; r++) {
        numeric = number(t.cell(r, col)) != null;
      }
      java.util.TreeMap<Object, String> distinct = new java.util.TreeMap<>();
      for (int r = 0; r < t.rows(); r++) {
        String cell = t.cell(r, col);
        distinct.putIfAbsent(numeric ? (Object) number(cell) : cell, cell);
      }
      String lossName = loss.name().toLowerCase(Locale.ROOT);
      if (distinct.size() != 2) {
        List<String> shown = new ArrayList<>(distinct.values());
        String list =
            String.join(", ", shown.subList(0, Math.min(10, shown.size())))
                + (shown.size() > 10 ? ", ..." : "");
        throw new BadInput(
            "--target: column '"
                + t.header().get(col)
                + "' has "
                + distinct.size()
                + " distinct value(s) ("
                + list
                + "); the "
                + lossName
                + " loss needs exactly two classes (use --loss squared for regression)");
      }
      return new Labels(distinct.firstEntry().getValue(), distinct.lastEntry().getValue(), numeric);
    }

    /** -1/+1 for every row of column {@code col}; a third value is an error naming its row. */
    double[] encode(CsvTable t, int col) throws BadInput {
      double[] y = new double[t.rows()];
      for (int r = 0; r < y.length; r++) {
        String cell = t.cell(r, col);
        if (same(cell, negative)) {
          y[r] = -1;
        } else if (same(cell, positive)) {
          y[r] = 1;
        } else {
          throw new BadInput(
              t.file()
                  + ", line "
                  + (r + 2)
                  + ", column "
                  + (col + 1)
                  + ": target '"
                  + cell
                  + "' is neither class "
                  + negative
                  + " nor "
                  + positive);
        }
      }
      return y;
    }

    private boolean same(String cell, String label) {
      if (!numeric) {
        return cell.equals(label);
      }
      Double v = number(cell);
      return v != null && v.equals(number(label));
    }

    private static Double number(String s) {
      try {
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? v : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }
}
