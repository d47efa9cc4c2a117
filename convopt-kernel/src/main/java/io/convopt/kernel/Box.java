package io.convopt.kernel;

import java.util.Arrays;

/**
 * An immutable axis-aligned box {@code [lower_0, upper_0] × … × [lower_{n-1}, upper_{n-1}]} in
 * R<sup>n</sup>, n ≥ 1: the support of the lifted target (f<sup>N</sup> := 0 outside the box; the
 * integrals run over the box only).
 *
 * <p>Every bound is finite and {@code lower_i < upper_i}; the constructor throws {@link
 * IllegalArgumentException} otherwise, naming the axis and the values. Accessors return copies.
 * Thread-safe (immutable). All methods are O(n).
 */
public final class Box {

  private final double[] lower;
  private final double[] upper;

  private Box(double[] lower, double[] upper) {
    this.lower = lower;
    this.upper = upper;
  }

  /**
   * Creates a box from copies of the bounds.
   *
   * @throws IllegalArgumentException if an array is null or empty, the lengths differ, a bound is
   *     NaN or infinite, or {@code lower[i] >= upper[i]} (empty or inverted box)
   */
  public static Box of(double[] lower, double[] upper) {
    if (lower == null || upper == null) {
      throw new IllegalArgumentException("lower and upper must not be null");
    }
    if (lower.length == 0) {
      throw new IllegalArgumentException("lower has length 0: a box needs dimension >= 1");
    }
    Checks.sameLength("lower", lower.length, "upper", upper.length);
    Checks.finiteVector("lower", lower);
    Checks.finiteVector("upper", upper);
    for (int i = 0; i < lower.length; i++) {
      if (!(lower[i] < upper[i])) {
        throw new IllegalArgumentException(
            "empty or inverted box on axis "
                + i
                + ": lower["
                + i
                + "] = "
                + lower[i]
                + " must be < upper["
                + i
                + "] = "
                + upper[i]);
      }
    }
    return new Box(lower.clone(), upper.clone());
  }

  /** The interval {@code [a, b]} as a 1-D box; same checks as {@link #of(double[], double[])}. */
  public static Box interval(double a, double b) {
    return of(new double[] {a}, new double[] {b});
  }

  /** The cube {@code [a, b]^n}. */
  public static Box cube(int n, double a, double b) {
    if (n < 1) {
      throw new IllegalArgumentException(
          "n = " + n + " is not allowed: the dimension must be >= 1");
    }
    double[] lo = new double[n];
    double[] hi = new double[n];
    Arrays.fill(lo, a);
    Arrays.fill(hi, b);
    return of(lo, hi);
  }

  /** The dimension n. */
  public int dimension() {
    return lower.length;
  }

  /** Lower bound on axis i. */
  public double lower(int i) {
    return lower[i];
  }

  /** Upper bound on axis i. */
  public double upper(int i) {
    return upper[i];
  }

  /** A copy of the lower bounds. */
  public double[] lower() {
    return lower.clone();
  }

  /** A copy of the upper bounds. */
  public double[] upper() {
    return upper.clone();
  }

  /** {@code upper(i) - lower(i)} (> 0). */
  public double width(int i) {
    return upper[i] - lower[i];
  }

  /** Volume Π width(i). */
  public double volume() {
    double v = 1;
    for (int i = 0; i < lower.length; i++) {
      v *= width(i);
    }
    return v;
  }

  /**
   * Whether x lies in the closed box. A NaN coordinate is never contained.
   *
   * @throws IllegalArgumentException on a dimension mismatch
   */
  public boolean contains(double[] x) {
    Checks.sameLength("x", x.length, "box dimension", lower.length);
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] >= lower[i] && x[i] <= upper[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Projects x onto the box, coordinate-wise {@code min(max(x_i, lower_i), upper_i)}, into a new
   * array.
   *
   * @throws IllegalArgumentException on a dimension mismatch or a NaN coordinate (it has no
   *     projection)
   */
  public double[] clip(double[] x) {
    Checks.sameLength("x", x.length, "box dimension", lower.length);
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      if (Double.isNaN(x[i])) {
        throw new IllegalArgumentException("x[" + i + "] is NaN: it cannot be clipped to the box");
      }
      out[i] = Math.min(Math.max(x[i], lower[i]), upper[i]);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Box
        && Arrays.equals(lower, ((Box) o).lower)
        && Arrays.equals(upper, ((Box) o).upper);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Box");
    for (int i = 0; i < lower.length; i++) {
      sb.append(i == 0 ? "" : "×")
          .append('[')
          .append(lower[i])
          .append(", ")
          .append(upper[i])
          .append(']');
    }
    return sb.toString();
  }
}
