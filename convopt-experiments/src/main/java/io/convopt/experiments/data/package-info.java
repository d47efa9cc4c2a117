/**
 * The shipped datasets of the top-level {@code data/} folder (manifest, SHA-256 checks, CSV schema
 * errors naming file, line and column), the split protocol (seeded 80/20 train/test split,
 * training-only standardisation, windowed regression for time series) and the SGD/Adam baseline
 * grid with its {@code train-baselines} command. May depend on {@code io.convopt.solvers.nonconvex}
 * and {@code io.convopt.experiments.io}.
 */
package io.convopt.experiments.data;
