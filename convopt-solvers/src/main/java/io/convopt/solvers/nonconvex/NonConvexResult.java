package io.convopt.solvers.nonconvex;

import java.util.List;

/**
 * Outcome of one training run. Immutable.
 *
 * @param network the final weights
 * @param config the configuration, including the seed
 * @param optimiser {@link Optimiser#describe()} of the optimiser used
 * @param trajectory the full-batch objective after every epoch, epoch 0 first
 * @param finalObjective F at the final weights
 * @param epochsRun epochs completed (fewer than configured if the objective diverged or the time
 *     limit was reached)
 * @param steps optimiser steps taken
 * @param wallSeconds training time, excluding per-epoch bookkeeping
 * @param diverged true if the objective became NaN or infinite (the run stopped there)
 */
public record NonConvexResult(
    TwoLayerReluNetwork network,
    NonConvexConfig config,
    String optimiser,
    List<EpochRecord> trajectory,
    double finalObjective,
    int epochsRun,
    long steps,
    double wallSeconds,
    boolean diverged) {

  public NonConvexResult {
    trajectory = List.copyOf(trajectory);
  }

  /** The seed the run used. */
  public long seed() {
    return config.seed();
  }
}
