package io.convopt.solvers.nonconvex;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Trains a two-layer ReLU network on the non-convex objective of {@link ReluObjective} with a
 * mini-batch {@link Optimiser} (SGD or Adam).
 *
 * <p>Randomness: {@code new SplittableRandom(seed)} is split into two sub-streams, the first for
 * the initialisation, the second for the mini-batch order; equal seeds give bit-identical results
 * (ND4J's double GEMM is deterministic for a fixed thread count).
 *
 * <p>Initialisation (He/Kaiming, fan-in): W1 entries i.i.d. N(0, 2/d), d the input dimension
 * including the bias column; w2 entries i.i.d. N(0, 1/m) (unit gain: the output is linear).
 *
 * <p>Each epoch draws a fresh Fisher–Yates permutation of the rows and walks it in consecutive
 * batches of {@link NonConvexConfig#batchSize(int)} rows (the last one may be smaller). After each
 * epoch the full-batch objective is recorded; if it is NaN or infinite the run stops and is flagged
 * as diverged. With a {@linkplain NonConvexConfig#timeLimitSeconds() time limit} the run stops at
 * the first mini-batch step at which the wall time since training began (objective evaluations
 * included) reaches it; that last epoch is then partial, and its record is the point reached.
 */
public final class NonConvexTrainer {

  private NonConvexTrainer() {}

  /** Trains without a metric hook. */
  public static NonConvexResult train(ReluTrainingProblem problem, NonConvexConfig config) {
    return train(problem, config, null);
  }

  /**
   * Trains and evaluates {@code metric} (for example test accuracy; may be null) on the network
   * after every epoch, outside the timed part.
   */
  public static NonConvexResult train(
      ReluTrainingProblem problem,
      NonConvexConfig config,
      ToDoubleFunction<TwoLayerReluNetwork> metric) {
    if (problem == null || config == null) {
      throw new IllegalArgumentException("problem and config must not be null");
    }
    ReluObjective objective =
        new ReluObjective(problem, config.width(), config.loss(), config.beta());
    int n = objective.rows();
    int d = objective.inputDim();
    int m = config.width();
    SplittableRandom root = new SplittableRandom(config.seed());
    SplittableRandom initRng = root.split();
    SplittableRandom orderRng = root.split();
    double[] theta = initialise(d, m, initRng);

    Optimiser opt = config.optimiser();
    opt.reset();
    opt.initialise(theta.length);
    int batch = config.batchSize(n);
    double gradScale = 1.0 / n;
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }

    List<EpochRecord> traj = new ArrayList<>();
    double obj = objective.value(theta);
    traj.add(new EpochRecord(0, 0, obj, 0.0, evaluate(metric, d, m, theta)));
    long nanos = 0;
    long steps = 0;
    int epochsRun = 0;
    boolean diverged = !Double.isFinite(obj);
    long limitNanos =
        Double.isInfinite(config.timeLimitSeconds())
            ? Long.MAX_VALUE
            : (long) Math.min(Long.MAX_VALUE, config.timeLimitSeconds() * 1e9);
    long begin = System.nanoTime();
    boolean timeUp = false;
    for (int epoch = 1; epoch <= config.epochs() && !diverged && !timeUp; epoch++) {
      long t0 = System.nanoTime();
      shuffle(perm, orderRng);
      for (int start = 0; start < n && !timeUp; start += batch) {
        int end = Math.min(n, start + batch);
        int[] rows = new int[end - start];
        System.arraycopy(perm, start, rows, 0, rows.length);
        double[] g = objective.gradient(theta, rows);
        for (int i = 0; i < g.length; i++) {
          g[i] *= gradScale;
        }
        opt.step(theta, g);
        steps++;
        timeUp = System.nanoTime() - begin >= limitNanos;
      }
      nanos += System.nanoTime() - t0;
      epochsRun = epoch;
      obj = objective.value(theta);
      diverged = !Double.isFinite(obj);
      traj.add(
          new EpochRecord(
              epoch,
              steps,
              obj,
              nanos * 1e-9,
              diverged ? Double.NaN : evaluate(metric, d, m, theta)));
    }
    opt.finalise(theta);
    double finalObj = objective.value(theta);
    return new NonConvexResult(
        TwoLayerReluNetwork.fromFlat(d, m, theta),
        config,
        opt.describe(),
        traj,
        finalObj,
        epochsRun,
        steps,
        nanos * 1e-9,
        diverged || !Double.isFinite(finalObj));
  }

  /** The He/Kaiming initialisation described in the class comment, as a flat θ. */
  public static double[] initialise(int d, int m, SplittableRandom rng) {
    double[] theta = new double[TwoLayerReluNetwork.parameterCount(d, m)];
    double s1 = Math.sqrt(2.0 / d);
    double s2 = Math.sqrt(1.0 / m);
    int dm = d * m;
    for (int i = 0; i < dm; i++) {
      theta[i] = s1 * rng.nextGaussian();
    }
    for (int j = 0; j < m; j++) {
      theta[dm + j] = s2 * rng.nextGaussian();
    }
    return theta;
  }

  private static double evaluate(
      ToDoubleFunction<TwoLayerReluNetwork> metric, int d, int m, double[] theta) {
    return metric == null
        ? Double.NaN
        : metric.applyAsDouble(TwoLayerReluNetwork.fromFlat(d, m, theta));
  }

  private static void shuffle(int[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
