package io.convopt.solvers.relu.solve;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.ReluTestData;
import io.convopt.solvers.relu.StopReason;
import io.convopt.solvers.relu.ipm.InteriorPointSolver;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import org.junit.jupiter.api.Test;

/**
 * ADMM on working sets of patterns for the constrained program against the interior-point optimum
 * over all patterns (an independent method): the certificate it reports is of the full program (its
 * primal value is at least p*, its dual bound at most p*) and it reaches p* to its tolerance.
 */
class ConstrainedWorkingSetTest {
  // slow-tagged (about 4 s): working sets are off by default, so the default path is not at stake
  @org.junit.jupiter.api.Tag("slow")
  @Test
  void workingSetsReachTheFullProgramsOptimumWithAFullCertificate() {
    double[][] x = ReluTestData.gaussian(40, 3, 31L);
    ActivationPatterns pat = ActivationPatterns.sample(x, 60, 32L);
    ReluProblem full =
        new ReluProblem(
            x, ReluTestData.sinTargets(x, 33L), pat, 1.0, Loss.SQUARED, Formulation.RELU);
    full = full.withBeta(0.2 * full.betaMax());
    double pStar =
        new InteriorPointSolver(ReluSolverSettings.defaults().withTolerance(1e-9))
            .solve(full)
            .objective();
    AdmmSolver admm =
        new AdmmSolver(ReluSolverSettings.defaults().withTolerance(1e-4)).withWorkingSets(true);
    assertThat(admm.usesWorkingSets(full)).isTrue();
    ReluSolution s = admm.solve(full);
    assertThat(s.stopReason()).isEqualTo(StopReason.CONVERGED);
    assertThat(s.outerIterations()).isGreaterThan(1);
    assertThat(s.certificate().relativeGap()).isLessThanOrEqualTo(1e-4);
    assertThat(s.certificate().primal()).isGreaterThanOrEqualTo(pStar * (1 - 1e-9));
    assertThat(s.certificate().dual()).isLessThanOrEqualTo(pStar * (1 + 1e-9));
    assertThat(s.objective()).isCloseTo(pStar, org.assertj.core.data.Offset.offset(2e-4 * pStar));
    assertThat(s.certificate().constraintViolation()).isLessThanOrEqualTo(1e-12);
    // few patterns carry the optimum: the working set stays below P
    assertThat(s.activeBlocks()).isLessThan(2 * pat.count());
  }
}
