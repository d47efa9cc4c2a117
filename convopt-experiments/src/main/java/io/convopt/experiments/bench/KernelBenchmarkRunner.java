package io.convopt.experiments.bench;

import io.convopt.experiments.io.OutputDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.incubator.vector.DoubleVector;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the kernel JMH benchmarks ({@link KernelSumBenchmark}, {@link FmaPeakBenchmark}, {@link
 * IncrementalStepBenchmark}, {@link SolverGradientBenchmark}) through the JMH {@link Runner},
 * writes JMH's JSON to a file and prints a summary of ratios measured in the same run: vector
 * speed-up over scalar per size, terms and GFLOP/s against the measured FMA peak, incremental step
 * against full re-summation, and one Algorithm-2 gradient evaluation on the kernel's scalar vs
 * vector path.
 *
 * <p>Flop counts assumed per term: 1-D derivative {@value #FLOPS_PER_TERM_1D} (θ − x, ·1/δ, the FMA
 * into the accumulator = 2; the two clamps are not counted); 2-D gradient {@value
 * #FLOPS_PER_TERM_2D} (2 subtractions, r₀² + r₁² = 3, sqrt 1, divide 1, two FMAs = 4; the max is
 * not counted). sqrt and divide are counted as one flop although they cost far more.
 *
 * <p>Presets: full = the annotations (2 forks, 5 × 1 s warm-up and measurement, all sizes up to
 * 10⁷), about 10 minutes; {@code --quick} = 1 fork, 4 × 0.5 s warm-up, 3 × 0.5 s measurement, 10³ …
 * 10⁶ points, Algorithm-2 gradient at 400 cells per axis only, about 2 minutes. Quick numbers are
 * indicative only. The warm-up must outlast the interpreted and C1-compiled first calls: Vector API
 * code runs hundreds of times slower before C2 intrinsifies it (a 10⁵-point 2-D gradient took 365
 * ms interpreted vs 0.1 ms compiled), so shorter warm-ups measure the compiler, not the kernel.
 */
public final class KernelBenchmarkRunner {

  /** Default JSON output file (relative to the working directory). */
  public static final Path DEFAULT_OUTPUT = Path.of("results", "bench", "kernel-jmh.json");

  /** Default include regex: every benchmark of this package. */
  public static final String DEFAULT_INCLUDE = "io\\.convopt\\.experiments\\.bench\\.";

  /** Flops per term of the 1-D derivative sum. */
  public static final int FLOPS_PER_TERM_1D = 4;

  /** Flops per term of the 2-D gradient sum. */
  public static final int FLOPS_PER_TERM_2D = 11;

  private static final String[] QUICK_POINTS = {"1000", "10000", "100000", "1000000"};

  /** Quick preset of {@link SolverGradientBenchmark}: the 160 000-cell grid only (about 12 s). */
  private static final String[] QUICK_CELLS_PER_AXIS = {"400"};

  /** What to run. */
  public record Config(boolean quick, Path output, String include) {
    public Config {
      if (output == null) {
        output = DEFAULT_OUTPUT;
      }
      if (include == null || include.isBlank()) {
        include = DEFAULT_INCLUDE;
      }
    }
  }

  private KernelBenchmarkRunner() {}

