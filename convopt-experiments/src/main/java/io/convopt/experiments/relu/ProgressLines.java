package io.convopt.experiments.relu;

import io.convopt.solvers.relu.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A {@link ProgressListener} that prints the solver's reports as lines {@code "PREFIX: iteration I,
 * objective F, certificate C, elapsed S s (SOLVER)"}: none during the first {@code quietSeconds}
 * (short runs stay silent), then at most one every {@code everySeconds}, timed from construction on
 * the given clock. Never stops the solver. Not thread-safe (solvers report from their own thread).
 */
final class ProgressLines implements ProgressListener {
  private final PrintWriter out;
  private final String prefix;
  private final double quietSeconds;
  private final double everySeconds;
  private final LongSupplier nanoClock;
  private final long start;
  private double lastPrinted = Double.NEGATIVE_INFINITY;
  private int printed;

  ProgressLines(
      PrintWriter out,
      String prefix,
      double quietSeconds,
      double everySeconds,
      LongSupplier nanoClock) {
    this.out = out;
    this.prefix = prefix;
    this.quietSeconds = quietSeconds;
    this.everySeconds = everySeconds;
    this.nanoClock = nanoClock;
    this.start = nanoClock.getAsLong();
  }

  @Override
  public Action progress(Progress p) {
    double elapsed = (nanoClock.getAsLong() - start) * 1e-9;
    if (elapsed >= quietSeconds && elapsed - lastPrinted >= everySeconds) {
      out.printf(
          Locale.ROOT,
          "%s: iteration %d, objective %.9g, certificate %.3e, elapsed %.1f s (%s)%n",
          prefix,
          p.iteration(),
          p.objective(),
          p.certificate(),
          elapsed,
          p.solver());
      out.flush();
      lastPrinted = elapsed;
      printed++;
    }
    return Action.CONTINUE;
  }

  /** Lines printed so far. */
  int printed() {
    return printed;
  }
}
