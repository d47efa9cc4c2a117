package io.convopt.experiments.compare;

import io.convopt.experiments.data.BaselineGrid;
import io.convopt.experiments.data.DataCatalog;
import io.convopt.experiments.data.PreparedData;
import io.convopt.experiments.data.Task;
import io.convopt.experiments.io.Numbers;
import io.convopt.experiments.io.Provenance;
import io.convopt.solvers.nonconvex.EpochRecord;
import io.convopt.solvers.nonconvex.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One cell of a {@link CompareSpec} and its rows: one row of the runs file per finished cell and
 * its objective-vs-time trace in the traces file (trace rows first, so every run row has a trace;
 * {@link TrainingComparison} runs the cells on the grid runner, which resumes by {@code run_key}
 * and drops the partial trace of a cell that was interrupted).
 *
 * <p>SGD/Adam cells are the non-convex baselines of {@link BaselineGrid#run} with width 2P and the
 * same β (their seeds: initialisation and batch order; multi-class: K one-vs-all networks with
 * sub-seeds). Convex cells are {@link ConvexTraining#train} with pattern seed = the cell's seed (CG
 * by R-FISTA, CR by {@link CompareSpec#crSolver()}); their {@code iterations} (runs and traces) are
 * solver iterations (R-FISTA iterations or Newton steps), those of SGD/Adam optimiser steps. Only
 * training data is used for training and for any choice made later (learning-rate selection in
 * {@link Summaries} uses the training objective); the test part gives the reported metric only.
 */
public final class CompareGrid {

  /** Columns of the runs file. */
  public static final List<String> RUNS_HEADER =
      List.of(
          "run_key",
          "dataset",
          "task",
          "classes",
          "method",
          "model",
          "beta",
          "learning_rate",
          "seed",
          "pattern_seed",
          "split_seed",
          "test_fraction",
          "width",
          "patterns",
          "epochs",
          "batch_fraction",
          "n_train",
          "n_test",
          "final_objective",
          "convex_objective",
          "test_accuracy",
          "test_mse",
          "diverged",
          "stop_reason",
          "iterations",
          "relative_gap",
          "constraint_violation",
          "wall_seconds",
          "cell_seconds",
          "convopt_version");

  /** Columns of the traces file. */
  public static final List<String> TRACES_HEADER =
      List.of(
          "run_key",
          "dataset",
          "method",
          "beta",
          "learning_rate",
          "seed",
          "point",
          "iterations",
          "wall_seconds",
          "objective");

  /** One finished cell (a row of the runs file). */
  public record Row(
      String key,
      String dataset,
      Task task,
      int classes,
      Method method,
      double beta,
      double learningRate,
      long seed,
      int width,
      int patterns,
      int nTrain,
      int nTest,
      double finalObjective,
      double convexObjective,
      double testAccuracy,
      double testMse,
      boolean diverged,
      String stopReason,
      long iterations,
      double relativeGap,
      double constraintViolation,
      double wallSeconds,
      double cellSeconds,
      List<ConvexTraining.TracePoint> trace) {

    public Row {
      trace = List.copyOf(trace);
    }
  }

  private CompareGrid() {}

  /**
   * The resume key: every parameter that changes the cell's result (for CR also the solver, e.g.
   * {@code |solver=ipm}, so runs of another CR solver in the same folder are neither resumed nor
   * summarised).
   */
  public static String key(
      CompareSpec spec, String dataset, Method method, double beta, double lr, long seed) {
    String common =
        String.join(
            "|",
            dataset,
            method.id(),
            "beta" + beta,
            "seed" + seed,
            "split" + spec.splitSeed() + "/" + spec.testFraction(),
            "win" + spec.window() + "/" + spec.stride());
    if (method.isConvex()) {
      return common
          + "|P"
          + spec.patternsFor(method)
          + "|tol"
          + spec.convexTolerance()
          + "|it"
          + spec.convexMaxIterations()
          + "|t"
          + spec.cellSeconds()
          + (method == Method.CR ? "|solver=" + spec.crSolver().name() : "");
    }
    return common
        + "|lr"
        + lr
        + "|m"
        + spec.width()
        + "|ep"
        + spec.epochs()
        + "|bf"
        + spec.batchFraction()
        + "|t"
        + spec.cellSeconds();
  }

  /** Every run key of the grid. */
  public static java.util.Set<String> keys(CompareSpec spec, DataCatalog catalog) {
    java.util.Set<String> keys = new java.util.LinkedHashSet<>();
    for (String ds : spec.datasets()) {
      String name = catalog.entry(ds).name();
      for (double beta : spec.betas()) {
        for (long seed : spec.seeds()) {
          for (Method m : spec.methods()) {
            for (double lr : m.isConvex() ? List.of(Double.NaN) : spec.learningRates()) {
              keys.add(key(spec, name, m, beta, lr, seed));
            }
          }
        }
      }
    }
    return keys;
  }

  /** The baseline-grid spec of the SGD/Adam cells on one dataset and β. */
  static BaselineGrid.Spec baselineSpec(CompareSpec spec, String dataset, double beta) {
    return new BaselineGrid.Spec(
        List.of(dataset),
        List.of("sgd", "adam"),
        spec.width(),
        beta,
        spec.learningRates().isEmpty() ? List.of(0.01) : spec.learningRates(),
        spec.seeds(),
        spec.epochs(),
        spec.batchFraction(),
        Loss.SQUARED,
        spec.splitSeed(),
        spec.testFraction(),
        spec.window(),
        spec.stride());
  }

  /**
   * Trains one cell; {@code name} is the dataset's catalog name (rows and keys use it). A cell
   * whose solver or trainer fails (an exception, or running out of memory at the field's scale)
   * gives a row with stop reason {@code failed:<error>}, no objective and a one-point trace, so one
   * failing method neither stops the grid nor counts as solving anything; rerun with {@code
   * --fresh} to retry it.
   */
  public static Row run(
      CompareSpec spec,
      PreparedData data,
      String name,
      Method method,
      double beta,
      double lr,
      long seed) {
    long t0 = System.nanoTime();
    if (method == Method.CR && spec.crMaxRows() > 0 && data.xTrain().length > spec.crMaxRows()) {
      return unfinished(
          spec, data, name, method, beta, lr, seed, "skipped:rows>" + spec.crMaxRows(), 0);
    }
    try {
      return train(spec, data, name, method, beta, lr, seed);
    } catch (RuntimeException | OutOfMemoryError e) {
      double cell = (System.nanoTime() - t0) * 1e-9;
      return unfinished(
          spec, data, name, method, beta, lr, seed, "failed:" + e.getClass().getSimpleName(), cell);
    }
  }

  /** The row of a cell that gave no model: failed or skipped ({@code reason}). */
  private static Row unfinished(
      CompareSpec spec,
      PreparedData data,
      String name,
      Method method,
      double beta,
      double lr,
      long seed,
      String reason,
      double cell) {
    int classes = Math.max(1, data.signedProblems());
    return new Row(
        key(spec, name, method, beta, lr, seed),
        name,
        data.task(),
        data.classCount(),
        method,
        beta,
        lr,
        seed,
        method.isConvex() ? 0 : spec.width() * classes,
        method.isConvex() ? spec.patternsFor(method) : 0,
        data.xTrain().length,
        data.xTest().length,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        false,
        reason,
        0,
        Double.NaN,
        Double.NaN,
        cell,
        cell,
        List.of(new ConvexTraining.TracePoint(0, 0, 0.0, Double.NaN)));
  }

  private static Row train(
      CompareSpec spec,
      PreparedData data,
      String name,
      Method method,
      double beta,
      double lr,
      long seed) {
    String key = key(spec, name, method, beta, lr, seed);
    int nTr = data.xTrain().length;
    int nTe = data.xTest().length;
    if (method.isConvex()) {
      ConvexTraining.Outcome o =
          ConvexTraining.train(
              data,
              method,
              beta,
              spec.patternsFor(method),
              seed,
              spec.crSolver(),
              spec.solverSettings(),
              spec.secondsFor(nTr));
      return new Row(
          key,
          name,
          data.task(),
          data.classCount(),
          method,
          beta,
          Double.NaN,
          seed,
          o.width(),
          o.patterns(),
          nTr,
          nTe,
          o.objective(),
          o.convexObjective(),
          o.testAccuracy(),
          o.testMse(),
          !Double.isFinite(o.objective()),
          o.stopReason().name().toLowerCase(Locale.ROOT),
          o.iterations(),
          o.relativeGap(),
          o.constraintViolation(),
          o.wallSeconds(),
          o.cellSeconds(),
          o.trace());
    }
    BaselineGrid.Spec b = baselineSpec(spec, data.name(), beta);
    long t0 = System.nanoTime();
    BaselineGrid.Run r = BaselineGrid.run(data, method.id(), b, lr, seed, spec.secondsFor(nTr));
    int epochsRun = Math.max(0, r.trajectory().size() - 1);
    double cell = (System.nanoTime() - t0) * 1e-9;
    List<ConvexTraining.TracePoint> trace = new ArrayList<>();
    for (EpochRecord e : r.trajectory()) {
      trace.add(
          new ConvexTraining.TracePoint(e.epoch(), e.steps(), e.wallSeconds(), e.objective()));
    }
    int classes = data.signedProblems();
    return new Row(
        key,
        name,
        data.task(),
        data.classCount(),
        method,
        beta,
        lr,
        seed,
        spec.width() * Math.max(1, classes),
        0,
        nTr,
        nTe,
        r.finalObjective(),
        Double.NaN,
        r.testAccuracy(),
        r.testMse(),
        r.diverged(),
        r.diverged() ? "diverged" : epochsRun < spec.epochs() ? "time_limit" : "epochs",
        r.trajectory().isEmpty() ? 0 : r.trajectory().get(r.trajectory().size() - 1).steps(),
        Double.NaN,
        Double.NaN,
        r.wallSeconds(),
        cell,
        trace);
  }

  /** The trace rows of a finished cell (written before its runs row). */
  static List<List<String>> traceRows(Row r) {
    List<List<String>> out = new ArrayList<>();
    for (ConvexTraining.TracePoint p : r.trace()) {
      out.add(
          List.of(
              r.key(),
              r.dataset(),
              r.method().id(),
              num(r.beta()),
              num(r.learningRate()),
              Long.toString(r.seed()),
              Integer.toString(p.point()),
              Long.toString(p.iterations()),
              num(p.wallSeconds()),
              num(p.objective())));
    }
    return out;
  }

  static List<String> row(Row r, CompareSpec spec) {
    boolean convex = r.method().isConvex();
    return List.of(
        r.key(),
        r.dataset(),
        r.task().name().toLowerCase(Locale.ROOT),
        Integer.toString(r.classes()),
        r.method().id(),
        r.method().model(),
        num(r.beta()),
        num(r.learningRate()),
        Long.toString(r.seed()),
        convex ? Long.toString(r.seed()) : "",
        Long.toString(spec.splitSeed()),
        num(spec.testFraction()),
        Integer.toString(r.width()),
        convex ? Integer.toString(r.patterns()) : "",
        convex ? "" : Integer.toString(spec.epochs()),
        convex ? "" : num(spec.batchFraction()),
        Integer.toString(r.nTrain()),
        Integer.toString(r.nTest()),
        num(r.finalObjective()),
        num(r.convexObjective()),
        num(r.testAccuracy()),
        num(r.testMse()),
        Boolean.toString(r.diverged()),
        r.stopReason(),
        Long.toString(r.iterations()),
        num(r.relativeGap()),
        num(r.constraintViolation()),
        Numbers.fixed(r.wallSeconds(), 4),
        Numbers.fixed(r.cellSeconds(), 4),
        Provenance.version());
  }

  /**
   * A number as written to the CSV files ({@link Numbers#exact}: NaN, "does not apply", is empty).
   */
  static String num(double v) {
    return Numbers.exact(v);
  }
}
