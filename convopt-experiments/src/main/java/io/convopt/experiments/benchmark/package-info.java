/**
 * The global-optimization benchmark: every registered solver ({@link
 * io.convopt.experiments.benchmark.SolverRegistry}) on every shifted standard test function over
 * seeded runs under an exact evaluation budget, scored by a wrapper the solver never sees (success
 * rates, ERT, data profiles), its dimension × budget scaling study, and the {@code benchmark},
 * {@code scaling} and {@code optimize} commands. May depend on the kernel, the solver packages
 * ({@code api}, {@code conv}, {@code baselines}) and the experiments packages {@code functions},
 * {@code io} and {@code cli}.
 */
package io.convopt.experiments.benchmark;
