/**
 * The one grid runner of the experiments: a grid is a list of immutable cells with stable keys;
 * {@link io.convopt.experiments.grid.GridRunner} runs them on T threads, appends each finished
 * cell's rows at once, resumes by key, shards by a stable hash of the key ({@code --shard I/K} or a
 * Slurm array), shows one progress bar on stderr and writes one provenance format. The shared
 * picocli option groups ({@code --out}, {@code --threads}, {@code --fresh}, {@code --shard}, {@code
 * --quick}, {@code --seed}/{@code --repeats}) live here too.
 *
 * <p>Depends only on {@code io.convopt.experiments.io} (CSV, provenance, numbers), picocli and the
 * JDK; the commands depend on it, never the other way round.
 */
package io.convopt.experiments.grid;
