/**
 * The HTML page: inline CSS, the table of contents, escaped fragments, and an inline script that
 * checks every figure rendered. May depend on the report packages {@code data}, {@code plot} and
 * {@code section}.
 */
package io.convopt.report.html;
