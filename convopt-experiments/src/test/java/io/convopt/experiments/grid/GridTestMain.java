package io.convopt.experiments.grid;

import io.convopt.experiments.cli.GridCommands;
import io.convopt.experiments.cli.MergeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the child processes of the grid tests: the grid commands, merge, slow-grid. */
@Command(name = "convopt")
public final class GridTestMain {

  /** The command line with the subcommands, configured like {@code ./convopt}. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new GridTestMain());
    GridCommands.all().forEach((name, command) -> cl.addSubcommand(name, command.get()));
    cl.addSubcommand("merge", new MergeCommand());
    cl.addSubcommand("slow-grid", new SlowGridCommand());
    return GridCommands.configure(cl);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
