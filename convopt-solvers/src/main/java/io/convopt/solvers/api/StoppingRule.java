package io.convopt.solvers.api;

import java.time.Duration;
import java.util.Optional;

/**
 * A composable stopping criterion, checked after every iteration. Rules are stateless and
 * immutable; combine them with {@link #or} (stop when either fires) and {@link #and} (stop when
 * both fire, reporting the first one's reason).
 */
@FunctionalInterface
public interface StoppingRule {

  /** The reason to stop now, or empty to continue. */
  Optional<StopReason> check(IterationState state);

  default StoppingRule or(StoppingRule other) {
    return s -> {
      Optional<StopReason> r = check(s);
      return r.isPresent() ? r : other.check(s);
    };
  }

  default StoppingRule and(StoppingRule other) {
    return s -> {
      Optional<StopReason> r = check(s);
      return r.isPresent() && other.check(s).isPresent() ? r : Optional.empty();
    };
  }

  /** Stop after {@code t} iterations (the paper's T). */
  static StoppingRule maxIterations(long t) {
    if (t < 1) {
      throw new IllegalArgumentException("iteration budget T must be >= 1, got " + t);
    }
    return s -> s.iteration() >= t ? Optional.of(StopReason.ITERATION_BUDGET) : Optional.empty();
  }

  /** Stop after {@code budget} function evaluations. */
  static StoppingRule maxEvaluations(long budget) {
    if (budget < 1) {
      throw new IllegalArgumentException("evaluation budget must be >= 1, got " + budget);
    }
    return s ->
        s.evaluations() >= budget ? Optional.of(StopReason.EVALUATION_BUDGET) : Optional.empty();
  }

  /** Stop when sign descent revisits the iterate of two steps ago (it now oscillates in ±η). */
  static StoppingRule twoCycle() {
    return s -> s.isTwoCycle() ? Optional.of(StopReason.TWO_CYCLE) : Optional.empty();
  }

  /** Stop when the last step is shorter than {@code tol} (e.g. clipped at the box or stalled). */
  static StoppingRule stepBelow(double tol) {
    if (!(tol >= 0) || Double.isInfinite(tol)) {
      throw new IllegalArgumentException("step tolerance must be finite and >= 0, got " + tol);
    }
    return s ->
        s.stepLength() <= tol ? Optional.of(StopReason.STEP_BELOW_TOLERANCE) : Optional.empty();
  }

  /** Stop once the run has taken {@code limit} of wall-clock time. */
  static StoppingRule wallClock(Duration limit) {
    long nanos = limit.toNanos();
    if (nanos <= 0) {
      throw new IllegalArgumentException("wall-clock limit must be positive, got " + limit);
    }
    return s -> s.elapsedNanos() >= nanos ? Optional.of(StopReason.WALL_CLOCK) : Optional.empty();
  }
}
