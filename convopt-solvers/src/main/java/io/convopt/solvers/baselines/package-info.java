/**
 * Baseline maximisers the convolution solvers are compared with: {@link
 * io.convopt.solvers.baselines.GridSearch}, {@link io.convopt.solvers.baselines.RandomSearch},
 * {@link io.convopt.solvers.baselines.MultistartNelderMead}, {@link
 * io.convopt.solvers.baselines.MultistartGradientAscent}, {@link
 * io.convopt.solvers.baselines.CmaEs} (IPOP) and {@link
 * io.convopt.solvers.baselines.BobyqaMultistart}.
 *
 * <p>Common contract: immutable configurations with {@code withX(...)} setters; the evaluation
 * budget defaults to 10^4·d and is enforced exactly; every call of f goes through one {@link
 * io.convopt.solvers.api.CountingObjective}; f is never evaluated outside the box; the result is
 * the best point evaluated; equal seeds give bit-identical results; the settings of the {@link
 * io.convopt.solvers.api.Optimum} list every parameter and the seed. A local run of Nelder–Mead,
 * CMA-ES or BOBYQA that Commons Math aborts on a degenerate model (e.g. BOBYQA on a plateau: "trust
 * region step has failed to reduce Q") ends that local run only; the multistart goes on and the
 * number of such runs is reported as the setting {@code failedLocalRuns}.
 *
 * <p>May depend on {@code io.convopt.kernel}, {@code io.convopt.solvers.api} and Commons Math.
 */
package io.convopt.solvers.baselines;
