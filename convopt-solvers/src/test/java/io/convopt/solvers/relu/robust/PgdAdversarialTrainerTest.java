package io.convopt.solvers.relu.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.solvers.nonconvex.Loss;
import io.convopt.solvers.nonconvex.NonConvexConfig;
import io.convopt.solvers.nonconvex.NonConvexResult;
import io.convopt.solvers.nonconvex.NonConvexTrainer;
import io.convopt.solvers.nonconvex.ReluTrainingProblem;
import io.convopt.solvers.nonconvex.Sgd;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * PGD adversarial training against independent references: at eps = 0 the attack returns the clean
 * batch, so the weights must equal plain {@link NonConvexTrainer} training with the same seed (bit
 * for bit: same initialisation, order and gradient arithmetic); equal seeds repeat; with eps > 0
 * the trained network is harder to attack on its own training data than the plainly trained one
 * (the robust hinge loss under the same seeded PGD is lower), which is what adversarial training
 * optimises.
 */
class PgdAdversarialTrainerTest {

  private static ReluTrainingProblem data(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][3];
    double[] y = new double[n];
    for (int k = 0; k < n; k++) {
      x[k][0] = r.nextGaussian();
      x[k][1] = r.nextGaussian();
      y[k] = x[k][0] * x[k][1] + 0.3 * x[k][0] > 0 ? 1 : -1;
    }
    return ReluTrainingProblem.of(
        ReluTrainingProblem.appendBiasColumn(
            java.util.Arrays.stream(x)
                .map(row -> new double[] {row[0], row[1]})
                .toArray(double[][]::new)),
        y);
  }

  private static NonConvexConfig config() {
    return NonConvexConfig.defaults()
        .withLoss(Loss.HINGE)
        .withWidth(12)
        .withBeta(0.01)
        .withOptimiser(Sgd.fixed(0.2))
        .withEpochs(40)
        .withBatchFraction(0.2)
        .withSeed(7);
  }

  @Test
  void zeroRadiusEqualsPlainTraining() {
    ReluTrainingProblem p = data(60, 1);
    boolean[] mask = RobustReluProblem.allBut(3, 2);
    PgdAdversarialTrainer.Result adv = PgdAdversarialTrainer.train(p, config(), mask, 0.0, 3);
    NonConvexResult plain = NonConvexTrainer.train(p, config());
    assertThat(adv.network().flat()).containsExactly(plain.network().flat());
    assertThat(adv.cleanObjective()).isEqualTo(plain.finalObjective());
    assertThat(adv.optimiserSteps()).isEqualTo(plain.steps());
  }

  @Test
  void seededAndMoreRobustOnItsTrainingData() {
    ReluTrainingProblem p = data(80, 2);
    boolean[] mask = RobustReluProblem.allBut(3, 2);
    double eps = 0.3;
    PgdAdversarialTrainer.Result a = PgdAdversarialTrainer.train(p, config(), mask, eps, 5);
    PgdAdversarialTrainer.Result b = PgdAdversarialTrainer.train(p, config(), mask, eps, 5);
    assertThat(a.network().flat()).containsExactly(b.network().flat());
    NonConvexResult plain = NonConvexTrainer.train(p, config());
    PgdAttack attack = new PgdAttack(eps, 20, 3, 2.5 * eps / 20, 11);
    double robustAdv =
        attack
            .attack(
                TwoLayerReluFunction.of(a.network()),
                p.features(),
                p.targets(),
                mask,
                io.convopt.solvers.relu.Loss.HINGE)
            .totalWorstLoss();
    double robustPlain =
        attack
            .attack(
                TwoLayerReluFunction.of(plain.network()),
                p.features(),
                p.targets(),
                mask,
                io.convopt.solvers.relu.Loss.HINGE)
            .totalWorstLoss();
    assertThat(robustAdv).isLessThan(robustPlain);
  }

  @Test
  void rejectsBadArguments() {
    ReluTrainingProblem p = data(10, 3);
    assertThatThrownBy(() -> PgdAdversarialTrainer.train(p, config(), new boolean[2], 0.1, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("perturbed");
    assertThatThrownBy(() -> PgdAdversarialTrainer.train(p, config(), new boolean[3], -1, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eps");
    assertThatThrownBy(() -> PgdAdversarialTrainer.train(p, config(), new boolean[3], 0.1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("steps");
  }
}
