package io.convopt.experiments.io;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for the terminal: columns padded to their widest cell, two spaces apart, text
 * left-aligned and numbers right-aligned; an empty cell (no value) shows as {@code -}. Cells are
 * formatted by the caller (with {@link Numbers}), so the table is only as wide as the rounded
 * values.
 */
public final class TextTable {
  private TextTable() {}

  /** The table as lines (header first, then a rule of dashes, then the rows). */
  public static String render(List<String> header, List<List<String>> rows) {
    int[] w = new int[header.size()];
    boolean[] numeric = new boolean[header.size()];
    java.util.Arrays.fill(numeric, true);
    for (int c = 0; c < w.length; c++) {
      w[c] = header.get(c).length();
    }
    for (List<String> r : rows) {
      for (int c = 0; c < w.length; c++) {
        w[c] = Math.max(w[c], Math.max(1, r.get(c).length()));
        numeric[c] &= isNumber(r.get(c));
      }
    }
    StringBuilder sb = new StringBuilder();
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    List<String> rule = new ArrayList<>();
    for (int width : w) {
      rule.add("-".repeat(width));
    }
    all.add(rule);
    all.addAll(rows);
    for (List<String> r : all) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < w.length; c++) {
        String cell = r.get(c).isEmpty() && r != header ? "-" : r.get(c);
        String pad = " ".repeat(w[c] - cell.length());
        line.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + cell : cell + pad);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty()) {
      return true;
    }
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
