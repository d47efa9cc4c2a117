package io.convopt.experiments.benchmark;

import io.convopt.experiments.functions.StandardFunctions;
import io.convopt.experiments.functions.TestFunction;
import io.convopt.experiments.grid.CellRows;
import io.convopt.experiments.grid.Grid;
import io.convopt.experiments.grid.GridOutcome;
import io.convopt.experiments.grid.GridRunner;
import io.convopt.experiments.grid.GridSettings;
import io.convopt.experiments.grid.GridTable;
import io.convopt.experiments.grid.StableHash;
import io.convopt.experiments.io.CsvRowWriter;
import io.convopt.experiments.io.RunOutputs;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The global-optimization benchmark (protocol: COCO/BBOB conventions). Every named solver factory
 * is applied to every test function over R seeded runs under a fixed evaluation budget (default
 * 10^4·d). Per run, a scoring wrapper that only the runner sees counts every call of f and records
 * the first evaluation at which the best-so-far error f* − f met 1e-1, 1e-3, 1e-5, 1e-8 and the
 * former relative tolerance 1e-3·max(1, |f*|). Success is absolute: f* − f ≤ 1e-3 at the returned
 * point (COCO's convention; the relative rule accepted 0.19 on Shubert), with 1e-5 and 1e-8
 * alongside and the relative rule as an extra column. The solver gets a problem without the known
 * optimum (no oracle knowledge).
 *
 * <p><b>Seeds.</b> The seed of run r of solver s on function f is {@link #seed}(f, s, r), a hash of
 * the three names: results do not depend on the thread count or the order in which runs finish.
 *
 * <p><b>Output</b> (under {@code out/benchmark/}): {@code runs.csv} (one row per run, appended as
 * runs complete by the grid runner, then rewritten in grid order; a rerun skips rows whose key is
 * present — resume; {@code --shard} runs a slice), {@code summary.csv} (per solver × function:
 * success rates, ERT, errors), {@code data_profile.csv} (fraction of (function, run) pairs solved
 * vs budget in multiples of d), per dimension {@code by_dimension.csv} (success rates, pooled ERT,
 * ERT ratio to CMA-ES) and {@code data_profile_by_dimension.csv}, and {@code provenance.csv}.
 *
 * <p><b>ERT</b> = (Σ over successful runs of the evaluations to success + the budget for every
 * failed run) / number of successes; +∞ without successes. Failures are charged the full budget as
 * the protocol states (for grid search, which may stop below the budget, this is conservative).
 *
 * <p>Immutable; {@link #run} may be called from one thread at a time per output folder.
 */
public final class Benchmark {

  public static final int DEFAULT_RUNS = 15;
  public static final long DEFAULT_BUDGET_PER_DIMENSION = 10_000;

  /** Budgets, in multiples of d, at which the data profile is tabulated (plus the full budget). */
  static final long[] PROFILE_MULTIPLES = {
    1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000
  };

  private final List<TestFunction> functions;
  private final Map<String, SolverFactory> solvers;
  private final int runs;
  private final long budgetPerDimension;
  private final int threads;
  private final int firstRun;

  /** R = 15 runs, budget 10^4·d, one thread per core. */
  public Benchmark(List<TestFunction> functions, Map<String, SolverFactory> solvers) {
    this(
        functions,
        solvers,
        DEFAULT_RUNS,
        DEFAULT_BUDGET_PER_DIMENSION,
        Math.max(1, Runtime.getRuntime().availableProcessors()),
        0);
  }

  private Benchmark(
      List<TestFunction> functions,
      Map<String, SolverFactory> solvers,
      int runs,
      long budgetPerDimension,
      int threads,
      int firstRun) {
    if (functions.isEmpty()) {
      throw new IllegalArgumentException("the benchmark needs at least one function");
    }
    if (solvers.isEmpty()) {
      throw new IllegalArgumentException("the benchmark needs at least one solver");
    }
    Set<String> names = new LinkedHashSet<>();
    for (TestFunction f : functions) {
      if (!names.add(f.name())) {
        throw new IllegalArgumentException("function '" + f.name() + "' listed twice");
      }
    }
    this.functions = List.copyOf(functions);
    this.solvers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(solvers));
    this.runs = runs;
    this.budgetPerDimension = budgetPerDimension;
    this.threads = threads;
    this.firstRun = firstRun;
  }

  public Benchmark withRuns(int r) {
    if (r < 1) {
      throw new IllegalArgumentException("number of runs must be >= 1, got " + r);
    }
    return new Benchmark(functions, solvers, r, budgetPerDimension, threads, firstRun);
  }

  /** Evaluation budget per dimension B: a run on a d-dimensional function gets B·d evaluations. */
  public Benchmark withBudgetPerDimension(long b) {
    if (b < 1) {
      throw new IllegalArgumentException("budget per dimension must be >= 1, got " + b);
    }
    return new Benchmark(functions, solvers, runs, b, threads, firstRun);
  }

  /** Size of the fixed thread pool (results do not depend on it). */
  public Benchmark withThreads(int t) {
    if (t < 1) {
      throw new IllegalArgumentException("number of threads must be >= 1, got " + t);
    }
    return new Benchmark(functions, solvers, runs, budgetPerDimension, t, firstRun);
  }

  /**
   * Index of the first run (default 0): runs {@code k .. k + R - 1}, each with its own seed {@link
   * #seed}(f, s, r), so a second study with k = R adds independent runs to a first.
   */
  public Benchmark withFirstRun(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("the first run index must be >= 0, got " + k);
    }
    return new Benchmark(functions, solvers, runs, budgetPerDimension, threads, k);
  }

  public List<TestFunction> functions() {
    return functions;
  }

  public List<String> solverNames() {
    return List.copyOf(solvers.keySet());
  }

  public int runs() {
    return runs;
  }

  public long budgetPerDimension() {
    return budgetPerDimension;
  }

  /**
   * The standard suite: every textbook function, shifted off-centre, in {@code dim} dimensions
   * where free.
   */
  public static List<TestFunction> standardSuite(int dim) {
    return suite(StandardFunctions.names(), dim);
  }

  /**
   * The named standard functions (shifted) in every listed dimension: each function defined in any
   * dimension once per dimension, each fixed-dimension function once, in its own dimension.
   */
  public static List<TestFunction> suite(List<String> names, List<Integer> dims) {
    List<TestFunction> list = new ArrayList<>();
    // names from earlier dimensions (the fixed-dimension functions)
    Set<String> earlier = new LinkedHashSet<>();
    for (int dim : dims) {
      List<TestFunction> now = suite(names, dim);
      for (TestFunction f : now) {
        if (!earlier.contains(f.name())) {
          list.add(f); // a name listed twice stays twice, so the constructor rejects it
        }
      }
      for (TestFunction f : now) {
        earlier.add(f.name());
      }
    }
    return list;
  }

  /** The named standard functions (shifted), fixed-dimension ones in their own dimension. */
  public static List<TestFunction> suite(List<String> names, int dim) {
    List<TestFunction> list = new ArrayList<>();
    for (String name : names) {
      StandardFunctions.Definition d = StandardFunctions.definition(name);
      list.add(StandardFunctions.shifted(d.name(), d.anyDimension() ? dim : d.fixedDimension()));
    }
    return list;
  }

  /**
   * Seed of run {@code run} of {@code solver} on {@code function}: FNV-1a (64 bit) of
   * "function|solver|run", mixed by SplitMix64 (the first output of a SplittableRandom).
   */
  public static long seed(String function, String solver, int run) {
    return new SplittableRandom(StableHash.fnv1a(function + "|" + solver + "|" + run)).nextLong();
  }

  /**
   * Runs one (function, solver, run) and scores it. A factory that declines the function ({@link
   * SolverDeclinedException}) gives a row with no evaluation, stop reason {@value
   * RunRecord#DECLINED} and the reason as note; it counts as a failure.
   */
  public RunRecord runOne(TestFunction function, String solverName, int run) {
    SolverFactory factory = solvers.get(solverName);
    if (factory == null) {
      throw new IllegalArgumentException(
          "solver '" + solverName + "' is not part of this benchmark");
    }
    int d = function.dimension();
    long budget = budgetPerDimension * d;
    long seed = seed(function.name(), solverName, run);
    double fStar = function.objective().value(function.globalMax());
    double relative = RunRecord.relativeTolerance(fStar);
    double[] targets = Arrays.copyOf(RunRecord.TARGETS, RunRecord.TARGETS.length + 1);
    targets[RunRecord.TARGETS.length] = relative;
    SolverFactory.Configured configured;
    try {
      configured = factory.create(function, seed, budget);
    } catch (SolverDeclinedException e) {
      long[] never = new long[RunRecord.TARGETS.length];
      Arrays.fill(never, -1);
      return new RunRecord(
          function.name(),
          d,
          solverName,
          run,
          seed,
          budget,
          0,
          Double.NaN,
          fStar,
          Double.POSITIVE_INFINITY,
          false,
          Double.POSITIVE_INFINITY,
          false,
          -1,
          never,
          0,
          false,
          -1,
          RunRecord.DECLINED,
          e.getMessage());
    }
    ScoringObjective scoring = new ScoringObjective(function.objective(), fStar, targets);
    Problem blind =
        Problem.of(function.name(), scoring, function.box()); // no known optimum attached
    long t0 = System.nanoTime();
    Optimum opt = configured.solver().optimize(blind, configured.start());
    long wallMs = (System.nanoTime() - t0) / 1_000_000;
    if (scoring.calls() != opt.evaluations()) {
      throw new IllegalStateException(
          solverName
              + " on "
              + function.name()
              + " run "
              + run
              + " reported "
              + opt.evaluations()
              + " evaluations but called f "
              + scoring.calls()
              + " times");
    }
    if (scoring.calls() > budget) {
      throw new IllegalStateException(
          solverName
              + " on "
              + function.name()
              + " run "
              + run
              + " used "
              + scoring.calls()
              + " evaluations, over the budget "
              + budget);
    }
    double error = fStar - opt.value();
    long[] hits = new long[RunRecord.TARGETS.length];
    for (int i = 0; i < hits.length; i++) {
      hits[i] = scoring.firstHit(i);
    }
    double distance = nearestMaximiserDistance(function, opt.point(), fStar);
    double maxWidth = 0;
    for (int i = 0; i < d; i++) {
      maxWidth = Math.max(maxWidth, function.box().width(i));
    }
    boolean success = error <= RunRecord.SUCCESS_TARGET;
    return new RunRecord(
        function.name(),
        d,
        solverName,
        run,
        seed,
        budget,
        scoring.calls(),
        opt.value(),
        fStar,
        error,
        success,
        distance,
        distance <= 1e-2 * maxWidth,
        hits[1],
        hits,
        wallMs,
        error <= relative,
        scoring.firstHit(RunRecord.TARGETS.length),
        opt.stopReason().name(),
        earlyStopNote(opt, budget));
  }

  /**
   * Why a run ended with budget left: the evaluations left, the stop reason and the solver's own
   * account (its "stop_detail", "stable_power" or "cut_short" setting) — empty for a run that used
   * its whole budget.
   */
  static String earlyStopNote(Optimum opt, long budget) {
    long left = budget - opt.evaluations();
    if (left <= 0) {
      return "";
    }
    StringBuilder sb =
        new StringBuilder(
            "stopped with "
                + left
                + " of "
                + budget
                + " evaluations left ("
                + opt.stopReason().name()
                + ")");
    for (String key : List.of("stop_detail", "stable_power", "levels_run", "coarse_cells")) {
      String v = opt.settings().get(key);
      if (v != null) {
        sb.append("; ").append(key).append('=').append(v);
      }
    }
    return sb.toString();
  }

  /**
   * Distance from x to the nearest known global maximiser: the listed global maximiser and every
   * listed other maximiser whose value is within 1e-6·max(1,|f*|) of f* (equal global optima).
   */
  static double nearestMaximiserDistance(TestFunction function, double[] x, double fStar) {
    List<double[]> candidates = new ArrayList<>();
    candidates.add(function.globalMax());
    for (double[] m : function.localMaxima()) {
      if (function.objective().value(m) >= fStar - 1e-6 * Math.max(1, Math.abs(fStar))) {
        candidates.add(m);
      }
    }
    double best = Double.POSITIVE_INFINITY;
    for (double[] m : candidates) {
      double s = 0;
      for (int i = 0; i < x.length; i++) {
        s += (x[i] - m[i]) * (x[i] - m[i]);
      }
      best = Math.min(best, Math.sqrt(s));
    }
    return best;
  }

  /** What {@link #run} produced. */
  public record Result(
      Path folder,
      List<RunRecord> records,
      int executed,
      int skipped,
      Table runs,
      Table summary,
      Table dataProfile) {}

  /** Runs the benchmark into {@code out/benchmark/} on this benchmark's threads (resuming). */
  public Result run(Path out) {
    return run(GridSettings.local(out, threads), "benchmark");
  }

  /** One cell of the grid: run {@code run} of {@code solver} on {@code function}. */
  public record Cell(TestFunction function, String solver, int run, long budget) {
    /** The resume key (see {@link RunRecord#key}). */
    public String key() {
      return RunRecord.key(function.name(), solver, run, budget);
    }
  }

  /** Every (function, solver, run) in a stable order. */
  public List<Cell> cells() {
    List<Cell> cells = new ArrayList<>();
    for (TestFunction f : functions) {
      for (String s : solvers.keySet()) {
        for (int r = firstRun; r < firstRun + runs; r++) {
          cells.add(new Cell(f, s, r, budgetPerDimension * f.dimension()));
        }
      }
    }
    return cells;
  }

  /** The grid named {@code name} writing {@code folder/runs.csv}. */
  public Grid<Cell> grid(String name, String folder) {
    return new Grid<>(
        name,
        cells(),
        Cell::key,
        List.of(new GridTable(folder + "/runs.csv", RunRecord.HEADER, "key")));
  }

  /** The parameters recorded in provenance.csv. */
  public Map<String, String> parameters() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("functions", String.join(";", functions.stream().map(TestFunction::name).toList()));
    m.put("solvers", String.join(";", solvers.keySet()));
    m.put("runs", runs + " (indices " + firstRun + ".." + (firstRun + runs - 1) + ")");
    m.put("budget_per_dimension", Long.toString(budgetPerDimension));
    m.put("seed_rule", "seed of run r of solver s on f: SplitMix64(FNV-1a(\"f|s|r\"))");
    return m;
  }

  /**
   * Runs every (function, solver, run) of this shard whose key is not yet in {@code
   * out/FOLDER/runs.csv} with the grid runner, then writes the summaries of this configuration's
   * runs found there ({@code summary.csv}, {@code data_profile.csv}) and {@code provenance.csv}.
   */
  public Result run(GridSettings settings, String folder) {
    Path dir = settings.out().resolve(folder);
    GridOutcome o =
        new GridRunner(settings)
            .run(
                grid(folder.replace('/', '-'), folder),
                c -> CellRows.of(runOne(c.function(), c.solver(), c.run()).toRow()),
                new GridRunner.Description(
                    folder + "/provenance.csv",
                    parameters(),
                    "runs " + firstRun + ".." + (firstRun + runs - 1)));
    Set<String> planned = new LinkedHashSet<>(cells().stream().map(Cell::key).toList());
    List<RunRecord> mine = new ArrayList<>();
    for (RunRecord r : readRecords(dir.resolve("runs.csv"))) {
      if (planned.contains(r.key())) {
        mine.add(r);
      }
    }
    Table summary = summary(mine);
    Table profile = dataProfile(mine);
    RunOutputs.writeTable(summary, dir.resolve("summary.csv"));
    RunOutputs.writeTable(profile, dir.resolve("data_profile.csv"));
    RunOutputs.writeTable(BenchmarkTables.byDimension(mine), dir.resolve("by_dimension.csv"));
    RunOutputs.writeTable(
        BenchmarkTables.dataProfileByDimension(mine), dir.resolve("data_profile_by_dimension.csv"));
    return new Result(
        dir, List.copyOf(mine), o.executed(), o.resumed(), runsTable(mine), summary, profile);
  }

  static List<RunRecord> readRecords(Path runsFile) {
    List<List<String>> rows = CsvRowWriter.readAll(runsFile);
    List<RunRecord> records = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.size() == RunRecord.HEADER.size()) {
        records.add(RunRecord.fromRow(row));
      }
    }
    return records;
  }

  /** The run records as a Tablesaw table (columns as in runs.csv, without the key). */
  public static Table runsTable(List<RunRecord> records) {
    Table t =
        Table.create(
            "runs",
            StringColumn.create("function"),
            IntColumn.create("dimension"),
            StringColumn.create("solver"),
            IntColumn.create("run"),
            LongColumn.create("seed"),
            LongColumn.create("budget"),
            LongColumn.create("evaluations"),
            DoubleColumn.create("best_f"),
            DoubleColumn.create("f_star"),
            DoubleColumn.create("error"),
            BooleanColumn.create("success"),
            DoubleColumn.create("distance"),
            BooleanColumn.create("localised"),
            LongColumn.create("evals_to_success"),
            LongColumn.create("evals_to_1e-1"),
            LongColumn.create("evals_to_1e-3"),
            LongColumn.create("evals_to_1e-5"),
            LongColumn.create("evals_to_1e-8"),
            LongColumn.create("wall_ms"),
            BooleanColumn.create("success_relative"),
            LongColumn.create("evals_to_success_relative"),
            StringColumn.create("stop_reason"),
            StringColumn.create("note"));
    for (RunRecord r : records) {
      t.stringColumn("function").append(r.function());
      t.intColumn("dimension").append(r.dimension());
      t.stringColumn("solver").append(r.solver());
      t.intColumn("run").append(r.run());
      t.longColumn("seed").append(r.seed());
      t.longColumn("budget").append(r.budget());
      t.longColumn("evaluations").append(r.evaluations());
      t.doubleColumn("best_f").append(r.bestF());
      t.doubleColumn("f_star").append(r.fStar());
      t.doubleColumn("error").append(r.error());
      t.booleanColumn("success").append(r.success());
      t.doubleColumn("distance").append(r.distance());
      t.booleanColumn("localised").append(r.localised());
      t.longColumn("evals_to_success").append(r.evalsToSuccess());
      long[] h = r.hits();
      t.longColumn("evals_to_1e-1").append(h[0]);
      t.longColumn("evals_to_1e-3").append(h[1]);
      t.longColumn("evals_to_1e-5").append(h[2]);
      t.longColumn("evals_to_1e-8").append(h[3]);
      t.longColumn("wall_ms").append(r.wallMs());
      t.booleanColumn("success_relative").append(r.successRelative());
      t.longColumn("evals_to_success_relative").append(r.evalsToSuccessRelative());
      t.stringColumn("stop_reason").append(r.stopReason());
      t.stringColumn("note").append(r.note());
    }
    return t;
  }

  /**
   * Expected running time of a set of runs of one solver on one function (see the class comment):
   * (Σ_success evals_to_success + Σ_failure budget) / #successes; +∞ if nothing succeeded, NaN for
   * an empty set.
   */
  public static double ert(List<RunRecord> records) {
    if (records.isEmpty()) {
      return Double.NaN;
    }
    long evaluations = 0;
    int successes = 0;
    for (RunRecord r : records) {
      if (r.success()) {
        successes++;
        evaluations += r.evalsToSuccess();
      } else {
        evaluations += r.budget();
      }
    }
    return successes == 0 ? Double.POSITIVE_INFINITY : (double) evaluations / successes;
  }

  /**
   * ERT to the absolute target {@link RunRecord#TARGETS}[i] by first hits of the best-so-far error
   * (a run whose best-so-far met it counts as a success at that evaluation).
   */
  public static double ertAtTarget(List<RunRecord> records, int i) {
    if (records.isEmpty()) {
      return Double.NaN;
    }
    long evaluations = 0;
    int successes = 0;
    for (RunRecord r : records) {
      long h = r.hits()[i];
      if (h >= 0) {
        successes++;
        evaluations += h;
      } else {
        evaluations += r.budget();
      }
    }
    return successes == 0 ? Double.POSITIVE_INFINITY : (double) evaluations / successes;
  }

  /** Groups records by (solver, function), in the records' order of first appearance. */
  private static Map<List<String>, List<RunRecord>> bySolverAndFunction(List<RunRecord> records) {
    List<RunRecord> sorted = new ArrayList<>(records);
    sorted.sort(
        Comparator.comparing(RunRecord::solver)
            .thenComparing(RunRecord::function)
            .thenComparingLong(RunRecord::budget)
            .thenComparingInt(RunRecord::run));
    Map<List<String>, List<RunRecord>> groups = new LinkedHashMap<>();
    for (RunRecord r : sorted) {
      groups
          .computeIfAbsent(
              List.of(r.solver(), r.function(), Long.toString(r.budget())), k -> new ArrayList<>())
          .add(r);
    }
    return groups;
  }

  /**
   * Per solver × function: runs, successes, success rate (f* − f ≤ 1e-3, absolute) at the full
   * budget and at 10²·d and 10³·d evaluations, rates at the absolute targets 1e-5 and 1e-8, ERT,
   * median and best error, median distance to the nearest global maximiser, and the fraction of
   * runs localised (distance ≤ 1e-2 × largest box width); then the relative-rule success rate, ERT
   * to 1e-5 and 1e-8, the number of declined runs and the stop reasons with their counts.
   */
  public static Table summary(List<RunRecord> records) {
    Table t =
        Table.create(
            "summary",
            StringColumn.create("solver"),
            StringColumn.create("function"),
            IntColumn.create("dimension"),
            LongColumn.create("budget"),
            IntColumn.create("runs"),
            IntColumn.create("successes"),
            DoubleColumn.create("success_rate"),
            DoubleColumn.create("success_rate_at_100d"),
            DoubleColumn.create("success_rate_at_1000d"),
            DoubleColumn.create("rate_1e-5"),
            DoubleColumn.create("rate_1e-8"),
            DoubleColumn.create("ert"),
            DoubleColumn.create("median_error"),
            DoubleColumn.create("best_error"),
            DoubleColumn.create("median_distance"),
            DoubleColumn.create("localised_rate"),
            DoubleColumn.create("success_rate_relative"),
            DoubleColumn.create("ert_1e-5"),
            DoubleColumn.create("ert_1e-8"),
            IntColumn.create("declined"),
            StringColumn.create("stop_reasons"));
    for (List<RunRecord> g : bySolverAndFunction(records).values()) {
      RunRecord first = g.get(0);
      int n = g.size();
      int successes = 0;
      int at100 = 0;
      int at1000 = 0;
      int t5 = 0;
      int t8 = 0;
      int localised = 0;
      double[] errors = new double[n];
      double[] distances = new double[n];
      for (int i = 0; i < n; i++) {
        RunRecord r = g.get(i);
        long e = r.evalsToSuccess();
        successes += r.success() ? 1 : 0;
        at100 += e >= 0 && e <= 100L * r.dimension() ? 1 : 0;
        at1000 += e >= 0 && e <= 1000L * r.dimension() ? 1 : 0;
        t5 += r.hits()[2] >= 0 ? 1 : 0;
        t8 += r.hits()[3] >= 0 ? 1 : 0;
        localised += r.localised() ? 1 : 0;
        errors[i] = r.error();
        distances[i] = r.distance();
      }
      t.stringColumn("solver").append(first.solver());
      t.stringColumn("function").append(first.function());
      t.intColumn("dimension").append(first.dimension());
      t.longColumn("budget").append(first.budget());
      t.intColumn("runs").append(n);
      t.intColumn("successes").append(successes);
      t.doubleColumn("success_rate").append((double) successes / n);
      t.doubleColumn("success_rate_at_100d").append((double) at100 / n);
      t.doubleColumn("success_rate_at_1000d").append((double) at1000 / n);
      t.doubleColumn("rate_1e-5").append((double) t5 / n);
      t.doubleColumn("rate_1e-8").append((double) t8 / n);
      t.doubleColumn("ert").append(ert(g));
      t.doubleColumn("median_error").append(median(errors));
      t.doubleColumn("best_error").append(Arrays.stream(errors).min().orElse(Double.NaN));
      t.doubleColumn("median_distance").append(median(distances));
      t.doubleColumn("localised_rate").append((double) localised / n);
      int relative = 0;
      int declined = 0;
      java.util.TreeMap<String, Integer> reasons = new java.util.TreeMap<>();
      for (RunRecord r : g) {
        relative += r.successRelative() ? 1 : 0;
        declined += r.declined() ? 1 : 0;
        reasons.merge(r.stopReason().isEmpty() ? "?" : r.stopReason(), 1, Integer::sum);
      }
      t.doubleColumn("success_rate_relative").append((double) relative / n);
      t.doubleColumn("ert_1e-5").append(ertAtTarget(g, 2));
      t.doubleColumn("ert_1e-8").append(ertAtTarget(g, 3));
      t.intColumn("declined").append(declined);
      StringBuilder rs = new StringBuilder();
      reasons.forEach(
          (k, v) -> rs.append(rs.length() == 0 ? "" : " ").append(k).append(':').append(v));
      t.stringColumn("stop_reasons").append(rs.toString());
    }
    return t;
  }

  /**
   * Data profile (Moré &amp; Wild 2009): per solver, the fraction of its (function, run) pairs
   * whose best-so-far met the success tolerance within k·d evaluations, for k in {@link
   * #PROFILE_MULTIPLES} up to the largest budget per dimension, which is always included.
   */
  public static Table dataProfile(List<RunRecord> records) {
    Table t =
        Table.create(
            "data_profile",
            StringColumn.create("solver"),
            LongColumn.create("budget_per_dim"),
            IntColumn.create("pairs"),
            DoubleColumn.create("fraction_solved"));
    Map<String, List<RunRecord>> bySolver = new LinkedHashMap<>();
    List<RunRecord> sorted = new ArrayList<>(records);
    sorted.sort(Comparator.comparing(RunRecord::solver));
    long maxMultiple = 0;
    for (RunRecord r : sorted) {
      bySolver.computeIfAbsent(r.solver(), k -> new ArrayList<>()).add(r);
      maxMultiple = Math.max(maxMultiple, r.budget() / r.dimension());
    }
    List<Long> multiples = new ArrayList<>();
    for (long k : PROFILE_MULTIPLES) {
      if (k < maxMultiple) {
        multiples.add(k);
      }
    }
    multiples.add(maxMultiple);
    for (Map.Entry<String, List<RunRecord>> e : bySolver.entrySet()) {
      List<RunRecord> g = e.getValue();
      for (long k : multiples) {
        int solved = 0;
        for (RunRecord r : g) {
          long s = r.evalsToSuccess();
          solved += s >= 0 && s <= k * r.dimension() ? 1 : 0;
        }
        t.stringColumn("solver").append(e.getKey());
        t.longColumn("budget_per_dim").append(k);
        t.intColumn("pairs").append(g.size());
        t.doubleColumn("fraction_solved").append((double) solved / g.size());
      }
    }
    return t;
  }

  private static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
  }
}
