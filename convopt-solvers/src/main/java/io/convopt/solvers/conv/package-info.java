/**
 * The convolution solvers: maximise f over a box by minimising the convex F = g<sub>δ</sub> * w,
 * with w = (f + C)<sup>N</sup> the power lift and g<sub>δ</sub> the convex smoothed-|x| kernel (Lu
 * 2025, arXiv:2503.22135). Each solver implements {@link io.convopt.solvers.api.Solver} and is
 * configured by one immutable {@link io.convopt.solvers.conv.ConvolutionSettings} (step η, power N,
 * kernel width δ, fine step, iterations, shift rule, seed; change one with {@code withX}).
 *
 * <h2>Solvers</h2>
 *
 * <ul>
 *   <li>{@link io.convopt.solvers.conv.SignDescent1D}: Algorithm 1, 1-D sign descent on the lattice
 *       θ<sub>0</sub> + ηℤ with O(1) incremental slope updates.
 *   <li>{@link io.convopt.solvers.conv.ConvolutionDescent}: Algorithm 2, n-D descent on ∇F; {@link
 *       io.convopt.solvers.conv.StepRule#SIGN} (default) or normalised-gradient steps.
 *   <li>{@link io.convopt.solvers.conv.ZigzagCyclic}: Algorithm 3 ("zigzag1"), cyclic 1-D
 *       convolution steps along the axes ({@link io.convopt.solvers.conv.ZigzagUnit}).
 *   <li>{@link io.convopt.solvers.conv.ZigzagSampled}: Algorithm 4 ("zigzag2"), steps along the
 *       best of M seeded directions on a sphere whose radius shrinks to δ ({@link
 *       io.convopt.solvers.conv.RadiusSchedule}).
 *   <li>{@link io.convopt.solvers.conv.SurrogateMedianSolver}: the exact minimiser of the surrogate
 *       on the coarse samples (δ-smoothed weighted median in 1-D, Weiszfeld geometric median in
 *       n-D), without descent.
 *   <li>{@link io.convopt.solvers.conv.PowerContinuation}: raises N on the same samples until the
 *       surrogate's minimiser stops moving; {@link
 *       io.convopt.solvers.conv.MultiResolutionConvolution} ("conv-multires") adds grid refinement
 *       around it under an evaluation budget.
 * </ul>
 *
 * <p>Every coarse grid is sampled at lattice cell midpoints ({@code BoxLattice}), so a pole on the
 * iterate lattice is never evaluated; a pole hit exactly elsewhere is an error naming the point.
 * Equal settings and seeds give bit-identical runs. Depends on {@code io.convopt.kernel} (kernels,
 * lifts, grids, convolution sums) and {@code io.convopt.solvers.api}; nothing else in the project.
 */
package io.convopt.solvers.conv;
