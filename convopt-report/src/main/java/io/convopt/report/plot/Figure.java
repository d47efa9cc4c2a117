package io.convopt.report.plot;

/** An immutable figure specification that renders itself to a standalone SVG document. */
public interface Figure {
  /** File-name stem, unique within a report (letters, digits, '-' and '_'). */
  String name();

  /** Caption shown under the figure in the report. */
  String caption();

  /** The SVG document (root element {@code <svg xmlns=...>}, no XML declaration). */
  String toSvg();
}
