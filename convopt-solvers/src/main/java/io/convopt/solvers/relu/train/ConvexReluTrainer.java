package io.convopt.solvers.relu.train;

import io.convopt.solvers.nonconvex.Nd4jSettings;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ProgressListener;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.TwoLayerNetwork;
import io.convopt.solvers.relu.linalg.Checks;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import io.convopt.solvers.relu.solve.ReluSolvers;

/**
 * Trains a two-layer ReLU network through a convex program in one call: {@code
 * ConvexReluTrainer.create().withPatterns(200).withBeta(0.1).fit(x, y)}.
 *
 * <p>{@link #fit} (1) standardises the columns of X when asked (fitted on these rows only), (2)
 * appends a bias column of ones last unless {@code withBias(false)}, (3) takes the activation
 * patterns of {@code P} Gaussian gates drawn from the seed ({@link ActivationPatterns#sample}) or
 * of the explicit gates ({@code (d + 1) x P} with the bias row last, in the preprocessed feature
 * space), (4) solves the {@link ReluProblem} ({@link #problem} builds exactly this program) with
 * the solver named by {@link #withSolver} ({@link ReluSolvers#choose}: {@code auto} is the default
 * choice), and (5) recovers the network. The objective is {@code L(yhat, y) + beta sum_i ||u_i||},
 * the loss summed over rows (no 1/n); hinge and logistic need labels -1/+1.
 *
 * <p>Defaults: GATED, squared loss, 100 sampled gates, seed 0, beta 0.1, solver auto, relative
 * tolerance 1e-6, bias column on, no standardisation, ND4J threads left as they are. A time budget
 * per solve is not offered by the solvers on this branch; pass one through {@link #withSettings}
 * where {@link ReluSolverSettings} has it.
 *
 * <p>Immutable and thread-safe; every {@code withX} returns a new trainer. Equal settings and data
 * give bit-identical models.
 */
public final class ConvexReluTrainer {
  private final Formulation formulation;
  private final int patterns;
  private final double[][] gates; // d' x P or null (then sample `patterns` gates)
  private final double beta;
  private final Loss loss;
  private final String solver;
  private final long seed;
  private final ReluSolverSettings settings;
  private final int threads; // 0: leave ND4J's setting
  private final boolean standardize;
  private final boolean bias;

  private ConvexReluTrainer(
      Formulation formulation,
      int patterns,
      double[][] gates,
      double beta,
      Loss loss,
      String solver,
      long seed,
      ReluSolverSettings settings,
      int threads,
      boolean standardize,
      boolean bias) {
    this.formulation = formulation;
    this.patterns = patterns;
    this.gates = gates;
    this.beta = beta;
    this.loss = loss;
    this.solver = solver;
    this.seed = seed;
    this.settings = settings;
    this.threads = threads;
    this.standardize = standardize;
    this.bias = bias;
  }

  /** A trainer with the defaults listed in the class comment. */
  public static ConvexReluTrainer create() {
    return new ConvexReluTrainer(
        Formulation.GATED,
        100,
        null,
        0.1,
        Loss.SQUARED,
        ReluSolvers.AUTO,
        0L,
        ReluSolverSettings.defaults(),
        0,
        false,
        true);
  }

  /** GATED (gated ReLU network) or RELU (ReLU network, cone-constrained program). */
  public ConvexReluTrainer withFormulation(Formulation f) {
    if (f != Formulation.GATED && f != Formulation.RELU) {
      throw new IllegalArgumentException("formulation: must be gated or relu, got " + f);
    }
    return new ConvexReluTrainer(
        f, patterns, gates, beta, loss, solver, seed, settings, threads, standardize, bias);
  }

  /** Samples {@code p} &gt;= 1 Gaussian gates from the seed (replaces explicit gates). */
  public ConvexReluTrainer withPatterns(int p) {
    if (p < 1) {
      throw new IllegalArgumentException("patterns: P must be >= 1, got " + p);
    }
    return new ConvexReluTrainer(
        formulation, p, null, beta, loss, solver, seed, settings, threads, standardize, bias);
  }

  /**
   * Uses these gates (a {@code d' x P} matrix, column i is gate i, {@code d' = d + 1} with the bias
   * row last when the bias column is on), in the preprocessed feature space; replaces sampling. The
   * shape is checked against the data in {@link #fit}.
   */
  public ConvexReluTrainer withGates(double[][] dByP) {
    Checks.matrix("gates", dByP);
    return new ConvexReluTrainer(
        formulation,
        patterns,
        Checks.copy(dByP),
        beta,
        loss,
        solver,
        seed,
        settings,
        threads,
        standardize,
        bias);
  }

  /** Weight-decay parameter beta, finite and &gt;= 0 (the interior-point solver needs &gt; 0). */
  public ConvexReluTrainer withBeta(double b) {
    if (!(b >= 0) || !Double.isFinite(b)) {
      throw new IllegalArgumentException("beta: must be finite and >= 0, got " + b);
    }
    return new ConvexReluTrainer(
        formulation, patterns, gates, b, loss, solver, seed, settings, threads, standardize, bias);
  }

  /** Squared (regression), hinge or logistic (labels -1/+1). */
  public ConvexReluTrainer withLoss(Loss l) {
    if (l == null) {
      throw new IllegalArgumentException("loss: missing");
    }
    return new ConvexReluTrainer(
        formulation, patterns, gates, beta, l, solver, seed, settings, threads, standardize, bias);
  }

  /** A solver name of {@link ReluSolvers#NAMES} ({@code auto}, fista, al, admm, ipm). */
  public ConvexReluTrainer withSolver(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
    if (!ReluSolvers.NAMES.contains(key)) {
      throw new IllegalArgumentException(
          "solver: unknown name '"
              + name
              + "' (expected one of "
              + String.join(", ", ReluSolvers.NAMES)
              + ")");
    }
    return new ConvexReluTrainer(
        formulation, patterns, gates, beta, loss, key, seed, settings, threads, standardize, bias);
  }

