package io.convopt.experiments.grid;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --seed K --repeats N}: the seeds K, K+1, ..., K+N-1 (a picocli mixin shared by the
 * commands that repeat every cell over seeds). Defaults come from the command's preset.
 */
public final class SeedOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--seed",
      paramLabel = "K",
      description = "First seed: the seeds are K, K+1, ..., K+N-1 (default: the preset's first).")
  Long seed;

  private Integer repeats;

  /** Validated when parsed. */
  @Option(
      names = {"--repeats", "--runs"},
      paramLabel = "N",
      description = "Number of seeds N >= 1 (default: the preset's).")
  void setRepeats(int n) {
    if (n < 1) {
      throw new ParameterException(mixee.commandLine(), "--repeats must be >= 1, got " + n);
    }
    repeats = n;
  }

  /** Whether either option was given. */
  public boolean given() {
    return seed != null || repeats != null;
  }

  /** The first seed, or {@code preset}. */
  public long first(long preset) {
    return seed != null ? seed : preset;
  }

  /** The count, or {@code preset}. */
  public int count(int preset) {
    return repeats != null ? repeats : preset;
  }

  /** K..K+N-1 with the preset's values where an option is absent. */
  public List<Long> seeds(long presetFirst, int presetCount) {
    List<Long> s = new ArrayList<>();
    long k = first(presetFirst);
    for (int i = 0; i < count(presetCount); i++) {
      s.add(k + i);
    }
    return s;
  }
}
