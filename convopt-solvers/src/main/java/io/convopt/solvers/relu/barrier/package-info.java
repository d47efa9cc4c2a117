/**
 * The machinery shared by the log-barrier interior-point methods ({@code relu.ipm} for the convex
 * ReLU programs, {@code relu.robust} for the robust program): the {@link
 * io.convopt.solvers.relu.barrier.NewtonBarrier} contract a barrier objective fulfils, the damped
 * Newton centring with its fraction-to-boundary Armijo line search, the barrier-parameter schedule,
 * and the numerics every such barrier uses the same way (the eliminated epigraph of a Euclidean
 * norm, logarithms of linear slacks, a dense Cholesky solve with iterative refinement).
 *
 * <p>Depends on: {@code relu.linalg} (Cholesky) only. Must not depend on the solvers that use it.
 */
package io.convopt.solvers.relu.barrier;