  /** Seed of the gate sampling. */
  public ConvexReluTrainer withSeed(long s) {
    return new ConvexReluTrainer(
        formulation, patterns, gates, beta, loss, solver, s, settings, threads, standardize, bias);
  }

  /** Relative tolerance of the certificate (&gt; 0). */
  public ConvexReluTrainer withTolerance(double t) {
    return withSettings(settings.withTolerance(t));
  }

  /** Iteration budget of the solver (its own unit: R-FISTA/ADMM iterations, Newton steps). */
  public ConvexReluTrainer withMaxIterations(int m) {
    return withSettings(settings.withMaxIterations(m));
  }

  /** All solver settings at once. */
  public ConvexReluTrainer withSettings(ReluSolverSettings s) {
    if (s == null) {
      throw new IllegalArgumentException("settings: missing");
    }
    return new ConvexReluTrainer(
        formulation, patterns, gates, beta, loss, solver, seed, s, threads, standardize, bias);
  }

  /**
   * ND4J's thread count (&gt;= 1) for the products of large programs. ND4J's pools are
   * process-wide: {@link #fit} sets them for the whole JVM.
   */
  public ConvexReluTrainer withThreads(int t) {
    if (t < 1) {
      throw new IllegalArgumentException("threads: must be >= 1, got " + t);
    }
    return new ConvexReluTrainer(
        formulation, patterns, gates, beta, loss, solver, seed, settings, t, standardize, bias);
  }

  /** Standardise the input columns (mean and deviation of the training rows). */
  public ConvexReluTrainer withStandardization(boolean on) {
    return new ConvexReluTrainer(
        formulation, patterns, gates, beta, loss, solver, seed, settings, threads, on, bias);
  }

  /** Append a bias column of ones (last) to the preprocessed inputs (default on). */
  public ConvexReluTrainer withBias(boolean on) {
    return new ConvexReluTrainer(
        formulation, patterns, gates, beta, loss, solver, seed, settings, threads, standardize, on);
  }

  /**
   * Trains on the rows of {@code x} (n x d, finite) with targets {@code y} (n entries; -1/+1 for
   * hinge and logistic).
   *
   * @throws IllegalArgumentException naming the input at fault (shapes, non-finite entries, gates
   *     of the wrong shape, labels, a solver that does not take this program)
   */
  public ConvexReluModel fit(double[][] x, double[] y) {
    return fit(x, y, ProgressListener.none());
  }

  /**
   * As {@link #fit(double[][], double[])}, telling {@code listener} what the solver reports
   * (iteration, objective, relative certificate, seconds; see {@link ProgressListener}); a STOP
   * ends the solve early and the model is that of the point reached.
   */
  public ConvexReluModel fit(double[][] x, double[] y, ProgressListener listener) {
    if (listener == null) {
      throw new IllegalArgumentException("listener: missing (use ProgressListener.none())");
    }
    Standardization st = standardize ? Standardization.fit(x) : null;
    ReluProblem problem = problem(x, y, st);
    ReluSolvers.Choice choice = ReluSolvers.choose(solver, problem, settings);
    if (threads > 0) {
      Nd4jSettings.limitThreads(threads);
    }
    ReluSolution sol = choice.solver().solve(problem, null, listener);
    TwoLayerNetwork net = TwoLayerNetwork.recover(problem, sol);
    ActivationPatterns ap = problem.patterns();
    FitSummary summary =
        new FitSummary(
            problem.samples(),
            ap.count(),
            ap.gatesDrawn(),
            gates == null ? seed : -1,
            sol.objective(),
            sol.dataTerm(),
            sol.penalty(),
            sol.certificate(),
            sol.solver(),
            choice.reason(),
            sol.iterations(),
            sol.outerIterations(),
            sol.wallSeconds(),
            sol.stopReason(),
            settings.tolerance());
    return new ConvexReluModel(formulation, loss, beta, x[0].length, bias, st, net, summary);
  }

  /**
   * The convex program {@link #fit} solves on these rows: preprocessed features, the patterns of
   * the sampled or given gates, beta, loss and formulation.
   */
  public ReluProblem problem(double[][] x, double[] y) {
    return problem(x, y, standardize ? Standardization.fit(x) : null);
  }

  private ReluProblem problem(double[][] x, double[] y, Standardization st) {
    int[] s = Checks.matrix("X", x);
    Checks.vector("y", y, s[0], "X has rows:");
    double[][] f = features(st == null ? x : st.apply(x), bias);
    ActivationPatterns ap;
    if (gates != null) {
      if (gates.length != f[0].length) {
        throw new IllegalArgumentException(
            "gates: the matrix has "
                + gates.length
                + " rows but"
                + " must have "
                + f[0].length
                + " ("
                + s[1]
                + " input columns"
                + (bias ? " + 1 bias row last" : "")
                + "), one column per gate");
      }
      ap = ActivationPatterns.fromGates(f, gates);
    } else {
      ap = ActivationPatterns.sample(f, patterns, seed);
    }
    return new ReluProblem(f, y, ap, beta, loss, formulation);
  }

  /** The rows of {@code z} with a column of ones appended when {@code bias}. */
  static double[][] features(double[][] z, boolean bias) {
    if (!bias) {
      return z;
    }
    double[][] f = new double[z.length][];
    for (int k = 0; k < z.length; k++) {
      f[k] = java.util.Arrays.copyOf(z[k], z[k].length + 1);
      f[k][z[k].length] = 1.0;
    }
    return f;
  }
}
