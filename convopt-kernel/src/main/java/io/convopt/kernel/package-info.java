/**
 * Convex kernels g<sub>δ</sub>, lifts and the convolution integrals of convolutional optimization
 * (value, gradient, Hessian, directional slope) as scalar and SIMD Riemann sums, plus the 1-D
 * incremental interval updates. Depends on nothing but the JDK and {@code jdk.incubator.vector}
 * (every JVM that loads this package needs {@code --add-modules jdk.incubator.vector}).
 *
 * <h2>Building blocks (paper eq. (1)–(21))</h2>
 *
 * <ul>
 *   <li>{@link io.convopt.kernel.Box} – the box the target lives on (f<sup>N</sup> = 0 outside).
 *   <li>{@link io.convopt.kernel.ConvexKernel} – g<sub>δ</sub>, eq. (2)/(3), with derivatives.
 *   <li>{@link io.convopt.kernel.Lift} → {@link io.convopt.kernel.LiftFunction}: {@link
 *       io.convopt.kernel.PowerLift} (f + C)<sup>N</sup> with a {@link
 *       io.convopt.kernel.ShiftRule}, plain or log-domain, and {@link
 *       io.convopt.kernel.ExponentialLift}. A lift is {@code fit} on reference samples (constants C
 *       and the log-domain scale fixed there) and then applied everywhere.
 *   <li>Sampling: {@link io.convopt.kernel.LatticeGrid1D} (θ<sub>0</sub> + ηZ ∩ [a, b], the coarse
 *       grid aligned with the iterates), {@link io.convopt.kernel.TensorGrid} (n-D), {@link
 *       io.convopt.kernel.FineGrid} (closed δ-window / δ-ball, default step δ/10), all producing a
 *       structure-of-arrays {@link io.convopt.kernel.PointSet}; {@link
 *       io.convopt.kernel.SampleCache} evaluates f once per point and counts evaluations; {@link
 *       io.convopt.kernel.LiftedSamples} = points + weights + cell volume.
 *   <li>{@link io.convopt.kernel.ConvolutionSums} – the façade for F, F', F'', ∇F, ∇²F and the
 *       directional slope (eq. (4)–(5), (16), (19)–(21)); it dispatches to {@link
 *       io.convopt.kernel.ScalarConvolutionSums} or {@link io.convopt.kernel.VectorConvolutionSums}
 *       by size ({@link io.convopt.kernel.KernelTunables}).
 *   <li>{@link io.convopt.kernel.IncrementalMasses1D} – L, R (O(1) per move, eq. (17)/(18)), the
 *       window term M and the slope D = L − R + M for Algorithm 1.
 * </ul>
 *
 * <h2>Typical 1-D use (Algorithm 1)</h2>
 *
 * <pre>{@code
 * LatticeGrid1D grid = LatticeGrid1D.of(theta0, eta, a, b);
 * SampleCache cache = SampleCache.of1D(f);
 * double[] values = cache.values(grid.points());
 * LiftFunction lift = PowerLift.of(n, ShiftRule.minShift(margin)).fit(values);
 * IncrementalMasses1D s = IncrementalMasses1D.create(grid, lift.weights(values, null),
 *     ConvexKernel.of(delta), FineGrid.defaultStep(delta),
 *     IncrementalMasses1D.weightFunction(cache, lift), grid.nearestIndex(theta0));
 * for (int k = 0; k < T; k++) s = s.moveBy(-(long) Math.signum(s.slope()));
 * }</pre>
 *
 * <h2>Conventions</h2>
 *
 * <ul>
 *   <li>Errors are {@link java.lang.IllegalArgumentException}s whose message names the parameter,
 *       the bad value and the allowed range (or the point x where f or the lift failed).
 *   <li>Poles: {@link io.convopt.kernel.SampleCache} refuses NaN/±∞ values of f and reports x. It
 *       does not cap values; the solver layer must keep grid points off poles (e.g. by offsetting
 *       the lattice origin by a fraction of the step).
 *   <li>Windows are closed: points at exactly ‖θ − x‖ = δ belong to the window (g'' = 1/δ there).
 *   <li>Shift: with {@code ShiftRule.minShift(0)} fitted on the coarse samples, a fine-window point
 *       where f is below the coarse minimum has f + C &lt; 0 and the lift throws; use a margin or
 *       fit on a sample set that includes the fine points.
 *   <li>Value types are immutable and thread-safe, except {@link io.convopt.kernel.SampleCache}
 *       (one per run).
 * </ul>
 */
package io.convopt.kernel;
