/** Fixture loading and the {@code relu-solve} command for the convex ReLU solvers. */
package io.convopt.experiments.relu;
