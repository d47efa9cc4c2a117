package io.convopt.report.section;

import io.convopt.report.data.CsvTable;
import io.convopt.report.html.Html;
import java.util.List;
import java.util.Map;

/**
 * Where each section's data came from: the folder of the results and, from that folder's {@code
 * provenance.csv}, when the run started, with which version and commit. Also the note that lists
 * the sections a results folder has no data for, with the command that produces them.
 */
public final class Sources {

  private static final Map<String, String> COMMANDS =
      Map.of(
          "table1", "./convopt tables (or reproduce)",
          "table2", "./convopt tables (or reproduce)",
          "curves", "./convopt reproduce",
          "paths", "./convopt reproduce",
          "convergence", "./convopt reproduce",
          "sweeps", "./convopt reproduce or ./convopt sweep",
          "benchmark", "./convopt benchmark (reproduce runs its 2-D set)",
          "scaling", "./convopt scaling",
          "benchmarks", "./convopt bench");

  private final String root;
  private final Map<String, CsvTable> provenances;

  /**
   * @param root the results folder's name, as the page shows it
   * @param provenances provenance.csv tables by sub-folder ("" for the results folder itself)
   */
  public Sources(String root, Map<String, CsvTable> provenances) {
    this.root = root;
    this.provenances = Map.copyOf(provenances);
  }

  /** The section with a first line saying which folder and run its data come from. */
  public Section label(Section s, String folder) {
    if (!s.present()) {
      return s;
    }
    String where = folder.isEmpty() ? root + "/" : root + "/" + folder + "/";
    CsvTable p = provenances.get(folder);
    if (p == null && !folder.isEmpty()) {
      p = provenances.get("");
      if (p != null) {
        where += " (provenance of " + root + "/)";
      }
    }
    StringBuilder line = new StringBuilder("Data from " + where);
    if (p == null) {
      line.append("; no provenance.csv records which run wrote it.");
    } else {
      String started = value(p, "started_utc");
      line.append(": run started ").append(started.isEmpty() ? "(unknown)" : shortTime(started));
      String version = value(p, "convopt_version");
      String commit = value(p, "git_commit");
      if (!version.isEmpty()) {
        line.append(", convopt ").append(version);
      }
      if (!commit.isEmpty()) {
        line.append(", commit ").append(commit);
      }
      line.append('.');
    }
    String html = "<p class=\"source\">" + Html.esc(line.toString()) + "</p>\n" + s.html();
    return new Section(s.id(), s.title(), html, s.figures(), s.summary());
  }

  /** The note listing absent sections (empty when nothing is missing). */
  public static String missing(List<Section> absent) {
    List<Section> named = absent.stream().filter(s -> COMMANDS.containsKey(s.id())).toList();
    if (named.isEmpty()) {
      return "";
    }
    StringBuilder sb =
        new StringBuilder(
            "<p class=\"missing\">Not in this results folder, so left"
                + " out of this page:</p>\n<ul class=\"missing\">\n");
    for (Section s : named) {
      sb.append("<li>")
          .append(Html.esc(s.title()))
          .append(" \u2014 run <code>")
          .append(Html.esc(COMMANDS.get(s.id())))
          .append("</code></li>\n");
    }
    return sb.append("</ul>\n").toString();
  }

  private static String value(CsvTable p, String key) {
    if (!p.columns().contains("key") || !p.columns().contains("value")) {
      return "";
    }
    for (int r = 0; r < p.rowCount(); r++) {
      if (key.equals(p.text(r, "key"))) {
        return p.text(r, "value");
      }
    }
    return "";
  }

  /** 2026-12-03T10:19:56.607094250Z -> 2026-12-03 10:19 UTC. */
  private static String shortTime(String iso) {
    boolean isoLike = iso.length() >= 16 && iso.charAt(10) == 'T';
    return isoLike ? iso.substring(0, 10) + " " + iso.substring(11, 16) + " UTC" : iso;
  }
}
