package io.convopt.solvers.relu.linalg;

import java.util.Locale;

/** Floating-point format of the large products of {@link BlockedPatternOperator}. */
public enum Precision {
  /** IEEE double (the default; agrees with the small-scale operator to ~1e-15 relative). */
  FLOAT64,
  /** IEEE single (half the memory traffic; agrees to ~1e-6 relative per product). */
  FLOAT32;

  /** Parses {@code float64|double|float32|float}. */
  public static Precision parse(String s) {
    if (s != null) {
      switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "float64":
        case "double":
          return FLOAT64;
        case "float32":
        case "float":
          return FLOAT32;
        default:
          break;
      }
    }
    throw new IllegalArgumentException(
        "precision: unknown value '" + s + "' (expected float64 or float32)");
  }
}
