package io.convopt.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleCacheBatchTest {

  private static double f(double[] p) {
    return Math.sin(3 * p[0]) + p[1] * p[1];
  }

  /** Records every batch it is given, then evaluates f point by point. */
  private static final class RecordingBatch implements SampleCache.Batch {
    final List<Integer> sizes = new ArrayList<>();

    @Override
    public void evaluate(double[][] points, double[] out) {
      sizes.add(points.length);
      for (int k = 0; k < points.length; k++) {
        out[k] = f(points[k]);
        points[k][0] = Double.NaN; // a careless batch must not corrupt the cache's keys
      }
    }
  }

  @Test
  void aGridsMissingPointsGoToTheBatchOnceEachAndGiveTheSameValues() {
    RecordingBatch batch = new RecordingBatch();
    SampleCache cache = SampleCache.of(SampleCacheBatchTest::f, batch, 2);
    PointSet grid = TensorGrid.of(Box.cube(2, 0, 1), new double[] {0, 0}, 0.25).midpoints();
    double before = cache.value(grid.point(3)); // one point already cached by a single lookup
    double[] v = cache.values(grid);
    assertThat(batch.sizes).containsExactly(grid.size() - 1);
    assertThat(cache.evaluations()).isEqualTo(grid.size());
    for (int k = 0; k < grid.size(); k++) {
      assertThat(v[k]).isEqualTo(f(grid.point(k))); // bit-identical to the direct evaluation
    }
    assertThat(v[3]).isEqualTo(before);
    // The same grid again: everything cached, no batch call.
    assertThat(cache.values(grid)).containsExactly(v);
    assertThat(batch.sizes).hasSize(1);
  }

  @Test
  void duplicatePointsInOneSetAreEvaluatedOnce() {
    RecordingBatch batch = new RecordingBatch();
    SampleCache cache = SampleCache.of(SampleCacheBatchTest::f, batch, 2);
    PointSet twice = PointSet.of(new double[][] {{0.1, 0.2, 0.1, -0.0}, {0.5, 0.5, 0.5, 0.5}}, 1);
    double[] v = cache.values(twice);
    assertThat(batch.sizes).containsExactly(3); // (0.1,0.5) twice; -0.0 keyed as +0.0
    assertThat(v[0]).isEqualTo(v[2]);
    assertThat(cache.evaluations()).isEqualTo(3);
  }

  @Test
  void aNonFiniteValueInTheBatchNamesThePointAndCachesNothing() {
    SampleCache cache =
        SampleCache.of(
            p -> 1 / p[0],
            (pts, out) -> {
              for (int k = 0; k < pts.length; k++) {
                out[k] = 1 / pts[k][0];
              }
            },
            1);
    PointSet withZero = PointSet.of(new double[][] {{0.5, 0.0, 0.25}}, 1);
    assertThatThrownBy(() -> cache.values(withZero))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Infinity")
        .hasMessageContaining("[0.0]");
    assertThat(cache.size()).isZero();
  }
}
