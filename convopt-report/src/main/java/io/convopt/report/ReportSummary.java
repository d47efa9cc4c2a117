package io.convopt.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ReportGenerator#generate(Path, Path)} produced.
 *
 * @param indexHtml the report page
 * @param figures names of the figures (each also written as {@code figures/<name>.svg})
 * @param copiedFiles input files copied under {@code data/}, relative to the input folder
 * @param summaryLines the lines of the report's summary section
 */
public record ReportSummary(
    Path indexHtml, List<String> figures, List<String> copiedFiles, List<String> summaryLines) {
  public ReportSummary {
    figures = List.copyOf(figures);
    copiedFiles = List.copyOf(copiedFiles);
    summaryLines = List.copyOf(summaryLines);
  }
}
