/**
 * The one comparison pipeline behind {@code compare-training} and {@code compare-robust}: a {@link
 * io.convopt.experiments.comparison.Comparison} names its cells (methods × datasets × seeds × its
 * own axes), trains and measures one cell, and summarises the finished rows into its metrics and
 * findings; {@link io.convopt.experiments.comparison.ComparisonPipeline} runs it on the grid runner
 * and writes the shared outputs. New methods, metrics or options (larger pattern counts, another
 * solver) go into a comparison, not into a copy of the pipeline.
 *
 * <p>Depends on {@code grid}, {@code io}, {@code data} (the dataset catalog) and the findings type
 * of {@code compare}; the two comparisons depend on it.
 */
package io.convopt.experiments.comparison;
