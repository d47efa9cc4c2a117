/**
 * Fixture loading (convex ReLU programs with reference optima, as JSON) and the {@code relu-solve}
 * and {@code relu-admm-cost} commands for the convex ReLU solvers, with the cost-model fit the
 * latter reports. May depend on {@code io.convopt.solvers.relu} (and its subpackages), {@code
 * io.convopt.solvers.nonconvex}, {@code io.convopt.experiments.io}, Jackson and ND4J.
 */
package io.convopt.experiments.relu;
