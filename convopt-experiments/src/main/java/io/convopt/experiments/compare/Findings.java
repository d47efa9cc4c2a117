package io.convopt.experiments.compare;

import io.convopt.experiments.io.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The claims of the seed papers (Ergen and Pilanci, arXiv 2312.12657; Zeger and Pilanci, arXiv
 * 2603.23831: lower training loss than SGD, more problems solved to tolerance, insensitivity to
 * hyper-parameters) checked against the measured numbers, each with a verdict (holds / mixed / does
 * not hold / not measured) and the evidence. Nothing here is tuned: the verdicts are simple counts
 * over the problems that were run, and say nothing about datasets that were not.
 */
public final class Findings {

  /** One checked claim. */
  public record Finding(String claim, String verdict, String evidence) {}

  private Findings() {}

  /** Evaluates the claims on the comparison data and its profile table. */
  public static List<Finding> evaluate(Summaries.Data d, Table profile) {
    List<Finding> out = new ArrayList<>();
    out.add(lowerObjective(d, "sgd"));
    out.add(lowerObjective(d, "adam"));
    out.add(solved(profile));
    out.add(sensitivity(d));
    out.add(testMetric(d, "sgd"));
    out.add(testMetric(d, "adam"));
    out.add(convergence(d));
    return out;
  }

  private static double medianObjective(Summaries.Data d, String problem, String method) {
    List<Summaries.RunRec> rs = d.selected.get(problem).get(method);
    if (rs == null || rs.isEmpty()) {
      return Double.NaN;
    }
    return Summaries.median(rs.stream().mapToDouble(Summaries.RunRec::objectiveOrInf).toArray());
  }

  static Finding lowerObjective(Summaries.Data d, String other) {
    String claim =
        "CR reaches a lower training objective than "
            + other
            + " (median over seeds; "
            + other
            + " at its best learning rate per seed)";
    int better = 0;
    int compared = 0;
    List<String> detail = new ArrayList<>();
    for (String p : d.problems()) {
      double cr = medianObjective(d, p, "cr");
      double o = medianObjective(d, p, other);
      if (Double.isNaN(cr) || Double.isNaN(o)) {
        continue;
      }
      compared++;
      if (cr < o) {
        better++;
      }
      detail.add(String.format(Locale.ROOT, "%s %.4g vs %.4g", p.replace("|", " beta="), cr, o));
    }
    return new Finding(
        claim,
        verdict(better, compared),
        better
            + " of "
            + compared
            + " problems"
            + (detail.isEmpty() ? "" : " (" + String.join("; ", detail) + ")"));
  }

  static Finding solved(Table profile) {
    String claim =
        "CR solves more problems to tolerance 0.01 of the best objective than SGD and Adam (by the"
            + " end)";
    double cr = finalFraction(profile, "cr", 0.01);
    double sgd = finalFraction(profile, "sgd", 0.01);
    double adam = finalFraction(profile, "adam", 0.01);
    double cg = finalFraction(profile, "cg", 0.01);
    String ev =
        String.format(
            Locale.ROOT,
            "fraction of trials solved at tol 0.01: cr %s, sgd %s, adam %s"
                + " (cg, gated relaxation, %s); at tol 0.1: cr %s, sgd %s, adam %s",
            fmt(cr),
            fmt(sgd),
            fmt(adam),
            fmt(cg),
            fmt(finalFraction(profile, "cr", 0.1)),
            fmt(finalFraction(profile, "sgd", 0.1)),
            fmt(finalFraction(profile, "adam", 0.1)));
    if (Double.isNaN(cr) || Double.isNaN(sgd) && Double.isNaN(adam)) {
      return new Finding(claim, "not measured", ev);
    }
    int wins = (cr > sgd || Double.isNaN(sgd) ? 1 : 0) + (cr > adam || Double.isNaN(adam) ? 1 : 0);
    return new Finding(claim, wins == 2 ? "holds" : wins == 1 ? "mixed" : "does not hold", ev);
  }

  static double finalFraction(Table profile, String method, double tol) {
    double t = -1;
    double f = Double.NaN;
    for (int r = 0; r < profile.rowCount(); r++) {
      if (profile.stringColumn("method").get(r).equals(method)
          && profile.doubleColumn("tolerance").getDouble(r) == tol
          && profile.doubleColumn("time_seconds").getDouble(r) >= t) {
        t = profile.doubleColumn("time_seconds").getDouble(r);
        f = profile.doubleColumn("fraction").getDouble(r);
      }
    }
    return f;
  }

