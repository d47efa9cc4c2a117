/**
 * The report's input as data: immutable CSV tables read as text (numbers parsed on demand, so a bad
 * cell is reported with file, row and column), JMH JSON results and the paper-verdict vocabulary.
 * May depend on {@code io.convopt.report} (for its exception), Jackson and Tablesaw.
 */
package io.convopt.report.data;
