/**
 * Convex training of two-layer ReLU networks to certified global optimality: the user-facing
 * problem and model types. {@link io.convopt.solvers.relu.ReluProblem} is one of the two convex
 * programs over fixed activation patterns ({@link io.convopt.solvers.relu.Formulation}: GATED, the
 * unconstrained gated program; RELU, the cone-constrained program equivalent to ReLU training),
 * with a {@link io.convopt.solvers.relu.Loss} and group-norm weight beta; a solver ({@link
 * io.convopt.solvers.relu.ConvexReluSolver}, configured by {@link
 * io.convopt.solvers.relu.ReluSolverSettings}) returns a {@link
 * io.convopt.solvers.relu.ReluSolution} with its {@link io.convopt.solvers.relu.Certificate} and
 * {@link io.convopt.solvers.relu.StopReason}; {@link io.convopt.solvers.relu.TwoLayerNetwork} is
 * the recovered non-convex network. Regularisation paths and one-vs-all classification take any
 * solver.
 *
 * <p>Subpackages: {@code linalg} (the pattern operator and shared numerics), {@code sampling}
 * (activation patterns), {@code certificate} (objective, duality gap and projected-point
 * certificates, global optimality checks), {@code solve} (first-order solvers and the default
 * choice), {@code ipm} (interior-point method), {@code robust} (adversarially robust training),
 * {@code train} (the trainer façade: data in, certified and saveable model out).
 *
 * <p>Depends on: {@code relu.linalg}, {@code relu.sampling}. Must not depend on the solver,
 * certificate, interior-point, robust or train subpackages (they depend on this one).
 */
package io.convopt.solvers.relu;
