/**
 * The command-line subcommands of the paper reproduction ({@code tables}, {@code sweep}, {@code
 * calibrate}) and the progress bar every long command shows. May depend on the experiments
 * packages that do the work ({@code tables}, {@code sweep}, {@code functions}, {@code io}, {@code
 * reportdata}); the other command packages use its {@link io.convopt.experiments.cli.Progress}.
 */
package io.convopt.experiments.cli;
