package io.convopt.solvers.nonconvex;

/**
 * One point of a training trajectory, recorded after each epoch (epoch 0 is the initialisation).
 *
 * @param epoch completed epochs
 * @param steps optimiser steps taken so far
 * @param objective the full-batch objective F(θ) (summed loss + (β/2)‖θ‖²)
 * @param wallSeconds training time so far, excluding the per-epoch bookkeeping (this objective and
 *     the metric)
 * @param metric the value of the caller's metric hook on the current network, NaN without one
 */
public record EpochRecord(
    int epoch, long steps, double objective, double wallSeconds, double metric) {}
