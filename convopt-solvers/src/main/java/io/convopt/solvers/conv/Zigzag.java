package io.convopt.solvers.conv;

import io.convopt.kernel.Box;
import io.convopt.kernel.LiftFunction;

/** What the two zigzag walks share: choosing and building the lift's shift source. */
final class Zigzag {

  private Zigzag() {}

  static ZigzagShift resolveShift(ZigzagShift requested, Box box, double eta) {
    if (requested != null) {
      return requested;
    }
    double cells = 1;
    for (int i = 0; i < box.dimension(); i++) {
      cells *= Math.floor(box.width(i) / eta + 1e-9);
    }
    return cells <= ZigzagShift.MAX_BOX_GRID ? ZigzagShift.BOX_GRID : ZigzagShift.RUNNING;
  }

  /** The lift for one line's slope: the source's current lift, or the line's own for LINE. */
  static LiftFunction liftFor(
      ZigzagShift source, LineSamples.LiftSource lift, LineSamples line, ConvolutionSettings s) {
    return source == ZigzagShift.LINE ? line.ownLift(s.shift(), s.power()) : lift.current();
  }

  static LineSamples.LiftSource liftSource(
      ZigzagShift source, RunContext run, Box box, double[] start, ConvolutionSettings s) {
    if (source == ZigzagShift.BOX_GRID) {
      BoxLattice lat = new BoxLattice(run.samples, box, start, s);
      return new LineSamples.LiftSource() {
        @Override
        public LiftFunction current() {
          return lat.lift;
        }

        @Override
        public double shift() {
          return lat.shift;
        }
      };
    }
    LineSamples.RunningLift r = new LineSamples.RunningLift(s.shift(), s.power());
    double f0 = run.f.value(start.clone());
    r.observe(f0);
    return r;
  }
}
