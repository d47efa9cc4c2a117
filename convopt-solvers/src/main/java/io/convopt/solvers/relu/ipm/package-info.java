/**
 * The interior-point method for the convex ReLU programs ({@link
 * io.convopt.solvers.relu.ipm.InteriorPointSolver}): the barrier objective on the cone constraints
 * and the loss epigraph ({@code IpmBarrier}), its Newton system and factorisation exploiting the
 * block structure of the Hessian ({@code IpmNewtonSystem}, {@code GivensBlockFactor}, {@code
 * GramKernels}), and the final certificate. The path (centring, line search, tau schedule) is the
 * shared one of {@code relu.barrier}.
 *
 * <p>Depends on: {@code relu}, {@code relu.barrier}, {@code relu.linalg}, {@code relu.sampling},
 * {@code relu.certificate}. Must not depend on {@code relu.solve}.
 */
package io.convopt.solvers.relu.ipm;
