/**
 * The solvers module: the optimizer API ({@code api}), Algorithms 1–4 of convolutional optimization
 * and the exact surrogate (median) solvers ({@code conv}), baseline maximisers ({@code baselines}),
 * and the convex ({@code relu}) and non-convex ({@code nonconvex}) trainers of two-layer ReLU
 * networks. May depend on the kernel module, Commons Math and ND4J; never on the experiments or
 * report modules.
 */
package io.convopt.solvers;
