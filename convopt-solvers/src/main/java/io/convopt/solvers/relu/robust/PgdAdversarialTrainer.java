package io.convopt.solvers.relu.robust;

import io.convopt.solvers.nonconvex.NonConvexConfig;
import io.convopt.solvers.nonconvex.NonConvexTrainer;
import io.convopt.solvers.nonconvex.Optimiser;
import io.convopt.solvers.nonconvex.ReluObjective;
import io.convopt.solvers.nonconvex.ReluTrainingProblem;
import io.convopt.solvers.nonconvex.TwoLayerReluNetwork;
import io.convopt.solvers.relu.Loss;
import java.util.SplittableRandom;

/**
 * PGD adversarial training (Madry et al., ICLR 2018) of the two-layer ReLU network of {@link
 * NonConvexTrainer}: every mini-batch's inputs are replaced by {@link PgdAttack} perturbations of
 * radius eps ({@code ||delta[J]||_inf <= eps}, the bias column never perturbed) against the current
 * network, and the optimiser steps on the non-convex objective of {@link ReluObjective} evaluated
 * at the perturbed batch:
 *
 * <pre>
 *   min_theta  sum_k max_{||delta_k[J]||_inf ≤ eps} l(f(x_k + delta_k), y_k)
 *              + (beta/2) ||theta||^2
 * </pre>
 *
 * (the inner max approximated by PGD), the same scaling and step normalisation as {@link
 * NonConvexTrainer}: the optimiser receives {@code (1/n) ((n/b) sum_B grad l_k + beta theta)}.
 *
 * <p>Randomness: {@code new SplittableRandom(seed)} is split into three sub-streams, initialisation
 * and mini-batch order exactly as in {@link NonConvexTrainer} (the same He initialisation, the same
 * Fisher–Yates order), and a third one that gives each batch's attack its seed. So for equal seeds
 * the run differs from plain training only by the perturbation; with eps = 0 the attack returns the
 * clean batch and the weights equal {@link NonConvexTrainer}'s (tested). Equal seeds give identical
 * results.
 *
 * <p>Attack during training: {@code steps} signed-gradient steps of size {@code 2.5 eps / steps}
 * from the clean point (one start), keeping the iterate with the largest loss. Cost per epoch:
 * {@code (steps + 1)} network evaluations and gradients per row, i.e. O(n steps d m) on top of
 * plain training. Stateless; thread-safe.
 */
public final class PgdAdversarialTrainer {

  private PgdAdversarialTrainer() {}

