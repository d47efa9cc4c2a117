package io.convopt.experiments.relu;

import io.convopt.experiments.grid.CellRows;
import io.convopt.experiments.grid.Grid;
import io.convopt.experiments.grid.GridOptions;
import io.convopt.experiments.grid.GridRunner;
import io.convopt.experiments.grid.GridSettings;
import io.convopt.experiments.grid.GridTable;
import io.convopt.experiments.grid.PresetOption;
import io.convopt.experiments.io.CsvRowWriter;
import io.convopt.experiments.io.Numbers;
import io.convopt.experiments.io.Provenance;
import io.convopt.experiments.io.RunOutputs;
import io.convopt.solvers.nonconvex.Nd4jSettings;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import io.convopt.solvers.relu.solve.AdmmListener;
import io.convopt.solvers.relu.solve.AdmmSolver;
import io.convopt.solvers.relu.solve.ProximalGradientSolver;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code convopt relu-admm-cost}: measures the cost of the convex ReLU solvers against their cost
 * models (issues 6 and 7; ADMM: O(ndP + n²) per iteration after a one-off n × n factorisation) on
 * random programs (Gaussian features + bias, sin targets, seeded Gaussian gates) over a grid of n,
 * d and P.
 *
 * <p><b>ADMM (constrained program, Woodbury u-step, B = 2P blocks).</b> Setup is timed on its own
 * ({@link AdmmSolver#cachedFactorShape}: data norm, {@code X H X^T}, {@code D D^T} by popcount, n x
 * n Cholesky); iterations are timed from the listener's first to its last callback of a fixed count
 * (at most 50, below the first in-loop certificate; fixed penalty, so no refactorisation), so setup
 * and the final certificate are outside the window. Models, in multiply-adds:
 *
 * <pre>
 *   setup      a n^2 (d + ceil(P/64)) / 2  +  b n^3 / 6  +  c n d (2d + 200)
 *              (lower triangle of C0; Cholesky; X^T X, X H and 100 power iterations for sigma)
 *   iteration  c 5 n d B  +  e n^2              (five n x d x B products, one triangular pair)
 * </pre>
 *
 * and, as a diagnostic, the iteration model plus {@code f n B} (the elementwise passes over the n x
 * B arrays: masks, slacks, multipliers), which the O(ndP + n²) model leaves out.
 *
 * <p><b>R-FISTA (gated program, B = P).</b> Time per iteration is the difference of two solves with
 * budgets K and K + iterations (tolerance and certificate checks that never trigger; both solves
 * are deterministic and identical for the first K iterations), against {@code c 3 n d P}: an
 * accepted step evaluates f at x+ and f and its gradient at y+ (three n x d x P products); every
 * backtrack adds one, so the model's count is a lower bound.
 *
 * <p>The JIT is warmed up by an untimed pass over the whole grid. Every time is the best of at
 * least {@code --repeats} runs that together take at least {@code --min-time} (cheap cells get many
 * runs), read by default from the measuring thread's CPU clock, so that other processes on the
 * shared cores (the dominant noise there) do not enter; JIT and GC threads are not counted either.
 * Throughput is reported in GFLOP/s of the model count (2 flops per multiply-add) and as a share of
 * ND4J's {@code mmul} of two square matrices measured in the same run (best of several, before and
 * after the grid). Memory: the Woodbury u-step caches two n x n matrices (C0 and its Cholesky
 * factor), whatever d and P; the bytes allocated by setup are measured per thread. On a shared
 * machine only ratios measured in one run are meaningful.
 */
@Command(
    name = "relu-admm-cost",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Time ADMM and R-FISTA against their cost models.",
    footer = {
      "",
      "--quick: Small preset (under half a minute): n 100,200,400; d 5,20; P 10,50;",
      "20 iterations; 2 repeats; --min-time 0.1. Without it (about 3 minutes): n",
      "200,400,800,1600; d 5,25; P 20,100; 40 iterations; 3 repeats; --min-time 0.5."
    },
    description = {
      "Times ADMM (Woodbury u-step, constrained program) setup and iterations, and"
          + " R-FISTA iterations (gated program), on random problems over a grid of n, d and"
          + " P. Fits the cost models setup ~ n^2 (d + P/64) + n^3 + n d (d+100), ADMM"
          + " iteration ~ n d P + n^2 and R-FISTA iteration ~ n d P (each also with an n P"
          + " term) by relative least squares; prints per-cell predicted vs measured, the"
          + " worst deviation and whether every cell is within --fit-factor; throughput in"
          + " GFLOP/s, as %% of ND4J's square GEMM measured in the same run and of ND4J's GEMM"
          + " at the cell's n x d x B shape; memory the u-step caches vs a dense (2dP)^2"
          + " factor and the bytes setup allocates.",
      "An untimed pass over the grid warms up the JIT; times are best-of, on this"
          + " thread's CPU clock by default. Writes to <out>/relu-cost (--quick:"
          + " <out>/relu-cost-quick): cells.csv (a row per cell and solver as it completes),"
          + " fit.csv (coefficients, per-cell predictions), provenance.csv and summary.txt; a"
          + " rerun resumes (--fresh starts over) and fits every cell."
    })
public final class AdmmCostCommand implements Callable<Integer> {
  /** n d B at which PatternOperator sends the products to ND4J (its ND4J_THRESHOLD). */
  static final long ND4J_THRESHOLD = 4_000_000L;

  /** ADMM evaluates its first in-loop certificate after this many iterations (CERTIFY_EVERY). */
  static final int MAX_TIMED_ITERATIONS = 50;

