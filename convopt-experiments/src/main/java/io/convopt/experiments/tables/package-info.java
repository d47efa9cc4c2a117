/**
 * The paper's Tables 1 and 2: the published rows (read from {@code data/paper/}), their re-run on
 * the reconstructed test functions with the row's algorithm, step and power, the verdict in units
 * of the step η, and the calibration experiment for the reconstructions' free parameters. May
 * depend on the kernel, {@code io.convopt.solvers.api}, {@code io.convopt.solvers.conv} and the
 * experiments packages {@code functions} and {@code io}.
 */
package io.convopt.experiments.tables;
