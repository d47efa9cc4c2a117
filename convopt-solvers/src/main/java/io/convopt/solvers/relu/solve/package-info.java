/**
 * First-order solvers of the convex ReLU programs: restarted FISTA for GATED with a smooth loss
 * ({@link io.convopt.solvers.relu.solve.ProximalGradientSolver}, on the blocked GEMM operator at
 * scale), the augmented-Lagrangian method ({@link
 * io.convopt.solvers.relu.solve.AugmentedLagrangianSolver}, finished by {@link
 * io.convopt.solvers.relu.solve.ActiveFacePolish}), ADMM ({@link
 * io.convopt.solvers.relu.solve.AdmmSolver}), warm starts across pattern sets, the certified
 * pattern refinement loop ({@link io.convopt.solvers.relu.solve.PatternRefinement}) and the solvers
 * by name and the default, automatic choice of solver ({@link
 * io.convopt.solvers.relu.solve.ReluSolvers}, {@link io.convopt.solvers.relu.solve.AutoSolver},
 * which may pick {@code relu.ipm}).
 *
 * <p>Depends on: {@code relu}, {@code relu.linalg}, {@code relu.sampling}, {@code
 * relu.certificate}; may depend on {@code relu.ipm}, never the reverse.
 */
package io.convopt.solvers.relu.solve;
