package io.convopt.report.section;

import io.convopt.report.data.CsvFormatException;
import io.convopt.report.data.CsvTable;
import io.convopt.report.data.Verdict;
import io.convopt.report.html.Html;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Table 1 or Table 2 of the paper next to our reproduction: the paper's result and ours side by
 * side, the distance in units of η, and the verdict as symbol + word + colour (never colour alone).
 */
public final class PaperTableSection {
  private PaperTableSection() {}

  /** Columns every paper table must have, in display order. */
  public static final List<String> REQUIRED =
      List.of(
          "function",
          "algorithm",
          "eta",
          "power",
          "delta",
          "steps",
          "start",
          "paper_result",
          "our_result",
          "distance_eta",
          "verdict");

  private static final Map<String, String> HEADERS =
      Map.ofEntries(
          Map.entry("function", "function"),
          Map.entry("algorithm", "algorithm"),
          Map.entry("eta", "\u03b7"),
          Map.entry("power", "N"),
          Map.entry("delta", "\u03b4"),
          Map.entry("steps", "steps"),
          Map.entry("start", "start"),
          Map.entry("paper_result", "paper"),
          Map.entry("our_result", "ours"),
          Map.entry("distance_eta", "distance / \u03b7"),
          Map.entry("verdict", "verdict"));

  /** Verdict counts of one table. */
  public record Counts(int rows, int match, int near, int differs) {
    public String line() {
      return match
          + " of "
          + rows
          + " rows match, "
          + near
          + " near"
          + (differs > 0 ? ", " + differs + " differ" : "");
    }
  }

  /** Validates the table (columns, numbers, verdicts) and counts verdicts. */
  public static Counts counts(CsvTable t) {
    t.require(REQUIRED.toArray(String[]::new));
    Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
    for (int r = 0; r < t.rowCount(); r++) {
      t.number(r, "eta");
      t.number(r, "power");
      t.number(r, "distance_eta");
      n.merge(verdict(t, r), 1, Integer::sum);
    }
    return new Counts(
        t.rowCount(),
        n.getOrDefault(Verdict.MATCH, 0),
        n.getOrDefault(Verdict.NEAR, 0),
        n.getOrDefault(Verdict.DIFFERS, 0));
  }

  static Verdict verdict(CsvTable t, int r) {
    try {
      return Verdict.parse(t.text(r, "verdict"));
    } catch (IllegalArgumentException e) {
      throw new CsvFormatException(
          t.name(),
          r + 1,
          "verdict",
          "expected match, near or differs but found '" + t.text(r, "verdict") + "'");
    }
  }

  public static Section build(String id, String title, String description, CsvTable t) {
    if (t == null) {
      return new Section(id, title, Html.p(description) + Html.absent(id + ".csv"), List.of(), "");
    }
    Counts counts = counts(t);
    List<String> cols = new ArrayList<>(REQUIRED);
    for (String c : t.columns()) {
      if (!cols.contains(c)) {
        cols.add(c);
      }
    }
    List<String> headers = new ArrayList<>();
    for (String c : cols) {
      headers.add(HEADERS.getOrDefault(c, c));
    }
    String table =
        Html.table(
            "paper-table",
            headers,
            t.rowCount(),
            (r, c) -> {
              String col = cols.get(c);
              String text = t.text(r, col);
              switch (col) {
                case "paper_result":
                  return "<td class=\"paper\">" + Html.esc(text) + "</td>";
                case "our_result":
                  return "<td class=\"ours\">" + Html.esc(text) + "</td>";
                case "distance_eta":
                  return "<td class=\"num\">" + Html.esc(text) + "</td>";
                case "verdict":
                  Verdict v = verdict(t, r);
                  return "<td class=\"verdict verdict-"
                      + v.word()
                      + "\"><span aria-hidden=\"true\">"
                      + v.symbol()
                      + "</span> "
                      + v.word()
                      + "</td>";
                default:
                  return infinite(text) ? infiniteCell(t.text(r, "function"), text) : Html.td(text);
              }
            });
    boolean anyInfinite = false;
    for (int r = 0; r < t.rowCount(); r++) {
      for (String c : cols) {
        anyInfinite |= infinite(t.text(r, c));
      }
    }
    String html =
        Html.p(description)
            + "<p class=\"table-summary\" data-rows=\""
            + counts.rows()
            + "\" data-match=\""
            + counts.match()
            + "\" data-near=\""
            + counts.near()
            + "\">"
            + Html.esc(counts.line())
            + ".</p>\n"
            + Html.foldIfLong(table, t.rowCount(), t.name())
            + (anyInfinite ? INFINITE_NOTE : "");
    return new Section(id, title, html, List.of(), title + ": " + counts.line() + ".");
  }

  private static final String INFINITE_NOTE =
      Html.p(
          "\u221e (pole): f is infinite at our final point because that point is a pole of the test"
              + " function, not because a run diverged. LOG1 has its global maximum at the pole x ="
              + " 0.5 (f \u2192 +\u221e) and a weaker pole at x = 1.5, so a run that finds the"
              + " maximiser reports f = +\u221e there. The solvers sample f at lattice cell"
              + " midpoints and never evaluate it at the pole; only this reporting column does"
              + " (data/test-functions/README.md).");

  /** "Infinity", "-Infinity", "inf" and friends: a value the table explains instead of printing. */
  static boolean infinite(String text) {
    String s = text.trim().toLowerCase(java.util.Locale.ROOT);
    return s.equals("infinity")
        || s.equals("+infinity")
        || s.equals("-infinity")
        || s.equals("inf")
        || s.equals("-inf")
        || s.equals("+inf");
  }

  private static String infiniteCell(String function, String text) {
    String sign = text.trim().startsWith("-") ? "\u2212\u221e" : "+\u221e";
    return "<td class=\"num infinite\" title=\""
        + Html.esc(
            "f = "
                + text
                + ": the final point is a pole of "
                + function
                + " (see the note below the table)")
        + "\">"
        + sign
        + " (pole)</td>";
  }
}
