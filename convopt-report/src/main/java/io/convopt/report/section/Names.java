package io.convopt.report.section;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Hands out unique, file-name-safe figure names within one report. */
public final class Names {
  private final Set<String> used = new HashSet<>();

  /** A slug of the parts joined by '-', made unique with a numeric suffix when needed. */
  public String unique(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      String s =
          p.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
      if (!s.isEmpty()) {
        sb.append(sb.length() == 0 ? "" : "-").append(s);
      }
    }
    String base = sb.length() == 0 ? "figure" : sb.toString();
    String name = base;
    for (int k = 2; !used.add(name); k++) {
      name = base + "-" + k;
    }
    return name;
  }
}
