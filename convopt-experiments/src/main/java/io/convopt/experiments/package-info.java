/**
 * The experiments module: test functions, datasets, table reproductions, parameter sweeps,
 * benchmarks and the convex-vs-non-convex comparisons, producing CSV/Tablesaw tables, and the
 * command-line subcommands that run them (one subpackage per experiment; shared output code in
 * {@code io}). May depend on the kernel and solvers modules; only the report module depends on it.
 */
package io.convopt.experiments;
