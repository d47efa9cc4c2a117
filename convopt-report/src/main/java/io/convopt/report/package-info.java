/**
 * The offline HTML report: {@link io.convopt.report.ReportGenerator} turns whatever CSV tables and
 * JMH JSON files the experiments wrote into a results folder into one self-contained page with
 * inline SVG figures (every part optional; an absent part is stated, a malformed one is an error
 * naming file, row and column). Reads files only, never experiment classes: the subpackages {@code
 * data}, {@code plot}, {@code section} and {@code html} hold the pieces; {@code cli} holds the
 * {@code ./convopt} entry point.
 */
package io.convopt.report;
