/**
 * The command-line subcommands of the paper reproduction ({@code tables}, {@code sweep}, {@code
 * calibrate}, {@code reproduce}, {@code merge}), the shared error handling of every command ({@link
 * io.convopt.experiments.cli.GridCommands}) and the value lists that {@code --help} shows. May
 * depend on the experiments packages that do the work ({@code tables}, {@code sweep}, {@code
 * calibration}, {@code functions}, {@code grid}, {@code io}, {@code reportdata}) and on the other
 * command packages it registers.
 */
package io.convopt.experiments.cli;
