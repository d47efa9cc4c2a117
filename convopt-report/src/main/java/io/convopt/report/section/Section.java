package io.convopt.report.section;

import io.convopt.report.plot.Figure;
import java.util.List;

/**
 * One section of the report: its anchor, heading, body HTML (figures already inline) and the
 * figures it contains, which the generator also writes as separate SVG files.
 *
 * @param summary one-line summary for the report's summary section, or "" for none
 */
public record Section(String id, String title, String html, List<Figure> figures, String summary) {
  public Section {
    figures = List.copyOf(figures);
  }
}
