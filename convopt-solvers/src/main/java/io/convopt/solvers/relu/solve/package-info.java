/**
 * First-order solvers of the convex ReLU programs: restarted FISTA for GATED with a smooth loss
 * ({@link io.convopt.solvers.relu.solve.ProximalGradientSolver}), the augmented-Lagrangian method
 * ({@link io.convopt.solvers.relu.solve.AugmentedLagrangianSolver}, finished by
 * {@link io.convopt.solvers.relu.solve.ActiveFacePolish}), ADMM
 * ({@link io.convopt.solvers.relu.solve.AdmmSolver}), warm starts across pattern sets, the
 * certified pattern refinement loop ({@link io.convopt.solvers.relu.solve.PatternRefinement}) and
 * the choice of solver, by default or by name ({@link io.convopt.solvers.relu.solve.ReluSolvers}:
 * the one place where solver names map to solvers).
 *
 * <p>Depends on: {@code relu}, {@code relu.linalg}, {@code relu.sampling},
 * {@code relu.certificate}; may depend on {@code relu.ipm}, never the reverse.
 */
package io.convopt.solvers.relu.solve;