  /**
   * Trains with PGD-perturbed batches.
   *
   * @param problem training data (bias column included, see {@link
   *     ReluTrainingProblem#appendBiasColumn}); labels -1/+1 for the hinge loss
   * @param config width, beta, loss (hinge or squared), optimiser, epochs, batch fraction, seed
   * @param perturbed length-d mask of the columns the attack may change
   * @param eps training radius, finite and >= 0
   * @param steps PGD steps per batch, >= 1
   * @return the trained network and what the run did
   */
  public static Result train(
      ReluTrainingProblem problem,
      NonConvexConfig config,
      boolean[] perturbed,
      double eps,
      int steps) {
    if (problem == null || config == null) {
      throw new IllegalArgumentException("problem and config must not be null");
    }
    int n = problem.rows();
    int d = problem.columns();
    if (perturbed == null || perturbed.length != d) {
      throw new IllegalArgumentException("perturbed: expected a mask of " + d + " columns");
    }
    if (!(eps >= 0) || !Double.isFinite(eps)) {
      throw new IllegalArgumentException("eps: must be finite and >= 0, got " + eps);
    }
    if (steps < 1) {
      throw new IllegalArgumentException("steps: must be >= 1, got " + steps);
    }
    Loss attackLoss = attackLoss(config.loss());
    double[][] x = problem.features();
    double[] y = problem.targets();
    int m = config.width();
    double beta = config.beta();
    SplittableRandom root = new SplittableRandom(config.seed());
    SplittableRandom initRng = root.split();
    SplittableRandom orderRng = root.split();
    SplittableRandom attackRng = root.split();
    double[] theta = NonConvexTrainer.initialise(d, m, initRng);
    Optimiser opt = config.optimiser();
    opt.reset();
    opt.initialise(theta.length);
    int batch = config.batchSize(n);
    double gradScale = 1.0 / n;
    double stepSize =
        eps > 0 ? 2.5 * eps / steps : 1.0; // at eps = 0 the clipping makes the step irrelevant
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    long t0 = System.nanoTime();
    long optimiserSteps = 0;
    boolean diverged = false;
    for (int epoch = 1; epoch <= config.epochs() && !diverged; epoch++) {
      shuffle(perm, orderRng);
      for (int start = 0; start < n; start += batch) {
        int b = Math.min(n, start + batch) - start;
        double[][] xb = new double[b][];
        double[] yb = new double[b];
        for (int t = 0; t < b; t++) {
          xb[t] = x[perm[start + t]];
          yb[t] = y[perm[start + t]];
        }
        TwoLayerReluFunction f = function(theta, d, m);
        PgdAttack attack = new PgdAttack(eps, steps, 1, stepSize, attackRng.nextLong());
        double[][] adv = attack.attack(f, xb, yb, perturbed, attackLoss).adversarial();
        // raw sum of the batch's loss gradients: beta = 0 and all b rows, so scale b/b = 1
        ReluObjective batchObjective =
            new ReluObjective(ReluTrainingProblem.of(adv, yb), m, config.loss(), 0.0);
        double[] raw = batchObjective.gradient(theta);
        double scale = (double) n / b;
        double[] g = new double[theta.length];
        for (int i = 0; i < g.length; i++) {
          g[i] = (scale * raw[i] + beta * theta[i]) * gradScale;
        }
        opt.step(theta, g);
        optimiserSteps++;
      }
      for (double v : theta) {
        if (!Double.isFinite(v)) {
          diverged = true;
          break;
        }
      }
    }
    opt.finalise(theta);
    double wall = (System.nanoTime() - t0) * 1e-9;
    TwoLayerReluNetwork net = TwoLayerReluNetwork.fromFlat(d, m, theta);
    double cleanObjective =
        diverged ? Double.NaN : new ReluObjective(problem, m, config.loss(), beta).value(theta);
    return new Result(net, config, eps, steps, cleanObjective, optimiserSteps, wall, diverged);
  }

  /**
   * Outcome of a run.
   *
   * @param network final weights
   * @param config configuration (with the seed)
   * @param eps training radius
   * @param steps PGD steps per batch
   * @param cleanObjective the non-convex objective on the clean training data at the final weights
   *     (NaN if diverged)
   * @param optimiserSteps optimiser steps taken
   * @param wallSeconds training time including the attacks
   * @param diverged true if a weight became NaN or infinite (training stopped after that epoch)
   */
  public record Result(
      TwoLayerReluNetwork network,
      NonConvexConfig config,
      double eps,
      int steps,
      double cleanObjective,
      long optimiserSteps,
      double wallSeconds,
      boolean diverged) {}

  private static Loss attackLoss(io.convopt.solvers.nonconvex.Loss loss) {
    switch (loss) {
      case HINGE:
        return Loss.HINGE;
      case SQUARED:
        return Loss.SQUARED;
      default:
        throw new IllegalArgumentException("loss: expected hinge or squared, got " + loss);
    }
  }

  private static TwoLayerReluFunction function(double[] theta, int d, int m) {
    double[][] w1 = new double[m][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < m; j++) {
        w1[j][i] = theta[i * m + j];
      }
    }
    double[] w2 = new double[m];
    System.arraycopy(theta, d * m, w2, 0, m);
    return TwoLayerReluFunction.of(w1, w2, null);
  }

  /** Fisher–Yates, the same draws as {@link NonConvexTrainer}'s epoch order. */
  private static void shuffle(int[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
