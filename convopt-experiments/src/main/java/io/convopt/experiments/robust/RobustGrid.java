package io.convopt.experiments.robust;

import io.convopt.experiments.data.DataCatalog;
import io.convopt.experiments.data.ManifestEntry;
import io.convopt.experiments.data.PreparedData;
import io.convopt.experiments.data.Protocol;
import io.convopt.experiments.data.Task;
import io.convopt.experiments.io.Numbers;
import io.convopt.experiments.io.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs every cell (dataset × seed × method) of a {@link RobustSpec}: trains the network ({@link
 * RobustTraining}), attacks it at every radius ({@link RobustEvaluation}) and appends its rows to
 * {@code robustness.csv} (one per radius) and then its row to {@code runs.csv} ({@link
 * RobustComparison} runs the cells on the grid runner: an interrupted run loses at most the cells
 * in progress, resumes by {@code run_key} and drops their partial blocks). Only the training part
 * is used for training; no choice is made on the test part (the learning rate and all budgets are
 * fixed by the spec).
 */
public final class RobustGrid {

  /** Columns of {@code runs.csv}. */
  public static final List<String> RUNS_HEADER =
      List.of(
          "run_key",
          "dataset",
          "method",
          "seed",
          "pattern_seed",
          "eps_train",
          "beta",
          "width",
          "patterns",
          "learning_rate",
          "epochs",
          "batch_fraction",
          "train_pgd_steps",
          "n_train",
          "n_train_used",
          "n_test",
          "clean_train_objective",
          "solver_objective",
          "train_accuracy",
          "clean_accuracy",
          "stop_reason",
          "iterations",
          "relative_gap",
          "constraint_violation",
          "linear_share",
          "nontrivial_share",
          "gaussian_nontrivial_share",
          "train_seconds",
          "attack_seconds",
          "attack_seed",
          "pgd_steps",
          "pgd_restarts",
          "split_seed",
          "test_fraction",
          "convopt_version");

  /** Columns of {@code robustness.csv}. */
  public static final List<String> ROBUSTNESS_HEADER =
      List.of(
          "run_key",
          "dataset",
          "method",
          "seed",
          "eps_train",
          "eps",
          "pgd_step_size",
          "pgd_accuracy",
          "robust_accuracy",
          "clean_accuracy",
          "attack_seed",
          "pgd_steps",
          "pgd_restarts",
          "n_test");

  /** One finished cell. */
  public record Row(
      String key,
      String dataset,
      RobustMethod method,
      long seed,
      int nTrain,
      int nUsed,
      int nTest,
      RobustTraining.Trained trained,
      RobustEvaluation.Accuracies accuracies) {}

  private RobustGrid() {}

  /** The resume key: every parameter that changes the cell's result. */
  public static String key(RobustSpec spec, String dataset, RobustMethod m, long seed) {
    StringBuilder sb =
        new StringBuilder(
            String.join(
                "|",
                dataset,
                m.id(),
                "seed" + seed,
                "beta" + spec.beta(),
                "split" + spec.splitSeed() + "/" + spec.testFraction(),
                "ntr" + spec.maxTrainRows()));
    if (m.isAdversarial()) {
      sb.append("|epstr").append(spec.epsTrain());
    }
    if (m.isConvex()) {
      sb.append("|P").append(spec.patternDraws());
      sb.append(
          m == RobustMethod.CR
              ? "|ipm" + spec.alMaxIterations() + "/" + spec.alTolerance() + "|robust-gates"
              : "|ipm" + spec.admmMaxIterations() + "/" + spec.admmTolerance() + "|robust-gates");
    } else {
      sb.append("|m")
          .append(spec.width())
          .append("|lr")
          .append(spec.learningRate())
          .append("|ep")
          .append(spec.epochs())
          .append("|bf")
          .append(spec.batchFraction());
      if (m.isAdversarial()) {
        sb.append("|trsteps").append(spec.trainPgdSteps());
      }
    }
    sb.append("|eps")
        .append(String.join(";", spec.epsGrid().stream().map(String::valueOf).toList()))
        .append("|pgd")
        .append(spec.evalPgdSteps())
        .append('x')
        .append(spec.evalRestarts())
        .append("|as")
        .append(spec.attackSeed());
    return sb.toString();
  }

