package io.convopt.experiments.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shards partition the keys; the Slurm array variables and I/K text map to the same shards. */
class ShardTest {

  @Test
  void everyKeyIsInExactlyOneShardAndTheShardsAreBalanced() {
    int k = 4;
    int[] counts = new int[k];
    for (int c = 0; c < 4000; c++) {
      String key = "LOG1|alg1|eta=0.0" + c + "|N=3.0";
      int in = 0;
      for (int i = 1; i <= k; i++) {
        if (new Shard(i, k).contains(key)) {
          in++;
          counts[i - 1]++;
        }
      }
      assertThat(in).isEqualTo(1);
    }
    for (int n : counts) {
      assertThat(n).isBetween(800, 1200); // 1000 expected; a 6-sigma band of the binomial
    }
  }

  @Test
  void theHashIsFnv1aOfTheUtf8Bytes() {
    // FNV-1a 64 test vectors (Fowler, Noll, Vo): "" and "a"
    assertThat(StableHash.fnv1a("")).isEqualTo(0xcbf29ce484222325L);
    assertThat(StableHash.fnv1a("a")).isEqualTo(0xaf63dc4c8601ec8cL);
  }

  @Test
  void parsesIOverKAndTheSlurmArrayVariables() {
    assertThat(Shard.parse(" 2/8 ")).isEqualTo(new Shard(2, 8));
    assertThat(Shard.fromEnvironment(Map.of())).isEqualTo(Shard.ALL);
    assertThat(
            Shard.fromEnvironment(
                Map.of(
                    "SLURM_ARRAY_TASK_ID",
                    "0",
                    "SLURM_ARRAY_TASK_MIN",
                    "0",
                    "SLURM_ARRAY_TASK_COUNT",
                    "3")))
        .isEqualTo(new Shard(1, 3));
    assertThat(
            Shard.fromEnvironment(
                Map.of(
                    "SLURM_ARRAY_TASK_ID",
                    "7",
                    "SLURM_ARRAY_TASK_MIN",
                    "5",
                    "SLURM_ARRAY_TASK_COUNT",
                    "3")))
        .isEqualTo(new Shard(3, 3));
    for (String bad : new String[] {"3", "0/2", "3/2", "a/b", "-1/2"}) {
      assertThatThrownBy(() -> Shard.parse(bad)).hasMessageContaining("--shard");
    }
    assertThatThrownBy(
            () ->
                Shard.fromEnvironment(
                    Map.of(
                        "SLURM_ARRAY_TASK_ID",
                        "9",
                        "SLURM_ARRAY_TASK_MIN",
                        "0",
                        "SLURM_ARRAY_TASK_COUNT",
                        "3")))
        .hasMessageContaining("--shard I/K");
  }
}
