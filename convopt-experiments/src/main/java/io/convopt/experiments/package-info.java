/**
 * Test functions, datasets, table reproductions, parameter sweeps and JMH benchmarks, producing
 * Tablesaw tables; the command-line subcommands that run them.
 */
package io.convopt.experiments;
