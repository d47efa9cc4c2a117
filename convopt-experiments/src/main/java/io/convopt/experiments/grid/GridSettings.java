package io.convopt.experiments.grid;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * How one invocation runs its grids: where, on how many threads, which shard, whether to start
 * over, and which command line produced it (recorded so that {@code convopt merge} can finish a
 * merged folder with the same command). Immutable.
 *
 * @param out the output folder (the root every table path is relative to)
 * @param threads worker threads, at least 1
 * @param shard the shard to run
 * @param fresh delete the grid's tables first instead of resuming
 * @param finishOnly run no cell; only write what the finished cells give (used by merge)
 * @param command the subcommand name (e.g. {@code benchmark})
 * @param args the result-defining options of the invocation, without the runtime ones ({@code
 *     --out}, {@code --threads}, {@code --fresh}, {@code --shard})
 * @param err where progress and resume notes go (stderr)
 */
public record GridSettings(
    Path out,
    int threads,
    Shard shard,
    boolean fresh,
    boolean finishOnly,
    String command,
    List<String> args,
    PrintStream err) {

  /** Validates; copies the argument list. */
  public GridSettings {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    args = List.copyOf(args);
  }

  /** One thread, whole grid, resuming, for library use and tests. */
  public static GridSettings local(Path out, int threads) {
    return new GridSettings(out, threads, Shard.ALL, false, false, "", List.of(), System.err);
  }

  /** A copy with another thread count. */
  public GridSettings withThreads(int t) {
    return new GridSettings(out, t, shard, fresh, finishOnly, command, args, err);
  }

  /** A copy recording another command line (for a grid run on behalf of another command). */
  public GridSettings withCommand(String c, List<String> a) {
    return new GridSettings(out, threads, shard, fresh, finishOnly, c, a, err);
  }

  /** A copy with another output folder. */
  public GridSettings withOut(Path o) {
    return new GridSettings(o, threads, shard, fresh, finishOnly, command, args, err);
  }
}
