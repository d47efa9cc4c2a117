package io.convopt.kernel;

import java.util.Arrays;

/** Interim axis-aligned box; replaced by the kernel's full version at merge. */
public final class Box {
  private final double[] lower;
  private final double[] upper;

  public Box(double[] lower, double[] upper) {
    if (lower.length != upper.length || lower.length == 0) {
      throw new IllegalArgumentException("box bounds must have equal, positive dimension: lower has "
          + lower.length + ", upper has " + upper.length);
    }
    for (int i = 0; i < lower.length; i++) {
      if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i]) || !(lower[i] < upper[i])) {
        throw new IllegalArgumentException("box side " + i + " = [" + lower[i] + ", " + upper[i]
            + "] must be finite with lower < upper");
      }
    }
    this.lower = lower.clone();
    this.upper = upper.clone();
  }

  public int dimension() {
    return lower.length;
  }

  public double lower(int i) {
    return lower[i];
  }

  public double upper(int i) {
    return upper[i];
  }

  public double width(int i) {
    return upper[i] - lower[i];
  }

  public boolean contains(double[] x) {
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] >= lower[i] && x[i] <= upper[i])) {
        return false;
      }
    }
    return true;
  }

  public double[] clip(double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.min(Math.max(x[i], lower[i]), upper[i]);
    }
    return y;
  }

  @Override
  public String toString() {
    return "Box" + Arrays.toString(lower) + "x" + Arrays.toString(upper);
  }
}
