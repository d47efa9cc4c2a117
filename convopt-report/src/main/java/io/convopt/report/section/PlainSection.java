package io.convopt.report.section;

import io.convopt.report.data.CsvTable;
import io.convopt.report.html.Html;
import java.util.List;

/** Sections that show CSV files as they are: provenance and the "other tables". */
public final class PlainSection {
  private PlainSection() {}

  public static Section provenance(CsvTable t) {
    String title = "Provenance";
    if (t == null) {
      return new Section("provenance", title, Html.absent("provenance.csv"), List.of(), "");
    }
    t.require("key", "value");
    String html = Html.p("How these results were produced (version, commit, JDK, parameters, seeds, timings).")
        + Html.table("provenance", List.of("key", "value"), t.rowCount(),
            (r, c) -> c == 0 ? "<th scope=\"row\">" + Html.esc(t.text(r, "key")) + "</th>" : Html.td(t.text(r, "value")));
    return new Section("provenance", title, html, List.of(), t.rowCount() + " provenance entries.");
  }

  public static Section others(List<CsvTable> tables) {
    String title = "Other tables";
    if (tables.isEmpty()) {
      return new Section("other", title, Html.p("No further CSV files in the input folder."), List.of(), "");
    }
    StringBuilder html = new StringBuilder(Html.p("CSV files the report has no special view for, shown as written."));
    for (CsvTable t : tables) {
      html.append("<h3>").append(Html.esc(t.name())).append(" <span class=\"rows\">(").append(t.rowCount())
          .append(" rows)</span></h3>\n").append(Html.plain(t, "data-table"));
    }
    return new Section("other", title, html.toString(), List.of(), tables.size() + " other table(s).");
  }
}