  static Finding sensitivity(Summaries.Data d) {
    String claim =
        "Convex training is less sensitive to its hyper-parameters than SGD/Adam"
            + " (median over problems of the relative spread of the final objective)";
    Map<String, Double> med = new java.util.LinkedHashMap<>();
    for (String m : List.of("cr", "cg", "sgd", "adam")) {
      List<Double> spreads = new ArrayList<>();
      for (String p : d.problems()) {
        List<Summaries.RunRec> rs = d.all.get(p).get(m);
        if (rs == null || rs.size() < 2) {
          continue; // a spread needs at least two runs
        }
        double[] o = rs.stream().mapToDouble(Summaries.RunRec::objectiveOrInf).toArray();
        double b = Math.abs(d.best(p));
        spreads.add((Summaries.max(o) - Summaries.min(o)) / b);
      }
      med.put(m, Summaries.median(spreads.stream().mapToDouble(Double::doubleValue).toArray()));
    }
    String ev =
        String.format(
            Locale.ROOT,
            "cr %s and cg %s over pattern seeds; sgd %s and adam %s over learning"
                + " rates x seeds (infinite = some run diverged)",
            fmt(med.get("cr")),
            fmt(med.get("cg")),
            fmt(med.get("sgd")),
            fmt(med.get("adam")));
    double cr = med.get("cr");
    if (Double.isNaN(cr) || Double.isNaN(med.get("sgd")) && Double.isNaN(med.get("adam"))) {
      return new Finding(claim, "not measured", ev);
    }
    int wins =
        (cr < med.get("sgd") || Double.isNaN(med.get("sgd")) ? 1 : 0)
            + (cr < med.get("adam") || Double.isNaN(med.get("adam")) ? 1 : 0);
    return new Finding(claim, wins == 2 ? "holds" : wins == 1 ? "mixed" : "does not hold", ev);
  }

  static Finding testMetric(Summaries.Data d, String other) {
    String claim =
        "CR generalises at least as well as "
            + other
            + " (mean test accuracy higher / test MSE lower over seeds; no test data used for any"
            + " choice)";
    int better = 0;
    int compared = 0;
    for (String p : d.problems()) {
      List<Summaries.RunRec> cr = d.selected.get(p).get("cr");
      List<Summaries.RunRec> o = d.selected.get(p).get(other);
      if (cr == null || o == null) {
        continue;
      }
      double a =
          Summaries.mean(
              cr.stream().mapToDouble(Summaries.RunRec::metric).filter(Double::isFinite).toArray());
      double b =
          Summaries.mean(
              o.stream().mapToDouble(Summaries.RunRec::metric).filter(Double::isFinite).toArray());
      if (Double.isNaN(a) || Double.isNaN(b)) {
        continue;
      }
      compared++;
      boolean regression = cr.get(0).regression();
      if (regression ? a <= b : a >= b) {
        better++;
      }
    }
    return new Finding(claim, verdict(better, compared), better + " of " + compared + " problems");
  }

  static Finding convergence(Summaries.Data d) {
    int cr = 0;
    int crConv = 0;
    int cg = 0;
    int cgConv = 0;
    double worstViolation = 0;
    for (Summaries.RunRec r : d.runs) {
      if (r.method().equals("cr")) {
        cr++;
        crConv += r.stopReason().equals("converged") ? 1 : 0;
        if (Double.isFinite(r.violation())) {
          worstViolation = Math.max(worstViolation, r.violation());
        }
      } else if (r.method().equals("cg")) {
        cg++;
        cgConv += r.stopReason().equals("converged") ? 1 : 0;
      }
    }
    String ev =
        String.format(
            Locale.ROOT,
            "cr %d of %d runs met the certificate tolerance within the budget, cg %d of %d; largest"
                + " scaled cone violation of a cr result %.2g (the rest stopped on the iteration or"
                + " time budget and report what they reached)",
            crConv,
            cr,
            cgConv,
            cg,
            worstViolation);
    return new Finding(
        "The convex solvers certify their results within the budget",
        verdict(crConv + cgConv, cr + cg),
        ev);
  }

  private static String verdict(int yes, int total) {
    if (total == 0) {
      return "not measured";
    }
    return yes == total ? "holds" : yes == 0 ? "does not hold" : "mixed";
  }

  private static String fmt(Double v) {
    return v == null || v.isNaN() ? "n/a" : Numbers.significant(v, 3);
  }

  /** The findings as a table (claim, verdict, evidence). */
  public static Table table(List<Finding> findings) {
    StringColumn c = StringColumn.create("claim");
    StringColumn v = StringColumn.create("verdict");
    StringColumn e = StringColumn.create("evidence");
    for (Finding f : findings) {
      c.append(f.claim());
      v.append(f.verdict());
      e.append(f.evidence());
    }
    return Table.create("findings", c, v, e);
  }
}
