package io.convopt.report.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ticks: a padded domain and the tick values inside it. Linear ticks use the 1-2-5 "nice
 * number" steps; log ticks are powers of ten (with 2 and 5 added when the data span one decade or
 * less, so the axis never shows a single label).
 */
public record Ticks(double min, double max, List<Double> values, List<String> labels, boolean log) {

  public Ticks {
    values = List.copyOf(values);
    labels = List.copyOf(labels);
  }

  /** Nice linear ticks covering [lo, hi] with about {@code target} intervals. */
  public static Ticks linear(double lo, double hi, int target) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
      lo = 0;
      hi = 1;
    }
    if (hi < lo) {
      double t = lo;
      lo = hi;
      hi = t;
    }
    if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
      // A constant series still needs a visible range around it.
      double pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 0.5;
      lo -= pad;
      hi += pad;
    }
    double step = niceStep((hi - lo) / Math.max(1, target));
    double start = Math.floor(lo / step + 1e-9) * step;
    double end = Math.ceil(hi / step - 1e-9) * step;
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    List<Double> vals = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    int n = (int) Math.round((end - start) / step);
    for (int i = 0; i <= n; i++) {
      double v = start + i * step;
      if (Math.abs(v) < step * 1e-9) {
        v = 0;
      }
      vals.add(v);
      labels.add(label(v, decimals));
    }
    return new Ticks(start, end, vals, labels, false);
  }

  /**
   * Linear ticks for a fixed domain (e.g. a grid extent): ticks inside [lo, hi], domain unchanged.
   */
  public static Ticks linearExact(double lo, double hi, int target) {
    Ticks t = linear(lo, hi, target);
    if (!(hi > lo)) {
      return t;
    }
    List<Double> vals = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    double eps = (hi - lo) * 1e-9;
    for (int i = 0; i < t.values.size(); i++) {
      double v = t.values.get(i);
      if (v >= lo - eps && v <= hi + eps) {
        vals.add(v);
        labels.add(t.labels.get(i));
      }
    }
    return new Ticks(lo, hi, vals, labels, false);
  }

  /** Decade ticks covering [lo, hi]; both must be positive. */
  public static Ticks log(double lo, double hi) {
    if (!(lo > 0) || !(hi > 0) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
      lo = 1e-3;
      hi = 1;
    }
    int e0 = (int) Math.floor(Math.log10(lo) + 1e-9);
    int e1 = (int) Math.ceil(Math.log10(hi) - 1e-9);
    if (e1 <= e0) {
      e1 = e0 + 1;
    }
    int stride = Math.max(1, (int) Math.ceil((e1 - e0) / 8.0));
    List<Double> vals = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int e = e0; e <= e1; e++) {
      if ((e - e0) % stride == 0) {
        vals.add(Math.pow(10, e));
        labels.add("1e" + e);
      }
      if (e1 - e0 <= 1 && e < e1) {
        vals.add(2 * Math.pow(10, e));
        labels.add("2e" + e);
        vals.add(5 * Math.pow(10, e));
        labels.add("5e" + e);
      }
    }
    return new Ticks(Math.pow(10, e0), Math.pow(10, e1), vals, labels, true);
  }

  static double niceStep(double raw) {
    if (!(raw > 0) || !Double.isFinite(raw)) {
      return 1;
    }
    double exp = Math.floor(Math.log10(raw));
    double base = Math.pow(10, exp);
    double f = raw / base;
    double nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    return nice * base;
  }

  private static String label(double v, int decimals) {
    double a = Math.abs(v);
    if (a != 0 && (a >= 1e6 || decimals > 5)) {
      return Svg.value(v);
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
