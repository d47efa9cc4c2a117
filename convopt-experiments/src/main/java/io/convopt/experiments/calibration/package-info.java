/**
 * Leave-one-out calibration of the LOG2 reconstruction: small families of candidates (function
 * formulas and algorithmic readings, each with at most five free parameters), the immutable cells
 * (family, candidate, published row) with their pure cell → row function, the resumable parallel
 * loop that writes them row by row to CSV, and the leave-one-out analysis that ranks the families
 * by how well a calibration on 16 published rows predicts the 17th.
 *
 * <p>Depends on {@code experiments.functions} (formulas), {@code experiments.tables} (published
 * rows, table runs, verdicts), {@code experiments.io} (CSV) and the solvers; nothing depends on it
 * but the command line and the report's reading of its CSV files.
 */
package io.convopt.experiments.calibration;
