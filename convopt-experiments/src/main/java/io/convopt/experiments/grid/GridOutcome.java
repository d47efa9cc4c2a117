package io.convopt.experiments.grid;

/**
 * What one run of a grid did.
 *
 * @param total cells in the grid
 * @param inShard cells of the grid in this run's shard
 * @param executed cells run now
 * @param resumed cells of the shard found finished (skipped)
 * @param seconds wall time of the cells run now
 */
public record GridOutcome(int total, int inShard, int executed, int resumed, double seconds) {

  /** Cells of the shard still missing (only with finish-only runs or failures). */
  public int missing() {
    return inShard - executed - resumed;
  }
}
