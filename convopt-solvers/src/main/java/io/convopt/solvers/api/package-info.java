/**
 * The optimizer API every solver of the project implements: an immutable {@link
 * io.convopt.solvers.api.Problem} (a name, an {@link io.convopt.solvers.api.Objective} to
 * <em>maximise</em> and a {@link io.convopt.kernel.Box}), a {@link io.convopt.solvers.api.Solver}
 * (an immutable configuration whose {@code optimize(problem, start)} keeps all run state local) and
 * the immutable result {@link io.convopt.solvers.api.Optimum}: point, value, iterations,
 * evaluations, wall time, {@link io.convopt.solvers.api.StopReason}, optional trajectory and the
 * settings (parameters and seed) that produced it.
 *
 * <h2>Typical use</h2>
 *
 * <pre>{@code
 * Problem p = Problem.of("bumps", x -> Math.exp(-x[0] * x[0]), Box.interval(-1, 2));
 * Solver s = new SignDescent1D(ConvolutionSettings.of(0.01, 15).withSeed(7));
 * Optimum o = s.optimize(p, new double[] {1.5});
 * o.point(); o.value(); o.evaluations(); o.stopReason();
 * }</pre>
 *
 * <h2>Around a solver</h2>
 *
 * <ul>
 *   <li>{@link io.convopt.solvers.api.StoppingRule}: when a run ends (iteration or evaluation
 *       budget, two-cycle of the iterates, step below a tolerance, wall clock), combinable.
 *   <li>{@link io.convopt.solvers.api.IterationListener} sees every {@link
 *       io.convopt.solvers.api.IterationState}; {@link io.convopt.solvers.api.TrajectoryPoint}s are
 *       recorded when the settings ask for a trajectory.
 *   <li>{@link io.convopt.solvers.api.CountingObjective} counts every call of f and refuses points
 *       outside the box; {@link io.convopt.solvers.api.BudgetedSolver} caps any solver at an exact
 *       evaluation budget (a run that would overrun returns its best sample).
 *   <li>{@link io.convopt.solvers.api.ParallelObjective} spreads a batch of points over a thread
 *       pool with results bit-identical to sequential evaluation (the objective must be
 *       thread-safe).
 * </ul>
 *
 * <p>Errors are {@link java.lang.IllegalArgumentException}s naming the bad value (a start outside
 * the box, a wrong dimension). Depends on {@code io.convopt.kernel} only (for {@link
 * io.convopt.kernel.Box}); the solver packages ({@code conv}, {@code baselines}) and the
 * experiments depend on it, never the other way round.
 */
package io.convopt.solvers.api;
