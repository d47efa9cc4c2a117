/**
 * Shared numerics of the convex ReLU solvers: the data operator over activation patterns ({@link
 * io.convopt.solvers.relu.linalg.PatternOperator}: X U, the masked prediction, the adjoint, cone
 * slacks; plain Java or ND4J GEMMs), the same maps for large n P as row-blocked GEMMs with the
 * masking fused in ({@link io.convopt.solvers.relu.linalg.BlockedPatternOperator}, float64 or
 * float32, behind {@link io.convopt.solvers.relu.linalg.PatternMaps}), the dense Cholesky factor
 * ({@link io.convopt.solvers.relu.linalg.CholeskyFactor}), group soft-thresholding ({@link
 * io.convopt.solvers.relu.linalg.GroupSoftThreshold}), the ADMM penalty update by residual
 * balancing ({@link io.convopt.solvers.relu.linalg.ResidualBalancing}), the ADMM u-step linear
 * solves ({@link io.convopt.solvers.relu.linalg.UStep}: dense, Woodbury, conjugate gradients),
 * restarted FISTA for group-norm regularised smooth problems ({@link
 * io.convopt.solvers.relu.linalg.RestartedFista}), projection onto polyhedral cones, and input
 * validation ({@link io.convopt.solvers.relu.linalg.Checks}). Every solver, including the robust
 * one, uses these instead of private copies.
 *
 * <p>Depends on: ND4J and the JDK only; no other {@code relu} package (all of them may use it).
 */
package io.convopt.solvers.relu.linalg;
