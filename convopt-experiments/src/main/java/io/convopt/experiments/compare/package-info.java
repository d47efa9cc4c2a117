/**
 * The {@code compare-training} experiment: convex training of a two-layer ReLU network (the gated
 * program by R-FISTA, the constrained program by the interior-point or augmented-Lagrangian method)
 * against SGD and Adam on the same network and shipped datasets; its grid, resumable runner, test
 * metrics, summaries (performance profiles, sensitivity) and findings. May depend on {@code
 * io.convopt.solvers.relu}, {@code io.convopt.solvers.nonconvex} and the experiments packages
 * {@code data}, {@code io} and {@code cli}.
 */
package io.convopt.experiments.compare;
