/**
 * What every experiment writes: CSV rows appended and flushed as they finish, with resume by key
 * ({@link io.convopt.experiments.io.CsvRowWriter}), provenance (version, git commit, JDK, cores,
 * time) and the summary files beside the rows. May depend on {@code io.convopt.solvers.nonconvex}
 * (for the ND4J settings it records) and Tablesaw; every other experiments package may use it.
 */
package io.convopt.experiments.io;
