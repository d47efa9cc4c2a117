/**
 * The data behind the report's figures (1-D surrogate curves, 2-D contour grids, iterate paths),
 * written in the folder layout the report module reads; the report only draws. May depend on the
 * kernel, {@code io.convopt.solvers.api} and the experiments packages {@code functions}, {@code
 * tables} and {@code io}.
 */
package io.convopt.experiments.reportdata;
