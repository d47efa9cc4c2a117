/**
 * The {@code compare-robust} experiment: adversarially robust convex training against standard
 * convex training, SGD and SGD with PGD adversarial training, all on the same two-layer ReLU
 * network, scored by robust test accuracy under seeded ℓ∞ PGD at a grid of radii; its grid,
 * resumable runner and summaries. May depend on {@code io.convopt.solvers.relu} (and its {@code
 * robust} subpackage), {@code io.convopt.solvers.nonconvex} and the experiments packages {@code
 * compare}, {@code data}, {@code io} and {@code cli}.
 */
package io.convopt.experiments.robust;
