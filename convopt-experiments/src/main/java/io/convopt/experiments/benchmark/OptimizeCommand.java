package io.convopt.experiments.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convopt.experiments.cli.ValueLists;
import io.convopt.experiments.functions.StandardFunctions;
import io.convopt.experiments.functions.TestFunction;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code convopt optimize}: one run of one registered solver on one shifted standard function, from
 * the random start the benchmark would use for {@code --seed}. The solver never sees the known
 * optimum; it is printed afterwards for comparison.
 */
@Command(
    name = "optimize",
    mixinStandardHelpOptions = true,
    header = "Maximise one standard test function with one solver.",
    description = {
      "Runs one solver on one shifted standard test function from the start the benchmark would"
          + " use for --seed and prints the Optimum (with --json: one JSON object on the last"
          + " line)."
    })
public final class OptimizeCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--function",
      required = true,
      paramLabel = "NAME",
      completionCandidates = ValueLists.StandardFunctionNames.class,
      description = "Standard test function (case-insensitive), one of ${COMPLETION-CANDIDATES}.")
  String function;

  @Option(
      names = "--dim",
      paramLabel = "D",
      defaultValue = "2",
      description =
          "Dimension, for functions defined in any dimension (default: ${DEFAULT-VALUE}).")
  int dim;

  @Option(
      names = "--solver",
      required = true,
      paramLabel = "S",
      completionCandidates = ValueLists.Solvers.class,
      description = "Solver, one of ${COMPLETION-CANDIDATES}.")
  String solver;

  @Option(
      names = "--seed",
      paramLabel = "K",
      defaultValue = "1",
      description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--budget",
      paramLabel = "B",
      description = "Evaluation budget (default: 10^4*d).")
  Long budget;

  @Option(
      names = "--json",
      description = "Also print the result as one JSON object on the last line.")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    CommandLine cl = spec.commandLine();
    if (dim < 1) {
      throw new ParameterException(cl, "--dim must be >= 1, got " + dim);
    }
    if (budget != null && budget < 1) {
      throw new ParameterException(cl, "--budget must be >= 1, got " + budget);
    }
    SolverFactory factory;
    try {
      factory = SolverRegistry.factory(solver);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "--solver: " + e.getMessage());
    }
    TestFunction f;
    try {
      StandardFunctions.Definition d = StandardFunctions.definition(function);
      if (!d.anyDimension()
          && spec.commandLine().getParseResult().hasMatchedOption("--dim")
          && dim != d.fixedDimension()) {
        throw new IllegalArgumentException(
            d.name()
                + " is defined in dimension "
                + d.fixedDimension()
                + " only, got --dim "
                + dim);
      }
      f = StandardFunctions.shifted(d.name(), d.anyDimension() ? dim : d.fixedDimension());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "--function: " + e.getMessage());
    }
    long b = budget != null ? budget : 10_000L * f.dimension();
    SolverFactory.Configured c;
    try {
      c = factory.create(f, seed, b);
    } catch (SolverDeclinedException e) {
      throw new ParameterException(cl, "--solver: " + e.getMessage());
    }
    Problem blind = Problem.of(f.name(), f.objective(), f.box());
    Optimum opt;
    try {
      opt = c.solver().optimize(blind, c.start());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(tooLarge(solver, f, e.getMessage()));
    }
    double fStar = f.objective().value(f.globalMax());
    PrintWriter o = cl.getOut();
    o.println("function " + f.name() + " (d = " + f.dimension() + ", box " + f.box() + ")");
    o.println("start    " + Arrays.toString(c.start()));
    o.println(opt);
    o.println("settings " + opt.settings());
    o.printf(
        "known maximum f* = %s, error f* - f = %s, wall %.3f s%n",
        fStar, fStar - opt.value(), opt.wallSeconds());
    if (json) {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode n = mapper.createObjectNode();
      n.put("function", f.name());
      n.put("dimension", f.dimension());
      n.put("solver", opt.solver());
      n.put("seed", seed);
      n.put("budget", b);
      ArrayNode start = n.putArray("start");
      for (double v : c.start()) {
        start.add(v);
      }
      ArrayNode point = n.putArray("point");
      for (double v : opt.point()) {
        point.add(v);
      }
      n.put("value", opt.value());
      n.put("iterations", opt.iterations());
      n.put("evaluations", opt.evaluations());
      n.put("wall_seconds", opt.wallSeconds());
      n.put("stop_reason", opt.stopReason().name());
      n.put("f_star", fStar);
      n.put("error", fStar - opt.value());
      ObjectNode settings = n.putObject("settings");
      for (Map.Entry<String, String> e : opt.settings().entrySet()) {
        settings.put(e.getKey(), e.getValue());
      }
      o.println(mapper.writeValueAsString(n));
    }
    o.flush();
    return 0;
  }

  /**
   * A solver's refusal in optimize's terms: the solver's own advice names settings (eta, fine
   * steps) that optimize derives from --budget and --dim, so it is replaced by what can be changed
   * here.
   */
  static String tooLarge(String solver, TestFunction f, String reason) {
    String fact = reason;
    for (String advice : new String[] {"; use ", "; lower ", "; choose "}) {
      int cut = fact.indexOf(advice);
      if (cut > 0) {
        fact = fact.substring(0, cut);
      }
    }
    return "solver "
        + solver
        + " cannot run "
        + f.name()
        + " in d = "
        + f.dimension()
        + ": "
        + fact
        + ". Here the grid follows from --budget and --dim: lower either, or choose a solver that"
        + " scales with the dimension (conv-multires, zigzag1, zigzag2, cmaes, bobyqa).";
  }
}
