package io.convopt.experiments.compare;

import io.convopt.experiments.data.PreparedData;
import io.convopt.experiments.data.Task;
import io.convopt.solvers.nonconvex.ReluObjective;
import io.convopt.solvers.nonconvex.ReluTrainingProblem;
import io.convopt.solvers.nonconvex.TwoLayerReluNetwork;
import io.convopt.solvers.relu.ConvexReluSolver;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
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
 * Trains one convex cell of the comparison: the gated (CG, R-FISTA) or constrained (CR;
 * interior-point method or augmented Lagrangian, see {@link CrSolver}) program on the training part
 * of a prepared dataset, with {@code P} gates drawn from {@code seed} (bias column appended, half
 * squared loss summed over samples, weight β — the same scaling as {@link ReluObjective}).
 *
 * <p>Targets: the standardised target for regression, ±1 labels for binary classification and K
 * one-vs-all ±1 problems on the same patterns for K ≥ 3 classes (each hidden unit feeds one
 * output); objectives, times and iteration counts are summed over the K programs, predictions are
 * the sign (binary) or the arg-max (one-vs-all) of the recovered networks' outputs.
 *
 * <p><b>Objective-vs-time trace.</b> The solvers expose no iteration callback, so the trace is
 * built from an iteration-budget schedule: the program is solved from zero with budgets b, 4b, 16b,
 * … solver iterations (R-FISTA iterations for CG and the augmented Lagrangian's inner solves,
 * Newton steps for the interior-point method; each solve is deterministic, so budget b reproduces
 * the first b iterations of every longer solve), and each solve contributes one trace point (its
 * own wall time, the objective it reached). The schedule stops when every program met its
 * certificate tolerance, when the iteration cap is reached, or when the next solve (predicted to
 * take 4 times the last one) would end after the cell's time budget; the last solve is the result.
 * This is how a solver that is slow to reach high precision on some problems (the augmented
 * Lagrangian) is run on a budget: the row records what it reached (stop reason, relative duality
 * gap, constraint violation). The interior-point method starts at 100 Newton steps (it typically
 * certifies within 20–100 per program); a budget it does not finish returns its best certified
 * (strictly feasible) point so far.
 *
 * <p><b>Objective recorded.</b> CR: the non-convex objective (NC) of the recovered ReLU network,
 * evaluated by {@link ReluObjective} exactly as for SGD/Adam (equal to the convex objective when
 * the solution is feasible; the difference is recorded). CG: the convex objective, which is the
 * objective of the recovered <em>gated</em> network (a different model; a relaxation of CR).
 */
public final class ConvexTraining {

  /** First iteration budget of the schedule (CG; CR: {@link CrSolver#firstBudget()}). */
  static final int FIRST_BUDGET = 25;

  /** Growth factor of the budget schedule. */
  static final int BUDGET_GROWTH = 4;

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
   * @param iterations solver iterations (R-FISTA iterations or Newton steps) of the final solve,
   *     summed
   * @param relativeGap largest relative duality gap over the programs
   * @param constraintViolation largest scaled cone violation (0 for CG)
   * @param wallSeconds wall time of the final solve (summed over programs)
   * @param cellSeconds wall time of the whole budget schedule
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
   * Runs the budget schedule.
   *
   * @param draws gates drawn (P); duplicates and the zero pattern are dropped
   * @param seed pattern seed
   * @param crSolver solver of the CR program (ignored for CG)
   * @param settings solver settings; their {@code maxIterations} (solver iterations) caps the
   *     schedule
   * @param timeBudgetSeconds cumulative time after which no larger budget is tried
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
    double[][] xTr = ReluTrainingProblem.appendBiasColumn(data.xTrain());
    double[][] xTe = ReluTrainingProblem.appendBiasColumn(data.xTest());
    ActivationPatterns patterns = ActivationPatterns.sample(xTr, draws, seed);
    Formulation f = method == Method.CG ? Formulation.GATED : Formulation.RELU;
    List<double[]> ys = targets(data);
    List<ReluProblem> problems = new ArrayList<>();
    for (double[] y : ys) {
      problems.add(new ReluProblem(xTr, y, patterns, beta, Loss.SQUARED, f));
    }
    int cap = settings.maxIterations();
    long cell0 = System.nanoTime();
    List<TracePoint> trace = new ArrayList<>();
    Solved last = null;
    int budget = Math.min(method == Method.CR ? crSolver.firstBudget() : FIRST_BUDGET, cap);
    for (int point = 0; ; point++) {
      ConvexReluSolver solver = solver(method, crSolver, settings.withMaxIterations(budget));
      last = solveAll(problems, solver, xTr, beta, method);
      trace.add(new TracePoint(point, last.iterations, last.wall, last.objective));
      double spent = (System.nanoTime() - cell0) * 1e-9;
      // the next solve costs about BUDGET_GROWTH times this one: start it only if it fits the
      // budget
      double predicted = spent + BUDGET_GROWTH * last.wall;
      if (last.reason == StopReason.CONVERGED || budget >= cap || predicted > timeBudgetSeconds) {
        break;
      }
      budget = (int) Math.min(cap, (long) budget * BUDGET_GROWTH);
    }
    double cell = (System.nanoTime() - cell0) * 1e-9;
    double acc = Double.NaN;
    double mse = Double.NaN;
    List<double[]> outputs = new ArrayList<>();
    for (TwoLayerNetwork net : last.networks) {
      outputs.add(net.predict(xTe));
    }
    if (data.task() == Task.REGRESSION) {
      mse = Metrics.meanSquaredError(outputs.get(0), data.yTest());
    } else {
      acc = Metrics.accuracy(outputs, data.labelsTest());
    }
    int width = 0;
    for (TwoLayerNetwork net : last.networks) {
      width += net.width();
    }
    return new Outcome(
        last.objective,
        last.convexObjective,
        patterns.count(),
        width,
        acc,
        mse,
        last.reason,
        last.iterations,
        last.relativeGap,
        last.violation,
        last.wall,
        cell,
        trace);
  }

  private record Solved(
      List<TwoLayerNetwork> networks,
      double objective,
      double convexObjective,
      long iterations,
      double wall,
      StopReason reason,
      double relativeGap,
      double violation) {}

  private static Solved solveAll(
      List<ReluProblem> problems,
      ConvexReluSolver solver,
      double[][] xTr,
      double beta,
      Method method) {
    List<TwoLayerNetwork> nets = new ArrayList<>();
    double obj = 0;
    double convex = 0;
    long it = 0;
    double wall = 0;
    StopReason reason = StopReason.CONVERGED;
    double gap = 0;
    double viol = 0;
    for (ReluProblem p : problems) {
      ReluSolution s = solver.solve(p);
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
    return new Solved(nets, obj, convex, it, wall, reason, gap, viol);
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
