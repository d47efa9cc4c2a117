package io.convopt.experiments.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.experiments.cli.GridCommands;
import io.convopt.experiments.io.CsvRowWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The grid runner across processes: a sweep run as three shards in three JVMs and merged equals the
 * unsharded run; a run killed (SIGKILL) halfway and resumed equals an uninterrupted one; merge
 * refuses shards of different grids and reports missing cells; {@code --threads -1} is a usage
 * error on every grid command.
 */
class ShardedGridTest {

  @TempDir Path dir;

  /** POLY1 with Algorithm 1: 2 etas x 2 powers x 3 starts = 12 cells, milliseconds each. */
  private static final List<String> SWEEP =
      List.of(
          "sweep",
          "--function",
          "POLY1",
          "--algorithm",
          "alg1",
          "--etas",
          "0.05,0.02",
          "--powers",
          "3,15",
          "--starts",
          "0.5;1.8;-0.9");

  private static final String SWEEP_CSV = "sweeps/poly1-alg1.csv";

  private record Outcome(int code, String err) {}

  private static Outcome run(List<String> base, String... more) {
    List<String> args = new ArrayList<>(base);
    args.addAll(List.of(more));
    StringWriter err = new StringWriter();
    CommandLine cl = GridTestMain.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    return new Outcome(cl.execute(args.toArray(String[]::new)), err.toString());
  }

  /** A child JVM running {@link GridTestMain} with the test classpath, output to {@code log}. */
  private static Process start(Path log, List<String> base, String... more) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                System.getProperty("java.class.path"),
                GridTestMain.class.getName()));
    cmd.addAll(base);
    cmd.addAll(List.of(more));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("SLURM_ARRAY"));
    return pb.start();
  }

  /** The rows without the named (timing) columns. */
  private static List<List<String>> withoutColumns(Path csv, String... drop) {
    List<List<String>> rows = CsvRowWriter.readAll(csv);
    List<Integer> keep = new ArrayList<>();
    for (int c = 0; c < rows.get(0).size(); c++) {
      if (!List.of(drop).contains(rows.get(0).get(c))) {
        keep.add(c);
      }
    }
    return rows.stream().map(r -> keep.stream().map(r::get).toList()).toList();
  }

  @Test
  void threeShardsInThreeProcessesMergeIntoTheUnshardedRun() throws Exception {
    List<Process> children = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      children.add(
          start(
              dir.resolve("shard" + i + ".log"),
              SWEEP,
              "--shard",
              i + "/3",
              "--threads",
              "1",
              "--out",
              dir.resolve("shard" + i).toString()));
    }
    assertThat(run(SWEEP, "--out", dir.resolve("whole").toString(), "--threads", "2").code())
        .isZero();
    int total = 0;
    for (int i = 1; i <= 3; i++) {
      Process p = children.get(i - 1);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(dir.resolve("shard" + i + ".log"))).isZero();
      int rows = CsvRowWriter.readAll(dir.resolve("shard" + i).resolve(SWEEP_CSV)).size() - 1;
      assertThat(rows).as("shard %d has some but not all cells", i).isBetween(1, 11);
      total += rows;
    }
    assertThat(total).isEqualTo(12);
    Outcome merge =
        run(
            List.of(
                "merge",
                "--out",
                dir.resolve("merged").toString(),
                dir.resolve("shard1").toString(),
                dir.resolve("shard2").toString(),
                dir.resolve("shard3").toString()));
    assertThat(merge.code()).as(merge.err()).isZero();
    assertThat(withoutColumns(dir.resolve("merged").resolve(SWEEP_CSV), "wall_ms"))
        .hasSize(13)
        .isEqualTo(withoutColumns(dir.resolve("whole").resolve(SWEEP_CSV), "wall_ms"));
  }

  @Test
  void aRunKilledHalfwayAndResumedEqualsAnUninterruptedRun() throws Exception {
    List<String> slow = List.of("slow-grid", "--cells", "12", "--threads", "2");
    Path killed = dir.resolve("killed");
    Path ledger = killed.resolve(SlowGridCommand.CELLS.path());
    Process p =
        start(dir.resolve("killed.log"), slow, "--sleep-ms", "300", "--out", killed.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lines(ledger) < 1 + 3 && System.nanoTime() < deadline && p.isAlive()) {
      Thread.sleep(10);
    }
    p.destroyForcibly();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    int before = CsvRowWriter.readAll(ledger).size() - 1;
    assertThat(before).as(Files.readString(dir.resolve("killed.log"))).isBetween(3, 11);

    assertThat(run(slow, "--sleep-ms", "15", "--out", killed.toString()).code()).isZero();
    Path whole = dir.resolve("whole");
    assertThat(run(slow, "--sleep-ms", "15", "--out", whole.toString()).code()).isZero();
    assertThat(withoutColumns(ledger, "wall_ms"))
        .hasSize(13)
        .isEqualTo(withoutColumns(whole.resolve(SlowGridCommand.CELLS.path()), "wall_ms"));
    assertThat(CsvRowWriter.readAll(killed.resolve(SlowGridCommand.DETAILS.path())))
        .hasSize(1 + 12 * 3)
        .isEqualTo(CsvRowWriter.readAll(whole.resolve(SlowGridCommand.DETAILS.path())));
  }

  private static long lines(Path f) throws IOException {
    return Files.exists(f) ? Files.readAllLines(f, StandardCharsets.UTF_8).size() : 0;
  }

  @Test
  void mergeRefusesShardsOfDifferentGridsAndReportsMissingCells() {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Path c = dir.resolve("c");
    assertThat(run(SWEEP, "--shard", "1/3", "--seed", "1", "--out", a.toString()).code()).isZero();
    assertThat(run(SWEEP, "--shard", "2/3", "--seed", "2", "--out", b.toString()).code()).isZero();
    assertThat(run(SWEEP, "--shard", "2/3", "--seed", "1", "--out", c.toString()).code()).isZero();
    Outcome mismatch =
        run(List.of("merge", "--out", dir.resolve("m1").toString(), a.toString(), b.toString()));
    assertThat(mismatch.code()).isEqualTo(2);
    assertThat(mismatch.err())
        .contains("cannot merge grid sweep-poly1-alg1")
        .contains("differ in options");
    assertThat(dir.resolve("m1")).doesNotExist();

    Outcome partial =
        run(List.of("merge", "--out", dir.resolve("m2").toString(), a.toString(), c.toString()));
    assertThat(partial.code()).isEqualTo(1);
    int expected =
        CsvRowWriter.readAll(a.resolve(SWEEP_CSV)).size()
            + CsvRowWriter.readAll(c.resolve(SWEEP_CSV)).size()
            - 2;
    assertThat(CsvRowWriter.readAll(dir.resolve("m2").resolve(SWEEP_CSV))).hasSize(1 + expected);
    assertThat(expected).isLessThan(12);
  }

  @Test
  void negativeThreadsAreAUsageErrorOnEveryGridCommand() {
    for (String name : GridCommands.all().keySet()) {
      Path out = dir.resolve(name);
      Outcome o = run(List.of(name, "--threads", "-1", "--out", out.toString()));
      assertThat(o.code()).as(name).isEqualTo(2);
      assertThat(o.err()).as(name).contains("--threads must be >= 1, or 0 for all cores; got -1");
      assertThat(out).as(name).doesNotExist();
    }
  }
}
