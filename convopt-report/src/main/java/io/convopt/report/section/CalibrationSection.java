package io.convopt.report.section;

import io.convopt.report.data.CsvTable;
import io.convopt.report.html.Html;
import java.util.List;
import java.util.Map;

/**
 * The calibration section: what was fitted to the paper's published rows, in the open. Shows the
 * LOG2 leave-one-out ranking ({@code calibration/log2-loo-ranking.csv}: one line per candidate
 * family, in-sample against leave-one-out match counts), the per-fold predictions ({@code
 * log2-loo-folds.csv}, folded) and the grid calibrations of the other functions ({@code
 * calibration/<function>.csv}) as written. The per-cell files under {@code calibration/log2-loo/}
 * are counted, not shown.
 */
public final class CalibrationSection {
  private CalibrationSection() {}

  /** Columns the ranking must have. */
  public static final List<String> RANKING =
      List.of(
          "rank",
          "family",
          "free_parameters",
          "candidates",
          "rows",
          "in_sample_matches",
          "loo_matches",
          "fitted_parameters");

  /**
   * @param tables calibration CSVs keyed by their path below {@code calibration/}
   */
  public static Section build(Map<String, CsvTable> tables) {
    String id = "calibration";
    String title = "Calibration against the published rows";
    if (tables.isEmpty()) {
      return new Section(
          id, title, Html.absent("calibration/*.csv (run ./convopt calibrate)"), List.of(), "");
    }
    StringBuilder html =
        new StringBuilder(
            Html.p(
                "Free parameters of the reconstructed test functions chosen by agreement with the"
                    + " paper's own tables. A fit is only worth what it predicts: for LOG2 each"
                    + " family is fitted on 16 of the 17 published LOG2 rows and judged on the"
                    + " 17th, for every row in turn (leave-one-out). The fitting objective reads"
                    + " result points only, never a verdict."));
    String summary = "";
    CsvTable ranking = tables.get("log2-loo-ranking.csv");
    if (ranking != null) {
      ranking.require(RANKING.toArray(String[]::new));
      List<String> cols =
          List.of(
              "rank",
              "family",
              "free_parameters",
              "candidates",
              "in_sample_matches",
              "loo_matches",
              "fitted_parameters");
      List<String> heads =
          List.of(
              "rank",
              "family",
              "free parameters",
              "candidates",
              "in-sample matches",
              "LOO matches",
              "fitted on all rows");
      html.append("<h3>LOG2: in-sample against leave-one-out</h3>\n")
          .append(
              Html.table(
                  "calibration-ranking",
                  heads,
                  ranking.rowCount(),
                  (r, c) -> {
                    String col = cols.get(c);
                    String text = ranking.text(r, col);
                    if (col.equals("in_sample_matches") || col.equals("loo_matches")) {
                      return "<td class=\"num\">"
                          + Html.esc(text + " / " + ranking.text(r, "rows"))
                          + "</td>";
                    }
                    return Html.td(text);
                  }));
      if (ranking.rowCount() > 0) {
        summary =
            "LOG2 calibration: best family "
                + ranking.text(0, "family")
                + " predicts "
                + ranking.text(0, "loo_matches")
                + " of "
                + ranking.text(0, "rows")
                + " held-out rows (in-sample "
                + ranking.text(0, "in_sample_matches")
                + ").";
      }
    }
    CsvTable folds = tables.get("log2-loo-folds.csv");
    if (folds != null) {
      html.append("<h3>LOG2: each held-out row, predicted by the fit on the others</h3>\n")
          .append(Html.plain(folds, "data-table"));
    }
    int cellFiles = 0;
    int cells = 0;
    for (Map.Entry<String, CsvTable> e : tables.entrySet()) {
      String name = e.getKey();
      if (name.startsWith("log2-loo/")) {
        cellFiles++;
        cells += e.getValue().rowCount();
      } else if (!name.equals("log2-loo-ranking.csv") && !name.equals("log2-loo-folds.csv")) {
        html.append("<h3>")
            .append(Html.esc(name))
            .append("</h3>\n")
            .append(Html.plain(e.getValue(), "data-table"));
      }
    }
    if (cellFiles > 0) {
      html.append(
          Html.p(
              cells
                  + " calibration cells (candidate × published row) in "
                  + cellFiles
                  + " file(s) under calibration/log2-loo/, copied to the report's data folder."));
    }
    return new Section(id, title, html.toString(), List.of(), summary);
  }
}
