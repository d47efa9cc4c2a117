package io.convopt.solvers.conv.sampled;

import java.util.Arrays;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * The local polish of a descent's best point: one BOBYQA run (Powell's bound-constrained
 * quadratic-model trust region, Commons Math, 2d + 1 interpolation points, as the project's {@code
 * BobyqaMultistart} uses it) in the unit cube for d ≥ 2, one Nelder–Mead run in 1-D (BOBYQA needs d
 * ≥ 2). Every call goes through the run's counter and is capped; a run that Commons Math aborts on
 * a degenerate model simply ends the polish.
 */
final class LocalPolish {

  private LocalPolish() {}

  /**
   * Polishes from unit point {@code u0} with initial radius {@code radius} (unit lengths, clamped
   * to [1e-6, 0.4]) using at most {@code cap} evaluations; returns the evaluations used.
   */
  static long run(CountedRun run, double[] u0, double radius, long cap) {
    int d = u0.length;
    double rho = Math.min(0.4, Math.max(1e-6, radius));
    MultivariateFunction negated = u -> -run.value(u);
    long before = run.evaluations();
    run.withLocalCap(cap);
    try {
      if (d >= 2) {
        double[] zeros = new double[d];
        double[] ones = new double[d];
        Arrays.fill(ones, 1.0);
        new BOBYQAOptimizer(2 * d + 1, rho, 1e-9)
            .optimize(
                new MaxEval(Integer.MAX_VALUE),
                new ObjectiveFunction(negated),
                GoalType.MINIMIZE,
                new InitialGuess(CountedRun.clip(u0)),
                new SimpleBounds(zeros, ones));
      } else {
        double step = u0[0] + rho <= 1 ? rho : -rho;
        new SimplexOptimizer(new SimpleValueChecker(1e-12, 1e-14))
            .optimize(
                new MaxEval(Integer.MAX_VALUE),
                new ObjectiveFunction(negated),
                GoalType.MINIMIZE,
                new InitialGuess(CountedRun.clip(u0)),
                new NelderMeadSimplex(new double[] {step}));
      }
    } catch (CountedRun.LocalCapReached e) {
      // the polish used its share; the run goes on
    } catch (RuntimeException e) {
      if (e instanceof CountedRun.Exhausted
          || !e.getClass().getName().startsWith("org.apache.commons.math3.")) {
        throw e;
      }
    } finally {
      run.clearLocalCap();
    }
    return run.evaluations() - before;
  }
}
