/**
 * Certificates of the convex ReLU programs: objective and duality-gap evaluation ({@link
 * io.convopt.solvers.relu.certificate.Evaluator}), the projected-point certificate of the
 * cone-constrained program ({@link io.convopt.solvers.relu.certificate.ProjectedCertificate}, using
 * {@link io.convopt.solvers.relu.certificate.ConeRestoration} to restore cone feasibility), and the
 * check that a solution over sampled patterns is globally optimal for the non-convex network
 * ({@link io.convopt.solvers.relu.certificate.GlobalOptimalityCheck}).
 *
 * <p>Depends on: {@code relu}, {@code relu.linalg}, {@code relu.sampling}. Must not depend on the
 * solvers ({@code relu.solve}, {@code relu.ipm}), which depend on it.
 */
package io.convopt.solvers.relu.certificate;
