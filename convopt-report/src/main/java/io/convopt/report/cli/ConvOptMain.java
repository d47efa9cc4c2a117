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
    subcommands = {CommandLine.HelpCommand.class, io.convopt.experiments.relu.ReluSolveCommand.class})
public final class ConvOptMain implements Runnable {

  /** Exit code for bad arguments (picocli's convention, kept for scripts). */
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** Builds the command line with every subcommand registered. */
  public static CommandLine commandLine() {
    return new CommandLine(new ConvOptMain());
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
