/**
 * Activation patterns: sampling them from random gates, enumerating all of them in low dimension,
 * or taking them as given ({@link io.convopt.solvers.relu.sampling.ActivationPatterns}), and the
 * scenario bound on how many arrangements a sample of patterns misses ({@link
 * io.convopt.solvers.relu.sampling.ScenarioBound}).
 *
 * <p>Depends on: {@code relu.linalg} only.
 */
package io.convopt.solvers.relu.sampling;
