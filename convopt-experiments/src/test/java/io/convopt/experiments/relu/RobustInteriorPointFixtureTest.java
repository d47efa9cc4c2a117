package io.convopt.experiments.relu;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.robust.RobustInteriorPointSolver;
import io.convopt.solvers.relu.robust.RobustReluProblem;
import org.junit.jupiter.api.Test;

class RobustInteriorPointFixtureTest {
  @Test
  void reachesReferenceWithCertificate() throws Exception {
    RobustReluFixture fx = RobustFixtureTest.load();
    RobustReluProblem p = fx.problem();
    RobustInteriorPointSolver.Result r = new RobustInteriorPointSolver().solve(p);
    double ref = fx.base().referenceObjective();
    System.out.printf("ipm robust: obj %.12g ref %.12g rel %.3e gap %.3e steps %d centrings %d zero %d %.3fs %s%n",
        r.objective(), ref, (r.objective() - ref) / ref, r.relativeGap(), r.steps(), r.centrings(),
        r.zeroCones(), r.seconds(), r.stopReason());
    assertThat(r.stopReason()).isEqualTo(StopReason.CONVERGED);
  }
}
