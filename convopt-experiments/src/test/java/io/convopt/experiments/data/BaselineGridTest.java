package io.convopt.experiments.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.experiments.io.CsvRowWriter;
import io.convopt.solvers.nonconvex.Loss;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BaselineGridTest {

  private static BaselineGrid.Spec spec(List<String> datasets, int epochs) {
    return new BaselineGrid.Spec(
        datasets,
        BaselineGrid.METHODS,
        8,
        1e-3,
        List.of(0.05),
        List.of(1L, 2L),
        epochs,
        0.1,
        Loss.SQUARED,
        1995,
        0.2,
        32,
        16);
  }

  @Test
  void writesOneRowPerRunTrajectoriesAndResumes(@TempDir Path tmp) {
    BaselineGrid.Spec spec = spec(List.of("iris", "cpu_performance"), 3);
    Path runs = tmp.resolve("runs.csv");
    Path traj = tmp.resolve("traj.csv");
    List<BaselineGrid.Run> done = BaselineGrid.runGrid(DataCatalog.open(), spec, runs, traj);
    assertThat(done).hasSize(8);
    List<List<String>> rows = CsvRowWriter.readAll(runs);
    assertThat(rows.get(0)).isEqualTo(BaselineGrid.HEADER);
    assertThat(rows).hasSize(9);
    int acc = BaselineGrid.HEADER.indexOf("test_accuracy");
    int mse = BaselineGrid.HEADER.indexOf("test_mse_std");
    for (List<String> r : rows.subList(1, 9)) {
      if (r.get(1).equals("iris")) {
        assertThat(Double.parseDouble(r.get(acc))).isBetween(0.0, 1.0);
        assertThat(r.get(mse)).isEmpty();
        assertThat(r.get(BaselineGrid.HEADER.indexOf("classes"))).isEqualTo("3");
        assertThat(r.get(BaselineGrid.HEADER.indexOf("n_test"))).isEqualTo("30");
      } else {
        assertThat(Double.parseDouble(r.get(mse))).isPositive().isFinite();
        assertThat(r.get(acc)).isEmpty();
      }
    }
    assertThat(CsvRowWriter.readAll(traj)).hasSize(1 + 8 * 4);
    for (BaselineGrid.Run r : done) {
      assertThat(r.trajectory().get(3).objective()).isEqualTo(r.finalObjective());
    }
    List<BaselineGrid.Run> again = BaselineGrid.runGrid(DataCatalog.open(), spec, runs, traj);
    assertThat(again).isEmpty();
    assertThat(CsvRowWriter.readAll(runs)).hasSize(9);
  }

  @Test
  void equalSeedsGiveEqualRunsAndTheObjectiveSumsTheOneVsAllNetworks() {
    BaselineGrid.Spec spec = spec(List.of("wine"), 4);
    PreparedData wine = BaselineGrid.prepare(DataCatalog.open(), "wine", spec);
    BaselineGrid.Run a = BaselineGrid.run(wine, "adam", spec, 0.01, 5);
    BaselineGrid.Run b = BaselineGrid.run(wine, "adam", spec, 0.01, 5);
    assertThat(b.finalObjective()).isEqualTo(a.finalObjective());
    assertThat(b.testAccuracy()).isEqualTo(a.testAccuracy());
    assertThat(a.classes()).isEqualTo(3);
    assertThat(a.trajectory().get(0).objective()).isGreaterThan(a.finalObjective());
    assertThat(BaselineGrid.run(wine, "adam", spec, 0.01, 6).finalObjective())
        .isNotEqualTo(a.finalObjective());
  }

  @Test
  void decayingSgdHalvesItsRateAfterOneEpoch() {
    io.convopt.solvers.nonconvex.Sgd s =
        (io.convopt.solvers.nonconvex.Sgd) BaselineGrid.optimiser("sgd-decay", 0.2, 10);
    s.initialise(1);
    double[] p = {0};
    for (int i = 0; i < 10; i++) {
      s.step(p, new double[] {0});
    }
    assertThat(s.currentRate()).isEqualTo(0.1);
    BaselineGrid.Spec spec =
        new BaselineGrid.Spec(
            List.of("iris"),
            List.of("sgd-decay"),
            8,
            1e-3,
            List.of(0.1),
            List.of(1L),
            3,
            0.1,
            Loss.SQUARED,
            1995,
            0.2,
            32,
            16);
    BaselineGrid.Run r =
        BaselineGrid.run(
            BaselineGrid.prepare(DataCatalog.open(), "iris", spec), "sgd-decay", spec, 0.1, 1);
    assertThat(r.optimiser()).startsWith("sgd(lr=0.1, decay=0.1");
    assertThat(r.finalObjective()).isLessThan(r.trajectory().get(0).objective());
  }

  @Test
  void ecgRunsAsWindowedRegression() {
    BaselineGrid.Spec spec =
        new BaselineGrid.Spec(
            List.of("ecg"),
            List.of("adam"),
            8,
            1e-3,
            List.of(0.01),
            List.of(1L),
            2,
            0.1,
            Loss.SQUARED,
            1995,
            0.2,
            64,
            32);
    PreparedData ecg = BaselineGrid.prepare(DataCatalog.open(), "ecg", spec);
    BaselineGrid.Run r = BaselineGrid.run(ecg, "adam", spec, 0.01, 1);
    assertThat(r.task()).isEqualTo(Task.REGRESSION);
    assertThat(r.testMse()).isFinite().isPositive();
    // windows of 64 overlapping by 32: two windows dropped between the chronological parts
    assertThat(WindowedRegression.gapWindows(64, 32)).isEqualTo(2);
    assertThat(r.nTrain() + r.nTest())
        .isEqualTo(WindowedRegression.windowCount(108_000, 64, 32) - 2);
  }

  @Test
  void commandRunsTheQuickPresetAndRejectsBadArguments(@TempDir Path tmp) {
    CommandLine cl = new CommandLine(new TrainBaselinesCommand());
    int code = cl.execute("--quick", "--epochs", "2", "--seeds", "1", "--out", tmp.toString());
    assertThat(code).isZero();
    List<List<String>> rows =
        CsvRowWriter.readAll(tmp.resolve("baselines-quick").resolve("runs.csv"));
    assertThat(rows).hasSize(1 + 2 * 2 * 2);
    assertThat(rows.get(1).get(BaselineGrid.HEADER.indexOf("width"))).isEqualTo("16");
    assertThat(rows.get(1).get(BaselineGrid.HEADER.indexOf("epochs"))).isEqualTo("2");
    assertThatThrownBy(() -> new TrainBaselinesCommand().call())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--dataset");
    assertThatThrownBy(
            () ->
                new BaselineGrid.Spec(
                    List.of("iris"),
                    List.of("lbfgs"),
                    8,
                    0,
                    List.of(0.1),
                    List.of(1L),
                    1,
                    0.1,
                    Loss.SQUARED,
                    1,
                    0.2,
                    32,
                    16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lbfgs");
    assertThatThrownBy(
            () ->
                new BaselineGrid.Spec(
                    List.of("iris"),
                    List.of("sgd"),
                    8,
                    0,
                    List.of(-0.1),
                    List.of(1L),
                    1,
                    0.1,
                    Loss.SQUARED,
                    1,
                    0.2,
                    32,
                    16))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
