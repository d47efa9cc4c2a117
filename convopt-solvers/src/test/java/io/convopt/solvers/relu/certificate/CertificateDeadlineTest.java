package io.convopt.solvers.relu.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.ReluTestData;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.ipm.InteriorPointSolver;
import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import io.convopt.solvers.relu.solve.AdmmSolver;
import io.convopt.solvers.relu.solve.AugmentedLagrangianSolver;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The projected certificate under a deadline: an evaluation cut short (deadline already passed)
 * still returns a feasible point and a valid bound, checked against the interior-point optimum p*
 * of the same constrained program (an independent method, certified to 1e-9); the CR solvers stop
 * at a tiny time limit with TIME_LIMIT and such a certificate. No timing is asserted.
 */
class CertificateDeadlineTest {
  private static ReluProblem problem() {
    double[][] x = ReluTestData.gaussian(60, 3, 21L);
    ActivationPatterns pat = ActivationPatterns.sample(x, 12, 22L);
    return new ReluProblem(
        x, ReluTestData.sinTargets(x, 23L), pat, 0.05, Loss.SQUARED, Formulation.RELU);
  }

  private static double optimum(ReluProblem p) {
    ReluSolution s =
        new InteriorPointSolver(ReluSolverSettings.defaults().withTolerance(1e-9)).solve(p);
    assertThat(s.certificate().relativeGap()).isLessThanOrEqualTo(1e-9);
    return s.objective();
  }

  /** Largest cone violation of w, measured directly on the rows: (2D - 1) X w_j >= 0. */
  private static double violation(PatternOperator op, double[] w) {
    double worst = 0;
    for (int j = 0; j < op.blocks; j++) {
      for (int k = 0; k < op.n; k++) {
        double c = 0;
        for (int i = 0; i < op.d; i++) {
          c += op.x[k * op.d + i] * w[j * op.d + i];
        }
        worst = Math.max(worst, op.active(k, j) ? -c : c);
      }
    }
    return worst;
  }

  @Test
  void anEvaluationPastItsDeadlineIsIncompleteButFeasibleAndValid() {
    ReluProblem p = problem();
    double pStar = optimum(p);
    PatternOperator op = p.operator();
    SplittableRandom r = new SplittableRandom(5);
    double[] u = new double[op.blocks * op.d];
    for (int i = 0; i < u.length; i++) {
      u[i] = 0.3 * r.nextGaussian(); // violates most cones
    }
    assertThat(violation(op, u)).isGreaterThan(0.1);
    ProjectedCertificate pc = new ProjectedCertificate(op, p);
    ProjectedCertificate.Result full = pc.evaluate(u, null, null, Deadline.none());
    ProjectedCertificate.Result cut =
        pc.evaluate(u, null, null, Deadline.after(System.nanoTime(), 0));
    assertThat(full.complete()).isTrue();
    assertThat(cut.complete()).isFalse();
    for (ProjectedCertificate.Result res : new ProjectedCertificate.Result[] {full, cut}) {
      assertThat(res.restored()).isTrue();
      assertThat(violation(op, res.w())).isLessThanOrEqualTo(1e-12);
      assertThat(res.certificate().primal()).isGreaterThanOrEqualTo(pStar * (1 - 1e-9));
      assertThat(res.certificate().dual()).isLessThanOrEqualTo(pStar * (1 + 1e-9));
    }
    // the cut evaluation took another path (deferred blocks): not the complete one's point
    assertThat(cut.w()).isNotEqualTo(full.w());
  }

  @Test
  void constrainedSolversStopAtATinyTimeLimitWithAValidCertificate() {
    ReluProblem p = problem();
    double pStar = optimum(p);
    for (double limit : new double[] {1e-9, 0.02}) {
      ReluSolverSettings s =
          ReluSolverSettings.defaults().withTolerance(1e-12).withTimeLimit(limit);
      for (ReluSolution sol :
          new ReluSolution[] {
            new AdmmSolver(s).solve(p), new AugmentedLagrangianSolver(s).solve(p)
          }) {
        String what = sol.solver() + " at " + limit + " s";
        assertThat(sol.stopReason()).as(what).isEqualTo(StopReason.TIME_LIMIT);
        assertThat(violation(p.operator(), sol.blockView())).as(what).isLessThanOrEqualTo(1e-12);
        assertThat(sol.certificate().primal()).as(what).isGreaterThanOrEqualTo(pStar * (1 - 1e-9));
        assertThat(sol.certificate().dual()).as(what).isLessThanOrEqualTo(pStar * (1 + 1e-9));
        assertThat(sol.objective()).as(what).isCloseTo(sol.certificate().primal(), within(sol));
      }
    }
  }

  private static org.assertj.core.data.Offset<Double> within(ReluSolution s) {
    return org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(s.objective())));
  }
}
