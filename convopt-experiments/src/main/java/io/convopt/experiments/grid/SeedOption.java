package io.convopt.experiments.grid;

import picocli.CommandLine.Option;

/**
 * {@code --seed K}: the one seed of the commands on the paper's functions, whose every random
 * choice (zigzag2's directions) uses it (a picocli mixin; default 42, the seed of the published
 * reproduction).
 */
public final class SeedOption {

  @Option(
      names = "--seed",
      paramLabel = "K",
      defaultValue = "42",
      description =
          "Seed of every random choice, zigzag2's directions (default:" + " ${DEFAULT-VALUE}).")
  long seed;

  /** The seed. */
  public long seed() {
    return seed;
  }
}
