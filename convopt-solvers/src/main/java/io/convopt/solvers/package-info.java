/**
 * Optimizers built on the kernel: Algorithms 1–4 of convolutional optimization, exact surrogate
 * (median) solvers, baselines, and the convex trainers of two-layer ReLU networks.
 */
package io.convopt.solvers;
