package io.convopt.experiments.relu;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.experiments.io.CsvRowWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The cost command on a tiny grid: it runs, writes its files with the expected columns (no timing
 * checks).
 */
class AdmmCostCommandTest {
  @TempDir Path dir;

  private int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = new CommandLine(new AdmmCostCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void tinyGridWritesOneRowPerCellAndSolverWithTheExpectedColumns() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        run(
            out,
            err,
            "--n",
            "20,30",
            "--d",
            "3",
            "--p",
            "4,6",
            "--iterations",
            "3",
            "--repeats",
            "1",
            "--min-time",
            "0",
            "--gemm-size",
            "32",
            "--out",
            dir.toString());
    assertThat(code).as(err.toString()).isZero();
    Path folder = dir.resolve("relu-cost");
    List<List<String>> rows = CsvRowWriter.readAll(folder.resolve("cells.csv"));
    assertThat(rows.get(0)).isEqualTo(AdmmCostCommand.COLUMNS);
    assertThat(rows.get(0))
        .contains(
            "solver",
            "n",
            "d",
            "p",
            "seed",
            "iterations",
            "setup_ms",
            "iter_ms",
            "gflops",
            "gemm_pct",
            "cached_rows",
            "cached_cols",
            "woodbury_cached_bytes",
            "dense_factor_bytes",
            "version",
            "git_commit");
    assertThat(rows).hasSize(1 + 4 * 2);
    int solver = rows.get(0).indexOf("solver");
    int n = rows.get(0).indexOf("n");
    int rowsOf = rows.get(0).indexOf("cached_rows");
    int colsOf = rows.get(0).indexOf("cached_cols");
    int seed = rows.get(0).indexOf("seed");
    for (List<String> r : rows.subList(1, rows.size())) {
      assertThat(r).hasSize(AdmmCostCommand.COLUMNS.size());
      assertThat(r.get(solver)).isIn("admm", "fista");
      assertThat(r.get(seed)).isEqualTo("1");
      if (r.get(solver).equals("admm")) {
        // the Woodbury u-step caches an n x n matrix
        assertThat(r.get(rowsOf)).isEqualTo(r.get(n));
        assertThat(r.get(colsOf)).isEqualTo(r.get(n));
      }
    }
    List<List<String>> fit = CsvRowWriter.readAll(folder.resolve("fit.csv"));
    assertThat(fit.get(0))
        .containsExactly(
            "model",
            "kind",
            "term_or_n",
            "d",
            "p",
            "value",
            "measured_ms",
            "predicted_ms",
            "ratio");
    assertThat(fit.stream().map(r -> r.get(0)).distinct())
        .contains("admm_setup", "admm_iter", "admm_iter_nb", "fista_iter", "fista_iter_np");
    assertThat(folder.resolve("provenance.csv")).exists();
    assertThat(folder.resolve("summary.txt")).exists();
    assertThat(out.toString()).contains("fitted coefficients", "max deviation factor", "% of the");
  }

  @Test
  void rejectsAnIterationCountThatWouldTimeTheInLoopCertificate() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(run(out, err, "--iterations", "51", "--out", dir.toString())).isNotZero();
    assertThat(Files.exists(dir.resolve("relu-cost"))).isFalse();
  }

  @Test
  void theThreadCpuClockRefusesMultithreadedNd4j() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(run(out, err, "--nd4j-threads", "2", "--out", dir.toString())).isNotZero();
    assertThat(Files.exists(dir.resolve("relu-cost"))).isFalse();
  }
}
