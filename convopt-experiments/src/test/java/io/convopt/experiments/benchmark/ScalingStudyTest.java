package io.convopt.experiments.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.experiments.io.CsvRowWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalingStudyTest {

  @TempDir Path dir;

  private static ScalingStudy tiny() {
    return new ScalingStudy(
        List.of("GRIEWANK"),
        List.of("conv-multires", "random"),
        List.of(1, 2),
        List.of(50L, 200L),
        2,
        2);
  }

  @Test
  void writesOneRowPerSolverDimensionAndBudgetAndResumes() throws Exception {
    Path csv = tiny().run(dir, r -> {});
    List<List<String>> rows = CsvRowWriter.readAll(csv);
    assertThat(rows.get(0)).isEqualTo(ScalingStudy.COLUMNS);
    assertThat(rows).hasSize(1 + 2 * 2 * 2);
    for (List<String> r : rows.subList(1, rows.size())) {
      double rate = Double.parseDouble(r.get(6));
      assertThat(rate).isBetween(0.0, 1.0);
      // rate is a mean over runs of 0/1 outcomes: a multiple of 1/runs
      assertThat(rate * 2)
          .isCloseTo(Math.rint(rate * 2), org.assertj.core.api.Assertions.within(1e-9));
      assertThat(Long.parseLong(r.get(3)))
          .isEqualTo(Long.parseLong(r.get(1)) * Long.parseLong(r.get(2)));
    }
    String first = Files.readString(csv);
    // Rerun: every cell resumes from its runs.csv, the success columns are reproduced exactly.
    tiny()
        .run(
            dir,
            r -> {
              throw new AssertionError("no run should execute on resume");
            });
    List<List<String>> again = CsvRowWriter.readAll(csv);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(again.get(i).subList(0, 8)).isEqualTo(rows.get(i).subList(0, 8));
    }
    assertThat(first).isNotEmpty();
  }

  @Test
  void rejectsFixedDimensionFunctionsAndUnknownSolvers() {
    assertThatThrownBy(
            () ->
                new ScalingStudy(
                    List.of("BRANIN"), List.of("random"), List.of(2), List.of(10L), 1, 1))
        .hasMessageContaining("fixed dimension");
    assertThatThrownBy(
            () ->
                new ScalingStudy(
                    List.of("GRIEWANK"), List.of("nope"), List.of(2), List.of(10L), 1, 1))
        .hasMessageContaining("unknown solver");
    assertThatThrownBy(
            () ->
                new ScalingStudy(
                    List.of("GRIEWANK"), List.of("random"), List.of(0), List.of(10L), 1, 1))
        .hasMessageContaining("dimension must be >= 1");
  }
}
