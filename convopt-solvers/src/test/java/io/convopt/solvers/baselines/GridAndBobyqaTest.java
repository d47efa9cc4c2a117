package io.convopt.solvers.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.kernel.Box;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridAndBobyqaTest {

  @Test
  void resolutionFollowsTheDocumentedRule() {
    assertThat(GridSearch.resolution(20_000, 2)).containsExactly(141, 141);
    assertThat(GridSearch.resolution(100, 3)).containsExactly(5, 5, 4);
    assertThat(GridSearch.resolution(1, 4)).containsExactly(1, 1, 1, 1);
    for (long b : new long[] {1, 7, 99, 1000, 12_345, 50_000}) {
      for (int d = 1; d <= 5; d++) {
        int[] cells = GridSearch.resolution(b, d);
        long product = 1;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int c : cells) {
          product *= c;
          min = Math.min(min, c);
          max = Math.max(max, c);
        }
        assertThat(product).as("b=%d d=%d", b, d).isLessThanOrEqualTo(b);
        assertThat(max - min).isLessThanOrEqualTo(1);
        // maximal: one more cell on any smallest axis would exceed the budget
        assertThat(product / min * (min + 1)).as("b=%d d=%d", b, d).isGreaterThan(b);
      }
    }
  }

  @Test
  void gridSamplesEveryCellMidpointOnce() {
    Box box = Box.of(new double[] {-1, 10}, new double[] {1, 13});
    List<double[]> seen = new ArrayList<>();
    Optimum opt =
        new GridSearch()
            .withMaxEvaluations(12)
            .optimize(
                Problem.of(
                    "p",
                    x -> {
                      seen.add(x.clone());
                      return -(x[0] - 0.2) * (x[0] - 0.2) - (x[1] - 12.3) * (x[1] - 12.3);
                    },
                    box),
                new double[] {0, 11});
    // 12 = 3 x 4 after the rule: m = 3 (9 <= 12 < 16), axis 0 raised to 4 (12), axis 1 stays 3
    assertThat(seen).hasSize(12);
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 3; j++) {
        double[] expected = {-1 + (i + 0.5) * 0.5, 10 + (j + 0.5) * 1.0};
        assertThat(seen).anySatisfy(x -> assertThat(x).containsExactly(expected));
      }
    }
    assertThat(opt.point()).containsExactly(0.25, 12.5);
    assertThat(opt.settings().get("cellsPerAxis")).isEqualTo("[4, 3]");
  }

  @Test
  void randomOffsetShiftsTheWholeGridInsideItsCellsReproducibly() {
    Box box = Box.of(new double[] {0, 0}, new double[] {1, 2});
    List<double[]> a = new ArrayList<>();
    List<double[]> b = new ArrayList<>();
    List<double[]> c = new ArrayList<>();
    GridSearch grid = new GridSearch().withMaxEvaluations(20); // 5 x 4 cells
    grid.withRandomOffset(7)
        .optimize(
            Problem.of(
                "p",
                x -> {
                  a.add(x.clone());
                  return x[0];
                },
                box),
            new double[] {0, 0});
    grid.withRandomOffset(7)
        .optimize(
            Problem.of(
                "p",
                x -> {
                  b.add(x.clone());
                  return x[0];
                },
                box),
            new double[] {0, 0});
    grid.withRandomOffset(8)
        .optimize(
            Problem.of(
                "p",
                x -> {
                  c.add(x.clone());
                  return x[0];
                },
                box),
            new double[] {0, 0});
    assertThat(a).hasSize(20);
    assertThat(b).usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(a);
    assertThat(c.get(0)).isNotEqualTo(a.get(0));
    // one offset per axis: every point is lower + (k + theta_i) * cell with theta_i in [0.05, 0.95]
    double theta0 = a.get(0)[0] / 0.2;
    double theta1 = a.get(0)[1] / 0.5;
    assertThat(theta0).isBetween(0.05, 0.95);
    assertThat(theta1).isBetween(0.05, 0.95);
    for (double[] x : a) {
      double k0 = x[0] / 0.2 - theta0;
      double k1 = x[1] / 0.5 - theta1;
      assertThat(Math.abs(k0 - Math.rint(k0))).isLessThan(1e-9);
      assertThat(Math.abs(k1 - Math.rint(k1))).isLessThan(1e-9);
      assertThat(box.contains(x)).isTrue();
    }
  }

  @Test
  void bobyqaRefusesOneDimension() {
    Box box = Box.of(new double[] {0}, new double[] {1});
    assertThatThrownBy(
            () ->
                new BobyqaMultistart()
                    .optimize(Problem.of("line", x -> -x[0] * x[0], box), new double[] {0.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BOBYQA needs dimension >= 2");
  }
}
