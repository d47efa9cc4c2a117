/**
 * The interior-point method for the convex ReLU programs ({@link
 * io.convopt.solvers.relu.ipm.InteriorPointSolver}): logarithmic barriers on the cone constraints
 * and the loss epigraph, Newton steps that exploit the block structure of the Hessian, and the
 * final certificate.
 *
 * <p>Depends on: {@code relu}, {@code relu.linalg}, {@code relu.sampling}, {@code
 * relu.certificate}. Must not depend on {@code relu.solve}.
 */
package io.convopt.solvers.relu.ipm;
