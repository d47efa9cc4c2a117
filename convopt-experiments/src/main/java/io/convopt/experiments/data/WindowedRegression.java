package io.convopt.experiments.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Next-sample regression from a time series: window k has the features s[k·stride .. k·stride +
 * window − 1] (oldest first, named {@code lag_window .. lag_1}) and the target s[k·stride +
 * window]. There are ⌊(N − window − 1) / stride⌋ + 1 windows for a series of length N ≥ window + 1.
 *
 * <p>Defaults for the ECG excerpt (360 Hz): window 32 samples (≈ 89 ms, about a QRS complex) and
 * stride 16, which gives 6 748 windows from the 108 000 samples.
 */
public final class WindowedRegression {

  /** Default window length in samples. */
  public static final int DEFAULT_WINDOW = 32;

  /** Default stride in samples. */
  public static final int DEFAULT_STRIDE = 16;

  private WindowedRegression() {}

  /** Number of windows for a series of {@code length} samples. */
  public static int windowCount(int length, int window, int stride) {
    check(window, stride);
    return length < window + 1 ? 0 : (length - window - 1) / stride + 1;
  }

  /** The first sample index of window {@code k}. */
  public static int start(int k, int stride) {
    return k * stride;
  }

  /** The windowed dataset (task regression). */
  public static Dataset of(TimeSeries series, int window, int stride) {
    check(window, stride);
    double[] s = series.values();
    int count = windowCount(s.length, window, stride);
    if (count < 2) {
      throw new IllegalArgumentException(
          series.name()
              + " has "
              + s.length
              + " samples: too short for windows of "
              + window
              + " (+1 target) with stride "
              + stride);
    }
    double[][] x = new double[count][window];
    double[] y = new double[count];
    for (int k = 0; k < count; k++) {
      int from = start(k, stride);
      System.arraycopy(s, from, x[k], 0, window);
      y[k] = s[from + window];
    }
    List<String> names = new ArrayList<>();
    for (int lag = window; lag >= 1; lag--) {
      names.add("lag_" + lag);
    }
    return new Dataset(
        series.name() + "_w" + window + "_s" + stride, Task.REGRESSION, names, x, y, List.of());
  }

  /**
   * Windows dropped between the chronological train and test parts so no test window shares a
   * sample with a training window (including its target): ⌊window / stride⌋.
   */
  public static int gapWindows(int window, int stride) {
    check(window, stride);
    return window / stride;
  }

  private static void check(int window, int stride) {
    if (window <= 0 || stride <= 0) {
      throw new IllegalArgumentException(
          "window and stride must be positive, got " + window + ", " + stride);
    }
  }
}
