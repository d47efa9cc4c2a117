package io.convopt.experiments.robust;

import io.convopt.experiments.data.PreparedData;
import io.convopt.solvers.nonconvex.NonConvexConfig;
import io.convopt.solvers.nonconvex.NonConvexResult;
import io.convopt.solvers.nonconvex.NonConvexTrainer;
import io.convopt.solvers.nonconvex.ReluTrainingProblem;
import io.convopt.solvers.nonconvex.Sgd;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.TwoLayerNetwork;
import io.convopt.solvers.relu.ipm.InteriorPointSolver;
import io.convopt.solvers.relu.robust.PgdAdversarialTrainer;
import io.convopt.solvers.relu.robust.RobustConeMargin;
import io.convopt.solvers.relu.robust.RobustInteriorPointSolver;
import io.convopt.solvers.relu.robust.RobustPatternSampler;
import io.convopt.solvers.relu.robust.RobustReluProblem;
import io.convopt.solvers.relu.robust.RobustSolution;
import io.convopt.solvers.relu.robust.TwoLayerReluFunction;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Trains one network of {@code compare-robust} (see {@link RobustMethod} and {@link RobustSpec} for
 * the methods and the common scaling) on the training part of a binary dataset with ±1 labels and a
 * bias column (the last column, never perturbed).
 *
 * <p>Every trained network is reported with the same training measure, its clean non-convex
 * objective {@code sum_k (1 - y_k f(x_k))_+ + (beta/2) sum_j (||w1_j||^2 + w2_j^2)} on the training
 * rows used, next to what its own solver minimised (the convex objective of CR, the closed-form
 * robust objective of cr-robust, which bounds the adversarial objective from above; the clean
 * objective for SGD and SGD-PGD).
 */
public final class RobustTraining {

  /**
   * A trained network and what its training did.
   *
   * @param function the network as seen by the attack
   * @param width neurons
   * @param patterns distinct sampled patterns P' (0 for SGD)
   * @param cleanObjective clean non-convex hinge objective on the training rows (see class comment)
   * @param solverObjective what the method minimised, at the returned weights
   * @param trainAccuracy fraction of training rows with {@code y f(x) > 0}
   * @param stopReason solver stop reason ({@code epochs} for SGD, {@code diverged} if it diverged)
   * @param iterations solver iterations or optimiser steps
   * @param relativeGap relative duality gap reached (NaN for SGD)
   * @param constraintViolation scaled cone violation reached (NaN for SGD)
   * @param seconds training wall time
   * @param linearShare convex methods: the share of the group norm {@code sum_i (||v_i|| +
   *     ||w_i||)} carried by the all-active pattern (the bias gate's linear neuron pair), 1 when
   *     the network is linear on the training rows; NaN for SGD or a zero solution
   * @param nontrivialShare convex methods: the fraction of the P patterns whose robust cone at
   *     eps_train is non-trivial (max-margin program, {@link RobustConeMargin}); NaN for SGD
   * @param gaussianNontrivialShare convex methods: the same fraction for P Gaussian gates drawn
   *     with the same seed (the earlier pattern rule, for comparison); NaN for SGD
   */
  public record Trained(
      TwoLayerReluFunction function,
      int width,
      int patterns,
      double cleanObjective,
      double solverObjective,
      double trainAccuracy,
      String stopReason,
      long iterations,
      double relativeGap,
      double constraintViolation,
      double seconds,
      double linearShare,
      double nontrivialShare,
      double gaussianNontrivialShare) {}

  /** The training rows used: ±1 labels, bias column appended, subsampled as the spec says. */
  public record TrainingSet(double[][] x, double[] y, int available) {}

  /** Relative norm below which a convex block is not recovered as a neuron (solver residue). */
  static final double NEURON_THRESHOLD = 1e-6;

  private RobustTraining() {}