  /** R-FISTA iterations before the timed difference starts. */
  static final int FISTA_LEAD_IN = 5;

  /** Cap on the timed runs per measurement when --min-time asks for more than --repeats. */
  static final int MAX_REPEATS = 200;

  /** Timed runs of the reference GEMM (before and after the grid), the best kept. */
  static final int GEMM_REPEATS = 15;

  static final List<String> COLUMNS =
      List.of(
          "key",
          "solver",
          "n",
          "d",
          "p_drawn",
          "p",
          "blocks",
          "seed",
          "iterations",
          "runs",
          "setup_ms",
          "iter_ms",
          "pre_loop_ms",
          "model_madds_per_iter",
          "gflops",
          "gemm_gflops",
          "gemm_pct",
          "shape_gemm_gflops",
          "shape_gemm_pct",
          "nd4j_products",
          "cached_rows",
          "cached_cols",
          "woodbury_cached_bytes",
          "dense_factor_bytes",
          "setup_alloc_bytes",
          "clock",
          "version",
          "git_commit");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Whether now() reads the thread's CPU time (set in call()). */
  private boolean cpuClock;

  @Mixin PresetOption preset;

  @Option(
      names = "--n",
      split = ",",
      paramLabel = "n1,n2",
      description = "Sample counts (overrides the preset).")
  int[] ns;

  @Option(
      names = "--d",
      split = ",",
      paramLabel = "d1,d2",
      description = "Input dimensions incl. the bias column (overrides the preset).")
  int[] ds;

  @Option(
      names = "--p",
      split = ",",
      paramLabel = "p1,p2",
      description =
          "Gates drawn; P after" + " deduplication is what the models use (overrides the preset).")
  int[] ps;

  @Option(
      names = "--iterations",
      paramLabel = "K",
      description =
          "Iterations timed per solve, 2.."
              + MAX_TIMED_ITERATIONS
              + " (ADMM certifies in-loop from iteration 50 on; default: quick 20, full 40).")
  Integer iterations;

  @Option(
      names = {"--timing-runs", "--repeats"},
      paramLabel = "R",
      description =
          "At least R timed runs per measurement, the best kept (default: quick 2, full 3; see"
              + " --min-time). The old name --repeats is deprecated: --repeats means a number of"
              + " seeds in the other commands.")
  Integer repeats;

  @Option(
      names = "--min-time",
      paramLabel = "S",
      description =
          "Keep repeating a measurement (setup, ADMM"
              + " iterations, each R-FISTA budget) until it has run S seconds, up to "
              + MAX_REPEATS
              + " runs, so that cheap cells get enough runs for a best-of on a busy machine"
              + " (default: quick 0.1, full 0.5).")
  Double minSeconds;

