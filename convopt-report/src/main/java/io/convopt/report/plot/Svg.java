package io.convopt.report.plot;

import java.util.Locale;

/** Small helpers shared by the SVG renderers: escaping and compact number formatting. */
public final class Svg {
  private Svg() {}

  /** Escapes text for XML/HTML content and attribute values. */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          // Control characters are not allowed in XML 1.0; drop them rather than emit invalid SVG.
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** A pixel coordinate with two decimals at most; keeps the SVG files small. */
  static String px(double v) {
    if (!Double.isFinite(v)) {
      return "0";
    }
    long r = Math.round(v * 100);
    if (r % 100 == 0) {
      return Long.toString(r / 100);
    }
    return String.format(Locale.ROOT, "%.2f", r / 100.0).replaceAll("0+$", "");
  }

  /** A data value for labels: up to 4 significant digits, scientific when very small or large. */
  public static String value(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "\u221e" : "-\u221e";
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e5 || a < 1e-3) {
      String s = String.format(Locale.ROOT, "%.2e", v);
      return s.replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }
}