  /**
   * The training set of a prepared binary dataset: all training rows, or {@code maxRows} of them
   * chosen by a permutation seeded with {@code splitSeed} (kept in their original order).
   */
  public static TrainingSet trainingSet(PreparedData data, int maxRows, long splitSeed) {
    double[][] x = ReluTrainingProblem.appendBiasColumn(data.xTrain());
    double[] y = data.binaryTargets(true);
    int n = x.length;
    if (maxRows == 0 || maxRows >= n) {
      return new TrainingSet(x, y, n);
    }
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    SplittableRandom r = new SplittableRandom(splitSeed);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] keep = Arrays.copyOf(idx, maxRows);
    Arrays.sort(keep);
    double[][] xs = new double[maxRows][];
    double[] ys = new double[maxRows];
    for (int i = 0; i < maxRows; i++) {
      xs[i] = x[keep[i]];
      ys[i] = y[keep[i]];
    }
    return new TrainingSet(xs, ys, n);
  }

  /** The perturbation mask: every column but the last (the bias). */
  public static boolean[] perturbed(int d) {
    return RobustReluProblem.allBut(d, d - 1);
  }

  /**
   * The P gates of both convex programs ({@link RobustPatternSampler} at eps_train): the bias-only
   * gate (all-active pattern, a linear neuron), then P − 1 gates whose hyperplanes pass through
   * gaps wider than 2 eps_train of the training rows projected on one or two feature directions, so
   * that every pattern's robust cone at eps_train contains its own gate (a non-trivial cone).
   *
   * <p>Why: with Gaussian gates (the earlier rule, {@link #gaussianPatterns}) the robust cone of a
   * pattern over a few hundred rows is {0} (no hyperplane separates its rows with l_inf margin
   * eps), the robust program puts every such block at zero and what is left is a robust linear
   * model. CR gets the same gates so the two convex methods differ only by eps.
   */
  public static ActivationPatterns patterns(double[][] x, double epsTrain, int draws, long seed) {
    int d = x[0].length;
    return RobustPatternSampler.sample(x, perturbed(d), d - 1, epsTrain, draws, seed).patterns();
  }

  /**
   * The earlier rule: the bias-only gate, then P − 1 gates with i.i.d. N(0, 1) entries from {@code
   * new SplittableRandom(seed)} (gate by gate); duplicate and empty patterns dropped. Kept to
   * measure how many of its patterns have a non-trivial robust cone.
   */
  public static ActivationPatterns gaussianPatterns(double[][] x, int draws, long seed) {
    int d = x[0].length;
    double[][] g = new double[d][draws];
    g[d - 1][0] = 1.0;
    SplittableRandom rng = new SplittableRandom(seed);
    for (int j = 1; j < draws; j++) {
      for (int c = 0; c < d; c++) {
        g[c][j] = rng.nextGaussian();
      }
    }
    return ActivationPatterns.fromGates(x, g);
  }

  /** Fraction of the patterns whose robust cone of radius eps is non-trivial (max-margin LP). */
  public static double nontrivialShare(ActivationPatterns patterns, double[][] x, double eps) {
    boolean[] pert = perturbed(x[0].length);
    int c = 0;
    for (int i = 0; i < patterns.count(); i++) {
      boolean[] act = new boolean[x.length];
      for (int k = 0; k < x.length; k++) {
        act[k] = patterns.active(k, i);
      }
      c += RobustConeMargin.of(x, act, pert).nonTrivial(eps) ? 1 : 0;
    }
    return (double) c / patterns.count();
  }

  /** Trains {@code method} with {@code seed} on {@code t}. */
  public static Trained train(RobustMethod method, TrainingSet t, RobustSpec spec, long seed) {
    switch (method) {
      case CR:
        return convex(t, spec, seed);
      case CR_ROBUST:
        return robustConvex(t, spec, seed);
      case SGD:
      case SGD_PGD:
        return sgd(method, t, spec, seed);
      default:
        throw new IllegalArgumentException("method " + method.id() + " is not supported");
    }
  }

  private static Trained convex(TrainingSet t, RobustSpec spec, long seed) {
    long t0 = System.nanoTime();
    ActivationPatterns patterns = patterns(t.x(), spec.epsTrain(), spec.patternDraws(), seed);
    ReluProblem p =
        new ReluProblem(t.x(), t.y(), patterns, spec.beta(), Loss.HINGE, Formulation.RELU);
    ReluSolverSettings settings =
        ReluSolverSettings.defaults()
            .withTolerance(spec.alTolerance())
            .withMaxIterations(spec.alMaxIterations());
    // CR by the interior-point method (every sampled gate lies strictly inside its cone, so the
    // interior exists); the augmented Lagrangian took minutes per cell at P = 8
    ReluSolution s = new InteriorPointSolver(settings).solve(p);
    TwoLayerNetwork net = TwoLayerNetwork.recover(p, s);
    double seconds = (System.nanoTime() - t0) * 1e-9;
    TwoLayerReluFunction f = TwoLayerReluFunction.of(net);
    double clean = hingeSum(f, t) + net.weightDecay(spec.beta());
    return new Trained(
        f,
        net.width(),
        patterns.count(),
        clean,
        s.objective(),
        accuracy(f, t),
        s.stopReason().name().toLowerCase(Locale.ROOT),
        s.iterations(),
        s.certificate().relativeGap(),
        s.certificate().constraintViolation(),
        seconds,
        linearShare(patterns, s.v(), s.w()),
        nontrivialShare(patterns, t.x(), spec.epsTrain()),
        nontrivialShare(
            gaussianPatterns(t.x(), spec.patternDraws(), seed), t.x(), spec.epsTrain()));
  }

  private static Trained robustConvex(TrainingSet t, RobustSpec spec, long seed) {
    long t0 = System.nanoTime();
    ActivationPatterns patterns = patterns(t.x(), spec.epsTrain(), spec.patternDraws(), seed);
    RobustReluProblem p =
        new RobustReluProblem(
            t.x(),
            t.y(),
            patterns,
            spec.beta(),
            spec.epsTrain(),
            perturbed(t.x()[0].length),
            Loss.HINGE);
    RobustInteriorPointSolver.Settings settings =
        RobustInteriorPointSolver.Settings.defaults()
            .withTolerance(spec.admmTolerance())
            .withMaxIterations(spec.admmMaxIterations());
    RobustSolution s = new RobustInteriorPointSolver(settings).solve(p);
    double seconds = (System.nanoTime() - t0) * 1e-9;
    // the interior point keeps every block strictly inside its cone; blocks below 1e-6 of the
    // largest are the barrier's residue of zero blocks (O(1/tau)) and are not recovered as neurons
    TwoLayerReluFunction f = TwoLayerReluFunction.of(s, NEURON_THRESHOLD);
    // recovered neurons w1 = v/sqrt|v|, w2 = ±sqrt|v|: (beta/2)(|w1|^2 + w2^2) = beta |v|, the
    // convex penalty
    double clean = hingeSum(f, t) + s.penalty();
    return new Trained(
        f,
        f.width(),
        patterns.count(),
        clean,
        s.objective(),
        accuracy(f, t),
        s.stopReason().name().toLowerCase(Locale.ROOT),
        s.iterations(),
        s.relativeGap(),
        s.constraintViolation(),
        seconds,
        linearShare(patterns, s.v(), s.w()),
        nontrivialShare(patterns, t.x(), spec.epsTrain()),
        nontrivialShare(
            gaussianPatterns(t.x(), spec.patternDraws(), seed), t.x(), spec.epsTrain()));
  }

  private static Trained sgd(RobustMethod method, TrainingSet t, RobustSpec spec, long seed) {
    NonConvexConfig config =
        NonConvexConfig.defaults()
            .withLoss(io.convopt.solvers.nonconvex.Loss.HINGE)
            .withWidth(spec.width())
            .withBeta(spec.beta())
            .withOptimiser(Sgd.fixed(spec.learningRate()))
            .withEpochs(spec.epochs())
            .withBatchFraction(spec.batchFraction())
            .withSeed(seed);
    ReluTrainingProblem problem = ReluTrainingProblem.of(t.x(), t.y());
    long t0 = System.nanoTime();
    io.convopt.solvers.nonconvex.TwoLayerReluNetwork net;
    double objective;
    long steps;
    boolean diverged;
    if (method == RobustMethod.SGD) {
      NonConvexResult r = NonConvexTrainer.train(problem, config);
      net = r.network();
      objective = r.finalObjective();
      steps = r.steps();
      diverged = r.diverged();
    } else {
      PgdAdversarialTrainer.Result r =
          PgdAdversarialTrainer.train(
              problem, config, perturbed(t.x()[0].length), spec.epsTrain(), spec.trainPgdSteps());
      net = r.network();
      objective = r.cleanObjective();
      steps = r.optimiserSteps();
      diverged = r.diverged();
    }
    double seconds = (System.nanoTime() - t0) * 1e-9;
    TwoLayerReluFunction f = TwoLayerReluFunction.of(net);
    double clean = diverged ? Double.NaN : hingeSum(f, t) + net.weightDecay(spec.beta());
    return new Trained(
        f,
        net.width(),
        0,
        clean,
        objective,
        diverged ? Double.NaN : accuracy(f, t),
        diverged ? "diverged" : "epochs",
        steps,
        Double.NaN,
        Double.NaN,
        seconds,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }

  /** See {@link Trained#linearShare}. */
  static double linearShare(ActivationPatterns patterns, double[][] v, double[][] w) {
    double all = 0;
    double linear = 0;
    for (int i = 0; i < patterns.count(); i++) {
      boolean allActive = true;
      for (int k = 0; k < patterns.samples() && allActive; k++) {
        allActive = patterns.active(k, i);
      }
      double b = columnNorm(v, i) + columnNorm(w, i);
      all += b;
      linear += allActive ? b : 0;
    }
    return all > 0 ? linear / all : Double.NaN;
  }

  private static double columnNorm(double[][] m, int i) {
    double s = 0;
    for (int c = 0; c < m.length; c++) {
      s += m[c][i] * m[c][i];
    }
    return Math.sqrt(s);
  }

  private static double hingeSum(TwoLayerReluFunction f, TrainingSet t) {
    double s = 0;
    for (int k = 0; k < t.y().length; k++) {
      s += Math.max(0, 1 - t.y()[k] * f.value(t.x()[k]));
    }
    return s;
  }

  private static double accuracy(TwoLayerReluFunction f, TrainingSet t) {
    int c = 0;
    for (int k = 0; k < t.y().length; k++) {
      if (t.y()[k] * f.value(t.x()[k]) > 0) {
        c++;
      }
    }
    return (double) c / t.y().length;
  }
}
