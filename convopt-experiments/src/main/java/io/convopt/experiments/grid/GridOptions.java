package io.convopt.experiments.grid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every grid command shares (a picocli mixin): {@code --out}, {@code --threads}, {@code
 * --fresh}, {@code --shard}. {@code --threads} means the same everywhere: T &gt;= 1 threads, or 0 =
 * all cores; a negative value is a usage error (exit 2). Without {@code --shard}, the Slurm array
 * variables choose the shard when all three are set.
 *
 * <p>Also warns on stderr when an old option spelling was used (see {@link #DEPRECATED}).
 */
public final class GridOptions {

  /** Old spellings that still work for one release, and what replaces them. */
  public static final Map<String, String> DEPRECATED =
      Map.of(
          "--beta",
          "--betas",
          "--dataset",
          "--datasets",
          "--runs",
          "--repeats",
          "--seeds",
          "--seed K --repeats N",
          "--eta",
          "--etas",
          "--power",
          "--powers",
          "--start",
          "--starts");

  /** Options that change how a grid runs, not what it computes (left out of merge checks). */
  static final Set<String> RUNTIME =
      Set.of("--out", "--threads", "--fresh", "--shard", "--finish-only");

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "results",
      description =
          "Output folder (default: ${DEFAULT-VALUE}); each command writes into its own"
              + " subfolder, --quick runs into a separate one.")
  Path out;

  private Integer threads;
  private Shard shard;

  @Option(
      names = "--fresh",
      description = "Delete this grid's earlier rows first instead of resuming.")
  boolean fresh;

  @Option(
      names = "--finish-only",
      hidden = true,
      description = "Run no cell; write the summaries of the cells already there (used by merge).")
  boolean finishOnly;

  /** Validated when parsed, so a bad value exits 2 before any work. */
  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Worker threads: T >= 1, or 0 = all cores (default: the command's, see above).")
  void setThreads(int t) {
    if (t < 0) {
      throw new ParameterException(
          mixee.commandLine(), "--threads must be >= 1, or 0 for all cores; got " + t);
    }
    threads = t;
  }

  /** Validated when parsed. */
  @Option(
      names = "--shard",
      paramLabel = "I/K",
      description =
          "Run only shard I of K (1 <= I <= K): the cells whose key hashes to I. Default: the whole"
              + " grid, or the Slurm array task when SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT"
              + " and SLURM_ARRAY_TASK_MIN are set. Combine with convopt merge.")
  void setShard(String text) {
    try {
      shard = Shard.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), e.getMessage());
    }
  }

  /** The output folder. */
  public Path out() {
    return out;
  }

  /** Whether the run starts over. */
  public boolean fresh() {
    return fresh;
  }

  /** The thread count: the option, else {@code defaultThreads}; 0 means all cores. */
  public int threads(int defaultThreads) {
    int t = threads != null ? threads : defaultThreads;
    return t == 0 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : t;
  }

  /** The shard: the option, else the Slurm array variables, else the whole grid. */
  public Shard shard() {
    return shard != null ? shard : Shard.fromEnvironment(System.getenv());
  }

  /**
   * The settings of this invocation ({@code defaultThreads}: 0 = all cores, or 1 for commands that
   * measure time); prints the deprecation notes first.
   */
  public GridSettings settings(int defaultThreads) {
    warnDeprecated();
    return new GridSettings(
        out,
        threads(defaultThreads),
        shard(),
        fresh,
        finishOnly,
        mixee.name(),
        resultOptions(),
        System.err);
  }

  /**
   * The options given on the command line that define the results (all but {@link #RUNTIME}), by
   * their canonical name, sorted by name: what merge compares and re-runs.
   */
  List<String> resultOptions() {
    CommandLine.ParseResult pr = mixee.commandLine().getParseResult();
    List<OptionSpec> matched = new ArrayList<>(pr == null ? List.of() : pr.matchedOptions());
    matched.sort(Comparator.comparing(OptionSpec::longestName));
    List<String> args = new ArrayList<>();
    for (OptionSpec o : matched) {
      String name = canonical(o);
      if (RUNTIME.contains(name)) {
        continue;
      }
      if (o.arity().max() == 0) {
        args.add(name);
      } else {
        for (String v : o.originalStringValues()) {
          args.add(name);
          args.add(v);
        }
      }
    }
    return args;
  }

  /** The first name of an option that is not a deprecated spelling. */
  private static String canonical(OptionSpec o) {
    for (String n : o.names()) {
      if (!DEPRECATED.containsKey(n)) {
        return n;
      }
    }
    return o.longestName();
  }

  private void warnDeprecated() {
    CommandLine.ParseResult pr = mixee.commandLine().getParseResult();
    if (pr == null) {
      return;
    }
    for (String a : pr.originalArgs()) {
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      String now = DEPRECATED.get(name);
      if (now != null && mixee.findOption(name) != null) {
        System.err.println(
            "convopt "
                + mixee.name()
                + ": "
                + name
                + " is deprecated and will be"
                + " removed in the next release; use "
                + now);
      }
    }
  }
}
