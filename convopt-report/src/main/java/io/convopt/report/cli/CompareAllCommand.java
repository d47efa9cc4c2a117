package io.convopt.report.cli;

import io.convopt.experiments.compare.CompareTrainingCommand;
import io.convopt.experiments.robust.CompareRobustCommand;
import io.convopt.report.ReportGenerator;
import io.convopt.report.ReportSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole convex-vs-non-convex comparison in one command: {@code compare-training}, then {@code
 * compare-robust}, then the report, all into one output folder (each part resumes).
 */
@Command(
    name = "compare-all",
    mixinStandardHelpOptions = true,
    header = "Run both training comparisons and write their report.",
    description = {
      "Runs compare-training (convex CG/CR vs SGD/Adam) and compare-robust (robust convex vs"
          + " standard convex vs SGD vs SGD-PGD) with their presets into one folder, then writes"
          + " the"
          + " report (OUT/report/index.html). Full presets: about 20 minutes on 2 cores; --quick:"
          + " about 2 minutes."
    })
public final class CompareAllCommand implements Callable<Integer> {

  @Option(names = "--quick", description = "The quick presets of both comparisons.")
  boolean quick;

  @Option(
      names = "--out",
      defaultValue = "results",
      paramLabel = "DIR",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    List<String> args = new ArrayList<>(List.of("--out", out.toString()));
    if (quick) {
      args.add("--quick");
    }
    for (Object part : new Object[] {new CompareTrainingCommand(), new CompareRobustCommand()}) {
      int code = new CommandLine(part).execute(args.toArray(String[]::new));
      if (code != 0) {
        return code;
      }
    }
    ReportSummary report = ReportGenerator.generate(out, out.resolve("report"));
    report.summaryLines().forEach(l -> System.out.println("  " + l));
    System.out.println("report: " + report.indexHtml().toAbsolutePath());
    return 0;
  }
}
