/**
 * Test functions to maximise: the paper's four functions as documented reconstructions (parameters
 * in {@code data/test-functions/}) and the standard global-optimization functions, shifted off
 * centre, each with its box, known maxima and provenance ({@link
 * io.convopt.experiments.functions.TestFunction}). May depend on {@code io.convopt.kernel} and
 * {@code io.convopt.solvers.api} only.
 */
package io.convopt.experiments.functions;
