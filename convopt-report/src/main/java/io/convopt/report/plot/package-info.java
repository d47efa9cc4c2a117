/**
 * A small SVG plotting library with no dependencies: immutable figure specifications (line and
 * marker plots with optional filled contour fields, categorical heatmaps) that render themselves to
 * standalone SVG, with viridis colours, nice linear and log ticks, and shapes as well as colours to
 * tell series apart. Depends on the JDK only.
 */
package io.convopt.report.plot;
