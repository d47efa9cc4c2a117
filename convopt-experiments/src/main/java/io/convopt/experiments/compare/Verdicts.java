package io.convopt.experiments.compare;

import io.convopt.experiments.io.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Verdicts at the reference's "solved" tolerances: on each problem (dataset, β, seed) the relative
 * objective gap of each method to the best final objective any method reached there, (f −
 * f_best)/|f_best|, and per method the number of problems it solves at gaps 1, 0.5, 0.1 and 0.01.
 *
 * <p>f is a method's final training objective on that seed (SGD/Adam: at the learning rate with the
 * lowest final training objective, as in {@link Summaries}); a diverged or failed run has f = +∞
 * and solves nothing. f_best is the lowest f of any method, CG included: CG trains a gated network
 * (a different model), so a problem whose best is CG's is one on which the gated model reached a
 * lower objective than any ReLU network found. A method solves a problem at tolerance τ when its
 * gap is ≤ τ; the method with f = f_best has gap 0.
 */
public final class Verdicts {

  /** The reference's "solved" tolerances and 1 %. */
  public static final double[] TOLERANCES = {1.0, 0.5, 0.1, 0.01};

  /** The non-convex method each convex formulation is held against. */
  static final String ADAM = "adam";

  /** One method's final objective on one problem (+∞ when it diverged or failed). */
  public record Entry(String dataset, double beta, long seed, String method, double objective) {}

  /**
   * One problem's gaps.
   *
   * @param best f_best, the lowest objective on the problem
   * @param bestMethod the method that reached it (the first in input order on ties)
   * @param objectives method → f, in input order
   */
  public record Problem(
      String dataset,
      double beta,
      long seed,
      double best,
      String bestMethod,
      Map<String, Double> objectives) {

    public Problem {
      objectives = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(objectives));
    }

