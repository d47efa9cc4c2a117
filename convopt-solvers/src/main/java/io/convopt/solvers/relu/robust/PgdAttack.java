package io.convopt.solvers.relu.robust;

import io.convopt.solvers.relu.Loss;
import java.util.SplittableRandom;

/**
 * Projected gradient ascent on the loss over the l_inf ball {@code ||delta[J]||_inf <= eps}
 * (columns outside J, e.g. the bias, are never perturbed): Madry et al., ICLR 2018. For each sample
 * and each of {@code restarts} starts (the clean point first, then uniform random points of the
 * ball from {@code new SplittableRandom(seed)}, split per sample), {@code steps} signed-gradient
 * steps of size {@code stepSize} followed by clipping to the ball; the largest loss seen at any
 * iterate is kept. The loss is the hinge or the (1/2)-scaled squared loss of the network output;
 * robust accuracy counts samples whose worst iterate still has {@code y f(x + delta) > 0}
 * (classification labels -1/+1).
 *
 * <p>Equal seeds give identical results. Immutable and thread-safe.
 */
public final class PgdAttack {
  private final double eps;
  private final int steps;
  private final int restarts;
  private final double stepSize;
  private final long seed;

  /** Observer of every evaluated point (sample index, perturbed input; do not keep the array). */
  @FunctionalInterface
  public interface Listener {
    void visit(int sample, double[] point);
  }

  /**
   * @param eps radius, finite and >= 0
   * @param steps gradient steps per start, >= 1
   * @param restarts starts per sample (>= 1; the first is the clean point)
   * @param stepSize step in l_inf units, finite and > 0 (2.5 eps / steps is the usual choice)
   * @param seed seed of the random starts
   */
  public PgdAttack(double eps, int steps, int restarts, double stepSize, long seed) {
    if (!(eps >= 0) || !Double.isFinite(eps)) {
      throw new IllegalArgumentException("eps: must be finite and >= 0, got " + eps);
    }
    if (steps < 1) {
      throw new IllegalArgumentException("steps: must be >= 1, got " + steps);
    }
    if (restarts < 1) {
      throw new IllegalArgumentException("restarts: must be >= 1, got " + restarts);
    }
    if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
      throw new IllegalArgumentException("stepSize: must be finite and > 0, got " + stepSize);
    }
    this.eps = eps;
    this.steps = steps;
    this.restarts = restarts;
    this.stepSize = stepSize;
    this.seed = seed;
  }

  /**
   * Result of an attack.
   *
   * @param worstLoss per sample, the largest loss found
   * @param adversarial per sample, the input attaining it
   * @param robustAccuracy fraction of samples still classified correctly at their worst input (NaN
   *     for the squared loss with non-sign targets)
   * @param cleanAccuracy fraction classified correctly without perturbation (NaN likewise)
   */
  public record Result(
      double[] worstLoss, double[][] adversarial, double robustAccuracy, double cleanAccuracy) {
    public double totalWorstLoss() {
      double s = 0;
      for (double v : worstLoss) {
        s += v;
      }
      return s;
    }
  }

  public Result attack(
      TwoLayerReluFunction f, double[][] x, double[] y, boolean[] perturbed, Loss loss) {
    return attack(f, x, y, perturbed, loss, null);
  }

  /** Attacks every row of x; {@code listener} (may be null) sees every iterate. */
  public Result attack(
      TwoLayerReluFunction f,
      double[][] x,
      double[] y,
      boolean[] perturbed,
      Loss loss,
      Listener listener) {
    if (x == null || y == null || x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException("x, y: need the same positive number of samples");
    }
    int d = x[0].length;
    if (perturbed == null || perturbed.length != d) {
      throw new IllegalArgumentException("perturbed: expected a mask of " + d + " columns");
    }
    if (loss != Loss.HINGE && loss != Loss.SQUARED) {
      throw new IllegalArgumentException("loss: expected hinge or squared, got " + loss);
    }
    boolean labels = true;
    for (double v : y) {
      labels &= v == 1.0 || v == -1.0;
    }
    int n = x.length;
    double[] worst = new double[n];
    double[][] adv = new double[n][];
    int robust = 0;
    int clean = 0;
    SplittableRandom root = new SplittableRandom(seed);
    double[] p = new double[d];
    double[] g = new double[d];
    for (int k = 0; k < n; k++) {
      SplittableRandom rng = root.split();
      double[] x0 = x[k];
      if (x0.length != d) {
        throw new IllegalArgumentException("x: ragged matrix at row " + k);
      }
      worst[k] = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < restarts; r++) {
        for (int c = 0; c < d; c++) {
          p[c] = x0[c] + (r > 0 && perturbed[c] ? eps * (2 * rng.nextDouble() - 1) : 0);
        }
        for (int t = 0; t <= steps; t++) {
          double fv = f.value(p);
          if (listener != null) {
            listener.visit(k, p);
          }
          double lv =
              loss == Loss.HINGE ? Math.max(0, 1 - y[k] * fv) : 0.5 * (fv - y[k]) * (fv - y[k]);
          if (lv > worst[k]) {
            worst[k] = lv;
            adv[k] = p.clone();
          }
          if (t == steps) {
            break;
          }
          // ascent direction of the loss through f: hinge -> -y (also where the hinge is flat,
          // to push towards misclassification); squared -> sign(f - y)
          double dir = loss == Loss.HINGE ? -y[k] : (fv >= y[k] ? 1 : -1);
          f.gradient(p, g);
          for (int c = 0; c < d; c++) {
            if (perturbed[c]) {
              double step = p[c] + stepSize * Math.signum(dir * g[c]);
              p[c] = Math.max(x0[c] - eps, Math.min(x0[c] + eps, step));
            }
          }
        }
      }
      if (labels) {
        if (y[k] * f.value(adv[k]) > 0) {
          robust++;
        }
        if (y[k] * f.value(x0) > 0) {
          clean++;
        }
      }
    }
    return new Result(
        worst,
        adv,
        labels ? (double) robust / n : Double.NaN,
        labels ? (double) clean / n : Double.NaN);
  }
}
