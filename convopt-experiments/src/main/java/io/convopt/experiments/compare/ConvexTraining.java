package io.convopt.experiments.compare;

import io.convopt.experiments.data.PreparedData;
import io.convopt.experiments.data.Task;
import io.convopt.solvers.nonconvex.ReluObjective;
import io.convopt.solvers.nonconvex.ReluTrainingProblem;
import io.convopt.solvers.nonconvex.TwoLayerReluNetwork;
import io.convopt.solvers.relu.ConvexReluSolver;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ProgressListener;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.TwoLayerNetwork;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import io.convopt.solvers.relu.solve.ProximalGradientSolver;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains one convex cell of the comparison: the gated (CG, R-FISTA) or constrained (CR; see {@link
 * CrSolver}) program on the training part of a prepared dataset, with {@code P} gates drawn from
 * {@code seed} (bias column appended, half squared loss summed over samples, weight β — the same
 * scaling as {@link ReluObjective}).
 *
 * <p>Targets: the standardised target for regression, ±1 labels for binary classification and K
 * one-vs-all ±1 problems on the same patterns for K ≥ 3 classes (each hidden unit feeds one
 * output); objectives, times and iteration counts are summed over the K programs, predictions are
 * the sign (binary) or the arg-max (one-vs-all) of the recovered networks' outputs.
 *
 * <p><b>Budget.</b> Each program is solved once, from zero, with a wall-clock limit of the cell's
 * budget divided by K; it stops at its certificate tolerance, its iteration cap or the limit and
 * the row records what it reached (stop reason, relative certificate, constraint violation).
 *
 * <p><b>Objective-vs-time trace.</b> CG: one point per certificate check of R-FISTA (its progress
 * reports), the K programs laid end to end — at a report of program j the point is the objective of
 * the whole model then: the finished programs' final objectives, program j's current one and ½‖y‖²
 * (the zero network's) for the programs not started. CR: the zero network at time 0 and the
 * recovered network at the end only, because the solvers' intermediate objectives are those of
 * iterates that may violate the cone constraints, not of a ReLU network.
 *
 * <p><b>Objective recorded.</b> CR: the non-convex objective (NC) of the recovered ReLU network,
 * evaluated by {@link ReluObjective} exactly as for SGD/Adam (equal to the convex objective when
 * the solution is feasible; the difference is recorded). CG: the convex objective, which is the
 * objective of the recovered <em>gated</em> network (a different model; a relaxation of CR).
 */
public final class ConvexTraining {

  /** One point of the objective-vs-time trace. */
  public record TracePoint(int point, long iterations, double wallSeconds, double objective) {}

  /**
   * The outcome of a convex cell.
   *
   * @param objective training objective of the trained model (see class comment), summed over
   *     programs
   * @param convexObjective the convex program's objective, summed
   * @param patterns distinct patterns P' kept after deduplication (≤ draws)
   * @param width total recovered neurons (over programs)
   * @param testAccuracy classification accuracy on the test part (NaN for regression)
   * @param testMse regression test MSE in standardised target units (NaN for classification)
   * @param stopReason CONVERGED if every program met its tolerance, else the first other reason
   * @param iterations solver iterations (R-FISTA or ADMM iterations, Newton steps), summed
   * @param relativeGap largest relative duality gap over the programs
   * @param constraintViolation largest scaled cone violation (0 for CG)
   * @param wallSeconds wall time of the solves (summed over programs)
   * @param cellSeconds wall time of the whole cell (sampling, setup, solves)
   */
  public record Outcome(
      double objective,
      double convexObjective,
      int patterns,
      int width,
      double testAccuracy,
      double testMse,
      StopReason stopReason,
      long iterations,
      double relativeGap,
      double constraintViolation,
      double wallSeconds,
      double cellSeconds,
      List<TracePoint> trace) {

    public Outcome {
      trace = List.copyOf(trace);
    }
  }

  private ConvexTraining() {}

  /** The solver of a convex method: R-FISTA for CG, {@code crSolver} for CR. */
  static ConvexReluSolver solver(Method method, CrSolver crSolver, ReluSolverSettings settings) {
    switch (method) {
      case CG:
        return new ProximalGradientSolver(settings);
      case CR:
        return crSolver.create(settings);
      default:
        throw new IllegalArgumentException(
            "method " + method.id() + " is not a supported convex method");
    }
  }

  /** The training targets of the ±1 / regression programs (one per class for K ≥ 3). */
  static List<double[]> targets(PreparedData data) {
    List<double[]> ys = new ArrayList<>();
    if (data.task() == Task.REGRESSION) {
      ys.add(data.yTrain());
    } else if (data.signedProblems() == 1) {
      ys.add(data.binaryTargets(true));
    } else {
      for (int c = 0; c < data.signedProblems(); c++) {
        ys.add(data.oneVsAll(c, true));
      }
    }
    return ys;
  }

  /**
   * Trains the cell.
   *
   * @param draws gates drawn (P); duplicates and the zero pattern are dropped
   * @param seed pattern seed
   * @param crSolver solver of the CR program (ignored for CG)
   * @param settings solver settings (tolerance, iteration cap)
   * @param timeBudgetSeconds wall-clock budget of the cell, split evenly over its programs
   */
  public static Outcome train(
      PreparedData data,
      Method method,
      double beta,
      int draws,
      long seed,
      CrSolver crSolver,
      ReluSolverSettings settings,
      double timeBudgetSeconds) {
    long cell0 = System.nanoTime();
    double[][] xTr = ReluTrainingProblem.appendBiasColumn(data.xTrain());
    double[][] xTe = ReluTrainingProblem.appendBiasColumn(data.xTest());
    ActivationPatterns patterns = ActivationPatterns.sample(xTr, draws, seed);
    Formulation f = method == Method.CG ? Formulation.GATED : Formulation.RELU;
    List<double[]> ys = targets(data);
    double[] atZero = new double[ys.size()];
    List<ReluProblem> problems = new ArrayList<>();
    for (int k = 0; k < ys.size(); k++) {
      problems.add(new ReluProblem(xTr, ys.get(k), patterns, beta, Loss.SQUARED, f));
      atZero[k] = 0.5 * sumOfSquares(ys.get(k));
    }
    ConvexReluSolver solver =
        solver(method, crSolver, settings.withTimeLimit(timeBudgetSeconds / problems.size()));
    List<TracePoint> trace = new ArrayList<>();
    trace.add(new TracePoint(0, 0, 0.0, sum(atZero, 0, atZero.length)));
    List<TwoLayerNetwork> nets = new ArrayList<>();
    double obj = 0;
    double convex = 0;
    long it = 0;
    double wall = 0;
    StopReason reason = StopReason.CONVERGED;
    double gap = 0;
    double viol = 0;
    for (int k = 0; k < problems.size(); k++) {
      ReluProblem p = problems.get(k);
      ProgressListener listener = ProgressListener.none();
      if (method == Method.CG) {
        // the whole model's objective at this report: finished + current + not yet started
        double before = obj;
        double after = sum(atZero, k + 1, atZero.length);
        double offset = wall;
        long itBefore = it;
        listener =
            pr -> {
              trace.add(
                  new TracePoint(
                      trace.size(),
                      itBefore + pr.iteration(),
                      offset + pr.seconds(),
                      before + pr.objective() + after));
              return ProgressListener.Action.CONTINUE;
            };
      }
      ReluSolution s = solver.solve(p, null, listener);
      TwoLayerNetwork net = TwoLayerNetwork.recover(p, s);
      nets.add(net);
      convex += s.objective();
      obj += method == Method.CR ? reluObjective(net, xTr, p.targets(), beta) : s.objective();
      it += s.iterations();
      wall += s.wallSeconds();
      if (s.stopReason() != StopReason.CONVERGED && reason == StopReason.CONVERGED) {
        reason = s.stopReason();
      }
      gap = Math.max(gap, s.certificate().relativeGap());
      viol = Math.max(viol, s.certificate().constraintViolation());
    }
    trace.add(new TracePoint(trace.size(), it, wall, obj));
    double acc = Double.NaN;
    double mse = Double.NaN;
    List<double[]> outputs = new ArrayList<>();
    for (TwoLayerNetwork net : nets) {
      outputs.add(net.predict(xTe));
    }
    if (data.task() == Task.REGRESSION) {
      mse = Metrics.meanSquaredError(outputs.get(0), data.yTest());
    } else {
      acc = Metrics.accuracy(outputs, data.labelsTest());
    }
    int width = 0;
    for (TwoLayerNetwork net : nets) {
      width += net.width();
    }
    double cell = (System.nanoTime() - cell0) * 1e-9;
    return new Outcome(
        obj, convex, patterns.count(), width, acc, mse, reason, it, gap, viol, wall, cell, trace);
  }

  private static double sumOfSquares(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return s;
  }

  private static double sum(double[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += v[i];
    }
    return s;
  }

  /**
   * The recovered ReLU network as the weights of {@link TwoLayerReluNetwork} (same neurons; one
   * zero neuron when the convex solution is zero, which changes neither predictions nor weight
   * decay).
   */
  public static TwoLayerReluNetwork toReluNetwork(TwoLayerNetwork net, int inputDim) {
    if (net.isGated()) {
      throw new IllegalArgumentException("a gated network is not a ReLU network");
    }
    double[][] w1 = net.firstLayer();
    double[] w2 = net.secondLayer();
    int m = Math.max(1, w2.length);
    double[] theta = new double[inputDim * m + m];
    for (int j = 0; j < w2.length; j++) {
      for (int i = 0; i < inputDim; i++) {
        theta[i * m + j] = w1[j][i];
      }
      theta[inputDim * m + j] = w2[j];
    }
    return TwoLayerReluNetwork.fromFlat(inputDim, m, theta);
  }

  /**
   * The non-convex objective (NC) of a recovered ReLU network on (X, y), computed by {@link
   * ReluObjective} — the function SGD and Adam minimise.
   */
  public static double reluObjective(TwoLayerNetwork net, double[][] x, double[] y, double beta) {
    TwoLayerReluNetwork w = toReluNetwork(net, x[0].length);
    ReluObjective f =
        new ReluObjective(
            ReluTrainingProblem.of(x, y),
            w.width(),
            io.convopt.solvers.nonconvex.Loss.SQUARED,
            beta);
    return f.value(w.flat());
  }
}
