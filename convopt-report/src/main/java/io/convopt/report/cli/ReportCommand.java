package io.convopt.report.cli;

import io.convopt.report.ReportException;
import io.convopt.report.ReportGenerator;
import io.convopt.report.ReportSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code convopt report}: turns a results folder into a self-contained HTML report. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    header = "Build the offline HTML report from a results folder.",
    description = {
      "Builds a self-contained offline HTML report (tables and SVG figures) from the CSV files"
          + " in a results folder and prints the path of the generated index.html. A folder with no"
          + " results is an error (exit code 2)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:report written",
      "1:the report could not be built (e.g. a malformed CSV)",
      "2:bad arguments, or an input folder that is missing or holds no results"
    })
public final class ReportCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--in",
      paramLabel = "DIR",
      defaultValue = "results",
      description = "Results folder written by the experiments (default: ${DEFAULT-VALUE}).")
  Path in;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder for index.html, figures/ and data/ (default: <in>/report).")
  Path out;

  @Override
  public Integer call() {
    if (!Files.isDirectory(in)) {
      spec.commandLine().getErr().println("report: input folder not found: " + in.toAbsolutePath());
      spec.commandLine().getErr().println("Run the experiments first or pass --in DIR.");
      return ConvOptMain.EXIT_USAGE;
    }
    Path target = out != null ? out : in.resolve("report");
    try {
      if (ReportGenerator.inputFiles(in).isEmpty()) {
        spec.commandLine()
            .getErr()
            .println(
                "report: warning: "
                    + in.toAbsolutePath()
                    + " holds no results (no CSV files, no bench/*.json), so there is nothing to"
                    + " report; no page written. Run ./convopt reproduce (or another experiment)"
                    + " first, or pass --in DIR.");
        return ConvOptMain.EXIT_USAGE;
      }
      ReportSummary summary = ReportGenerator.generate(in, target);
      spec.commandLine().getOut().println(summary.indexHtml());
      spec.commandLine().getOut().flush();
      return 0;
    } catch (ReportException e) {
      spec.commandLine().getErr().println("report: " + e.getMessage());
      return 1;
    }
  }
}
