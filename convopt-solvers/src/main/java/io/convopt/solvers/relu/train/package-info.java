/**
 * Training two-layer ReLU networks on your own data through the convex programs, in one call: the
 * builder-style {@link io.convopt.solvers.relu.train.ConvexReluTrainer} (formulation, gate sampling
 * or explicit gates, beta, loss, solver by name, seed, tolerance, standardisation) turns a feature
 * matrix and targets into an immutable, certified {@link
 * io.convopt.solvers.relu.train.ConvexReluModel} that predicts, reports its fit ({@link
 * io.convopt.solvers.relu.train.FitSummary}) and saves to / loads from versioned JSON; {@link
 * io.convopt.solvers.relu.train.Standardization} is the column scaling fitted on the training rows.
 *
 * <p>Depends on: {@code relu}, {@code relu.linalg}, {@code relu.sampling}, {@code relu.solve} (the
 * solver choice by name), ND4J's thread settings and Jackson. No other {@code relu} package depends
 * on it.
 */
package io.convopt.solvers.relu.train;
