package io.convopt.experiments.benchmark;

import io.convopt.kernel.Box;
import io.convopt.solvers.conv.ConvolutionSettings;

/**
 * The one rule that configures every convolution solver in the benchmark from the box and the
 * evaluation budget B alone (no per-function tuning, no knowledge of the optimum).
 *
 * <ul>
 *   <li>Lattice: m = max(3, ⌊(B/4)^{1/n}⌋) cells along the widest side, η = widest side / m, so the
 *       coarse lattice takes at most a quarter of the budget and the rest is left for the fine
 *       δ-window samples and the walk.
 *   <li>Power N = {@value #POWER} on the normalised lift ((f + C)/(f_max + C))^N (a mid-range value
 *       of the paper's Table 1; power continuation ignores it and runs its own schedule).
 *   <li>δ, fine step, iteration budget T and shift: the {@link ConvolutionSettings} defaults (δ =
 *       η, fine step δ/10, T = ⌈side/η⌉ + 50, shift from the sampled minimum).
 * </ul>
 *
 * <p>The runs are capped at exactly B evaluations by the registry, so a configuration whose walk
 * would need more is cut short, and it is charged for it.
 */
public final class ConvolutionBudgetRule {

  /** The power N used by every fixed-N convolution solver in the benchmark. */
  public static final double POWER = 10;

  private ConvolutionBudgetRule() {}

  /** The settings for a run on {@code box} with at most {@code budget} evaluations. */
  public static ConvolutionSettings settings(Box box, long budget, long seed) {
    if (budget < 1) {
      throw new IllegalArgumentException("evaluation budget must be >= 1, got " + budget);
    }
    int n = box.dimension();
    int m = (int) Math.max(3, Math.floor(Math.pow(budget / 4.0, 1.0 / n) + 1e-9));
    double widest = 0;
    for (int i = 0; i < n; i++) {
      widest = Math.max(widest, box.width(i));
    }
    return ConvolutionSettings.of(widest / m, POWER).withSeed(seed);
  }

  /**
   * The settings of Algorithm 2 (n-D convolutional descent): {@link #settings} with the fine δ-ball
   * grid adapted to the budget. Each iteration samples (2k)^n fine points (k steps per δ); k =
   * min(10, max(1, ⌊(B/4)^{1/n}/2⌋)) keeps one ball within the coarse grid's share B/4, so 1-D to
   * 3-D keep the default k = 10, 5-D gets k = 3 (7776 points) and 10-D k = 1 (1024 points) instead
   * of 3·10⁶ and 10¹³ points, which made Algorithm 2 refuse to start.
   */
  public static ConvolutionSettings descentSettings(Box box, long budget, long seed) {
    ConvolutionSettings s = settings(box, budget, seed);
    int n = box.dimension();
    int k =
        (int)
            Math.min(
                s.fineStepsPerDelta(),
                Math.max(1, Math.floor(Math.pow(budget / 4.0, 1.0 / n) / 2 + 1e-9)));
    return s.withFineStepsPerDelta(k);
  }
}
