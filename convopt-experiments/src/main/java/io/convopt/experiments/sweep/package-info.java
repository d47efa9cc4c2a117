/**
 * Step size × power × start sweeps of one convolution solver on one paper function, run in parallel
 * and resumable (a finished run is written at once and skipped by a rerun). May depend on {@code
 * io.convopt.solvers.api}, {@code io.convopt.solvers.conv} and the experiments packages {@code
 * functions}, {@code tables} and {@code io}.
 */
package io.convopt.experiments.sweep;
