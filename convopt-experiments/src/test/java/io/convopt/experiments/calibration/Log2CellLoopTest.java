package io.convopt.experiments.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.experiments.io.CsvRowWriter;
import io.convopt.experiments.tables.PublishedRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cell loop: pure cells, row-by-row CSV, resume by key, no verdict column. */
class Log2CellLoopTest {

  @TempDir Path dir;

  @Test
  void runsMissingCellsOnlyAndRowsArePureFunctionsOfTheCell() {
    // The two cheapest LOG2 rows (η = 0.05, T = 50), two candidates: four cells.
    List<PublishedRow> rows =
        Log2Calibration.rows().stream()
            .filter(r -> r.key().equals("t2r1") || r.key().equals("t2r2"))
            .toList();
    assertThat(rows).hasSize(2);
    List<Log2Cell> cells = new ArrayList<>();
    for (Candidate c : Log2Family.POWER.candidates(2, 42)) {
      rows.forEach(r -> cells.add(new Log2Cell(c, r)));
    }
    Path csv = dir.resolve("power.csv");
    AtomicInteger done = new AtomicInteger();
    assertThat(Log2CellLoop.run(csv, cells.subList(0, 3), 42, 2, done::incrementAndGet))
        .isEqualTo(3);
    assertThat(Log2CellLoop.run(csv, cells, 42, 2, done::incrementAndGet)).isEqualTo(1);
    assertThat(Log2CellLoop.run(csv, cells, 42, 2, done::incrementAndGet)).isZero();
    assertThat(done.get()).isEqualTo(4);
    List<List<String>> written = CsvRowWriter.readAll(csv);
    assertThat(written.get(0)).isEqualTo(Log2Cell.COLUMNS).doesNotContain("verdict");
    assertThat(written).hasSize(5);
    // Whatever thread or order wrote a row, it equals the cell run again now.
    Log2Cell last = cells.get(3);
    List<String> row =
        written.stream().filter(r -> r.get(0).equals(last.key())).findFirst().orElseThrow();
    assertThat(last.run(42)).isEqualTo(row);
    // A kept row made with other parameters (another seed) is refused, not silently mixed in.
    List<Log2Cell> otherSeed = new ArrayList<>();
    for (Candidate c : Log2Family.POWER.candidates(2, 7)) {
      otherSeed.add(new Log2Cell(c, rows.get(0)));
    }
    assertThatThrownBy(() -> Log2CellLoop.run(csv, otherSeed, 7, 1, () -> {}))
        .hasMessageContaining("was run with parameters")
        .hasMessageContaining("--fresh");
  }
}
