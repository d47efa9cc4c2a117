package io.convopt.experiments.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on a terminal; without one (CI, pipes) a plain line every 10 % instead of the
 * library's line-per-refresh output. Thread-safe.
 */
public final class Progress implements AutoCloseable {

  private final ProgressBar bar;
  private final PrintStream log;
  private final String task;
  private final long total;
  private long done;
  private int lastDecile = -1;

  public Progress(String task, long total, PrintStream log) {
    this.task = task;
    this.total = total;
    this.log = log;
    this.bar = System.console() != null && total > 0
        ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(200).continuousUpdate().build()
        : null;
  }

  public synchronized void step() {
    done++;
    if (bar != null) {
      bar.step();
      return;
    }
    int decile = total == 0 ? 10 : (int) (10 * done / total);
    if (decile != lastDecile) {
      lastDecile = decile;
      log.printf("%s: %d/%d%n", task, done, total);
    }
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
