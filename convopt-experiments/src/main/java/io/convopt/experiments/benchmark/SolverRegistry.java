package io.convopt.experiments.benchmark;

import io.convopt.experiments.functions.TestFunction;
import io.convopt.solvers.api.BudgetedSolver;
import io.convopt.solvers.api.Solver;
import io.convopt.solvers.baselines.BobyqaMultistart;
import io.convopt.solvers.baselines.CmaEs;
import io.convopt.solvers.baselines.GridSearch;
import io.convopt.solvers.baselines.MultistartGradientAscent;
import io.convopt.solvers.baselines.MultistartNelderMead;
import io.convopt.solvers.baselines.RandomSearch;
import io.convopt.solvers.conv.ConvolutionDescent;
import io.convopt.solvers.conv.ConvolutionSettings;
import io.convopt.solvers.conv.MultiResolutionConvolution;
import io.convopt.solvers.conv.PowerContinuation;
import io.convopt.solvers.conv.SignDescent1D;
import io.convopt.solvers.conv.SurrogateMedianSolver;
import io.convopt.solvers.conv.ZigzagCyclic;
import io.convopt.solvers.conv.ZigzagSampled;
import io.convopt.solvers.conv.sampled.SampledConvolution;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The solvers the benchmark and the {@code optimize} command know, by name. Adding one is one line
 * in the static block: {@code add("name", (function, seed, budget) -> start(new MySolver()...,
 * function, seed));}. Every factory must derive all of its randomness from {@code seed} and stop at
 * {@code budget} evaluations.
 */
public final class SolverRegistry {

  private static final Map<String, SolverFactory> FACTORIES = new LinkedHashMap<>();

  static {
    add(
        "grid",
        (f, seed, budget) ->
            start(new GridSearch().withRandomOffset(seed).withMaxEvaluations(budget), f, seed));
    add(
        "random",
        (f, seed, budget) ->
            start(new RandomSearch().withSeed(seed).withMaxEvaluations(budget), f, seed));
    add(
        "nelder-mead",
        (f, seed, budget) ->
            start(new MultistartNelderMead().withSeed(seed).withMaxEvaluations(budget), f, seed));
    add(
        "gradient",
        (f, seed, budget) ->
            start(
                new MultistartGradientAscent().withSeed(seed).withMaxEvaluations(budget), f, seed));
    add(
        "cmaes",
        (f, seed, budget) -> start(new CmaEs().withSeed(seed).withMaxEvaluations(budget), f, seed));
    add(
        "bobyqa",
        (f, seed, budget) -> {
          if (f.dimension() < 2) {
            throw new SolverDeclinedException(
                "bobyqa is offered in 2-D and up: BOBYQA needs d >= 2"
                    + " (use nelder-mead or cmaes in 1-D)");
          }
          return start(new BobyqaMultistart().withSeed(seed).withMaxEvaluations(budget), f, seed);
        });
    // The convolution solvers: one budget rule for all (ConvolutionBudgetRule), hard cap at the
    // budget.
    // Algorithm 2's fine delta-ball adapts to the budget (ConvolutionBudgetRule.descentSettings).
    add(
        "conv-descent",
        (f, seed, budget) ->
            capped(
                f.dimension() == 1
                    ? new SignDescent1D(conv(f, budget, seed))
                    : new ConvolutionDescent(
                        ConvolutionBudgetRule.descentSettings(f.box(), budget, seed)),
                f,
                seed,
                budget));
    add(
        "zigzag1",
        (f, seed, budget) -> capped(new ZigzagCyclic(conv(f, budget, seed)), f, seed, budget));
    add(
        "zigzag2",
        (f, seed, budget) -> capped(new ZigzagSampled(conv(f, budget, seed)), f, seed, budget));
    add(
        "median",
        (f, seed, budget) ->
            capped(new SurrogateMedianSolver(conv(f, budget, seed)), f, seed, budget));
    add(
        "continuation",
        (f, seed, budget) -> capped(new PowerContinuation(conv(f, budget, seed)), f, seed, budget));
    add("conv-multires", (f, seed, budget) -> capped(multires(f, budget), f, seed, budget));
    // Ablation: the same solver with the split-on-symmetric-optima recovery switched off (a split
    // needs f(θ) below the grid's minimum, which cannot happen), to measure what the recovery buys.
    add(
        "conv-multires-nosplit",
        (f, seed, budget) -> capped(multires(f, budget).withSplitTolerance(1.0), f, seed, budget));
    // Sampled convolution (no grid): Monte Carlo surrogate, shrinking region, power continuation,
    // restarts with basin memory, BOBYQA polish; and its ablations on the same seeds.
    add("conv-sampled", (f, seed, budget) -> sampled(new SampledConvolution(), f, seed, budget));
    add(
        "conv-sampled-norestart",
        (f, seed, budget) ->
            sampled(new SampledConvolution().withRestarts(false), f, seed, budget));
    add(
        "conv-sampled-nopolish",
        (f, seed, budget) -> sampled(new SampledConvolution().withPolish(false), f, seed, budget));
    add(
        "conv-sampled-nocontinuation",
        (f, seed, budget) ->
            sampled(new SampledConvolution().withContinuation(false), f, seed, budget));
    add(
        "conv-sampled-fixedn",
        (f, seed, budget) ->
            sampled(
                new SampledConvolution().withFixedPower(ConvolutionBudgetRule.POWER),
                f,
                seed,
                budget));
  }

  private static SolverFactory.Configured sampled(
      SampledConvolution solver, TestFunction f, long seed, long budget) {
    return capped(solver.withSeed(seed).withMaxEvaluations(budget), f, seed, budget);
  }

  /** conv-multires, declined when the budget cannot pay for one grid of 3^d points. */
  private static MultiResolutionConvolution multires(TestFunction f, long budget) {
    double grid = Math.pow(3, f.dimension());
    if (grid + 1 > budget) {
      throw new SolverDeclinedException(
          "conv-multires needs one grid of at least 3^d = "
              + (long) grid
              + " points plus one evaluation, more than the budget "
              + budget);
    }
    return new MultiResolutionConvolution(budget);
  }

  private static ConvolutionSettings conv(TestFunction f, long budget, long seed) {
    return ConvolutionBudgetRule.settings(f.box(), budget, seed);
  }

  private static SolverFactory.Configured capped(
      Solver solver, TestFunction f, long seed, long budget) {
    return start(new BudgetedSolver(solver, budget), f, seed);
  }

  private SolverRegistry() {}

  private static void add(String name, SolverFactory factory) {
    if (FACTORIES.putIfAbsent(name, factory) != null) {
      throw new IllegalStateException("solver '" + name + "' registered twice");
    }
  }

  /** The solver with a random start drawn from {@code seed} ({@link SolverFactory#randomStart}). */
  public static SolverFactory.Configured start(Solver solver, TestFunction function, long seed) {
    return new SolverFactory.Configured(solver, SolverFactory.randomStart(function.box(), seed));
  }

  /** Registered names in registration order. */
  public static List<String> names() {
    return List.copyOf(FACTORIES.keySet());
  }

  /** All factories by name (unmodifiable, registration order). */
  public static Map<String, SolverFactory> all() {
    return Collections.unmodifiableMap(FACTORIES);
  }

  /**
   * The factory called {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the known solvers if there is none
   */
  public static SolverFactory factory(String name) {
    SolverFactory f = FACTORIES.get(name.toLowerCase(Locale.ROOT));
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown solver '" + name + "'; known: " + String.join(", ", names()));
    }
    return f;
  }
}
