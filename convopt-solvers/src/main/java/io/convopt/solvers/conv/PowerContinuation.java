package io.convopt.solvers.conv;

import io.convopt.kernel.Box;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.api.StopReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Power continuation: raise N along N₀, N₀·q, N₀·q², … up to N_max, re-solving the exact surrogate
 * (weighted / geometric median, {@link SurrogateMedianSolver}) on the <em>same</em> coarse samples
 * (re-lifting costs no evaluations), warm-starting each stage at the previous minimiser, until the
 * minimiser moves less than η between two stages. This removes the need to guess N; the N at which
 * it stabilised is reported in the result's settings ("stable_power").
 *
 * <p>The lift is normalised ((f + C)/(f_max + C))^N, so N in the thousands neither overflows nor
 * underflows to an all-zero mass (the best sample keeps weight 1).
 */
public final class PowerContinuation implements Solver {

  private final ConvolutionSettings settings;
  private final double initialPower;
  private final double factor;
  private final double maxPower;

  /**
   * Stages N = 1, 2, 4, …, 4096 with the grid, δ and shift of {@code settings} (its power is
   * ignored).
   */
  public PowerContinuation(ConvolutionSettings settings) {
    this(settings, 1, 2, 4096);
  }

  private PowerContinuation(
      ConvolutionSettings settings, double initialPower, double factor, double maxPower) {
    if (!(initialPower > 0)
        || !(factor > 1)
        || !(maxPower >= initialPower)
        || Double.isInfinite(maxPower)) {
      throw new IllegalArgumentException(
          "power schedule needs N0 > 0, factor > 1, finite Nmax >= N0; got N0="
              + initialPower
              + ", factor="
              + factor
              + ", Nmax="
              + maxPower);
    }
    this.settings = settings;
    this.initialPower = initialPower;
    this.factor = factor;
    this.maxPower = maxPower;
  }

  public PowerContinuation withSchedule(double n0, double q, double nMax) {
    return new PowerContinuation(settings, n0, q, nMax);
  }

  @Override
  public String name() {
    return "continuation";
  }

  @Override
  public Optimum optimize(Problem problem, double[] start) {
    problem.requireStart(start);
    Box box = problem.box();
    RunContext run = new RunContext(problem, s -> java.util.Optional.empty(), s -> null, false);
    BoxLattice lat = new BoxLattice(run.samples, box, start, settings.withPower(initialPower));
    double eta = settings.eta();
    double[] current = start.clone();
    double[] previous = null;
    double stable = Double.NaN;
    List<String> path = new ArrayList<>();
    int stages = 0;
    for (double n = initialPower; n <= maxPower * (1 + 1e-12); n *= factor) {
      stages++;
      double[] w =
          Lifts.fit(settings.shift(), n, Lifts.min(lat.f), Lifts.max(lat.f)).weights(lat.f, null);
      SurrogateMedianSolver.Solution sol =
          SurrogateMedianSolver.solve(lat.mid, w, box, settings.delta(), current, 1e-10, 100_000);
      current = sol.point();
      path.add(String.format(Locale.ROOT, "N=%g:%s", n, java.util.Arrays.toString(current)));
      if (previous != null && distance(previous, current) < eta) {
        stable = n;
        break;
      }
      previous = current.clone();
    }
    Map<String, String> s = settings.describe(box);
    s.remove("power");
    s.put("schedule", initialPower + " x " + factor + "^k <= " + maxPower);
    s.put("stable_power", Double.isNaN(stable) ? "not reached" : Double.toString(stable));
    s.put("stages", String.join("; ", path));
    return run.finishAfter(
        name(),
        current,
        stages,
        Double.isNaN(stable) ? StopReason.ITERATION_BUDGET : StopReason.CONVERGED,
        s);
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }
}
