package io.convopt.experiments.benchmark;

import io.convopt.experiments.io.Numbers;
import java.util.List;

/**
 * One benchmark run, as written to {@code runs.csv}.
 *
 * @param function test-function label (e.g. "BRANIN", "RASTRIGIN_SHIFTED_2D")
 * @param dimension d
 * @param solver registry name of the solver
 * @param run run index 0..R−1
 * @param seed the seed handed to the solver factory, derived from (function, solver, run)
 * @param budget evaluation budget of the run
 * @param evaluations evaluations the solver used (counted by the runner's scoring wrapper)
 * @param bestF f at the returned point (as reported by the solver)
 * @param fStar known global maximum (scoring only; the solver never sees it)
 * @param error f* − bestF
 * @param success error ≤ {@link #SUCCESS_TARGET} (absolute, the COCO convention)
 * @param distance Euclidean distance from the returned point to the nearest known global maximiser
 * @param localised distance ≤ 1e-2 × the largest box width (the protocol's secondary,
 *     localisation-only criterion)
 * @param evalsToSuccess first evaluation at which the best-so-far error met {@link #SUCCESS_TARGET}
 *     (−1: never)
 * @param hits first evaluation at which the best-so-far error was ≤ 1e-1, 1e-3, 1e-5, 1e-8 ({@link
 *     #TARGETS}; −1: never)
 * @param wallMs wall time of the run in milliseconds (the only column that differs between reruns)
 * @param successRelative the former headline rule, error ≤ {@link #relativeTolerance}(f*) =
 *     1e-3·max(1, |f*|), kept as an extra column only (it accepts 0.19 on Shubert)
 * @param evalsToSuccessRelative first evaluation at which the best-so-far error met the relative
 *     tolerance (−1: never)
 * @param stopReason the solver's stop reason ({@code StopReason} name), or {@value #DECLINED} when
 *     the registry did not offer the solver for this function
 * @param note why the run ended early (budget left), or why the solver was declined; empty
 *     otherwise
 */
