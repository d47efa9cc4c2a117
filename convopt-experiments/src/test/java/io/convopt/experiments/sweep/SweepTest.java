package io.convopt.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class SweepTest {

  @TempDir Path dir;

  private static SweepSpec spec() {
    return new SweepSpec(
        "POLY1",
        "alg1",
        List.of(0.05, 0.02),
        List.of(3.0, 15.0),
        SweepSpec.parseStarts("0.5;1.8;-0.9"),
        0,
        42);
  }

  @Test
  void anInterruptedAndResumedSweepEqualsAnUninterruptedOne() {
    Path whole = dir.resolve("whole.csv");
    assertThat(Sweep.run(spec(), whole, 2, r -> {})).isEqualTo(12);

    Path resumed = dir.resolve("resumed.csv");
    AtomicInteger seen = new AtomicInteger();
    // One worker for the interrupted run makes the number of finished rows deterministic (the
    // fifth cell fails before its row is written, so four are kept); the resumed run then uses two
    // workers, so resumption across thread counts is covered too.
    assertThatThrownBy(
            () ->
                Sweep.run(
                    spec(),
                    resumed,
                    1,
                    r -> {
                      if (seen.incrementAndGet() == 5) {
                        throw new IllegalStateException("simulated interruption");
                      }
                    }))
        .hasMessageContaining("simulated interruption");
    int before = Sweep.read(resumed, true).rowCount();
    assertThat(before).isEqualTo(4);
    int ranNow = Sweep.run(spec(), resumed, 2, r -> {});
    assertThat(ranNow).isEqualTo(12 - before);

    Table a = Sweep.read(whole, true);
    Table b = Sweep.read(resumed, true);
    assertThat(b.rowCount()).isEqualTo(12);
    assertThat(b.columnNames()).isEqualTo(a.columnNames());
    for (int i = 0; i < a.rowCount(); i++) {
      for (String c : a.columnNames()) {
        assertThat(b.getString(i, c)).as(c + " row " + i).isEqualTo(a.getString(i, c));
      }
    }
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    Path one = dir.resolve("one.csv");
    Path two = dir.resolve("two.csv");
    Sweep.run(spec(), one, 1, r -> {});
    Sweep.run(spec(), two, 2, r -> {});
    assertThat(Sweep.sortedRows(one).stream().map(r -> r.subList(0, 13)).toList())
        .isEqualTo(Sweep.sortedRows(two).stream().map(r -> r.subList(0, 13)).toList());
  }

  @Test
  void badSpecsAreRejected() {
    assertThatThrownBy(
            () ->
                new SweepSpec(
                    "POLY1",
                    "alg1",
                    List.of(-0.1),
                    List.of(3.0),
                    SweepSpec.parseStarts("0.5"),
                    0,
                    1))
        .hasMessageContaining("eta");
    assertThatThrownBy(() -> SweepSpec.parseList("0.1,abc")).hasMessageContaining("abc");
    SweepSpec wrongDim =
        new SweepSpec(
            "POLY1", "alg1", List.of(0.1), List.of(3.0), SweepSpec.parseStarts("0.5 0.5"), 0, 1);
    assertThatThrownBy(() -> Sweep.run(wrongDim, dir.resolve("x.csv"), 1, r -> {}))
        .hasMessageContaining("dimension");
    SweepSpec outside =
        new SweepSpec(
            "POLY1", "alg1", List.of(0.1), List.of(3.0), SweepSpec.parseStarts("5"), 0, 1);
    assertThatThrownBy(() -> Sweep.run(outside, dir.resolve("y.csv"), 1, r -> {}))
        .hasMessageContaining("outside");
    SweepSpec badAlg =
        new SweepSpec(
            "POLY1", "nope", List.of(0.1), List.of(3.0), SweepSpec.parseStarts("0.5"), 0, 1);
    assertThatThrownBy(() -> Sweep.run(badAlg, dir.resolve("z.csv"), 1, r -> {}))
        .hasMessageContaining("unknown algorithm");
  }
}
