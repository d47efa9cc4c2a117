package io.convopt.solvers.relu.certificate;

/**
 * A wall-clock deadline on the monotonic clock ({@link System#nanoTime}), checked inside the
 * certificate's loops over blocks so that an evaluation stops its exact (expensive) work when the
 * solve's time limit passes. {@link #none()} never passes. Immutable.
 *
 * @param atNanos the {@code System.nanoTime()} value at which the deadline passes
 * @param bounded false for {@link #none()}
 */
public record Deadline(long atNanos, boolean bounded) {
  /** A deadline that never passes. */
  public static Deadline none() {
    return new Deadline(0L, false);
  }

  /**
   * The deadline {@code seconds} after {@code startNanos} (a {@code System.nanoTime()} value);
   * infinite or huge {@code seconds} give {@link #none()}.
   */
  public static Deadline after(long startNanos, double seconds) {
    if (Double.isNaN(seconds)) {
      throw new IllegalArgumentException("seconds: must not be NaN");
    }
    if (seconds >= 1e9) {
      return none();
    }
    return new Deadline(startNanos + (long) (Math.max(seconds, 0.0) * 1e9), true);
  }

  /** Whether the deadline has passed (false for {@link #none()}). */
  public boolean passed() {
    return bounded && System.nanoTime() - atNanos >= 0;
  }

  /** Seconds left (negative once passed; +infinity for {@link #none()}). */
  public double secondsLeft() {
    return bounded ? (atNanos - System.nanoTime()) * 1e-9 : Double.POSITIVE_INFINITY;
  }
}
