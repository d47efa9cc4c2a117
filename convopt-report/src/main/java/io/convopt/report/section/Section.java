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

  /**
   * False for a section whose input files are absent (it only says so); the page leaves such
   * sections out and lists them in its summary with the command that produces them.
   */
  public boolean present() {
    return !summary.isEmpty() || !figures.isEmpty() || !html.contains("class=\"absent\"");
  }
}
