package io.convopt.experiments.calibration;

import io.convopt.experiments.functions.TestFunction;
import io.convopt.experiments.tables.PaperTableRun;
import io.convopt.experiments.tables.PublishedRow;
import io.convopt.experiments.tables.RowOutcome;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One unit of calibration work: a candidate of a family run on one published LOG2 row. Immutable,
 * with a stable key ("aniso/c007/t2r9"); {@link #run} is a pure function of the cell and the seed
 * (the solvers are deterministic), so cells can run in any order, on any thread, and be resumed.
 *
 * @param candidate the family member
 * @param row the published row it is run on
 */
public record Log2Cell(Candidate candidate, PublishedRow row) {

  /**
   * Columns of a cell CSV. There is deliberately no verdict column: fitting reads distances only.
   */
  public static final List<String> COLUMNS =
      List.of(
          "key",
          "family",
          "candidate",
          "parameters",
          "row",
          "algorithm",
          "eta",
          "start",
          "paper_result",
          "our_result",
          "distance_eta",
          "seed",
          "evaluations");

  public String key() {
    return candidate.id() + "/" + row.key();
  }

  /**
   * Runs the row with the candidate's function and reading and returns its CSV row. A candidate
   * that cannot run the row (e.g. a start outside its box) gets distance "inf" and our_result
   * "error: ..." instead of failing the calibration.
   */
  public List<String> run(long seed) {
    Log2Family family = candidate.family();
    TestFunction f =
        family.function(candidate, "family " + family.id() + ", candidate " + candidate.index());
    PaperTableRun run = new PaperTableRun(Map.of("LOG2", f), seed, family.reading(candidate));
    String ours;
    String distance;
    String evaluations;
    try {
      RowOutcome o = run.run(row);
      ours = PublishedRow.formatPoint(round(o.ours().point()));
      distance = String.format(Locale.ROOT, "%.4f", o.distanceInEta());
      evaluations = Long.toString(o.ours().evaluations());
    } catch (IllegalArgumentException e) {
      ours = "error: " + e.getMessage();
      distance = "inf";
      evaluations = "0";
    }
    return List.of(
        key(),
        family.id(),
        Integer.toString(candidate.index()),
        candidate.describe(),
        row.key(),
        row.algorithm(),
        Double.toString(row.eta()),
        PublishedRow.formatPoint(row.start()),
        PublishedRow.formatPoint(row.result()),
        ours,
        distance,
        Long.toString(seed),
        evaluations);
  }

  private static double[] round(double[] p) {
    double[] q = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      q[i] = Math.round(p[i] * 1e6) / 1e6;
    }
    return q;
  }
}
