package io.convopt.experiments.functions;

import io.convopt.solvers.api.Objective;
import java.util.List;
import java.util.Map;

/**
 * The formulas of the LOG2 reconstruction families (the paper's LOG2 was lost). Every family has
 * its global maximum at A = (ax, ay) and a weaker local maximum (the trap of zigzag1) at B = (bx,
 * by); the parameters are given by name. One line per family:
 *
 * <ul>
 *   <li>{@code log2} (isotropic log poles): f = −½ ln(‖p − A‖² + sA) − (c/2) ln(‖p − B‖² + sB).
 *   <li>{@code log2-aniso} (elliptic, rotated local peak): f = −½ ln(‖p − A‖² + sA) − (c/2) ln(Q(p
 *       − B) + sB), Q(d) = (d·u)² + (d·u⊥)²/ρ², u = (cos θ, sin θ).
 *   <li>{@code log2-power} (power singularities of different strengths): f = (‖p − A‖² + s)^(−α/2)
 *       + c (‖p − B‖² + s)^(−β/2).
 *   <li>{@code log2-bump} (smooth local bump instead of a pole): f = −½ ln(‖p − A‖² + sA) + h
 *       exp(−‖p − B‖² / (2w²)).
 * </ul>
 *
 * <p>All formulas are finite for the parameter ranges used (sA, sB, s &gt; 0 in every family that
 * has them); parameters are checked to be finite, and the smoothings to be &gt; 0.
 */
public final class Log2Families {

  /** Family identifiers understood by {@link #objective}. */
  public static final List<String> FAMILIES =
      List.of("log2", "log2-aniso", "log2-power", "log2-bump");

  private Log2Families() {}

  /** Whether {@code family} is one of {@link #FAMILIES}. */
  public static boolean isLog2(String family) {
    return FAMILIES.contains(family);
  }

  /** The one-line formula of a family, for provenance. */
  public static String formula(String family) {
    return switch (family) {
      case "log2" -> "f(p) = -1/2 ln(|p - A|^2 + sA) - c/2 ln(|p - B|^2 + sB)";
      case "log2-aniso" ->
          "f(p) = -1/2 ln(|p - A|^2 + sA) - c/2 ln(Q(p - B) + sB),"
              + " Q(d) = (d.u)^2 + (d.u_perp)^2 / rho^2, u = (cos theta, sin theta)";
      case "log2-power" -> "f(p) = (|p - A|^2 + s)^(-alpha/2) + c (|p - B|^2 + s)^(-beta/2)";
      case "log2-bump" -> "f(p) = -1/2 ln(|p - A|^2 + sA) + h exp(-|p - B|^2 / (2 w^2))";
      default -> throw unknown(family);
    };
  }

  /** f of a family with the named parameters (A = (ax, ay), B = (bx, by) always among them). */
  public static Objective objective(String family, Map<String, Double> p) {
    double ax = get(p, "ax");
    double ay = get(p, "ay");
    double bx = get(p, "bx");
    double by = get(p, "by");
    switch (family) {
      case "log2" -> {
        double sA = positive(p, "sA");
        double sB = positive(p, "sB");
        double c = get(p, "c");
        return x ->
            -0.5 * Math.log(sq(x[0] - ax, x[1] - ay) + sA)
                - 0.5 * c * Math.log(sq(x[0] - bx, x[1] - by) + sB);
      }
      case "log2-aniso" -> {
        double sA = positive(p, "sA");
        double sB = positive(p, "sB");
        double c = get(p, "c");
        double rho = positive(p, "rho");
        double cos = Math.cos(get(p, "theta"));
        double sin = Math.sin(get(p, "theta"));
        double inv = 1.0 / (rho * rho);
        return x -> {
          double dx = x[0] - bx;
          double dy = x[1] - by;
          double along = dx * cos + dy * sin;
          double across = -dx * sin + dy * cos;
          return -0.5 * Math.log(sq(x[0] - ax, x[1] - ay) + sA)
              - 0.5 * c * Math.log(along * along + across * across * inv + sB);
        };
      }
      case "log2-power" -> {
        double s = positive(p, "s");
        double a = get(p, "alpha");
        double b = get(p, "beta");
        double c = get(p, "c");
        return x ->
            Math.pow(sq(x[0] - ax, x[1] - ay) + s, -0.5 * a)
                + c * Math.pow(sq(x[0] - bx, x[1] - by) + s, -0.5 * b);
      }
      case "log2-bump" -> {
        double sA = positive(p, "sA");
        double h = get(p, "h");
        double w = positive(p, "w");
        double twoW2 = 2 * w * w;
        return x ->
            -0.5 * Math.log(sq(x[0] - ax, x[1] - ay) + sA)
                + h * Math.exp(-sq(x[0] - bx, x[1] - by) / twoW2);
      }
      default -> throw unknown(family);
    }
  }

  private static double sq(double dx, double dy) {
    return dx * dx + dy * dy;
  }

  private static IllegalArgumentException unknown(String family) {
    return new IllegalArgumentException("unknown LOG2 family '" + family + "'; known: " + FAMILIES);
  }

  private static double get(Map<String, Double> p, String key) {
    Double v = p.get(key);
    if (v == null || !Double.isFinite(v)) {
      throw new IllegalArgumentException(
          "LOG2 parameter '" + key + "' is missing or not finite: " + v);
    }
    return v;
  }

  private static double positive(Map<String, Double> p, String key) {
    double v = get(p, key);
    if (!(v > 0)) {
      throw new IllegalArgumentException("LOG2 parameter '" + key + "' must be > 0, got " + v);
    }
    return v;
  }
}
