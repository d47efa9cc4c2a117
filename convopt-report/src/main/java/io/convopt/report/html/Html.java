package io.convopt.report.html;

import io.convopt.report.data.CsvTable;
import io.convopt.report.plot.Figure;
import io.convopt.report.plot.Svg;
import java.util.List;
import java.util.function.BiFunction;

/** HTML fragments used by the report sections. All text passes through {@link #esc(String)}. */
public final class Html {
  private Html() {}

  /** Tables longer than this are folded into a {@code <details>} element. */
  public static final int FOLD_ROWS = 25;

  public static String esc(String s) {
    return Svg.esc(s);
  }

  /** A paragraph of escaped text. */
  public static String p(String text) {
    return "<p>" + esc(text) + "</p>\n";
  }

  /** A note for a section whose input files are absent. */
  public static String absent(String what) {
    return "<p class=\"absent\">No " + esc(what) + " in the input folder.</p>\n";
  }

  /** The inline figure: the SVG document followed by its caption. */
  public static String figure(Figure f) {
    return "<figure id=\"fig-"
        + esc(f.name())
        + "\">\n"
        + f.toSvg()
        + "<figcaption>"
        + esc(f.caption())
        + " <a href=\"figures/"
        + esc(f.name())
        + ".svg\">SVG</a></figcaption>\n</figure>\n";
  }

  /**
   * A table with the given header labels; {@code cell(row, col)} returns ready-made inner HTML of a
   * {@code <td>} including the element itself, so callers can add classes.
   */
  public static String table(
      String cssClass, List<String> headers, int rows, BiFunction<Integer, Integer, String> cell) {
    StringBuilder sb = new StringBuilder();
    sb.append("<div class=\"table-wrap\"><table class=\"")
        .append(esc(cssClass))
        .append("\">\n<thead><tr>");
    for (String h : headers) {
      sb.append("<th scope=\"col\">").append(breakable(h)).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < rows; r++) {
      sb.append("<tr>");
      for (int c = 0; c < headers.size(); c++) {
        sb.append(cell.apply(r, c));
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody></table></div>\n");
    return sb.toString();
  }

  /** A plain table of a CSV file, every cell as text, folded when long. */
  public static String plain(CsvTable t, String cssClass) {
    String html =
        table(cssClass, t.columns(), t.rowCount(), (r, c) -> shortTd(t.rows().get(r).get(c)));
    return foldIfLong(html, t.rowCount(), t.name());
  }

  /**
   * A cell of escaped text. Numbers are right-aligned and never broken; identifiers may break after
   * an underscore, so a wide table can fit the window (ITERATION_ / BUDGET).
   */
  public static String td(String text) {
    return (number(text) ? "<td class=\"num\">" : "<td>") + breakable(text) + "</td>";
  }

  /**
   * Like {@link #td} but a long non-integer number is shown to 6 significant digits (the full value
   * in the tooltip and in the copied CSV), so raw CSV files fit the window.
   */
  public static String shortTd(String text) {
    String s = text.trim();
    if (s.length() > 10 && number(s) && !s.matches("[-+]?[0-9]+")) {
      String shown = String.format(java.util.Locale.ROOT, "%.6g", Double.parseDouble(s));
      return "<td class=\"num\" title=\"" + esc(s) + "\">" + esc(shown) + "</td>";
    }
    return td(text);
  }

  /** Escaped text with a line-break opportunity after each underscore. */
  public static String breakable(String text) {
    return esc(text).replace("_", "_<wbr>");
  }

  private static boolean number(String text) {
    String s = text.trim();
    if (s.isEmpty() || !s.matches("[-+0-9.eE]+")) {
      return false;
    }
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Wraps a long table in a collapsed {@code <details>} so the page stays scannable. */
  public static String foldIfLong(String tableHtml, int rows, String what) {
    if (rows <= FOLD_ROWS) {
      return tableHtml;
    }
    return "<details><summary>"
        + esc(what)
        + ": show all "
        + rows
        + " rows</summary>\n"
        + tableHtml
        + "</details>\n";
  }
}
