package io.convopt.experiments.robust;

import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.robust.PgdAttack;
import io.convopt.solvers.relu.robust.TwoLayerReluFunction;
import java.util.List;

/**
 * Clean and robust test accuracy of one trained network under seeded ℓ∞ PGD ({@link PgdAttack},
 * hinge loss, bias column never perturbed) at every radius of a grid.
 *
 * <p>A test row counts as correct when {@code y f(x) > 0} (f = 0 is an error, the attack's rule).
 * Two robust accuracies per radius ε:
 *
 * <ul>
 *   <li>{@code pgd_accuracy}: the rows still correct at the worst point PGD found in the ball of
 *       radius ε (step 2.5 ε / steps, the same attack seed at every radius). PGD starts at the
 *       clean point, so it is never above the clean accuracy, and at ε = 0 it equals it. It is
 *       <em>not</em> monotone in ε by construction: different radii take different steps, and a
 *       weaker search in a larger ball can miss what a smaller ball's search found.
 *   <li>{@code robust_accuracy}: the rows correct under every attack of the grid with radius ≤ ε. A
 *       perturbation found in a smaller ball lies in the larger one, so this is a valid (stronger)
 *       attack at ε; it is non-increasing in ε by construction and at most {@code pgd_accuracy}.
 *       This is the number compared and plotted.
 * </ul>
 *
 * <p>Cost: {@code |grid| restarts (steps + 1)} evaluations of f and its gradient per test row.
 */
public final class RobustEvaluation {

  /**
   * Accuracies per radius (same order as the grid).
   *
   * @param clean clean accuracy
   * @param pgd PGD accuracy per radius
   * @param robust robust accuracy (union over radii ≤ ε) per radius
   * @param seconds attack wall time
   */
  public record Accuracies(double clean, double[] pgd, double[] robust, double seconds) {}

  private RobustEvaluation() {}

  /**
   * The step size used at radius {@code eps} (any positive value at 0, where clipping pins the
   * point).
   */
  public static double stepSize(double eps, int steps) {
    return eps > 0 ? 2.5 * eps / steps : 1.0;
  }

  /**
   * Attacks {@code f} on (x, y) at every radius of {@code grid} (ascending).
   *
   * @param perturbed columns the attack may change
   */
  public static Accuracies evaluate(
      TwoLayerReluFunction f,
      double[][] x,
      double[] y,
      boolean[] perturbed,
      List<Double> grid,
      int steps,
      int restarts,
      long attackSeed) {
    long t0 = System.nanoTime();
    int n = y.length;
    boolean[] survives = new boolean[n];
    int clean = 0;
    for (int k = 0; k < n; k++) {
      survives[k] = y[k] * f.value(x[k]) > 0;
      if (survives[k]) {
        clean++;
      }
    }
    double[] pgd = new double[grid.size()];
    double[] robust = new double[grid.size()];
    for (int e = 0; e < grid.size(); e++) {
      double eps = grid.get(e);
      PgdAttack attack = new PgdAttack(eps, steps, restarts, stepSize(eps, steps), attackSeed);
      double[][] adv = attack.attack(f, x, y, perturbed, Loss.HINGE).adversarial();
      int ok = 0;
      int all = 0;
      for (int k = 0; k < n; k++) {
        boolean correct = y[k] * f.value(adv[k]) > 0;
        if (correct) {
          ok++;
        }
        survives[k] &= correct;
        if (survives[k]) {
          all++;
        }
      }
      pgd[e] = (double) ok / n;
      robust[e] = (double) all / n;
    }
    return new Accuracies((double) clean / n, pgd, robust, (System.nanoTime() - t0) * 1e-9);
  }
}
