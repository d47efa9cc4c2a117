package io.convopt.solvers.conv;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.kernel.Box;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import org.junit.jupiter.api.Test;

/** The documented readings of zigzag1 that the paper leaves open: axis order and per-line shift. */
class ZigzagReadingsTest {

  private static final ConvolutionSettings S =
      ConvolutionSettings.of(0.05, 3).withIterations(60).withTrajectory(true);

  @Test
  void yFirstOnAProblemIsXFirstOnItsMirrorImage() {
    // Swapping the coordinates of f, the start and the box maps one walk onto the other exactly,
    // so the orders are implemented as orders and nothing else changes.
    Problem p = TwoPeaks.twoD();
    Problem mirrored =
        Problem.of(
            "mirrored",
            x -> p.objective().value(new double[] {x[1], x[0]}),
            Box.of(new double[] {-1, -1}, new double[] {1, 1}));
    double[] start = {0.15, -0.65};
    Optimum yFirst =
        new ZigzagCyclic(S).withAxisOrder(ZigzagAxisOrder.DESCENDING).optimize(p, start);
    Optimum xFirstMirror =
        new ZigzagCyclic(S).optimize(mirrored, new double[] {start[1], start[0]});
    assertThat(yFirst.point())
        .containsExactly(xFirstMirror.coordinate(1), xFirstMirror.coordinate(0));
    assertThat(yFirst.settings()).containsEntry("axis_order", "DESCENDING");
    // One move per iteration: x first moves x alone, y first moves y alone.
    Optimum x1 =
        new ZigzagCyclic(S.withIterations(1)).withUnit(ZigzagUnit.SINGLE_MOVE).optimize(p, start);
    Optimum y1 =
        new ZigzagCyclic(S.withIterations(1))
            .withUnit(ZigzagUnit.SINGLE_MOVE)
            .withAxisOrder(ZigzagAxisOrder.DESCENDING)
            .optimize(p, start);
    assertThat(x1.coordinate(1)).isEqualTo(start[1]);
    assertThat(Math.abs(x1.coordinate(0) - start[0]))
        .isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(y1.coordinate(0)).isEqualTo(start[0]);
    assertThat(Math.abs(y1.coordinate(1) - start[1]))
        .isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void perLineShiftIsTheBoxShiftInOneDimension() {
    // In 1-D the only line is the box, and the minimum of f lies on the coarse cells at the box
    // edge, so the per-line lift equals the box-grid lift: the walks must coincide step for step.
    Problem p = TwoPeaks.oneD();
    ConvolutionSettings s =
        ConvolutionSettings.of(0.01, 3).withIterations(150).withTrajectory(true);
    Optimum box =
        new ZigzagCyclic(s).withShiftSource(ZigzagShift.BOX_GRID).optimize(p, new double[] {-0.8});
    Optimum line =
        new ZigzagCyclic(s).withShiftSource(ZigzagShift.LINE).optimize(p, new double[] {-0.8});
    assertThat(line.trajectory()).hasSameSizeAs(box.trajectory());
    for (int k = 0; k < box.trajectory().size(); k++) {
      assertThat(line.trajectory().get(k).point()).containsExactly(box.trajectory().get(k).point());
    }
    assertThat(line.settings()).containsEntry("shift_C", "per line");
  }

  @Test
  void perLineShiftFollowsTheLinesOwnMassNotTheBoxPedestal() {
    // f(x, y) = bump(x − 0.6) + 10 y on [−1, 1]², N = 1. With the box shift C = −min over the box,
    // the horizontal line at y = 0.9 carries a pedestal 10·1.9 = 19 under a bump of height 1 and
    // mass ≈ 0.13, so its weighted median is within 0.01 of x = 0 and x walks to 0. The line's own
    // shift removes the pedestal, the line's mass is the bump, and x walks to 0.6. (Along y both
    // walk up to the box edge.)
    Problem p =
        Problem.of(
            "bump-on-slope",
            x -> TwoPeaks.bump(x[0] - 0.6, 0.05) + 10 * x[1],
            Box.of(new double[] {-1, -1}, new double[] {1, 1}));
    ConvolutionSettings s = ConvolutionSettings.of(0.05, 1).withIterations(30);
    double[] start = {0.3, 0.9};
    Optimum box = new ZigzagCyclic(s).withShiftSource(ZigzagShift.BOX_GRID).optimize(p, start);
    Optimum line = new ZigzagCyclic(s).withShiftSource(ZigzagShift.LINE).optimize(p, start);
    assertThat(Math.abs(box.coordinate(0))).isLessThanOrEqualTo(0.05 + 1e-12);
    assertThat(Math.abs(line.coordinate(0) - 0.6)).isLessThanOrEqualTo(0.05 + 1e-12);
  }
}
