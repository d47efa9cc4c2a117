package io.convopt.experiments.tables;

import io.convopt.experiments.functions.TestFunction;
import io.convopt.experiments.io.Numbers;
import io.convopt.solvers.api.Optimum;
import java.util.ArrayList;
import java.util.List;

/**
 * One published row re-run: the paper's numbers beside ours, the distance in units of η and the
 * verdict (computed here, never copied).
 */
public record RowOutcome(
    PublishedRow row,
    TestFunction function,
    Optimum ours,
    double delta,
    long steps,
    double power,
    long seed) {

  /** Columns of table1.csv / table2.csv, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "key",
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
          "verdict",
          "function_definition",
          "seed",
          "evaluations",
          "wall_ms",
          "stop_reason",
          "our_f");

  /** Euclidean distance between the paper's result and ours, in units of η. */
  public double distanceInEta() {
    double[] a = row.result();
    double[] b = ours.point();
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s) / row.eta();
  }

  public Verdict verdict() {
    return Verdict.of(distanceInEta());
  }

  public List<String> csvRow() {
    List<String> r = new ArrayList<>();
    r.add(row.key());
    r.add(row.function());
    r.add(row.algorithm());
    r.add(num(row.eta()));
    r.add(num(power));
    r.add(num(delta));
    r.add(Long.toString(steps));
    r.add(PublishedRow.formatPoint(row.start()));
    r.add(PublishedRow.formatPoint(row.result()));
    r.add(PublishedRow.formatPoint(round(ours.point())));
    r.add(Numbers.fixed(distanceInEta(), 2));
    r.add(verdict().label());
    r.add(function.provenanceLabel());
    r.add(Long.toString(seed));
    r.add(Long.toString(ours.evaluations()));
    r.add(Numbers.fixed(ours.wallNanos() / 1e6, 1));
    r.add(ours.stopReason().name());
    r.add(Numbers.significant(ours.value(), 6));
    return r;
  }

  private static double[] round(double[] p) {
    double[] q = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      q[i] = Math.round(p[i] * 1e6) / 1e6;
    }
    return q;
  }

  private static String num(double v) {
    return Numbers.compact(v);
  }
}
