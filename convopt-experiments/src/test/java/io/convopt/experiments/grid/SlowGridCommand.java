package io.convopt.experiments.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A test-only grid command whose cells sleep, so a test can kill its process while cells are
 * running: cell i writes three detail rows (seeded values) and then its ledger row (their sum and
 * its wall time).
 */
@Command(name = "slow-grid")
final class SlowGridCommand implements Callable<Integer> {

  static final GridTable DETAILS =
      new GridTable("slow/details.csv", List.of("key", "step", "value"), "key");
  static final GridTable CELLS =
      new GridTable("slow/cells.csv", List.of("key", "sum", "wall_ms"), "key");

  @Option(names = "--cells", defaultValue = "12")
  int cells;

  @Option(names = "--sleep-ms", defaultValue = "150")
  long sleepMs;

  @Mixin GridOptions grid;

  @Override
  public Integer call() {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < cells; i++) {
      ids.add(i);
    }
    Grid<Integer> g = new Grid<>("slow-grid", ids, i -> "cell-" + i, List.of(DETAILS, CELLS));
    new GridRunner(grid.settings(1))
        .run(
            g,
            i -> {
              long t0 = System.nanoTime();
              SplittableRandom r = new SplittableRandom(1000 + i);
              List<List<String>> details = new ArrayList<>();
              double sum = 0;
              for (int s = 0; s < 3; s++) {
                double v = r.nextDouble();
                sum += v;
                details.add(List.of("cell-" + i, Integer.toString(s), Double.toString(v)));
                sleep(sleepMs / 3);
              }
              return CellRows.of(
                  details,
                  List.of(
                      "cell-" + i,
                      Double.toString(sum),
                      Long.toString((System.nanoTime() - t0) / 1_000_000)));
            },
            new GridRunner.Description("slow/provenance.csv", java.util.Map.of(), "1000+i"));
    return 0;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