    /** The relative gap of {@code method} here (+∞ if it has no finite objective). */
    public double gap(String method) {
      Double f = objectives.get(method);
      return f == null ? Double.POSITIVE_INFINITY : relativeGap(f, best);
    }
  }

  /**
   * One method's row of the verdict table.
   *
   * @param problems problems on which the method ran
   * @param solved problems solved at each of {@link #TOLERANCES}
   * @param bestOn problems on which the method defined f_best
   * @param medianGap median gap over its problems (+∞ when most failed)
   * @param lowerThanAdam problems on which its f is strictly below Adam's
   * @param comparedWithAdam problems on which both ran
   */
  public record Row(
      String method,
      int problems,
      int[] solved,
      int bestOn,
      double medianGap,
      int lowerThanAdam,
      int comparedWithAdam) {

    public Row {
      solved = solved.clone();
    }

    /** Problems solved at {@code TOLERANCES[i]}. */
    public int solvedAt(int i) {
      return solved[i];
    }
  }

  private Verdicts() {}

  /** (f − best)/|best|; 0 when f equals best (also at best = 0), +∞ when f is not finite. */
  public static double relativeGap(double f, double best) {
    if (!Double.isFinite(f)) {
      return Double.POSITIVE_INFINITY;
    }
    if (f == best) {
      return 0.0;
    }
    return best == 0 ? Double.POSITIVE_INFINITY : (f - best) / Math.abs(best);
  }

  /**
   * Groups the entries by (dataset, β, seed), in first-appearance order; problems on which no
   * method reached a finite objective are left out (there is nothing to measure a gap against).
   */
  public static List<Problem> problems(List<Entry> entries) {
    Map<String, List<Entry>> byProblem = new LinkedHashMap<>();
    for (Entry e : entries) {
      byProblem
          .computeIfAbsent(e.dataset() + "|" + e.beta() + "|" + e.seed(), k -> new ArrayList<>())
          .add(e);
    }
    List<Problem> out = new ArrayList<>();
    for (List<Entry> es : byProblem.values()) {
      double best = Double.POSITIVE_INFINITY;
      String by = "";
      Map<String, Double> obj = new LinkedHashMap<>();
      for (Entry e : es) {
        double f = Double.isNaN(e.objective()) ? Double.POSITIVE_INFINITY : e.objective();
        obj.merge(e.method(), f, Math::min);
        if (f < best) {
          best = f;
          by = e.method();
        }
      }
      if (Double.isFinite(best)) {
        Entry first = es.get(0);
        out.add(new Problem(first.dataset(), first.beta(), first.seed(), best, by, obj));
      }
    }
    return out;
  }

  /** The verdict table: one row per method, in {@code methods} order. */
  public static List<Row> table(List<Problem> problems, List<String> methods) {
    List<Row> rows = new ArrayList<>();
    for (String m : methods) {
      int ran = 0;
      int bestOn = 0;
      int lower = 0;
      int compared = 0;
      int[] solved = new int[TOLERANCES.length];
      List<Double> gaps = new ArrayList<>();
      for (Problem p : problems) {
        Double f = p.objectives().get(m);
        if (f == null) {
          continue;
        }
        ran++;
        bestOn += m.equals(p.bestMethod()) ? 1 : 0;
        double g = p.gap(m);
        gaps.add(g);
        for (int i = 0; i < TOLERANCES.length; i++) {
          solved[i] += g <= TOLERANCES[i] ? 1 : 0;
        }
        Double adam = p.objectives().get(ADAM);
        if (adam != null && !m.equals(ADAM)) {
          compared++;
          lower += f < adam ? 1 : 0;
        }
      }
      double[] g = gaps.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(g);
      double median =
          g.length == 0
              ? Double.NaN
              : g.length % 2 == 1 ? g[g.length / 2] : 0.5 * (g[g.length / 2 - 1] + g[g.length / 2]);
      rows.add(new Row(m, ran, solved, bestOn, median, lower, compared));
    }
    return rows;
  }

  /**
   * Whether "convex training (this formulation) reaches a lower objective than Adam" holds, from
   * the solved counts on the problems both ran: holds when the formulation solves at least as many
   * problems as Adam at every tolerance and more at one; mixed when it solves more at one tolerance
   * and fewer at another; does not hold otherwise (at most as many everywhere, equal counts
   * included); not measured when either is missing.
   */
  public static Findings.Finding claim(List<Problem> problems, String method) {
    String name = method.equals("cg") ? "CG (gated program)" : "CR (constrained program)";
    String claim =
        "Convex training, "
            + name
            + ", reaches a lower objective than Adam: problems (dataset, beta, seed) solved at"
            + " relative gaps 1, 0.5, 0.1, 0.01 to the best objective any method reached";
    List<Problem> both = new ArrayList<>();
    for (Problem p : problems) {
      if (p.objectives().containsKey(method) && p.objectives().containsKey(ADAM)) {
        both.add(p);
      }
    }
    if (both.isEmpty()) {
      return new Findings.Finding(
          claim, "not measured", "no problem has both " + method + " and adam");
    }
    List<Row> rows = table(both, List.of(method, ADAM));
    Row c = rows.get(0);
    Row a = rows.get(1);
    boolean more = false;
    boolean fewer = false;
    StringBuilder ev = new StringBuilder();
    for (int i = 0; i < TOLERANCES.length; i++) {
      more |= c.solvedAt(i) > a.solvedAt(i);
      fewer |= c.solvedAt(i) < a.solvedAt(i);
      ev.append(i == 0 ? "" : "; ")
          .append(
              String.format(
                  Locale.ROOT,
                  "gap %s: %s %d, adam %d",
                  Numbers.rounded(TOLERANCES[i], 2),
                  method,
                  c.solvedAt(i),
                  a.solvedAt(i)));
    }
    ev.append(
        String.format(
            Locale.ROOT,
            " of %d problems; %s below adam on %d of %d",
            both.size(),
            method,
            c.lowerThanAdam(),
            c.comparedWithAdam()));
    if (!more && !fewer) {
      ev.append(" (the same counts at every tolerance: not lower)");
    }
    String verdict = more && !fewer ? "holds" : more ? "mixed" : "does not hold";
    return new Findings.Finding(claim, verdict, ev.toString());
  }

  /** The verdict table as CSV columns. */
  public static Table verdictTable(List<Problem> problems, List<String> methods) {
    StringColumn method = StringColumn.create("method");
    StringColumn model = StringColumn.create("model");
    IntColumn ran = IntColumn.create("problems");
    List<IntColumn> solved = new ArrayList<>();
    for (double t : TOLERANCES) {
      solved.add(IntColumn.create("solved_gap_" + Numbers.rounded(t, 2)));
    }
    IntColumn bestOn = IntColumn.create("best_on");
    DoubleColumn median = DoubleColumn.create("median_gap");
    IntColumn lower = IntColumn.create("lower_than_adam");
    IntColumn compared = IntColumn.create("compared_with_adam");
    StringColumn claim = StringColumn.create("claim_lower_than_adam");
    for (Row r : table(problems, methods)) {
      method.append(r.method());
      model.append(Method.parse(r.method()).model());
      ran.append(r.problems());
      for (int i = 0; i < TOLERANCES.length; i++) {
        solved.get(i).append(r.solvedAt(i));
      }
      bestOn.append(r.bestOn());
      median.append(r.medianGap());
      lower.append(r.lowerThanAdam());
      compared.append(r.comparedWithAdam());
      claim.append(
          Method.parse(r.method()).isConvex() ? claim(problems, r.method()).verdict() : "");
    }
    Table t = Table.create("verdicts", method, model, ran);
    solved.forEach(t::addColumns);
    return t.addColumns(bestOn, median, lower, compared, claim);
  }

  /** Each method's gap on each problem, one row per (problem, method). */
  public static Table gapTable(List<Problem> problems) {
    StringColumn ds = StringColumn.create("dataset");
    DoubleColumn beta = DoubleColumn.create("beta");
    StringColumn seed = StringColumn.create("seed");
    StringColumn method = StringColumn.create("method");
    DoubleColumn objective = DoubleColumn.create("objective");
    DoubleColumn best = DoubleColumn.create("best_objective");
    StringColumn bestBy = StringColumn.create("best_method");
    DoubleColumn gap = DoubleColumn.create("relative_gap");
    for (Problem p : problems) {
      for (Map.Entry<String, Double> e : p.objectives().entrySet()) {
        ds.append(p.dataset());
        beta.append(p.beta());
        seed.append(Long.toString(p.seed()));
        method.append(e.getKey());
        objective.append(Double.isFinite(e.getValue()) ? e.getValue() : Double.NaN);
        best.append(p.best());
        bestBy.append(p.bestMethod());
        double g = p.gap(e.getKey());
        gap.append(Double.isFinite(g) ? g : Double.NaN);
      }
    }
    return Table.create("gaps", ds, beta, seed, method, objective, best, bestBy, gap);
  }

  /** The entries of a comparison read from disk: each method's selected run per seed. */
  static List<Entry> entries(Summaries.Data d) {
    List<Entry> out = new ArrayList<>();
    for (Map<String, List<Summaries.RunRec>> byMethod : d.selected.values()) {
      for (Map.Entry<String, List<Summaries.RunRec>> e : byMethod.entrySet()) {
        for (Summaries.RunRec r : e.getValue()) {
          out.add(new Entry(r.dataset(), r.beta(), r.seed(), e.getKey(), r.objectiveOrInf()));
        }
      }
    }
    // problems in (dataset, beta, seed) order of first appearance
    List<Entry> sorted = new ArrayList<>(out);
    Map<String, Integer> order = new LinkedHashMap<>();
    for (Entry e : out) {
      order.putIfAbsent(e.dataset() + "|" + e.beta(), order.size());
    }
    sorted.sort(
        (a, b) -> {
          int c =
              Integer.compare(
                  order.get(a.dataset() + "|" + a.beta()), order.get(b.dataset() + "|" + b.beta()));
          return c != 0 ? c : Long.compare(a.seed(), b.seed());
        });
    return sorted;
  }

  /** The verdict table as fixed-width text for the summary. */
  static String text(List<Problem> problems, List<String> methods) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "  %-6s %-6s %8s %7s %7s %7s %7s %7s %10s %10s%n",
            "method",
            "model",
            "problems",
            "gap<=1",
            "<=0.5",
            "<=0.1",
            "<=0.01",
            "best on",
            "median gap",
            "below adam"));
    for (Row r : table(problems, methods)) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-6s %-6s %8d %7d %7d %7d %7d %7d %10s %10s%n",
              r.method(),
              Method.parse(r.method()).model(),
              r.problems(),
              r.solvedAt(0),
              r.solvedAt(1),
              r.solvedAt(2),
              r.solvedAt(3),
              r.bestOn(),
              Numbers.rounded(r.medianGap(), 3),
              r.method().equals(ADAM) ? "-" : r.lowerThanAdam() + "/" + r.comparedWithAdam()));
    }
    return sb.toString();
  }
}