  @Option(
      names = "--clock",
      defaultValue = "cpu",
      paramLabel = "cpu|wall",
      description =
          "What is timed: the measuring thread's CPU time (default; unaffected by other processes"
              + " taking the cores, which on a shared machine otherwise dominate the noise; ND4J"
              + " runs on the calling thread with --nd4j-threads 1) or wall-clock time.")
  String clock;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Data and gate seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--fit-factor",
      defaultValue = "1.5",
      paramLabel = "F",
      description =
          "A model fits when"
              + " every cell's measured/predicted is within a factor F (default ${DEFAULT-VALUE}).")
  double fitFactor;

  @Option(
      names = "--gemm-size",
      defaultValue = "512",
      paramLabel = "S",
      description =
          "Side of the square ND4J GEMM used as the throughput reference (default"
              + " ${DEFAULT-VALUE}).")
  int gemmSize;

  @Option(
      names = "--nd4j-threads",
      defaultValue = "1",
      paramLabel = "T",
      description =
          "ND4J OpenMP/BLAS threads, for the reference GEMM and the ND4J products (default"
              + " ${DEFAULT-VALUE}; the solvers' own loops are single-threaded; more than 1 needs"
              + " --clock wall).")
  int nd4jThreads;

  @Mixin GridOptions grid;

  /** One grid point. */
  record Cell(int n, int d, int drawn) {
    String key() {
      return "n=" + n + "|d=" + d + "|p=" + drawn;
    }
  }

  /** What one cell measured (times in seconds, best of the repeats). */
  record AdmmTiming(
      int p,
      double setup,
      double iteration,
      double preLoop,
      int[] shape,
      long setupAlloc,
      int runs,
      double shapeGemm) {}

  record FistaTiming(int p, double iteration, int runs, double shapeGemm) {}

  @Override
  public Integer call() {
    int[] n =
        ns != null
            ? ns
            : preset.quick() ? new int[] {100, 200, 400} : new int[] {200, 400, 800, 1600};
    int[] d = ds != null ? ds : preset.quick() ? new int[] {5, 20} : new int[] {5, 25};
    int[] p = ps != null ? ps : preset.quick() ? new int[] {10, 50} : new int[] {20, 100};
    int k = iterations != null ? iterations : preset.quick() ? 20 : 40;
    int reps = repeats != null ? repeats : preset.quick() ? 2 : 3;
    double minTime = minSeconds != null ? minSeconds : preset.quick() ? 0.1 : 0.5;
    if (!(minTime >= 0) || !Double.isFinite(minTime)) {
      throw new IllegalArgumentException("--min-time: must be finite and >= 0, got " + minTime);
    }
    if (k < 2 || k > MAX_TIMED_ITERATIONS) {
      throw new IllegalArgumentException(
          "--iterations: must be in 2.." + MAX_TIMED_ITERATIONS + ", got " + k);
    }
    if (reps < 1) {
      throw new IllegalArgumentException("--repeats: must be >= 1, got " + reps);
    }
    if (!(fitFactor > 1)) {
      throw new IllegalArgumentException("--fit-factor: must be > 1, got " + fitFactor);
    }
    if (gemmSize < 16) {
      throw new IllegalArgumentException("--gemm-size: must be >= 16, got " + gemmSize);
    }
    if (!"cpu".equals(clock) && !"wall".equals(clock)) {
      throw new IllegalArgumentException("--clock: cpu or wall, got " + clock);
    }
    if ("cpu".equals(clock) && nd4jThreads > 1) {
      throw new IllegalArgumentException(
          "--clock cpu needs --nd4j-threads 1 (work on ND4J's other threads is not"
              + " on this thread's clock); use --clock wall");
    }
    cpuClock =
        "cpu".equals(clock)
            && ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported();
    if (cpuClock && !ManagementFactory.getThreadMXBean().isThreadCpuTimeEnabled()) {
      ManagementFactory.getThreadMXBean().setThreadCpuTimeEnabled(true);
    }
    if (nd4jThreads < 1) {
      throw new IllegalArgumentException("--nd4j-threads: must be >= 1, got " + nd4jThreads);
    }
    for (int[] a : new int[][] {n, d, p}) {
      for (int v : a) {
        if (v <= 1) {
          throw new IllegalArgumentException("--n, --d, --p: every value must be >= 2, got " + v);
        }
      }
    }
    List<Cell> cells = new ArrayList<>();
    for (int nv : n) {
      for (int dv : d) {
        for (int pv : p) {
          cells.add(new Cell(nv, dv, pv));
        }
      }
    }
    if (spec.commandLine().getParseResult().originalArgs().contains("--repeats")) {
      System.err.println(
          "convopt relu-admm-cost: --repeats is deprecated and will be removed"
              + " in the next"
              + " release; use --timing-runs");
    }
    GridSettings settings = grid.settings(1);
    String folder = preset.quick() ? "relu-cost-quick" : "relu-cost";
    PrintWriter o = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    Nd4jSettings.limitThreads(nd4jThreads);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("command", "relu-admm-cost");
    params.put("preset", preset.quick() ? "quick" : "full");
    params.put("n", join(n));
    params.put("d", join(d));
    params.put("p_drawn", join(p));
    params.put("iterations", Integer.toString(k));
    params.put("repeats", Integer.toString(reps));
    params.put("seed", Long.toString(seed));
    params.put("gemm_size", Integer.toString(gemmSize));
    params.put("fit_factor", Double.toString(fitFactor));
    params.put("min_time_s", Double.toString(minTime));
    params.put("clock", cpuClock ? "thread_cpu" : "wall");
    params.put("nd4j_threads_requested", Integer.toString(nd4jThreads));
    params.put("nd4j_blas_threads", Integer.toString(Nd4jSettings.threads()));
    String summary =
        run(
            cells,
            k,
            reps,
            minTime,
            settings,
            folder,
            o,
            new GridRunner.Description(folder + "/provenance.csv", params, Long.toString(seed)));
    RunOutputs.writeText(summary, settings.out().resolve(folder).resolve("summary.txt"));
    o.printf(
        Locale.ROOT,
        "relu-admm-cost: %d cells, %.1f s; outputs in %s%n",
        cells.size(),
        (System.nanoTime() - t0) * 1e-9,
        settings.out().resolve(folder));
    o.flush();
    return 0;
  }

  /**
   * Runs the grid on the grid runner into {@code folder}/cells.csv (resumable, shardable), prints a
   * line per cell as it goes, then fits the models to every cell found there and writes fit.csv;
   * returns the summary.
   */
  String run(
      List<Cell> cells,
      int k,
      int reps,
      double minTime,
      GridSettings settings,
      String folder,
      PrintWriter o,
      GridRunner.Description description) {
    String version = Provenance.version();
    String commit = Provenance.gitCommit();
    Path dir = settings.out().resolve(folder);
    Path fitCsv = dir.resolve("fit.csv");
    Grid<Cell> grid =
        new Grid<>(
            "relu-admm-cost",
            cells,
            Cell::key,
            List.of(new GridTable(folder + "/cells.csv", COLUMNS, "key")));
    boolean measure = !settings.finishOnly();
    double gemmBefore = Double.NaN;
    if (measure) {
      o.printf(Locale.ROOT, "warm-up: one untimed pass over %d cells ...%n", cells.size());
      o.flush();
      for (Cell c : cells) {
        if (settings.shard().contains(c.key())) {
          admm(c, Math.min(k, 10), 1, 0);
          fista(c, Math.min(k, 10), 1, 0);
        }
      }
      o.printf(
          Locale.ROOT,
          "reference: ND4J mmul %d x %d (%d ND4J thread(s)), best of %d: ",
          gemmSize,
          gemmSize,
          nd4jThreads,
          GEMM_REPEATS);
      o.flush();
      gemmBefore = gemmGflops(gemmSize, GEMM_REPEATS);
      o.printf(Locale.ROOT, "%.2f GFLOP/s%n", gemmBefore);
      o.printf(
          Locale.ROOT,
          "timing (%s clock): %d iterations per solve, best of >= %d runs and >= %.2f s per"
              + " measurement%n",
          clockName(),
          k,
          reps,
          minTime);
      o.printf(
          Locale.ROOT,
          "%6s %4s %5s | %10s %10s %8s %9s | %10s %8s %9s%n",
          "n",
          "d",
          "P",
          "setup_ms",
          "admm_it_ms",
          "GFLOP/s",
          "%GEMM",
          "fista_it_ms",
          "GFLOP/s",
          "%GEMM");
      o.flush();
    }
    double gb = gemmBefore;
    new GridRunner(settings)
        .run(
            grid,
            c -> {
              AdmmTiming a = admm(c, k, reps, minTime);
              FistaTiming f = fista(c, k, reps, minTime);
              long bA = 2L * a.p();
              double madA = admmIterationMadds(c.n(), c.d(), a.p());
              double madF = fistaIterationMadds(c.n(), c.d(), f.p());
              double gA = 2 * madA / a.iteration() * 1e-9;
              double gF = 2 * madF / f.iteration() * 1e-9;
              long cached = 2L * a.shape()[0] * a.shape()[1] * Double.BYTES;
              long dense = (bA * c.d()) * (bA * c.d()) * Double.BYTES;
              List<String> admmRow =
                  List.of(
                      c.key(),
                      "admm",
                      i(c.n()),
                      i(c.d()),
                      i(c.drawn()),
                      i(a.p()),
                      Long.toString(bA),
                      Long.toString(seed),
                      i(k),
                      i(a.runs()),
                      num(a.setup() * 1e3),
                      num(a.iteration() * 1e3),
                      num(a.preLoop() * 1e3),
                      num(madA),
                      num(gA),
                      num(gb),
                      num(100 * gA / gb),
                      num(a.shapeGemm()),
                      num(100 * gA / a.shapeGemm()),
                      Boolean.toString((long) c.n() * c.d() * bA >= ND4J_THRESHOLD),
                      i(a.shape()[0]),
                      i(a.shape()[1]),
                      Long.toString(cached),
                      Long.toString(dense),
                      Long.toString(a.setupAlloc()),
                      clockName(),
                      version,
                      commit);
              List<String> fistaRow =
                  List.of(
                      c.key(),
                      "fista",
                      i(c.n()),
                      i(c.d()),
                      i(c.drawn()),
                      i(f.p()),
                      i(f.p()),
                      Long.toString(seed),
                      i(k),
                      i(f.runs()),
                      "",
                      num(f.iteration() * 1e3),
                      "",
                      num(madF),
                      num(gF),
                      num(gb),
                      num(100 * gF / gb),
                      num(f.shapeGemm()),
                      num(100 * gF / f.shapeGemm()),
                      Boolean.toString((long) c.n() * c.d() * f.p() >= ND4J_THRESHOLD),
                      "",
                      "",
                      "",
                      "",
                      "",
                      clockName(),
                      version,
                      commit);
              synchronized (o) {
                o.printf(
                    Locale.ROOT,
                    "%6d %4d %5d | %10.3f %10.4f %8.3f %8.1f%% | %10.4f %8.3f %8.1f%%%n",
                    c.n(),
                    c.d(),
                    a.p(),
                    a.setup() * 1e3,
                    a.iteration() * 1e3,
                    gA,
                    100 * gA / gb,
                    f.iteration() * 1e3,
                    gF,
                    100 * gF / gb);
                o.flush();
              }
              return new CellRows(List.of(List.of(admmRow, fistaRow)));
            },
            description);
    List<Cell> done = new ArrayList<>();
    List<AdmmTiming> admm = new ArrayList<>();
    List<FistaTiming> fista = new ArrayList<>();
    double rowsGemm = readBack(dir.resolve("cells.csv"), cells, done, admm, fista);
    if (done.isEmpty()) {
      return "relu-admm-cost: no finished cell in " + dir + " to fit\n";
    }
    double before = measure ? gemmBefore : rowsGemm;
    double gemmAfter = measure ? gemmGflops(gemmSize, GEMM_REPEATS) : rowsGemm;
    double gemm = Math.max(before, gemmAfter);
    return summarize(done, admm, fista, before, gemmAfter, gemm, fitCsv, o);
  }

  /**
   * The timings of every finished cell of the grid, in grid order, read back from cells.csv (so a
   * resumed or merged run fits all of them); returns the best reference GEMM rate in the rows.
   */
  private static double readBack(
      Path csv, List<Cell> cells, List<Cell> done, List<AdmmTiming> admm, List<FistaTiming> fista) {
    List<List<String>> rows = CsvRowWriter.readAll(csv);
    List<String> h = rows.get(0);
    java.util.Map<String, List<String>> admmRows = new java.util.HashMap<>();
    java.util.Map<String, List<String>> fistaRows = new java.util.HashMap<>();
    double gemm = Double.NaN;
    for (List<String> r : rows.subList(1, rows.size())) {
      (r.get(h.indexOf("solver")).equals("admm") ? admmRows : fistaRows).put(r.get(0), r);
      double g = Numbers.parse(r.get(h.indexOf("gemm_gflops")));
      gemm = Double.isNaN(gemm) ? g : Math.max(gemm, g);
    }
    for (Cell c : cells) {
      List<String> a = admmRows.get(c.key());
      List<String> f = fistaRows.get(c.key());
      if (a == null || f == null) {
        continue;
      }
      done.add(c);
      admm.add(
          new AdmmTiming(
              Integer.parseInt(a.get(h.indexOf("p"))),
              ms(a, h, "setup_ms"),
              ms(a, h, "iter_ms"),
              ms(a, h, "pre_loop_ms"),
              new int[] {
                Integer.parseInt(a.get(h.indexOf("cached_rows"))),
                Integer.parseInt(a.get(h.indexOf("cached_cols")))
              },
              Long.parseLong(a.get(h.indexOf("setup_alloc_bytes"))),
              Integer.parseInt(a.get(h.indexOf("runs"))),
              Numbers.parse(a.get(h.indexOf("shape_gemm_gflops")))));
      fista.add(
          new FistaTiming(
              Integer.parseInt(f.get(h.indexOf("p"))),
              ms(f, h, "iter_ms"),
              Integer.parseInt(f.get(h.indexOf("runs"))),
              Numbers.parse(f.get(h.indexOf("shape_gemm_gflops")))));
    }
    return gemm;
  }

  private static double ms(List<String> row, List<String> header, String column) {
    return Numbers.parse(row.get(header.indexOf(column))) * 1e-3;
  }

  private String summarize(
      List<Cell> cells,
      List<AdmmTiming> admm,
      List<FistaTiming> fista,
      double gemmBefore,
      double gemmAfter,
      double gemm,
      Path fitCsv,
      PrintWriter o) {
    int m = cells.size();
    double[][] fs = new double[m][];
    double[] ys = new double[m];
    double[][] fi = new double[m][];
    double[][] fiX = new double[m][];
    double[] yi = new double[m];
    double[][] ff = new double[m][];
    double[][] ffX = new double[m][];
    double[] yf = new double[m];
    for (int j = 0; j < m; j++) {
      Cell c = cells.get(j);
      double n = c.n();
      double d = c.d();
      AdmmTiming a = admm.get(j);
      double b = 2.0 * a.p();
      fs[j] = setupFeatures(c.n(), c.d(), a.p());
      ys[j] = a.setup();
      fi[j] = new double[] {5 * n * d * b, n * n};
      fiX[j] = new double[] {5 * n * d * b, n * n, n * b};
      yi[j] = a.iteration();
      double pf = fista.get(j).p();
      ff[j] = new double[] {3 * n * d * pf};
      ffX[j] = new double[] {3 * n * d * pf, n * pf};
      yf[j] = fista.get(j).iteration();
    }
    CostModelFit.Result setup = CostModelFit.fit(fs, ys);
    CostModelFit.Result iter = CostModelFit.fit(fi, yi);
    CostModelFit.Result iterX = CostModelFit.fit(fiX, yi);
    CostModelFit.Result fis = CostModelFit.fit(ff, yf);
    CostModelFit.Result fisX = CostModelFit.fit(ffX, yf);

    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "%nND4J mmul %d x %d: %.2f GFLOP/s before the grid, %.2f after; reference %.2f"
                + " GFLOP/s%n",
            gemmSize,
            gemmSize,
            gemmBefore,
            gemmAfter,
            gemm));
    s.append(
        String.format(
            Locale.ROOT,
            "%nfitted coefficients (ns per multiply-add of each term; relative least"
                + " squares, >= 0):%n"));
    s.append(
        coefficients(
            "ADMM setup", new String[] {"n^2(d+ceil(P/64))/2", "n^3/6", "nd(2d+200)"}, setup));
    s.append(coefficients("ADMM iteration, spec model", new String[] {"5ndB", "n^2"}, iter));
    s.append(
        coefficients(
            "ADMM iteration, + elementwise n B", new String[] {"5ndB", "n^2", "nB"}, iterX));
    s.append(coefficients("R-FISTA iteration, spec model", new String[] {"3ndP"}, fis));
    s.append(
        coefficients("R-FISTA iteration, + elementwise n P", new String[] {"3ndP", "nP"}, fisX));
    s.append(
        String.format(
            Locale.ROOT,
            "%nper cell, measured / predicted (ratio) and throughput of the model count"
                + " (2 flops per multiply-add):%n"));
    s.append(
        String.format(
            Locale.ROOT,
            "%6s %4s %5s | %9s %9s %6s | %9s %9s %6s %6s %7s %6s %6s | %9s %9s %6s %6s"
                + " %7s %6s %6s | %9s %9s %9s%n",
            "n",
            "d",
            "P",
            "setup_ms",
            "pred",
            "ratio",
            "admm_ms",
            "pred",
            "ratio",
            "+nB",
            "GFLOP/s",
            "%GEMM",
            "%shape",
            "fista_ms",
            "pred",
            "ratio",
            "+nP",
            "GFLOP/s",
            "%GEMM",
            "%shape",
            "cache_MB",
            "dense_MB",
            "alloc_MB"));
    for (int j = 0; j < m; j++) {
      Cell c = cells.get(j);
      AdmmTiming a = admm.get(j);
      FistaTiming f = fista.get(j);
      double gA = 2 * admmIterationMadds(c.n(), c.d(), a.p()) / a.iteration() * 1e-9;
      double gF = 2 * fistaIterationMadds(c.n(), c.d(), f.p()) / f.iteration() * 1e-9;
      long bd = 2L * a.p() * c.d();
      s.append(
          String.format(
              Locale.ROOT,
              "%6d %4d %5d | %9.3f %9.3f %6.2f | %9.4f %9.4f %6.2f %6.2f %7.3f %5.1f%% %5.1f%% |"
                  + " %9.4f %9.4f %6.2f %6.2f %7.3f %5.1f%% %5.1f%% | %9.3f %9.3f %9.3f%n",
              c.n(),
              c.d(),
              a.p(),
              a.setup() * 1e3,
              setup.predicted()[j] * 1e3,
              setup.ratios()[j],
              a.iteration() * 1e3,
              iter.predicted()[j] * 1e3,
              iter.ratios()[j],
              iterX.ratios()[j],
              gA,
              100 * gA / gemm,
              100 * gA / a.shapeGemm(),
              f.iteration() * 1e3,
              fis.predicted()[j] * 1e3,
              fis.ratios()[j],
              fisX.ratios()[j],
              gF,
              100 * gF / gemm,
              100 * gF / f.shapeGemm(),
              2.0 * a.shape()[0] * a.shape()[1] * Double.BYTES / 1e6,
              (double) bd * bd * Double.BYTES / 1e6,
              a.setupAlloc() / 1e6));
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (int j = 0; j < m; j++) {
      double v = admm.get(j).setupAlloc() / (8.0 * cells.get(j).n() * cells.get(j).n());
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    double minNdp = Double.POSITIVE_INFINITY;
    double maxNdp = 0;
    for (int j = 0; j < m; j++) {
      double v = (double) cells.get(j).n() * cells.get(j).d() * admm.get(j).p();
      minNdp = Math.min(minNdp, v);
      maxNdp = Math.max(maxNdp, v);
    }
    s.append(
        String.format(
            Locale.ROOT,
            "%nmemory: the Woodbury u-step caches 2 n x n doubles (C0 and its Cholesky factor) in"
                + " every cell; setup allocated %.2f..%.2f x (8 n^2 bytes) while n d P varied"
                + " %.0fx%n",
            lo,
            hi,
            maxNdp / minNdp));
    s.append(
        String.format(
            Locale.ROOT,
            "%nverdict (a model fits when every cell is within a factor %.2f):%n",
            fitFactor));
    s.append(verdict("ADMM setup   ~ n^2 (d + P/64) + n^3 + n d (d+100)", setup));
    s.append(verdict("ADMM iter    ~ n d P + n^2 (spec)", iter));
    s.append(verdict("ADMM iter    ~ n d P + n^2 + n P", iterX));
    s.append(verdict("R-FISTA iter ~ n d P (spec)", fis));
    s.append(verdict("R-FISTA iter ~ n d P + n P", fisX));
    s.append(
        String.format(
            Locale.ROOT,
            "throughput: ADMM iteration %s, R-FISTA iteration %s of the %.2f GFLOP/s" + " GEMM%n",
            range(cells, admm, fista, gemm, true),
            range(cells, admm, fista, gemm, false),
            gemm));
    double sLo = Double.POSITIVE_INFINITY;
    double sHi = 0;
    for (int j = 0; j < m; j++) {
      for (double g : new double[] {admm.get(j).shapeGemm(), fista.get(j).shapeGemm()}) {
        sLo = Math.min(sLo, g);
        sHi = Math.max(sHi, g);
      }
    }
    s.append(
        String.format(
            Locale.ROOT,
            "ND4J mmul at the products' own shapes (n x d times d x B, no copies): %.2f..%.2f"
                + " GFLOP/s = %.1f..%.1f %% of the square GEMM (%%shape: iteration throughput"
                + " relative to it)%n",
            sLo,
            sHi,
            100 * sLo / gemm,
            100 * sHi / gemm));
    String text = s.toString();
    o.print(text);
    o.flush();
    writeFit(
        fitCsv,
        cells,
        admm,
        fista,
        new String[] {"admm_setup", "admm_iter", "admm_iter_nb", "fista_iter", "fista_iter_np"},
        new CostModelFit.Result[] {setup, iter, iterX, fis, fisX},
        new String[][] {
          {"n2_d_words_half", "n3_sixth", "nd_2d_200"},
          {"5ndB", "n2"},
          {"5ndB", "n2", "nB"},
          {"3ndP"},
          {"3ndP", "nP"}
        },
        new double[][] {ys, yi, yi, yf, yf});
    return text;
  }

  private String range(
      List<Cell> cells,
      List<AdmmTiming> admm,
      List<FistaTiming> fista,
      double gemm,
      boolean ofAdmm) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (int j = 0; j < cells.size(); j++) {
      Cell c = cells.get(j);
      double g =
          ofAdmm
              ? 2 * admmIterationMadds(c.n(), c.d(), admm.get(j).p()) / admm.get(j).iteration()
              : 2 * fistaIterationMadds(c.n(), c.d(), fista.get(j).p()) / fista.get(j).iteration();
      lo = Math.min(lo, g * 1e-9);
      hi = Math.max(hi, g * 1e-9);
    }
    return String.format(
        Locale.ROOT,
        "%.2f..%.2f GFLOP/s = %.1f..%.1f %%",
        lo,
        hi,
        100 * lo / gemm,
        100 * hi / gemm);
  }

  private String verdict(String label, CostModelFit.Result r) {
    int worst = 0;
    for (int j = 0; j < r.ratios().length; j++) {
      double fj = Math.max(r.ratios()[j], 1 / r.ratios()[j]);
      double fw = Math.max(r.ratios()[worst], 1 / r.ratios()[worst]);
      if (fj > fw) {
        worst = j;
      }
    }
    return String.format(
        Locale.ROOT,
        "  %-44s max deviation factor %.2f (cell %d, measured/predicted %.2f): %s%n",
        label,
        r.maxFactor(),
        worst + 1,
        r.ratios()[worst],
        r.fitsWithin(fitFactor) ? "FITS" : "DOES NOT FIT");
  }

  private static String coefficients(String label, String[] names, CostModelFit.Result r) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "  %-38s", label));
    for (int j = 0; j < names.length; j++) {
      s.append(String.format(Locale.ROOT, "  %s: %.4g", names[j], r.coefficients()[j] * 1e9));
    }
    return s.append(String.format(Locale.ROOT, "   (max factor %.2f)%n", r.maxFactor())).toString();
  }

  private void writeFit(
      Path file,
      List<Cell> cells,
      List<AdmmTiming> admm,
      List<FistaTiming> fista,
      String[] models,
      CostModelFit.Result[] fits,
      String[][] terms,
      double[][] measured) {
    try (CsvRowWriter w =
        CsvRowWriter.open(
            file,
            List.of(
                "model",
                "kind",
                "term_or_n",
                "d",
                "p",
                "value",
                "measured_ms",
                "predicted_ms",
                "ratio"))) {
      for (int q = 0; q < models.length; q++) {
        for (int j = 0; j < terms[q].length; j++) {
          w.append(
              List.of(
                  models[q],
                  "coefficient_ns_per_madd",
                  terms[q][j],
                  "",
                  "",
                  num(fits[q].coefficients()[j] * 1e9),
                  "",
                  "",
                  ""));
        }
        w.append(
            List.of(
                models[q],
                "max_factor",
                "",
                "",
                "",
                num(fits[q].maxFactor()),
                "",
                "",
                Boolean.toString(fits[q].fitsWithin(fitFactor))));
        for (int j = 0; j < cells.size(); j++) {
          int p = models[q].startsWith("admm") ? admm.get(j).p() : fista.get(j).p();
          w.append(
              List.of(
                  models[q],
                  "cell",
                  i(cells.get(j).n()),
                  i(cells.get(j).d()),
                  i(p),
                  "",
                  num(measured[q][j] * 1e3),
                  num(fits[q].predicted()[j] * 1e3),
                  num(fits[q].ratios()[j])));
        }
      }
    }
  }

  /** Multiply-adds of one ADMM iteration in the model count: five n x d x 2P products and n^2. */
  static double admmIterationMadds(int n, int d, int p) {
    return 5.0 * n * d * (2.0 * p) + (double) n * n;
  }

  /** Multiply-adds of one accepted R-FISTA step in the model count: three n x d x P products. */
  static double fistaIterationMadds(int n, int d, int p) {
    return 3.0 * n * d * p;
  }

  /** The setup model's terms in multiply-adds (see the class comment). */
  static double[] setupFeatures(int n, int d, int p) {
    double nn = n;
    int words = (p + 63) >>> 6;
    return new double[] {nn * nn * (d + words) / 2, nn * nn * nn / 6, nn * d * (2.0 * d + 200)};
  }

  /** Times setup and iterations of the Woodbury ADMM on the constrained program of one cell. */
  AdmmTiming admm(Cell c, int k, int reps, double minSeconds) {
    ReluProblem prob = problem(c.n(), c.d(), c.drawn(), seed, Formulation.RELU);
    int p = prob.patterns().count();
    AdmmSolver base =
        new AdmmSolver(ReluSolverSettings.defaults().withTolerance(1e-300).withMaxIterations(k))
            .withUStep(AdmmSolver.UStepMethod.WOODBURY)
            .withAdaptivePenalty(false);
    double bestSetup = Double.POSITIVE_INFINITY;
    long alloc = Long.MAX_VALUE;
    int[] shape = null;
    long until = System.nanoTime() + (long) (minSeconds * 1e9);
    for (int r = 0; r < reps || r < MAX_REPEATS && System.nanoTime() < until; r++) {
      long a0 = allocatedBytes();
      long t0 = now();
      shape = base.cachedFactorShape(prob);
      long t1 = now();
      long a1 = allocatedBytes();
      bestSetup = Math.min(bestSetup, (t1 - t0) * 1e-9);
      if (a0 >= 0 && a1 >= 0) {
        alloc = Math.min(alloc, a1 - a0);
      }
    }
    double bestIter = Double.POSITIVE_INFINITY;
    double bestFirst = Double.POSITIVE_INFINITY;
    until = System.nanoTime() + (long) (minSeconds * 1e9);
    int runs = 0;
    for (int r = 0; r < reps || r < MAX_REPEATS && System.nanoTime() < until; r++) {
      runs++;
      long[] stamps = new long[2];
      int[] count = new int[1];
      AdmmSolver s =
          base.withListener(
              pr -> {
                int seen = ++count[0];
                if (seen == 1) {
                  stamps[0] = now();
                } else if (seen == k) {
                  stamps[1] = now();
                }
                return AdmmListener.Action.CONTINUE;
              });
      long t0 = now();
      ReluSolution sol = s.solve(prob);
      if (count[0] != k || sol.iterations() != k) {
        throw new IllegalStateException(
            "ADMM ran "
                + sol.iterations()
                + " iterations ("
                + count[0]
                + " callbacks), expected "
                + k);
      }
      double it = (stamps[1] - stamps[0]) * 1e-9 / (k - 1);
      bestIter = Math.min(bestIter, it);
      bestFirst = Math.min(bestFirst, (stamps[0] - t0) * 1e-9);
    }
    return new AdmmTiming(
        p,
        bestSetup,
        bestIter,
        Math.max(bestFirst - bestIter, 0),
        shape,
        alloc == Long.MAX_VALUE ? -1 : alloc,
        runs,
        shapeGemmGflops(c.n(), c.d(), 2 * p, reps, minSeconds / 4));
  }

  /** Times R-FISTA iterations on the gated program of one cell (difference of two budgets). */
  FistaTiming fista(Cell c, int k, int reps, double minSeconds) {
    ReluProblem prob = problem(c.n(), c.d(), c.drawn(), seed, Formulation.GATED);
    ReluSolverSettings st =
        ReluSolverSettings.defaults().withTolerance(1e-300).withCheckEvery(Integer.MAX_VALUE);
    double shortRun = Double.POSITIVE_INFINITY;
    double longRun = Double.POSITIVE_INFINITY;
    long until = System.nanoTime() + (long) (2 * minSeconds * 1e9);
    int runs = 0;
    for (int r = 0; r < reps || r < MAX_REPEATS && System.nanoTime() < until; r++) {
      runs++;
      shortRun = Math.min(shortRun, fistaSeconds(prob, st.withMaxIterations(FISTA_LEAD_IN)));
      longRun = Math.min(longRun, fistaSeconds(prob, st.withMaxIterations(FISTA_LEAD_IN + k)));
    }
    // noise can make the difference tiny or negative on a busy machine; floor at 1 ns
    int p = prob.patterns().count();
    return new FistaTiming(
        p,
        Math.max((longRun - shortRun) / k, 1e-9),
        runs,
        shapeGemmGflops(c.n(), c.d(), p, reps, minSeconds / 4));
  }

  private double fistaSeconds(ReluProblem prob, ReluSolverSettings st) {
    long t0 = now();
    ReluSolution s = new ProximalGradientSolver(st).solve(prob);
    long t1 = now();
    if (s.iterations() != st.maxIterations()) {
      throw new IllegalStateException(
          "R-FISTA ran " + s.iterations() + " iterations, expected " + st.maxIterations());
    }
    return (t1 - t0) * 1e-9;
  }

  /**
   * GFLOP/s of ND4J's {@code mmul} at the products' own shape, (n x d) times (d x B) into a
   * preallocated n x B (no copies): the ceiling of the n x d x B products at that shape, whose
   * inner dimension d is small; best of at least {@code reps} runs and {@code minSeconds}.
   */
  double shapeGemmGflops(int n, int d, int b, int reps, double minSeconds) {
    INDArray x = Nd4j.rand(DataType.DOUBLE, n, d);
    INDArray u = Nd4j.rand(DataType.DOUBLE, d, b);
    INDArray r = Nd4j.create(DataType.DOUBLE, n, b);
    x.mmul(u, r);
    x.mmul(u, r);
    double best = Double.POSITIVE_INFINITY;
    long until = System.nanoTime() + (long) (minSeconds * 1e9);
    for (int q = 0; q < reps || q < MAX_REPEATS && System.nanoTime() < until; q++) {
      long t0 = now();
      x.mmul(u, r);
      best = Math.min(best, (now() - t0) * 1e-9);
    }
    return 2.0 * n * d * (double) b / Math.max(best, 1e-9) * 1e-9;
  }

  /**
   * GFLOP/s of ND4J's {@code mmul} of two random size x size matrices, best of {@code reps} after
   * warm-up.
   */
  double gemmGflops(int size, int reps) {
    INDArray a = Nd4j.rand(DataType.DOUBLE, size, size);
    INDArray b = Nd4j.rand(DataType.DOUBLE, size, size);
    INDArray c = Nd4j.create(DataType.DOUBLE, size, size);
    for (int r = 0; r < 3; r++) {
      a.mmul(b, c);
    }
    double best = Double.POSITIVE_INFINITY;
    for (int r = 0; r < reps; r++) {
      long t0 = now();
      a.mmul(b, c);
      best = Math.min(best, (now() - t0) * 1e-9);
    }
    if (!Double.isFinite(c.getDouble(0, 0))) {
      throw new IllegalStateException("GEMM reference produced a non-finite value");
    }
    return 2.0 * size * size * (double) size / best * 1e-9;
  }

  /** The measuring clock in ns: this thread's CPU time (--clock cpu) or System.nanoTime. */
  private long now() {
    return cpuClock
        ? ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
        : System.nanoTime();
  }

  /** Bytes allocated so far by this thread, or -1 when the JVM does not tell. */
  private static long allocatedBytes() {
    java.lang.management.ThreadMXBean b = ManagementFactory.getThreadMXBean();
    if (b instanceof com.sun.management.ThreadMXBean t
        && t.isThreadAllocatedMemorySupported()
        && t.isThreadAllocatedMemoryEnabled()) {
      return t.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return -1;
  }

  /** Random instance: n x (d-1) Gaussian features + bias, sin targets, p seeded gates, beta 0.1. */
  static ReluProblem problem(int n, int d, int p, long seed, Formulation formulation) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    double[] y = new double[n];
    for (int k = 0; k < n; k++) {
      double s = 0;
      for (int c = 0; c < d - 1; c++) {
        x[k][c] = r.nextGaussian();
        s += x[k][c];
      }
      x[k][d - 1] = 1;
      y[k] = Math.sin(s);
    }
    ActivationPatterns pat = ActivationPatterns.sample(x, p, seed + 1);
    return new ReluProblem(x, y, pat, 0.1, Loss.SQUARED, formulation);
  }

  private String clockName() {
    return cpuClock ? "thread_cpu" : "wall";
  }

  private static String join(int[] a) {
    StringBuilder s = new StringBuilder();
    for (int v : a) {
      s.append(s.length() > 0 ? "," : "").append(v);
    }
    return s.toString();
  }

  private static String i(int v) {
    return Integer.toString(v);
  }

  private static String num(double v) {
    return Numbers.significant(v, 6);
  }
}