public record RunRecord(
    String function,
    int dimension,
    String solver,
    int run,
    long seed,
    long budget,
    long evaluations,
    double bestF,
    double fStar,
    double error,
    boolean success,
    double distance,
    boolean localised,
    long evalsToSuccess,
    long[] hits,
    long wallMs,
    boolean successRelative,
    long evalsToSuccessRelative,
    String stopReason,
    String note) {

  /** Absolute error targets whose first-hit evaluations are recorded. */
  public static final double[] TARGETS = {1e-1, 1e-3, 1e-5, 1e-8};

  /** The headline success target on f* − f (absolute). */
  public static final double SUCCESS_TARGET = 1e-3;

  /** Stop reason of a run the registry declined (no evaluation was made). */
  public static final String DECLINED = "DECLINED";

  /** Column names of runs.csv, in order; "key" first. Columns are only ever appended. */
  public static final List<String> HEADER =
      List.of(
          "key",
          "function",
          "dimension",
          "solver",
          "run",
          "seed",
          "budget",
          "evaluations",
          "best_f",
          "f_star",
          "error",
          "success",
          "distance",
          "localised",
          "evals_to_success",
          "evals_to_1e-1",
          "evals_to_1e-3",
          "evals_to_1e-5",
          "evals_to_1e-8",
          "wall_ms",
          "success_relative",
          "evals_to_success_relative",
          "stop_reason",
          "note");

  /** The columns of runs.csv before issue 16 (rows of that form are still read). */
  static final int LEGACY_COLUMNS = 20;

  public RunRecord {
    if (hits.length != TARGETS.length) {
      throw new IllegalArgumentException(
          "need " + TARGETS.length + " hit counts, got " + hits.length);
    }
    hits = hits.clone();
    stopReason = stopReason == null ? "" : stopReason;
    note = note == null ? "" : note;
  }

  /**
   * The record without the issue-16 columns (relative success = success, no stop reason or note).
   *
   * @deprecated use the canonical constructor
   */
  @Deprecated
  public RunRecord(
      String function,
      int dimension,
      String solver,
      int run,
      long seed,
      long budget,
      long evaluations,
      double bestF,
      double fStar,
      double error,
      boolean success,
      double distance,
      boolean localised,
      long evalsToSuccess,
      long[] hits,
      long wallMs) {
    this(
        function,
        dimension,
        solver,
        run,
        seed,
        budget,
        evaluations,
        bestF,
        fStar,
        error,
        success,
        distance,
        localised,
        evalsToSuccess,
        hits,
        wallMs,
        success,
        evalsToSuccess,
        "",
        "");
  }

  @Override
  public long[] hits() {
    return hits.clone();
  }

  /** The former (relative) success tolerance 1e-3·max(1, |f*|), now an extra column only. */
  public static double relativeTolerance(double fStar) {
    return 1e-3 * Math.max(1.0, Math.abs(fStar));
  }

  /**
   * The former headline tolerance.
   *
   * @deprecated success is now absolute ({@link #SUCCESS_TARGET}); this is {@link
   *     #relativeTolerance}
   */
  @Deprecated
  public static double successTolerance(double fStar) {
    return relativeTolerance(fStar);
  }

  /** True when the registry did not offer the solver for this function (no evaluation made). */
  public boolean declined() {
    return DECLINED.equals(stopReason);
  }

  /** The resume key of a run: function, solver, run index and budget. */
  public static String key(String function, String solver, int run, long budget) {
    return function + "|" + solver + "|" + run + "|" + budget;
  }

  public String key() {
    return key(function, solver, run, budget);
  }

  /** The CSV row (doubles in round-trip form, so a re-read record is bit-identical). */
  public List<String> toRow() {
    return List.of(
        key(),
        function,
        Integer.toString(dimension),
        solver,
        Integer.toString(run),
        Long.toString(seed),
        Long.toString(budget),
        Long.toString(evaluations),
        Numbers.exact(bestF),
        Numbers.exact(fStar),
        Numbers.exact(error),
        Boolean.toString(success),
        Numbers.exact(distance),
        Boolean.toString(localised),
        Long.toString(evalsToSuccess),
        Long.toString(hits[0]),
        Long.toString(hits[1]),
        Long.toString(hits[2]),
        Long.toString(hits[3]),
        Long.toString(wallMs),
        Boolean.toString(successRelative),
        Long.toString(evalsToSuccessRelative),
        stopReason,
        note);
  }

  /**
   * Parses a row written by {@link #toRow()}, or a row of the former 20-column form (whose success
   * column used the relative rule: it becomes the relative column, and success is recomputed from
   * the stored error and first hits under the absolute rule).
   */
  public static RunRecord fromRow(List<String> row) {
    if (row.size() == LEGACY_COLUMNS) {
      RunRecord old = parse(row, false, -1, "", "");
      boolean absolute = old.error() <= SUCCESS_TARGET;
      return new RunRecord(
          old.function,
          old.dimension,
          old.solver,
          old.run,
          old.seed,
          old.budget,
          old.evaluations,
          old.bestF,
          old.fStar,
          old.error,
          absolute,
          old.distance,
          old.localised,
          old.hits[1],
          old.hits,
          old.wallMs,
          old.success,
          old.evalsToSuccess,
          "",
          "");
    }
    if (row.size() != HEADER.size()) {
      throw new IllegalArgumentException(
          "a runs.csv row has " + HEADER.size() + " fields, got " + row.size() + ": " + row);
    }
    return parse(
        row,
        Boolean.parseBoolean(row.get(20)),
        Long.parseLong(row.get(21)),
        row.get(22),
        row.get(23));
  }

  private static RunRecord parse(
      List<String> row, boolean successRelative, long evalsRelative, String stop, String note) {
    return new RunRecord(
        row.get(1),
        Integer.parseInt(row.get(2)),
        row.get(3),
        Integer.parseInt(row.get(4)),
        Long.parseLong(row.get(5)),
        Long.parseLong(row.get(6)),
        Long.parseLong(row.get(7)),
        Numbers.parse(row.get(8)),
        Numbers.parse(row.get(9)),
        Numbers.parse(row.get(10)),
        Boolean.parseBoolean(row.get(11)),
        Numbers.parse(row.get(12)),
        Boolean.parseBoolean(row.get(13)),
        Long.parseLong(row.get(14)),
        new long[] {
          Long.parseLong(row.get(15)),
          Long.parseLong(row.get(16)),
          Long.parseLong(row.get(17)),
          Long.parseLong(row.get(18))
        },
        Long.parseLong(row.get(19)),
        successRelative,
        evalsRelative,
        stop,
        note);
  }

  /** The same record without its wall time (for comparisons across reruns). */
  public RunRecord withoutWallTime() {
    return new RunRecord(
        function,
        dimension,
        solver,
        run,
        seed,
        budget,
        evaluations,
        bestF,
        fStar,
        error,
        success,
        distance,
        localised,
        evalsToSuccess,
        hits,
        0,
        successRelative,
        evalsToSuccessRelative,
        stopReason,
        note);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunRecord r && toRow().equals(r.toRow());
  }

  @Override
  public int hashCode() {
    return toRow().hashCode();
  }

  @Override
  public String toString() {
    return "RunRecord" + toRow();
  }
}
