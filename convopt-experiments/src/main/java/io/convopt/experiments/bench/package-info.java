/**
 * The kernel JMH benchmarks (scalar vs SIMD convolution sums, incremental vs full Algorithm-1
 * steps, the solver gradient, parallel grid sampling, the FMA peak of the machine) and the {@code
 * bench} command that runs them and prints ratios measured in the same run. May depend on {@code
 * io.convopt.kernel}, {@code io.convopt.solvers.api} and JMH; nothing else of the project depends
 * on it.
 */
package io.convopt.experiments.bench;
