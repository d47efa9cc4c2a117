/**
 * Convex training of two-layer ReLU networks to certified global optimality (spec
 * convex-relu.md): activation patterns ({@link io.convopt.solvers.relu.ActivationPatterns}), the
 * gated and constrained convex programs ({@link io.convopt.solvers.relu.ReluProblem}), R-FISTA
 * ({@link io.convopt.solvers.relu.ProximalGradientSolver}), the augmented-Lagrangian method
 * ({@link io.convopt.solvers.relu.AugmentedLagrangianSolver}), ADMM ({@link
 * io.convopt.solvers.relu.AdmmSolver}) and a structure-exploiting interior-point method ({@link
 * io.convopt.solvers.relu.InteriorPointSolver}) with duality-gap / KKT certificates
 * ({@link io.convopt.solvers.relu.Certificate}), recovery of the non-convex network ({@link
 * io.convopt.solvers.relu.TwoLayerNetwork}), regularisation paths and one-vs-all classification.
 */
package io.convopt.solvers.relu;
