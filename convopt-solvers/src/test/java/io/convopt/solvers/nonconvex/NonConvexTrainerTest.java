package io.convopt.solvers.nonconvex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NonConvexTrainerTest {

  /** Gaussian features plus a bias column, targets from a random teacher network plus noise. */
  static ReluTrainingProblem randomProblem(int n, int d, long seed, boolean labels) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    double[] y = new double[n];
    for (int k = 0; k < n; k++) {
      double s = 0;
      for (int i = 0; i < d; i++) {
        x[k][i] = rng.nextGaussian();
        s += (i % 2 == 0 ? 1 : -0.5) * Math.max(0, x[k][i]);
      }
      y[k] = labels ? (s > 0.4 ? 1 : -1) : s + 0.1 * rng.nextGaussian();
    }
    return ReluTrainingProblem.of(ReluTrainingProblem.appendBiasColumn(x), y);
  }

  static double[] randomTheta(int d, int m, long seed) {
    return NonConvexTrainer.initialise(d, m, new SplittableRandom(seed));
  }

  @Test
  void valueAndGradientMatchPlainJavaReference() {
    for (long threshold : new long[] {0L, Long.MAX_VALUE})
      for (Loss loss : Loss.values()) {
        ReluTrainingProblem p = randomProblem(37, 4, 1, loss == Loss.HINGE);
        ReluObjective f = new ReluObjective(p, 6, loss, 0.3, threshold);
        double[] theta = randomTheta(p.columns(), 6, 2);
        double ref = PlainReference.value(p.features(), p.targets(), 6, loss, 0.3, theta);
        assertThat(f.value(theta)).isCloseTo(ref, within(1e-12 * Math.abs(ref)));
        double[] g = f.gradient(theta);
        double[] gRef = PlainReference.gradient(p.features(), p.targets(), 6, loss, 0.3, theta);
        for (int i = 0; i < g.length; i++) {
          assertThat(g[i])
              .as("%s component %d, threshold %d", loss, i, threshold)
              .isCloseTo(gRef[i], within(1e-10 * (1 + Math.abs(gRef[i]))));
        }
      }
  }

  @Test
  void valueOverSeveralRowBlocksMatchesThePlainReference() {
    // more rows than one block of the ND4J forward pass, the last block partial
    ReluTrainingProblem p = randomProblem(2 * ReluObjective.VALUE_BLOCK_ROWS + 37, 3, 4, false);
    ReluObjective f = new ReluObjective(p, 5, Loss.SQUARED, 0.2, 0L);
    double[] theta = randomTheta(p.columns(), 5, 6);
    double ref = PlainReference.value(p.features(), p.targets(), 5, Loss.SQUARED, 0.2, theta);
    assertThat(f.value(theta)).isCloseTo(ref, within(1e-12 * Math.abs(ref)));
  }

  /**
   * Central differences with h = 1e-6 on a smooth point (no ReLU argument and, for the hinge, no
   * margin within 1e-3 of its kink, so the objective is C^2 in a neighbourhood of radius ≫ h).
   * Truncation error O(h²·F''') and rounding O(ε·F/h) ≈ 1e-8 relative: tolerance 1e-6 relative to
   * max(1, |g|).
   */
  @Test
  void gradientMatchesCentralFiniteDifferences() {
    for (long threshold : new long[] {0L, Long.MAX_VALUE})
      for (Loss loss : Loss.values()) {
        ReluTrainingProblem p = randomProblem(25, 3, 7, loss == Loss.HINGE);
        int m = 5;
        ReluObjective f = new ReluObjective(p, m, loss, 0.05, threshold);
        double[] theta = smoothPoint(p, m, loss);
        double[] g = f.gradient(theta);
        double h = 1e-6;
        for (int i = 0; i < theta.length; i++) {
          double[] tp = theta.clone();
          double[] tm = theta.clone();
          tp[i] += h;
          tm[i] -= h;
          double fd = (f.value(tp) - f.value(tm)) / (2 * h);
          assertThat(g[i])
              .as("%s ∂F/∂θ_%d", loss, i)
              .isCloseTo(fd, within(1e-6 * Math.max(1, Math.abs(fd))));
        }
      }
  }

  private static double[] smoothPoint(ReluTrainingProblem p, int m, Loss loss) {
    double[][] x = p.features();
    double[] y = p.targets();
    int d = p.columns();
    for (long s = 1; s < 1000; s++) {
      double[] theta = randomTheta(d, m, s);
      boolean ok = true;
      for (int k = 0; k < x.length && ok; k++) {
        for (int j = 0; j < m && ok; j++) {
          double z = 0;
          for (int i = 0; i < d; i++) {
            z += x[k][i] * theta[i * m + j];
          }
          ok = Math.abs(z) > 1e-3;
        }
        if (loss == Loss.HINGE) {
          ok &= Math.abs(y[k] * PlainReference.predict(x[k], d, m, theta) - 1) > 1e-3;
        }
      }
      if (ok) {
        return theta;
      }
    }
    throw new AssertionError("no smooth point found");
  }

  /** Σ_B (b/n)·ĝ_B over a partition of the rows equals the full gradient (unbiased scaling). */
  @Test
  void miniBatchEstimatesAverageToTheFullGradient() {
    ReluTrainingProblem p = randomProblem(30, 3, 3, false);
    for (long threshold : new long[] {0L, Long.MAX_VALUE}) {
      ReluObjective f = new ReluObjective(p, 4, Loss.SQUARED, 0.2, threshold);
      double[] theta = randomTheta(p.columns(), 4, 4);
      int[][] parts = {
        {0, 5, 9, 12, 29, 3, 4},
        {1, 2, 6, 7, 8, 10, 11, 13, 14, 15, 16},
        {17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28}
      };
      double[] sum = new double[theta.length];
      for (int[] part : parts) {
        double[] g = f.gradient(theta, part);
        for (int i = 0; i < g.length; i++) {
          sum[i] += (double) part.length / 30 * g[i];
        }
      }
      double[] full = f.gradient(theta);
      for (int i = 0; i < full.length; i++) {
        assertThat(sum[i]).isCloseTo(full[i], within(1e-10 * (1 + Math.abs(full[i]))));
      }
    }
  }

  /** 1-D regression y = |x| − 0.3 x² on 40 points of [−1, 1], bias column, width 64. */
  static ReluTrainingProblem oneDimensional() {
    int n = 40;
    double[][] x = new double[n][1];
    double[] y = new double[n];
    for (int k = 0; k < n; k++) {
      double t = -1 + 2.0 * k / (n - 1);
      x[k][0] = t;
      y[k] = Math.abs(t) - 0.3 * t * t;
    }
    return ReluTrainingProblem.of(ReluTrainingProblem.appendBiasColumn(x), y);
  }

  /**
   * Reference: plain-Java full-batch gradient descent with Armijo backtracking (independent of ND4J
   * and of the optimisers), 20 000 steps from three initialisations, best final value. It is a good
   * monotone baseline, not the global optimum (in a trial Adam ended 3× below it, SGD 1.3× above).
   * SGD and Adam with 400 epochs must come within a factor 1.5 of it, and their objective must fall
   * overall (every 50-epoch block ends at most 10 % above the previous block's end: mini-batch
   * noise at a fixed step makes single epochs go up).
   */
  @Test
  void reachesLongGradientDescentReferenceOnOneDimensionalProblem() {
    ReluTrainingProblem p = oneDimensional();
    int m = 64;
    double beta = 1e-3;
    double ref = Double.POSITIVE_INFINITY;
    for (long s = 100; s < 103; s++) {
      double[] t0 = randomTheta(p.columns(), m, s);
      double[] t =
          PlainReference.backtrackingDescent(
              p.features(), p.targets(), m, Loss.SQUARED, beta, t0, 20_000);
      ref =
          Math.min(ref, PlainReference.value(p.features(), p.targets(), m, Loss.SQUARED, beta, t));
    }
    assertThat(ref).isPositive();
    for (Optimiser opt : List.of(Sgd.fixed(0.05), Adam.of(0.01))) {
      NonConvexConfig cfg =
          NonConvexConfig.defaults()
              .withWidth(m)
              .withBeta(beta)
              .withOptimiser(opt)
              .withEpochs(400)
              .withBatchFraction(0.25)
              .withSeed(5);
      NonConvexResult r = NonConvexTrainer.train(p, cfg);
      assertThat(r.diverged()).isFalse();
      assertThat(r.trajectory()).hasSize(401);
      List<EpochRecord> tr = r.trajectory();
      for (int e = 50; e <= 400; e += 50) {
        assertThat(tr.get(e).objective())
            .as("%s epoch %d", opt.name(), e)
            .isLessThanOrEqualTo(1.10 * tr.get(e - 50).objective());
      }
      assertThat(tr.get(400).objective()).isLessThan(0.2 * tr.get(0).objective());
      System.out.printf(
          java.util.Locale.ROOT,
          "1-D problem: %s final %.6f, GD reference %.6f, start %.4f%n",
          opt.name(),
          r.finalObjective(),
          ref,
          tr.get(0).objective());
      assertThat(r.finalObjective())
          .as("%s vs reference %s", opt.name(), ref)
          .isLessThanOrEqualTo(1.5 * ref);
      assertThat(r.finalObjective()).isEqualTo(tr.get(400).objective());
      assertThat(r.finalObjective())
          .isCloseTo(
              PlainReference.value(
                  p.features(), p.targets(), m, Loss.SQUARED, beta, r.network().flat()),
              within(1e-9 * r.finalObjective()));
    }
  }

  @Test
  void timeLimitStopsAtTheStepThatReachesIt() {
    ReluTrainingProblem p = randomProblem(40, 3, 5, false);
    NonConvexConfig cfg = NonConvexConfig.defaults().withWidth(8).withEpochs(5).withSeed(3);
    // any step takes longer than a nanosecond: exactly one step runs, in a partial first epoch
    NonConvexResult one = NonConvexTrainer.train(p, cfg.withTimeLimit(1e-9));
    assertThat(one.epochsRun()).isEqualTo(1);
    assertThat(one.steps()).isEqualTo(1);
    assertThat(one.trajectory()).hasSize(2);
    // full batches: one step is one epoch, the same as the first epoch of the unlimited run
    NonConvexConfig fullBatch = cfg.withBatchFraction(1.0);
    NonConvexResult all = NonConvexTrainer.train(p, fullBatch);
    NonConvexResult first = NonConvexTrainer.train(p, fullBatch.withTimeLimit(1e-9));
    assertThat(all.epochsRun()).isEqualTo(5);
    assertThat(first.trajectory().get(1).objective())
        .isEqualTo(all.trajectory().get(1).objective());
    assertThatIllegalArgumentException().isThrownBy(() -> cfg.withTimeLimit(0));
  }

  @Test
  void equalSeedsGiveIdenticalResultsAndOtherSeedsDiffer() {
    ReluTrainingProblem p = randomProblem(60, 3, 11, true);
    for (Optimiser opt : List.of(Sgd.inverseTimeDecay(0.1, 0.01), Adam.of(0.01))) {
      NonConvexConfig cfg =
          NonConvexConfig.defaults()
              .withWidth(8)
              .withOptimiser(opt)
              .withEpochs(15)
              .withSeed(77)
              .withLoss(Loss.HINGE);
      NonConvexResult a = NonConvexTrainer.train(p, cfg);
      NonConvexResult b = NonConvexTrainer.train(p, cfg);
      assertThat(b.network().flat()).containsExactly(a.network().flat());
      for (int e = 0; e < a.trajectory().size(); e++) {
        assertThat(b.trajectory().get(e).objective()).isEqualTo(a.trajectory().get(e).objective());
      }
      assertThat(a.seed()).isEqualTo(77);
      NonConvexResult c = NonConvexTrainer.train(p, cfg.withSeed(78));
      assertThat(c.network().flat()).isNotEqualTo(a.network().flat());
    }
  }

  @Test
  void nd4jPathIsBitReproducible() {
    ReluTrainingProblem p = randomProblem(200, 10, 13, false);
    ReluObjective f = new ReluObjective(p, 16, Loss.SQUARED, 0.1, 0);
    double[] theta = randomTheta(p.columns(), 16, 3);
    int[] rows = {3, 50, 7, 199, 0, 120};
    assertThat(f.gradient(theta, rows)).containsExactly(f.gradient(theta, rows));
    assertThat(f.value(theta)).isEqualTo(f.value(theta));
  }

  @Test
  void metricHookIsEvaluatedEveryEpoch() {
    ReluTrainingProblem p = randomProblem(40, 2, 12, false);
    double[][] xs = p.features();
    NonConvexResult r =
        NonConvexTrainer.train(
            p, NonConvexConfig.defaults().withEpochs(5).withWidth(4), net -> net.predict(xs)[0]);
    assertThat(r.trajectory()).hasSize(6);
    for (EpochRecord e : r.trajectory()) {
      assertThat(e.metric()).isFinite();
    }
    assertThat(r.trajectory().get(5).metric())
        .isCloseTo(PlainReference.predict(xs[0], 3, 4, r.network().flat()), within(1e-12));
    assertThat(r.steps()).isEqualTo(5L * 10);
  }

  @Test
  void rejectsBadInput() {
    double[][] x = {{1, 2}, {3, 4}};
    assertThatThrownBy(
            () ->
                ReluTrainingProblem.of(
                    new double[][] {{1, Double.NaN}, {3, 4}}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0][1]")
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> ReluTrainingProblem.of(x, new double[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 rows")
        .hasMessageContaining("3");
    assertThatThrownBy(() -> ReluTrainingProblem.of(x, new double[] {1, Double.POSITIVE_INFINITY}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target 1");
    assertThatThrownBy(
            () -> ReluTrainingProblem.of(new double[][] {{1, 2}, {3}}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1");
    assertThatThrownBy(() -> ReluTrainingProblem.of(new double[0][], new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no rows");
    NonConvexConfig c = NonConvexConfig.defaults();
    assertThatThrownBy(() -> c.withBeta(-1e-9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beta");
    assertThatThrownBy(() -> c.withBeta(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.withWidth(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("width");
    assertThatThrownBy(() -> c.withBatchFraction(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sgd.fixed(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("learning rate");
    assertThatThrownBy(() -> Sgd.fixed(-0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Adam.of(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("learning rate");
    assertThatThrownBy(() -> Adam.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    ReluTrainingProblem p = ReluTrainingProblem.of(x, new double[] {1, 2});
    assertThatThrownBy(() -> new ReluObjective(p, -3, Loss.SQUARED, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("width");
    assertThatThrownBy(() -> Nd4jSettings.limitThreads(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TwoLayerReluNetwork.fromFlat(2, 2, new double[5]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length 5");
  }

  @Test
  void adamFirstStepHasLengthLearningRateAndCopiesAreIndependent() {
    Adam a = Adam.of(0.1);
    a.initialise(3);
    double[] p = {0, 0, 0};
    a.step(p, new double[] {2, -0.5, 1e-3});
    assertThat(p[0]).isCloseTo(-0.1, within(1e-8));
    assertThat(p[1]).isCloseTo(0.1, within(1e-8));
    assertThat(p[2]).isCloseTo(-0.1, within(1e-5));
    Adam b = a.copy();
    assertThatThrownBy(() -> b.step(p, new double[3])).isInstanceOf(IllegalStateException.class);
    Sgd s = Sgd.inverseTimeDecay(1.0, 1.0);
    s.initialise(1);
    double[] q = {0};
    s.step(q, new double[] {1});
    s.step(q, new double[] {1});
    assertThat(q[0]).isCloseTo(-1.5, within(1e-15));
    s.reset();
    assertThat(s.currentRate()).isEqualTo(1.0);
  }
}
