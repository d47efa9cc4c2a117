package io.convopt.report.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code ./convopt} launcher. Subcommands live next to the code they run
 * (experiments, report); this class only assembles them, which keeps the module graph one-way.
 */
@Command(
    name = "convopt",
    mixinStandardHelpOptions = true,
    versionProvider = ConvOptMain.Version.class,
    description = "ConvOpt: global optimization through convexity.",
    subcommands = {
      ReproduceCommand.class,
      io.convopt.experiments.cli.TablesCommand.class,
      io.convopt.experiments.cli.SweepCommand.class,
      io.convopt.experiments.cli.CalibrateCommand.class,
      io.convopt.experiments.bench.BenchCommand.class,
      ReportCommand.class,
      io.convopt.experiments.benchmark.BenchmarkCommand.class,
      io.convopt.experiments.benchmark.OptimizeCommand.class,
      io.convopt.experiments.benchmark.ScalingCommand.class,
      io.convopt.experiments.relu.ReluSolveCommand.class,
      io.convopt.experiments.relu.ReluTrainCommand.class,
      io.convopt.experiments.relu.AdmmCostCommand.class,
      io.convopt.experiments.relu.ReluScaleCommand.class,
      io.convopt.experiments.data.TrainBaselinesCommand.class,
      io.convopt.experiments.compare.CompareTrainingCommand.class,
      CompareAllCommand.class,
      io.convopt.experiments.robust.CompareRobustCommand.class,
      io.convopt.experiments.cli.MergeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class ConvOptMain implements Runnable {

  /** Exit code for bad arguments (picocli's convention, kept for scripts). */
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** Exit code for a run that failed after its arguments were accepted. */
  public static final int EXIT_FAILURE = 1;

  /**
   * Builds the command line with every subcommand registered. Bad values found while running
   * (IllegalArgumentException: a start outside the box, eta ≤ 0, a malformed file) are usage
   * errors: a one-line message and exit code 2; anything else is a failure: message and exit 1.
   */
  public static CommandLine commandLine() {
    return io.convopt.experiments.cli.GridCommands.configure(new CommandLine(new ConvOptMain()));
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Reads the version Maven wrote into the jar manifest (or "dev" when run from classes). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ConvOptMain.class.getPackage().getImplementationVersion();
      return new String[] {"convopt " + (v == null ? "0.1.0-dev" : v)};
    }
  }
}
