package io.convopt.experiments.relu;

import io.convopt.solvers.relu.ActivationPatterns;
import io.convopt.solvers.relu.AdmmSolver;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code convopt relu-admm-cost}: measures the Woodbury ADMM's setup and per-iteration time on
 * random constrained ReLU programs (Gaussian features + bias, sin targets, seeded Gaussian gates)
 * over a grid of n, d and P, and prints each against the cost model of spec §2.4:
 *
 * <pre>
 *   setup      ~ n^2 (d + P/64) + n^3/3      (X H X^T, D D^T by popcount, Cholesky of the n x n C)
 *   iteration  ~ n d P + n^2                 (7 n x d x 2P products, one n x n triangular pair)
 * </pre>
 *
 * The "ratio" columns are measured nanoseconds per model unit; a model that fits keeps them
 * within a small constant band across the grid (their max/min spread is printed last). On a
 * shared 2-core machine only ratios measured in one run are meaningful, not absolute times.
 * Timing only, no assertions; the best of {@code --repeats} runs is taken.
 */
@Command(
    name = "relu-admm-cost",
    mixinStandardHelpOptions = true,
    description = "Time ADMM (Woodbury u-step) setup and iterations against the O(ndP + n^2) model.")
public final class AdmmCostCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--n", split = ",", defaultValue = "100,200,400,800",
      description = "sample counts (default ${DEFAULT-VALUE})")
  int[] ns;

  @Option(names = "--d", split = ",", defaultValue = "5,20",
      description = "input dimensions incl. bias (default ${DEFAULT-VALUE})")
  int[] ds;

  @Option(names = "--p", split = ",", defaultValue = "25,100",
      description = "gates drawn (P after deduplication is printed) (default ${DEFAULT-VALUE})")
  int[] ps;

  @Option(names = "--iterations", defaultValue = "40",
      description = "ADMM iterations timed per problem (default ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--repeats", defaultValue = "3", description = "runs per cell, best kept")
  int repeats;

  @Option(names = "--seed", defaultValue = "1", description = "data and gate seed")
  long seed;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (iterations <= 0 || repeats <= 0) {
      throw new IllegalArgumentException("--iterations and --repeats: must be positive");
    }
    for (int[] a : new int[][] {ns, ds, ps}) {
      for (int v : a) {
        if (v <= 1) {
          throw new IllegalArgumentException("--n, --d, --p: every value must be >= 2, got " + v);
        }
      }
    }
    out.printf(Locale.ROOT, "%6s %4s %5s %12s %12s %14s %14s%n",
        "n", "d", "P", "setup_ms", "iter_ms", "setup_ratio", "iter_ratio");
    List<double[]> ratios = new ArrayList<>();
    for (int n : ns) {
      for (int d : ds) {
        for (int p : ps) {
          ReluProblem prob = problem(n, d, p, seed);
          int pk = prob.patterns().count();
          AdmmSolver solver = new AdmmSolver(ReluSolverSettings.defaults()
                  .withTolerance(1e-300).withMaxIterations(iterations))
              .withUStep(AdmmSolver.UStepMethod.WOODBURY).withAdaptivePenalty(false);
          double bestSetup = Double.POSITIVE_INFINITY;
          double bestIter = Double.POSITIVE_INFINITY;
          for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            int[] shape = solver.cachedFactorShape(prob);
            double setup = (System.nanoTime() - t0) * 1e-9;
            if (shape[0] != n) {
              throw new IllegalStateException("cached factor is " + shape[0] + " x " + shape[1]);
            }
            ReluSolution s = solver.solve(prob);
            double iter = Math.max(s.wallSeconds() - setup, 0) / s.iterations();
            bestSetup = Math.min(bestSetup, setup);
            bestIter = Math.min(bestIter, iter);
          }
          double setupModel = (double) n * n * (d + pk / 64.0) + n * (double) n * n / 3.0;
          double iterModel = (double) n * d * pk + (double) n * n;
          double rs = bestSetup * 1e9 / setupModel;
          double ri = bestIter * 1e9 / iterModel;
          ratios.add(new double[] {rs, ri});
          out.printf(Locale.ROOT, "%6d %4d %5d %12.3f %12.4f %14.4f %14.4f%n",
              n, d, pk, bestSetup * 1e3, bestIter * 1e3, rs, ri);
          out.flush();
        }
      }
    }
    double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] hi = {0, 0};
    for (double[] r : ratios) {
      for (int i = 0; i < 2; i++) {
        lo[i] = Math.min(lo[i], r[i]);
        hi[i] = Math.max(hi[i], r[i]);
      }
    }
    out.printf(Locale.ROOT,
        "ratio spread (max/min): setup %.2f, iteration %.2f (ns per model unit: setup %.3g..%.3g,"
            + " iteration %.3g..%.3g)%n",
        hi[0] / lo[0], hi[1] / lo[1], lo[0], hi[0], lo[1], hi[1]);
    out.flush();
    return 0;
  }

  /** Random CR instance: n x (d-1) Gaussian features + bias, sin targets, p seeded gates. */
  static ReluProblem problem(int n, int d, int p, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    double[] y = new double[n];
    for (int k = 0; k < n; k++) {
      double s = 0;
      for (int c = 0; c < d - 1; c++) {
        x[k][c] = r.nextGaussian();
        s += x[k][c];
      }
      x[k][d - 1] = 1;
      y[k] = Math.sin(s);
    }
    ActivationPatterns pat = ActivationPatterns.sample(x, p, seed + 1);
    return new ReluProblem(x, y, pat, 0.1, Loss.SQUARED, Formulation.RELU);
  }
}