  /** Command line: {@code [--quick] [--out FILE] [--include REGEX]}. */
  public static void main(String[] args) throws IOException, RunnerException {
    boolean quick = false;
    Path out = DEFAULT_OUTPUT;
    String include = DEFAULT_INCLUDE;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick":
          quick = true;
          break;
        case "--out":
          out = Path.of(args[++i]);
          break;
        case "--include":
          include = args[++i];
          break;
        default:
          throw new IllegalArgumentException(
              "unknown argument " + args[i] + "; usage: [--quick] [--out FILE] [--include REGEX]");
      }
    }
    System.exit(run(new Config(quick, out, include), System.out));
  }

  /**
   * Runs the benchmarks, writes the JSON file and prints the summary.
   *
   * @return 0 on success, 1 if no benchmark matched or JMH failed
   */
  public static int run(Config config, PrintStream out) throws IOException, RunnerException {
    Path file = config.output().toAbsolutePath();
    if (file.getParent() != null) {
      OutputDirectory.prepare(file.getParent());
    }
    ChainedOptionsBuilder opt =
        new OptionsBuilder()
            .include(config.include())
            .resultFormat(ResultFormatType.JSON)
            .result(file.toString())
            .jvmArgsAppend("--add-modules", "jdk.incubator.vector")
            .shouldFailOnError(true);
    if (config.quick()) {
      opt.forks(1)
          .warmupIterations(4)
          .warmupTime(TimeValue.milliseconds(500))
          .measurementIterations(3)
          .measurementTime(TimeValue.milliseconds(500))
          .param("points", QUICK_POINTS)
          .param("cellsPerAxis", QUICK_CELLS_PER_AXIS);
    }
    // JMH's raw text (hundreds of lines, the forks' JVM notices) goes to a log next to the JSON;
    // the terminal shows one progress line per benchmark on stderr and the summary on stdout.
    Path logFile = logFile(file);
    Collection<RunResult> results;
    try (PrintStream log =
        new PrintStream(Files.newOutputStream(logFile), true, StandardCharsets.UTF_8)) {
      System.err.println("bench: JMH log in " + logFile);
      JmhProgress progress =
          new JmhProgress(
              OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL), System.err);
      results = new Runner(opt.build(), progress).run();
    } catch (RunnerException e) {
      throw new RunnerException("JMH failed (details in " + logFile + "): " + e.getMessage(), e);
    }
    if (results.isEmpty()) {
      out.println("bench: no benchmark matched --include " + config.include());
      return 1;
    }
    out.println();
    out.print(summary(results));
    out.println("JMH JSON: " + file);
    out.println("JMH log:  " + logFile);
    return 0;
  }

  /** The raw JMH log beside the JSON file: kernel-jmh.json -> kernel-jmh.log. */
  static Path logFile(Path json) {
    String name = json.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return json.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".log");
  }

  /** Mean time in ns per invocation, keyed by short benchmark name and parameter value. */
  private static Map<String, Map<Long, Double>> table(Collection<RunResult> results) {
    Map<String, Map<Long, Double>> t = new TreeMap<>();
    for (RunResult r : results) {
      String full = r.getParams().getBenchmark();
      String name = full.substring(full.lastIndexOf('.') + 1);
      String p = r.getParams().getParam("points");
      if (p == null) {
        p = r.getParams().getParam("cells");
      }
      if (p == null) {
        p = r.getParams().getParam("cellsPerAxis");
      }
      long size = p == null ? 0 : Long.parseLong(p);
      double ns = toNanos(r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreUnit());
      t.computeIfAbsent(name, k -> new TreeMap<>()).put(size, ns);
    }
    return t;
  }

  private static double toNanos(double score, String unit) {
    switch (unit) {
      case "ns/op":
        return score;
      case "us/op":
        return score * 1e3;
      case "ms/op":
        return score * 1e6;
      case "s/op":
        return score * 1e9;
      default:
        throw new IllegalStateException("unexpected JMH score unit " + unit);
    }
  }

  /** The human-readable summary (public for the CLI and tests). */
  public static String summary(Collection<RunResult> results) {
    Map<String, Map<Long, Double>> t = table(results);
    StringBuilder sb = new StringBuilder();
    Double peakNs = t.getOrDefault("fmaPeak", Map.of()).get(0L);
    double peak = peakNs == null ? Double.NaN : FmaPeakBenchmark.FLOPS_PER_INVOCATION / peakNs;
    sb.append(
        String.format(
            Locale.ROOT,
            "Kernel benchmarks (%d-bit preferred species, %d double lanes)%n",
            DoubleVector.SPECIES_PREFERRED.vectorBitSize(),
            DoubleVector.SPECIES_PREFERRED.length()));
    sb.append(String.format(Locale.ROOT, "FMA peak (measured, one core): %.1f GFLOP/s%n", peak));
    sums(sb, t, "1-D derivative sum  Σ w g'(θ − x)", "derivative1D", FLOPS_PER_TERM_1D, peak);
    sums(sb, t, "2-D gradient sum  Σ w ∇g(θ − x)", "gradient2D", FLOPS_PER_TERM_2D, peak);
    Map<Long, Double> inc = t.get("incrementalStep");
    if (inc != null) {
      sb.append("One Algorithm-1 step on L, R: incremental (eq. 18) vs full re-summation\n");
      sb.append(
          String.format(
              Locale.ROOT,
              "%10s %14s %14s %14s %12s %12s%n",
              "cells",
              "incr ns",
              "full loop ns",
              "full SIMD ns",
              "loop/incr",
              "SIMD/incr"));
      for (Map.Entry<Long, Double> e : inc.entrySet()) {
        double full =
            t.getOrDefault("fullResummation", Map.of()).getOrDefault(e.getKey(), Double.NaN);
        double simd =
            t.getOrDefault("fullVectorSum", Map.of()).getOrDefault(e.getKey(), Double.NaN);
        sb.append(
            String.format(
                Locale.ROOT,
                "%10d %14.1f %14.1f %14.1f %12.0f %12.0f%n",
                e.getKey(),
                e.getValue(),
                full,
                simd,
                full / e.getValue(),
                simd / e.getValue()));
      }
    }
    Map<Long, Double> gs = t.get("solverGradientScalar");
    Map<Long, Double> gv = t.get("solverGradientVector");
    if (gs != null && gv != null) {
      sb.append(
          "Algorithm-2 gradient (eq. 20: outer coarse sum + fine ball), kernel scalar vs vector"
              + " path\n");
      sb.append(
          String.format(
              Locale.ROOT,
              "%14s %14s %14s %12s%n",
              "cells/axis",
              "scalar ns",
              "vector ns",
              "scalar/vector"));
      for (Map.Entry<Long, Double> e : gs.entrySet()) {
        double v = gv.getOrDefault(e.getKey(), Double.NaN);
        sb.append(
            String.format(
                Locale.ROOT,
                "%14d %14.0f %14.0f %12.2f%n",
                e.getKey(),
                e.getValue(),
                v,
                e.getValue() / v));
      }
    }
    Map<Long, Double> ps = t.get("samplingSequential");
    Map<Long, Double> pp = t.get("samplingParallel");
    if (ps != null && pp != null) {
      sb.append(
          String.format(
              Locale.ROOT,
              "Grid sampling of a ~1 us objective through the cache, batch on one thread"
                  + " vs ParallelObjective on %d cores%n",
              Runtime.getRuntime().availableProcessors()));
      sb.append(
          String.format(
              Locale.ROOT,
              "%14s %14s %14s %12s%n",
              "cells/axis",
              "sequential ns",
              "parallel ns",
              "speed-up"));
      for (Map.Entry<Long, Double> e : ps.entrySet()) {
        double v = pp.getOrDefault(e.getKey(), Double.NaN);
        sb.append(
            String.format(
                Locale.ROOT,
                "%14d %14.0f %14.0f %12.2f%n",
                e.getKey(),
                e.getValue(),
                v,
                e.getValue() / v));
      }
    }
    return sb.toString();
  }

  private static void sums(
      StringBuilder sb,
      Map<String, Map<Long, Double>> t,
      String title,
      String prefix,
      int flops,
      double peak) {
    Map<Long, Double> scalar = t.get(prefix + "Scalar");
    Map<Long, Double> vector = t.get(prefix + "Vector");
    if (scalar == null && vector == null) {
      return;
    }
    sb.append(title).append(String.format(Locale.ROOT, " (%d flop/term)%n", flops));
    sb.append(
        String.format(
            Locale.ROOT,
            "%10s %14s %14s %10s %12s %12s %10s %10s%n",
            "points",
            "scalar ns",
            "vector ns",
            "speed-up",
            "scalar Gt/s",
            "vector Gt/s",
            "GFLOP/s",
            "% peak"));
    List<Long> sizes = new ArrayList<>((scalar != null ? scalar : vector).keySet());
    for (long n : sizes) {
      double s = scalar == null ? Double.NaN : scalar.getOrDefault(n, Double.NaN);
      double v = vector == null ? Double.NaN : vector.getOrDefault(n, Double.NaN);
      double gflops = flops * n / v;
      sb.append(
          String.format(
              Locale.ROOT,
              "%10d %14.0f %14.0f %10.2f %12.3f %12.3f %10.2f %10.1f%n",
              n,
              s,
              v,
              s / v,
              n / s,
              n / v,
              gflops,
              100 * gflops / peak));
    }
  }
}
