package io.convopt.report.section;

import io.convopt.report.data.CsvTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Row grouping helpers shared by the sections (groups keep first-appearance order). */
final class Groups {
  private Groups() {}

  /** A row of some table: which table and which (0-based) row. */
  record Ref(CsvTable table, int row) {
    String text(String column) {
      return table.text(row, column);
    }

    double number(String column) {
      return table.number(row, column);
    }
  }

  /** Groups the rows of several tables by the values of the given columns (joined by " / "). */
  static Map<String, List<Ref>> by(List<CsvTable> tables, String... columns) {
    Map<String, List<Ref>> groups = new LinkedHashMap<>();
    for (CsvTable t : tables) {
      for (int r = 0; r < t.rowCount(); r++) {
        StringBuilder key = new StringBuilder();
        for (String c : columns) {
          key.append(key.length() == 0 ? "" : " / ").append(t.text(r, c));
        }
        groups.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(new Ref(t, r));
      }
    }
    return groups;
  }

  /** Values scaled to [0, 1] over their finite range; a constant series maps to 0.5. */
  static double[] unit(double[] v) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double d : v) {
      if (Double.isFinite(d)) {
        lo = Math.min(lo, d);
        hi = Math.max(hi, d);
      }
    }
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = !Double.isFinite(v[i]) ? Double.NaN : hi > lo ? (v[i] - lo) / (hi - lo) : 0.5;
    }
    return out;
  }

  /** Index of the smallest (sign = 1) or largest (sign = -1) finite value, -1 if none. */
  static int argBest(double[] v, int sign) {
    int best = -1;
    for (int i = 0; i < v.length; i++) {
      if (Double.isFinite(v[i]) && (best < 0 || sign * v[i] < sign * v[best])) {
        best = i;
      }
    }
    return best;
  }
}
