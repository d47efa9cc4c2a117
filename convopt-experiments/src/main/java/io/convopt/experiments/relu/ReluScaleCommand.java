package io.convopt.experiments.relu;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convopt.experiments.data.DataCatalog;
import io.convopt.experiments.data.PreparedData;
import io.convopt.experiments.data.Protocol;
import io.convopt.experiments.data.Task;
import io.convopt.solvers.nonconvex.Nd4jSettings;
import io.convopt.solvers.nonconvex.ReluTrainingProblem;
import io.convopt.solvers.relu.ConvexReluSolver;
import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.ProgressListener;
import io.convopt.solvers.relu.ReluProblem;
import io.convopt.solvers.relu.ReluSolution;
import io.convopt.solvers.relu.ReluSolverSettings;
import io.convopt.solvers.relu.linalg.Precision;
import io.convopt.solvers.relu.sampling.ActivationPatterns;
import io.convopt.solvers.relu.solve.AdmmSolver;
import io.convopt.solvers.relu.solve.AutoSolver;
import io.convopt.solvers.relu.solve.ProximalGradientSolver;
import io.convopt.solvers.relu.solve.ReluSolvers;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code convopt relu-scale}: one convex ReLU solve at the field's scale on a shipped dataset —
 * spambase (binary, labels ±1, squared loss) or the ECG next-sample regression with every window
 * (stride 1) — with P sampled gates, reporting the wall time at which the certificate first reached
 * 1e-2, 1e-4 and 1e-6 relative, the iterations, the seconds per iteration, and peak memory (JVM
 * heap pools' peak usage and the process's resident set from JavaCPP, sampled at every report).
 * Features are standardised on the training split (the project's protocol) and a bias column is
 * appended.
 */
@Command(
    name = "relu-scale",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Time one convex ReLU solve at the field's scale.",
    description = {
      "Solves one gated (or constrained) convex ReLU program at scale on spambase or the full"
          + " ECG regression and reports the time to a 1e-2, 1e-4 and 1e-6 relative certificate"
          + " and the peak memory; each progress line shows the primal objective, the certified"
          + " lower bound on the optimum (the dual value) and the relative gap between them.",
      "Exit codes: 0 done (whether or not the tolerance was met), 2 usage error."
    })
public final class ReluScaleCommand implements Callable<Integer> {
  static final double[] MILESTONES = {1e-2, 1e-4, 1e-6};

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--dataset",
      defaultValue = "spambase",
      paramLabel = "spambase|ecg-full|NAME",
      description =
          "a catalog dataset (split 80/20 as in the protocol) or ecg-full: every"
              + " window (length 32, stride 1) of the ECG series (default ${DEFAULT-VALUE})")
  String dataset;

  @Option(
      names = "--rows",
      defaultValue = "0",
      paramLabel = "N",
      description = "use only the first N training rows (0 = all)")
  int rows;

  @Option(
      names = "--gates",
      defaultValue = "5000",
      paramLabel = "P",
      description = "gates drawn (default ${DEFAULT-VALUE})")
  int gates;

  @Option(
      names = "--formulation",
      defaultValue = "gated",
      paramLabel = "gated|relu",
      description =
          "Program to solve: gated (group Lasso) or relu (cone-constrained) (default:"
              + " ${DEFAULT-VALUE}).")
  String formulation;

  @Option(
      names = "--beta",
      defaultValue = "1.0",
      description = "Weight decay beta >= 0 of the summed objective (default ${DEFAULT-VALUE}).")
  double beta;

  @Option(
      names = "--solver",
      defaultValue = "auto",
      paramLabel = "auto|fista|al|admm|ipm",
      description = "Solver name, as for relu-solve (default ${DEFAULT-VALUE}).")
  String solver;

  @Option(
      names = "--tol",
      defaultValue = "1e-6",
      description = "Relative certificate at which the solve stops (default ${DEFAULT-VALUE}).")
  double tol;

  @Option(
      names = "--time-limit",
      defaultValue = "840",
      paramLabel = "S",
      description = "seconds (default ${DEFAULT-VALUE})")
  double timeLimit;

  @Option(
      names = "--threads",
      defaultValue = "1",
      paramLabel = "T",
      description = "ND4J BLAS/OpenMP threads (default ${DEFAULT-VALUE})")
  int threads;

  @Option(
      names = "--precision",
      defaultValue = "float64",
      paramLabel = "float64|float32",
      description = "fista: precision of the products (default ${DEFAULT-VALUE})")
  String precision;

  @Option(
      names = "--working-sets",
      defaultValue = "auto",
      paramLabel = "auto|on|off",
      description =
          "fista, and admm on the relu formulation with a smooth loss: solve on working sets of"
              + " patterns (auto: fista with at least 200 patterns and beta > 0, admm never;"
              + " default ${DEFAULT-VALUE})")
  String workingSets;

  @Option(
      names = "--check-every",
      defaultValue = "10",
      paramLabel = "K",
      description = "iterations between certificate checks (default ${DEFAULT-VALUE})")
  int checkEvery;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "gate seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--json", description = "print one JSON object on the last line")
  boolean json;

  @Option(
      names = "--gemm-ratio",
      paramLabel = "R",
      defaultValue = "0",
      description =
          "instead of solving: time the operator work of one R-FISTA step (masked product, masked"
              + " adjoint, masked product) against the three bare ND4J GEMMs of the same shapes,"
              + " alternating, R times each, at 1 and 2 threads; prints best and median times and"
              + " the throughput ratio")
  int gemmRatio;

  /** auto = null (the solver decides), on = true, off = false. */
  private static Boolean parseWorkingSets(String v) {
    switch (v == null ? "" : v.trim().toLowerCase(Locale.ROOT)) {
      case "auto":
        return null;
      case "on":
        return Boolean.TRUE;
      case "off":
        return Boolean.FALSE;
      default:
        throw new IllegalArgumentException(
            "--working-sets: unknown value '" + v + "' (expected auto, on or off)");
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Formulation f;
    Precision prec;
    ConvexReluSolver s;
    try {
      f = Formulation.parse(formulation);
      prec = Precision.parse(precision);
      if (gates < 1 || threads < 1 || checkEvery < 1 || rows < 0) {
        throw new IllegalArgumentException(
            "--gates, --threads, --check-every must be >= 1," + " --rows >= 0");
      }
      ReluSolverSettings settings =
          ReluSolverSettings.defaults()
              .withTolerance(tol)
              .withTimeLimit(timeLimit)
              .withCheckEvery(checkEvery);
      s = ReluSolvers.byName(solver, settings);
      Boolean ws = parseWorkingSets(workingSets);
      if (s instanceof ProximalGradientSolver) {
        s = ((ProximalGradientSolver) s).withPrecision(prec);
        if (ws != null) {
          s = ((ProximalGradientSolver) s).withWorkingSets(ws);
        }
      }
      if (s instanceof AdmmSolver && ws != null) {
        s = ((AdmmSolver) s).withWorkingSets(ws);
      }
    } catch (IllegalArgumentException e) {
      err.println("relu-scale: " + e.getMessage());
      return 2;
    }
    Nd4jSettings.limitThreads(threads);
    long t0 = System.nanoTime();
    DataCatalog catalog = DataCatalog.open();
    PreparedData data =
        dataset.equals("ecg-full")
            ? Protocol.prepareWindowed(catalog.loadSeries("ecg"), 32, 1, 0.2)
            : Protocol.prepare(catalog.load(dataset));
    double[][] x = ReluTrainingProblem.appendBiasColumn(data.xTrain());
    double[] y = data.task() == Task.REGRESSION ? data.yTrain() : data.binaryTargets(true);
    if (rows > 0 && rows < x.length) {
      x = Arrays.copyOf(x, rows);
      y = Arrays.copyOf(y, rows);
    }
    ActivationPatterns pat = ActivationPatterns.sample(x, gates, seed);
    ReluProblem p = new ReluProblem(x, y, pat, beta, Loss.SQUARED, f);
    double setup = (System.nanoTime() - t0) * 1e-9;
    out.printf(Locale.ROOT, "problem   %s: %s%n", dataset, p);
    out.printf(
        Locale.ROOT,
        "setup     %.1f s (data, %d gates -> %d patterns), threads %d, %s%n",
        setup,
        gates,
        pat.count(),
        Nd4jSettings.threads(),
        prec);
    if (gemmRatio > 0) {
      GemmRatio.run(p, prec, gemmRatio, out);
      return 0;
    }
    if (solver.equals("auto")) {
      out.println("choice    " + AutoSolver.choose(p).reason());
    }
    double[] reached = new double[MILESTONES.length];
    Arrays.fill(reached, Double.NaN);
    long[] peakRss = {0};
    ProgressListener listener =
        pr -> {
          for (int i = 0; i < MILESTONES.length; i++) {
            if (Double.isNaN(reached[i]) && pr.certificate() <= MILESTONES[i]) {
              reached[i] = pr.seconds();
            }
          }
          peakRss[0] = Math.max(peakRss[0], org.bytedeco.javacpp.Pointer.physicalBytes());
          out.printf(
              Locale.ROOT,
              "  %-5s it %7d  objective %.10g  bound %.10g  certificate %.2e  %.1f s%n",
              pr.solver(),
              pr.iteration(),
              pr.objective(),
              // the certified lower bound on the optimum: primal minus the gap
              pr.objective() - pr.certificate() * Math.abs(pr.objective()),
              pr.certificate(),
              pr.seconds());
          out.flush();
          return ProgressListener.Action.CONTINUE;
        };
    ReluSolution sol = s.solve(p, null, listener);
    double heapPeak = 0;
    for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
      if (b.getType() == MemoryType.HEAP) {
        heapPeak += b.getPeakUsage().getUsed();
      }
    }
    peakRss[0] = Math.max(peakRss[0], org.bytedeco.javacpp.Pointer.physicalBytes());
    out.printf(Locale.ROOT, "result    %s%n", sol);
    out.printf(
        Locale.ROOT, "per iter  %.4f s%n", sol.wallSeconds() / Math.max(1, sol.iterations()));
    for (int i = 0; i < MILESTONES.length; i++) {
      out.printf(
          Locale.ROOT,
          "to %.0e  %s%n",
          MILESTONES[i],
          Double.isNaN(reached[i])
              ? "not reached"
              : String.format(Locale.ROOT, "%.1f s", reached[i]));
    }
    out.printf(
        Locale.ROOT,
        "memory    heap peak %.0f MB, resident peak %.0f MB, max heap %.0f MB%n",
        heapPeak / 1e6,
        peakRss[0] / 1e6,
        Runtime.getRuntime().maxMemory() / 1e6);
    if (json) {
      ObjectNode o = new ObjectMapper().createObjectNode();
      o.put("dataset", dataset);
      o.put("n", p.samples());
      o.put("d", p.dimension());
      o.put("patterns", pat.count());
      o.put("solver", sol.solver());
      o.put("threads", Nd4jSettings.threads());
      o.put("precision", prec.name().toLowerCase(Locale.ROOT));
      o.put("objective", sol.objective());
      o.put("certificate", sol.certificate().relativeGap());
      o.put("iterations", sol.iterations());
      o.put("seconds", sol.wallSeconds());
      o.put("setup_seconds", setup);
      o.put("stop_reason", sol.stopReason().name());
      o.put("seconds_to_1e-4", reached[1]);
      o.put("seconds_to_1e-6", reached[2]);
      o.put("heap_peak_bytes", heapPeak);
      o.put("resident_peak_bytes", peakRss[0]);
      out.println(o.toString());
    }
    out.flush();
    return 0;
  }
}
