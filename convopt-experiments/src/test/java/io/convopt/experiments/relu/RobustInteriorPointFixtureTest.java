package io.convopt.experiments.relu;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.robust.RobustInteriorPointSolver;
import io.convopt.solvers.relu.robust.RobustReluProblem;
import io.convopt.solvers.relu.robust.RobustSolution;
import org.junit.jupiter.api.Test;

/**
 * {@code relu_robust_hinge_synth.json} solved by the default robust solver, the interior-point
 * method: CLARABEL's optimum 7.08245435793 to 1e-6 relative, its own certified relative gap at most
 * 1e-6 (so the certificate alone implies the agreement), a feasible point (scaled robust-cone
 * violation 0), and the independent PGD check of {@link RobustFixtureTest}: no active pattern flips
 * under attack at radius eps and the closed-form robust hinge bounds every loss the attack finds.
 */
class RobustInteriorPointFixtureTest {
  @Test
  void reachesReferenceWithCertificate() throws Exception {
    RobustReluFixture fx = RobustFixtureTest.load();
    RobustReluProblem p = fx.problem();
    RobustSolution s = new RobustInteriorPointSolver().solve(p);
    double ref = fx.base().referenceObjective();
    System.out.println("robust fixture (ipm): " + s + " ref=" + ref);
    assertThat(s.stopReason()).isEqualTo(StopReason.CONVERGED);
    assertThat(s.solver()).isEqualTo("ipm");
    assertThat(Math.abs(s.objective() - ref) / ref).isLessThanOrEqualTo(1e-6);
    assertThat(s.relativeGap()).isBetween(-1e-12, 1e-6);
    assertThat(s.dualBound()).isLessThanOrEqualTo(ref * (1 + 1e-9));
    assertThat(s.constraintViolation()).isLessThanOrEqualTo(0.0);
    new RobustFixtureTest().pgdNeitherFlipsPatternsNorBeatsTheClosedFormBound(p, s);
  }
}
