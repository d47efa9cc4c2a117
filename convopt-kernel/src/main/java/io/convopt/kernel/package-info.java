/**
 * Convex kernels g_δ, power lifts and the convolution integrals of convolutional optimization
 * (value, gradient, Hessian, directional slope) as scalar and SIMD Riemann sums, plus the 1-D
 * incremental interval updates. Depends on nothing but the JDK and {@code jdk.incubator.vector}.
 */
package io.convopt.kernel;
