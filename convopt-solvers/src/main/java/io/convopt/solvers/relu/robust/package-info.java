/**
 * Adversarially robust convex ReLU training against l-infinity perturbations of radius eps: the
 * robust program ({@link io.convopt.solvers.relu.robust.RobustReluProblem}), its ADMM solver
 * ({@link io.convopt.solvers.relu.robust.RobustAdmmSolver}) with the robust-loss proximal map and
 * cone projection, the closed-form robust loss, and the non-convex baselines (PGD attack and PGD
 * adversarial training of the network as a differentiable function).
 *
 * <p>Depends on: {@code relu}, {@code relu.linalg}, {@code relu.sampling}. Uses the shared
 * numerics of {@code relu.linalg} (Cholesky, group soft-thresholding, residual balancing) rather
 * than copies.
 */
package io.convopt.solvers.relu.robust;
