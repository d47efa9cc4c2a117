/**
 * One class per report section (paper tables, sweeps, surrogate curves, 2-D paths, kernel and
 * global benchmarks, scaling, convex-vs-non-convex comparison, robustness, provenance): each reads
 * its CSV files and returns its heading, HTML and figures. May depend on the report packages {@code
 * data}, {@code plot} and {@code html}.
 */
package io.convopt.report.section;
