/**
 * The {@code compare-training} experiment: convex training of a two-layer ReLU network (the gated
 * program by R-FISTA, the constrained program by the interior-point method or ADMM) against SGD and
 * Adam on the same network and shipped datasets, at the field's protocol (5 000 gates, 2 500
 * patterns) by default; its grid, resumable runner, test metrics, summaries (performance profiles,
 * sensitivity), verdicts at the solved tolerances and findings. May depend on {@code
 * io.convopt.solvers.relu}, {@code io.convopt.solvers.nonconvex} and the experiments packages
 * {@code data}, {@code io} and {@code cli}.
 */
package io.convopt.experiments.compare;
