/**
 * A convolution solver whose cost does not grow as m^d: the surrogate F = g_δ * (f + C)^N and its
 * minimiser (the weighted geometric median of the lifted mass) are estimated from seeded,
 * randomised quasi-Monte Carlo samples of a region that shrinks around the surrogate's minimiser,
 * with power continuation, restarts that avoid the basins already found, and a counted local
 * polish. Entry point: {@link io.convopt.solvers.conv.sampled.SampledConvolution}.
 *
 * <p>Depends on {@code io.convopt.kernel} (power lift, lifted samples), {@code
 * io.convopt.solvers.api}, {@code io.convopt.solvers.conv} (the Weiszfeld geometric median) and
 * Commons Math (BOBYQA and Nelder–Mead for the polish); nothing depends on it inside the solvers
 * module.
 */
package io.convopt.solvers.conv.sampled;
