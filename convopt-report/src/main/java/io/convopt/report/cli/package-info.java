/**
 * The {@code ./convopt} entry point ({@link io.convopt.report.cli.ConvOptMain}: every subcommand
 * registered, exit code 0 success, 2 usage error, 1 failed run) and the commands that end in a
 * report ({@code reproduce}, {@code report}, {@code compare-all}). The only package of the report
 * module that may depend on the experiments module (to register and run its commands); it also uses
 * {@code io.convopt.report}.
 */
package io.convopt.report.cli;
