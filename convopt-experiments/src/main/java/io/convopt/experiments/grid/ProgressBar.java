package io.convopt.experiments.grid;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One progress line on stderr with elapsed time and an ETA (from the mean time per finished cell so
 * far). On a terminal the line is redrawn in place at most five times a second; without one (CI,
 * pipes, log files) a plain line is printed at every tenth of the work. Thread-safe.
 */
public final class ProgressBar implements AutoCloseable {
  private static final int WIDTH = 24;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final String task;
  private final long total;
  private final PrintStream err;
  private final boolean terminal;
  private final LongSupplier clock;
  private final long start;
  private long done;
  private long lastDraw;
  private int lastTenth = -1;

  /** A bar for {@code total} cells of {@code task}, on a terminal if there is a console. */
  public ProgressBar(String task, long total, PrintStream err) {
    this(task, total, err, System.console() != null, System::nanoTime);
  }

  ProgressBar(String task, long total, PrintStream err, boolean terminal, LongSupplier clock) {
    this.task = task;
    this.total = total;
    this.err = err;
    this.terminal = terminal;
    this.clock = clock;
    this.start = clock.getAsLong();
  }

  /** One more cell finished. */
  public synchronized void step() {
    done++;
    long now = clock.getAsLong();
    if (terminal) {
      if (now - lastDraw >= REDRAW_NANOS || done == total) {
        lastDraw = now;
        err.print("\r" + line(now));
        err.flush();
      }
      return;
    }
    int tenth = total == 0 ? 10 : (int) (10 * done / total);
    if (tenth != lastTenth) {
      lastTenth = tenth;
      err.println(line(now));
      err.flush();
    }
  }

  /** The progress line at time {@code now}. */
  synchronized String line(long now) {
    double elapsed = (now - start) * 1e-9;
    StringBuilder sb = new StringBuilder(task).append(' ');
    if (terminal) {
      int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
      sb.append('[').append("=".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
    }
    sb.append(done).append('/').append(total).append(" cells");
    sb.append(String.format(Locale.ROOT, " (%d%%)", total == 0 ? 100 : 100 * done / total));
    sb.append(", ").append(duration(elapsed));
    if (done > 0 && done < total) {
      sb.append(", ETA ").append(duration(elapsed / done * (total - done)));
    }
    return sb.toString();
  }

  /** "45s", "3m07s", "2h05m". */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
  }

  @Override
  public synchronized void close() {
    if (terminal && done > 0) {
      err.println();
      err.flush();
    }
  }
}