  /**
   * Loads and prepares a binary classification dataset (the 80/20 protocol); others are rejected.
   */
  public static PreparedData prepare(DataCatalog catalog, String dataset, RobustSpec spec) {
    ManifestEntry e = catalog.entry(dataset);
    if (e.task() != Task.CLASSIFICATION) {
      throw new IllegalArgumentException(
          "--datasets: "
              + dataset
              + " is not a classification dataset; compare-robust needs binary classification (e.g."
              + " ionosphere, sonar, breast_cancer_wdbc)");
    }
    PreparedData d = Protocol.prepare(catalog.load(dataset), spec.testFraction(), spec.splitSeed());
    if (d.classCount() != 2) {
      throw new IllegalArgumentException(
          "--datasets: "
              + dataset
              + " has "
              + d.classCount()
              + " classes; compare-robust needs binary classification (e.g. ionosphere, sonar,"
              + " breast_cancer_wdbc)");
    }
    return d;
  }

  /** Every run key of the grid. */
  public static Set<String> keys(RobustSpec spec, DataCatalog catalog) {
    Set<String> keys = new java.util.LinkedHashSet<>();
    for (String ds : spec.datasets()) {
      String name = catalog.entry(ds).name();
      for (long seed : spec.seeds()) {
        for (RobustMethod m : spec.methods()) {
          keys.add(key(spec, name, m, seed));
        }
      }
    }
    return keys;
  }

  /** Trains and attacks one cell. */
  public static Row run(
      RobustSpec spec, PreparedData data, String name, RobustMethod m, long seed) {
    RobustTraining.TrainingSet t =
        RobustTraining.trainingSet(data, spec.maxTrainRows(), spec.splitSeed());
    RobustTraining.Trained tr = RobustTraining.train(m, t, spec, seed);
    double[][] xTe =
        io.convopt.solvers.nonconvex.ReluTrainingProblem.appendBiasColumn(data.xTest());
    double[] yTe = data.binaryTargets(false);
    RobustEvaluation.Accuracies acc =
        RobustEvaluation.evaluate(
            tr.function(),
            xTe,
            yTe,
            RobustTraining.perturbed(xTe[0].length),
            spec.epsGrid(),
            spec.evalPgdSteps(),
            spec.evalRestarts(),
            spec.attackSeed());
    return new Row(
        key(spec, name, m, seed), name, m, seed, t.available(), t.y().length, yTe.length, tr, acc);
  }

  static List<List<String>> robustnessRows(Row r, RobustSpec spec) {
    List<List<String>> out = new ArrayList<>();
    for (int e = 0; e < spec.epsGrid().size(); e++) {
      double eps = spec.epsGrid().get(e);
      out.add(
          List.of(
              r.key(),
              r.dataset(),
              r.method().id(),
              Long.toString(r.seed()),
              r.method().isAdversarial() ? num(spec.epsTrain()) : "0.0",
              num(eps),
              num(RobustEvaluation.stepSize(eps, spec.evalPgdSteps())),
              num(r.accuracies().pgd()[e]),
              num(r.accuracies().robust()[e]),
              num(r.accuracies().clean()),
              Long.toString(spec.attackSeed()),
              Integer.toString(spec.evalPgdSteps()),
              Integer.toString(spec.evalRestarts()),
              Integer.toString(r.nTest())));
    }
    return out;
  }

  static List<String> runRow(Row r, RobustSpec spec) {
    RobustTraining.Trained t = r.trained();
    boolean convex = r.method().isConvex();
    return List.of(
        r.key(),
        r.dataset(),
        r.method().id(),
        Long.toString(r.seed()),
        convex ? Long.toString(r.seed()) : "",
        r.method().isAdversarial() ? num(spec.epsTrain()) : "0.0",
        num(spec.beta()),
        Integer.toString(t.width()),
        convex ? Integer.toString(t.patterns()) : "",
        convex ? "" : num(spec.learningRate()),
        convex ? "" : Integer.toString(spec.epochs()),
        convex ? "" : num(spec.batchFraction()),
        r.method() == RobustMethod.SGD_PGD ? Integer.toString(spec.trainPgdSteps()) : "",
        Integer.toString(r.nTrain()),
        Integer.toString(r.nUsed()),
        Integer.toString(r.nTest()),
        num(t.cleanObjective()),
        num(t.solverObjective()),
        num(t.trainAccuracy()),
        num(r.accuracies().clean()),
        t.stopReason(),
        Long.toString(t.iterations()),
        num(t.relativeGap()),
        num(t.constraintViolation()),
        num(t.linearShare()),
        num(t.nontrivialShare()),
        num(t.gaussianNontrivialShare()),
        Numbers.fixed(t.seconds(), 4),
        Numbers.fixed(r.accuracies().seconds(), 4),
        Long.toString(spec.attackSeed()),
        Integer.toString(spec.evalPgdSteps()),
        Integer.toString(spec.evalRestarts()),
        Long.toString(spec.splitSeed()),
        num(spec.testFraction()),
        Provenance.version());
  }

  /** A number as written ({@link Numbers#exact}: NaN, "does not apply", is empty). */
  static String num(double v) {
    return Numbers.exact(v);
  }
}
