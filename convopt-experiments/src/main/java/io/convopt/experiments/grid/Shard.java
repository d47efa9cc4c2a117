package io.convopt.experiments.grid;

import java.util.Map;

/**
 * Shard {@code index} of {@code count} (1-based): the cells whose key hashes to it, namely {@code
 * floorMod(fnv1a(key), count) == index - 1} ({@link StableHash}). Every cell belongs to exactly one
 * shard of a given count, so K shards run in K processes cover the grid once.
 *
 * @param index 1..count
 * @param count number of shards, at least 1
 */
public record Shard(int index, int count) {

  /** The whole grid (shard 1 of 1). */
  public static final Shard ALL = new Shard(1, 1);

  /** Validates 1 ≤ index ≤ count. */
  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "--shard must be I/K with 1 <= I <= K, got " + index + "/" + count);
    }
  }

  /** Parses {@code "I/K"}, e.g. {@code 2/8}. */
  public static Shard parse(String text) {
    String t = text == null ? "" : text.trim();
    int slash = t.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("--shard must be I/K (e.g. 2/8), got '" + text + "'");
    }
    try {
      return new Shard(
          Integer.parseInt(t.substring(0, slash).trim()),
          Integer.parseInt(t.substring(slash + 1).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--shard must be I/K with whole numbers (e.g. 2/8), got '" + text + "'");
    }
  }

  /**
   * The shard of a Slurm array task: {@code SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1} of
   * {@code SLURM_ARRAY_TASK_COUNT}; {@link #ALL} when any of the three is unset.
   */
  public static Shard fromEnvironment(Map<String, String> env) {
    String id = env.get("SLURM_ARRAY_TASK_ID");
    String count = env.get("SLURM_ARRAY_TASK_COUNT");
    String min = env.get("SLURM_ARRAY_TASK_MIN");
    if (id == null || count == null || min == null) {
      return ALL;
    }
    try {
      int i = Integer.parseInt(id.trim()) - Integer.parseInt(min.trim()) + 1;
      return new Shard(i, Integer.parseInt(count.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "the Slurm array variables are not whole numbers:"
              + " SLURM_ARRAY_TASK_ID="
              + id
              + ", SLURM_ARRAY_TASK_MIN="
              + min
              + ", SLURM_ARRAY_TASK_COUNT="
              + count);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the Slurm array variables give no valid shard (ID="
              + id
              + ", MIN="
              + min
              + ", COUNT="
              + count
              + "); an --array with a step is not supported, use"
              + " --shard I/K instead");
    }
  }

  /** Whether the cell with this key belongs to this shard. */
  public boolean contains(String key) {
    return count == 1 || Math.floorMod(StableHash.fnv1a(key), count) == index - 1;
  }

  /** Whether this is the whole grid. */
  public boolean isAll() {
    return count == 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
