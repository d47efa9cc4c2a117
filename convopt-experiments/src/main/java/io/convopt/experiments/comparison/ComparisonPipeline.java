package io.convopt.experiments.comparison;

import io.convopt.experiments.compare.Findings;
import io.convopt.experiments.grid.Grid;
import io.convopt.experiments.grid.GridOutcome;
import io.convopt.experiments.grid.GridRunner;
import io.convopt.experiments.grid.GridSettings;
import io.convopt.experiments.io.RunOutputs;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Runs a {@link Comparison} on the grid runner into {@code OUT/FOLDER} (resumable, shardable), then
 * summarises every finished row of the grid (also those of earlier invocations or other shards),
 * writes {@code findings.csv} and {@code summary.txt} next to the comparison's own tables and
 * prints the summary.
 */
public final class ComparisonPipeline {
  private ComparisonPipeline() {}

  /** What a run did: cells run now, their wall time, the findings, the folder. */
  public record Result(int done, double seconds, List<Findings.Finding> findings, Path dir) {}

  /**
   * The body of a comparison command: limits ND4J's threads, runs {@code comparison} into {@code
   * folder}, prints the summary and a closing line to stdout.
   */
  public static <C> Result runCommand(
      Comparison<C> comparison, GridSettings settings, ComparisonOptions common, String folder) {
    common.applyNd4jThreads();
    Result r = run(comparison, settings, folder, System.out);
    System.out.printf(
        Locale.ROOT,
        "%s: %d cells run now, %d in the grid, %.1f s; outputs in %s%n",
        comparison.name(),
        r.done(),
        comparison.cells().size(),
        r.seconds(),
        r.dir());
    return r;
  }

  /**
   * Runs {@code comparison} on one thread into {@code dir} (resuming); prints the summary to {@code
   * log}.
   */
  public static <C> Result run(Comparison<C> comparison, Path dir, PrintStream log) {
    return run(
        comparison,
        GridSettings.local(dir.toAbsolutePath().getParent(), 1),
        dir.getFileName().toString(),
        log);
  }

  /**
   * Runs {@code comparison} with {@code settings} into {@code folder}; prints the summary to {@code
   * out}.
   */
  public static <C> Result run(
      Comparison<C> comparison, GridSettings settings, String folder, PrintStream out) {
    Grid<C> grid =
        new Grid<>(
            comparison.name(), comparison.cells(), comparison::key, comparison.tables(folder));
    GridOutcome o =
        new GridRunner(settings)
            .run(
                grid,
                comparison::run,
                new GridRunner.Description(
                    folder + "/provenance.csv", comparison.parameters(), comparison.seeds()));
    Path dir = settings.out().resolve(folder);
    Comparison.Summary s = comparison.summarise(dir, o.seconds());
    RunOutputs.writeTable(Findings.table(s.findings()), dir.resolve("findings.csv"));
    RunOutputs.writeText(s.text(), dir.resolve("summary.txt"));
    out.print(s.text());
    return new Result(o.executed(), o.seconds(), s.findings(), dir);
  }
}
