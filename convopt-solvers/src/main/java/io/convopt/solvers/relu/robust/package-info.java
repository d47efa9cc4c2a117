/**
 * Adversarially robust convex ReLU training against l-infinity perturbations of radius eps: the
 * robust program ({@link io.convopt.solvers.relu.robust.RobustReluProblem}), its solvers (the
 * default interior-point method {@link io.convopt.solvers.relu.robust.RobustInteriorPointSolver}
 * with its barrier and dual bound, and the ADMM {@link
 * io.convopt.solvers.relu.robust.RobustAdmmSolver} with the robust-loss proximal map and cone
 * projection, both behind {@link io.convopt.solvers.relu.robust.RobustReluSolver}), the closed-form
 * robust loss, the robust-cone test ({@link io.convopt.solvers.relu.robust.RobustConeMargin}) and
 * the sampler of patterns with non-trivial robust cones ({@link
 * io.convopt.solvers.relu.robust.RobustPatternSampler}), and the non-convex baselines (PGD attack
 * and PGD adversarial training of the network as a differentiable function).
 *
 * <p>Depends on: {@code relu}, {@code relu.barrier}, {@code relu.linalg}, {@code relu.sampling}.
 * Uses the shared numerics of {@code relu.linalg} (Cholesky, group soft-thresholding, residual
 * balancing, the data operator {@code PatternOperator} behind {@code RobustMaps}) and the shared
 * barrier path of {@code relu.barrier} (Newton centring, line search, norm epigraph) rather than
 * copies.
 */
package io.convopt.solvers.relu.robust;
