package io.convopt.solvers.relu.robust;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.ipm.InteriorPointSolver;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import org.junit.jupiter.api.Test;

/**
 * The robust interior-point method against independent solvers on small instances: at eps = 0 the
 * robust hinge program is the constrained ReLU program, solved by the (separate) interior-point
 * method for CR; with the squared loss at eps &gt; 0 the robust ADMM reaches the same optimum; both
 * agree to 1e-6 relative, and every certified lower bound lies below every feasible objective. A
 * pattern given explicitly whose robust cone is {0} is fixed at zero (stated behaviour), and the
 * optimum equals the one without that pattern.
 */
class RobustInteriorPointSolverTest {
  static double[] labels(double[][] x, boolean squared) {
    double[] y = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      double v = x[k][0] * x[k][1] + 0.2;
      y[k] = squared ? v : v >= 0 ? 1 : -1;
    }
    return y;
  }

  @Test
  void epsZeroHingeEqualsTheConstrainedProgram() {
    double[][] x = RobustPatternSamplerTest.data(24, 2, 21);
    double[] y = labels(x, false);
    ActivationPatterns pat = ActivationPatterns.sample(x, 8, 3);
    RobustReluProblem rp =
        new RobustReluProblem(x, y, pat, 0.1, 0.0, RobustReluProblem.allBut(3, 2), Loss.HINGE);
    RobustSolution r =
        new RobustInteriorPointSolver(RobustInteriorPointSolver.Settings.defaults()).solve(rp);
    double cr =
        new InteriorPointSolver()
            .solve(new ReluProblem(x, y, pat, 0.1, Loss.HINGE, Formulation.RELU))
            .objective();
    assertThat(r.stopReason()).isEqualTo(StopReason.CONVERGED);
    assertThat(r.relativeGap()).isBetween(-1e-12, 1e-7);
    assertThat(Math.abs(r.objective() - cr) / cr).isLessThanOrEqualTo(1e-6);
    assertThat(r.dualBound()).isLessThanOrEqualTo(cr * (1 + 1e-12));
  }

  @Test
  void squaredLossAgreesWithTheRobustAdmm() {
    double[][] x = RobustPatternSamplerTest.data(16, 2, 22);
    double[] y = labels(x, true);
    boolean[] pert = RobustReluProblem.allBut(3, 2);
    ActivationPatterns pat = RobustPatternSampler.sample(x, pert, 2, 0.05, 4, 4).patterns();
    RobustReluProblem rp = new RobustReluProblem(x, y, pat, 0.05, 0.05, pert, Loss.SQUARED);
    RobustSolution r = new RobustInteriorPointSolver().solve(rp);
    RobustSolution a =
        new RobustAdmmSolver(RobustAdmmSolver.Settings.defaults().withTolerance(1e-8)).solve(rp);
    assertThat(r.stopReason()).isEqualTo(StopReason.CONVERGED);
    assertThat(a.stopReason()).isEqualTo(StopReason.CONVERGED);
    assertThat(r.relativeGap()).isBetween(-1e-12, 1e-7);
    assertThat(Math.abs(r.objective() - a.objective()) / a.objective()).isLessThanOrEqualTo(1e-6);
    assertThat(r.dualBound()).isLessThanOrEqualTo(a.objective() * (1 + 1e-12));
    assertThat(a.dualBound()).isLessThanOrEqualTo(r.objective() * (1 + 1e-9));
  }

  @Test
  void patternWithEmptyRobustConeIsFixedAtZero() {
    double[][] x = RobustPatternSamplerTest.data(20, 2, 23);
    double[] y = labels(x, false);
    boolean[] pert = RobustReluProblem.allBut(3, 2);
    ActivationPatterns good = RobustPatternSampler.sample(x, pert, 2, 0.05, 4, 5).patterns();
    int n = x.length;
    int[][] d01 = new int[n][good.count() + 1];
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < good.count(); i++) {
        d01[k][i] = good.active(k, i) ? 1 : 0;
      }
      d01[k][good.count()] = x[k][0] * x[k][1] > 0 ? 1 : 0; // XOR: no separating hyperplane
    }
    ActivationPatterns withBad = ActivationPatterns.of(x, d01, null);
    RobustReluProblem p1 = new RobustReluProblem(x, y, good, 0.1, 0.05, pert, Loss.HINGE);
    RobustReluProblem p2 = new RobustReluProblem(x, y, withBad, 0.1, 0.05, pert, Loss.HINGE);
    RobustInteriorPointSolver s = new RobustInteriorPointSolver();
    RobustSolution r1 = s.solve(p1);
    RobustSolution r2 = s.solve(p2);
    assertThat(r2.stopReason()).isEqualTo(StopReason.CONVERGED);
    int bad = good.count();
    for (int c = 0; c < 3; c++) {
      assertThat(r2.v()[c][bad]).isZero();
      assertThat(r2.w()[c][bad]).isZero();
    }
    assertThat(r2.constraintViolation()).isLessThanOrEqualTo(0.0);
    assertThat(Math.abs(r1.objective() - r2.objective()) / r1.objective())
        .isLessThanOrEqualTo(1e-6);
  }
}
