package io.convopt.report.section;

import io.convopt.report.data.CsvTable;
import io.convopt.report.html.Html;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sections that show CSV files as they are: provenance and the "other tables". */
public final class PlainSection {
  private PlainSection() {}

  public static Section provenance(CsvTable t) {
    return provenance(t, Map.of());
  }

  /**
   * The results folder's provenance.csv ({@code t}, may be null) and those of its sub-folders
   * ({@code byFolder}, keyed by folder, "" for the results folder itself, which is {@code t}).
   */
  public static Section provenance(CsvTable t, Map<String, CsvTable> byFolder) {
    String title = "Provenance";
    Map<String, CsvTable> all = new LinkedHashMap<>();
    if (t != null) {
      all.put("", t);
    }
    byFolder.forEach(
        (folder, table) -> {
          if (!folder.isEmpty()) {
            all.put(folder, table);
          }
        });
    if (all.isEmpty()) {
      return new Section("provenance", title, Html.absent("provenance.csv"), List.of(), "");
    }
    StringBuilder html =
        new StringBuilder(
            Html.p(
                "How these results were produced (version, commit, JDK, parameters, seeds,"
                    + " timings)."));
    int entries = 0;
    for (Map.Entry<String, CsvTable> e : all.entrySet()) {
      CsvTable p = e.getValue();
      p.require("key", "value");
      entries += p.rowCount();
      if (all.size() > 1) {
        String name = e.getKey().isEmpty() ? "provenance.csv" : e.getKey() + "/provenance.csv";
        html.append("<h3>").append(Html.esc(name)).append("</h3>\n");
      }
      html.append(
          Html.table(
              "provenance",
              List.of("key", "value"),
              p.rowCount(),
              (r, c) ->
                  c == 0
                      ? "<th scope=\"row\">" + Html.esc(p.text(r, "key")) + "</th>"
                      : Html.td(p.text(r, "value"))));
    }
    return new Section(
        "provenance", title, html.toString(), List.of(), entries + " provenance entries.");
  }

  public static Section others(List<CsvTable> tables) {
    String title = "Other tables";
    if (tables.isEmpty()) {
      return new Section("other", title, Html.absent("further CSV files"), List.of(), "");
    }
    StringBuilder html =
        new StringBuilder(
            Html.p("CSV files the report has no special view for, shown as written."));
    for (CsvTable t : tables) {
      html.append("<h3>")
          .append(Html.esc(t.name()))
          .append(" <span class=\"rows\">(")
          .append(t.rowCount())
          .append(" rows)</span></h3>\n")
          .append(Html.plain(t, "data-table"));
    }
    return new Section(
        "other", title, html.toString(), List.of(), tables.size() + " other table(s).");
  }
}
