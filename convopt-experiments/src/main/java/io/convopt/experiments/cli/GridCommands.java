package io.convopt.experiments.cli;

import io.convopt.experiments.benchmark.BenchmarkCommand;
import io.convopt.experiments.benchmark.ScalingCommand;
import io.convopt.experiments.compare.CompareTrainingCommand;
import io.convopt.experiments.data.TrainBaselinesCommand;
import io.convopt.experiments.io.OutputDirectory;
import io.convopt.experiments.relu.AdmmCostCommand;
import io.convopt.experiments.robust.CompareRobustCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The commands that run on the grid runner (and so accept {@code --shard} and can be merged), by
 * name, and the error handling every command line of ConvOpt shares.
 */
public final class GridCommands {
  private GridCommands() {}

  /** Exit code for bad arguments (picocli's convention, kept for scripts). */
  public static final int EXIT_USAGE = 2;

  /** Exit code for a run that failed after its arguments were accepted. */
  public static final int EXIT_FAILURE = 1;

  /** A fresh instance of every grid command, by subcommand name. */
  public static Map<String, Supplier<Object>> all() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("tables", TablesCommand::new);
    m.put("sweep", SweepCommand::new);
    m.put("calibrate", CalibrateCommand::new);
    m.put("benchmark", BenchmarkCommand::new);
    m.put("scaling", ScalingCommand::new);
    m.put("train-baselines", TrainBaselinesCommand::new);
    m.put("compare-training", CompareTrainingCommand::new);
    m.put("compare-robust", CompareRobustCommand::new);
    m.put("relu-admm-cost", AdmmCostCommand::new);
    return m;
  }

  /**
   * Configures a command line the ConvOpt way: enum values in any case; bad values found while
   * running (IllegalArgumentException) are usage errors, a one-line message and exit code 2;
   * anything else is a failure, message and exit 1 (stack trace with CONVOPT_DEBUG set).
   */
  public static CommandLine configure(CommandLine cl) {
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          boolean usage = ex instanceof IllegalArgumentException;
          cmd.getErr()
              .println(
                  "convopt "
                      + cmd.getCommandName()
                      + ": "
                      + (usage ? "" : "failed: ")
                      + message(ex));
          if (!usage && System.getenv("CONVOPT_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
          }
          return usage ? EXIT_USAGE : EXIT_FAILURE;
        });
    return cl;
  }

  /**
   * The exception's message; for an I/O failure whose message is only a path (the JDK's habit), the
   * reason in words is added, so the user learns what went wrong where.
   */
  public static String message(Throwable ex) {
    String m = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    Throwable io = ex instanceof java.io.IOException ? ex : ex.getCause();
    if (io instanceof java.io.IOException e && !(ex instanceof OutputDirectory.Unusable)) {
      String reason = OutputDirectory.reason(e);
      if (!m.contains(reason)) {
        m = m + ": " + reason;
      }
    }
    return m;
  }
}
