package io.convopt.experiments.calibration;

import io.convopt.experiments.functions.PaperFunctions;
import io.convopt.experiments.functions.TestFunction;
import io.convopt.experiments.tables.PaperReading;
import io.convopt.kernel.Box;
import io.convopt.solvers.conv.ZigzagAxisOrder;
import io.convopt.solvers.conv.ZigzagShift;
import io.convopt.solvers.conv.ZigzagUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The families of LOG2 candidates the leave-one-out calibration compares, each with at most five
 * free parameters and a one-line formula (see {@code data/test-functions/README.md}). A = (0.5,
 * 0.5) (the tables' global maximum) and the box [−1, 1]² are fixed unless a family frees them; "b"
 * puts the local peak B on the diagonal, B = (b, b).
 *
 * <p>Candidates are a deterministic function of (family, seed, index): index 0 is the family's
 * reference point where it has one (the shipped reconstruction, or its embedding in the family),
 * every other index is an independent seeded draw from the parameter ranges. The algorithmic family
 * {@link #READING} is a full grid of discrete choices instead.
 */
public enum Log2Family {

  /** The shipped family: isotropic smoothed log poles at A and B. */
  ISO(
      "iso",
      "log2",
      List.of(
          FreeParameter.linear("c", 0.4, 1.0),
          FreeParameter.logScale("sA", 1e-4, 3e-2),
          FreeParameter.logScale("sB", 1e-5, 1e-2),
          FreeParameter.linear("bx", -0.55, -0.3),
          FreeParameter.linear("by", -0.55, -0.3))),
  /** An elliptic, rotated local peak (aspect ρ, angle θ); ρ = 1 is the isotropic family. */
  ANISO(
      "aniso",
      "log2-aniso",
      List.of(
          FreeParameter.linear("c", 0.4, 1.0),
          FreeParameter.logScale("sB", 1e-5, 1e-2),
          FreeParameter.logScale("rho", 0.2, 5.0),
          FreeParameter.linear("theta", 0.0, Math.PI),
          FreeParameter.linear("b", -0.5, -0.35))),
  /** Power singularities (s-smoothed) of different strengths α at A and β at B. */
  POWER(
      "power",
      "log2-power",
      List.of(
          FreeParameter.linear("alpha", 0.2, 1.5),
          FreeParameter.linear("beta", 0.2, 1.5),
          FreeParameter.linear("c", 0.1, 1.0),
          FreeParameter.logScale("s", 1e-4, 1e-1),
          FreeParameter.linear("b", -0.5, -0.35))),
  /**
   * The power family walked by zigzag1 read as "along one axis until the slope's sign flips, y
   * first" (one move per iteration): the reading under which row 13's (0.43, 0.44) is the end of an
   * unfinished 200-move walk and the start's x decides the first line (see the README).
   */
  POWER_FLIP(
      "power-flip",
      "log2-power",
      List.of(
          FreeParameter.linear("alpha", 0.2, 1.5),
          FreeParameter.linear("beta", 0.2, 1.5),
          FreeParameter.linear("c", 0.1, 1.0),
          FreeParameter.logScale("s", 1e-4, 1e-1),
          FreeParameter.linear("b", -0.5, -0.35))),
  /** The shipped isotropic family under the same "until the sign flips, y first" reading. */
  ISO_FLIP(
      "iso-flip",
      "log2",
      List.of(
          FreeParameter.linear("c", 0.4, 1.0),
          FreeParameter.logScale("sA", 1e-4, 3e-2),
          FreeParameter.logScale("sB", 1e-5, 1e-2),
          FreeParameter.linear("bx", -0.55, -0.3),
          FreeParameter.linear("by", -0.55, -0.3))),
  /** A smooth Gaussian bump as the local peak instead of a log pole. */
  BUMP(
      "bump",
      "log2-bump",
      List.of(
          FreeParameter.logScale("sA", 1e-4, 3e-2),
          FreeParameter.logScale("h", 0.1, 3.0),
          FreeParameter.logScale("w", 0.02, 0.3),
          FreeParameter.linear("b", -0.5, -0.35))),
  /** The isotropic family on a box [lo, hi]² other than [−1, 1]². */
  BOX(
      "box",
      "log2",
      List.of(
          FreeParameter.linear("c", 0.4, 1.0),
          FreeParameter.logScale("sB", 1e-5, 1e-2),
          FreeParameter.linear("b", -0.5, -0.35),
          FreeParameter.linear("lo", -1.6, -1.0),
          FreeParameter.linear("hi", 1.0, 1.6))),
  /**
   * The previous (isotropic) reconstruction under the algorithmic readings the paper leaves open:
   * zigzag1's unit (0 full cycle, 1 single move, 2 until the sign flips), its axis order (0 x
   * first, 1 y first), the zigzag shift source (0 the solvers' default, 1 per line), zigzag2's M
   * and Table 2's N.
   */
  READING(
      "reading",
      null,
      List.of(
          FreeParameter.choice("unit", 0, 1, 2),
          FreeParameter.choice("order", 0, 1),
          FreeParameter.choice("shift", 0, 1),
          FreeParameter.choice("M", 1, 8),
          FreeParameter.choice("N2", 2, 3, 5)));

  /** A = (0.5, 0.5), the tables' global maximum, in every family. */
  static final double A = 0.5;

  /** sA of the families that fix it: the shipped value. */
  static final double FIXED_SA = 0.003;

  private final String id;
  private final String functionFamily;
  private final List<FreeParameter> parameters;

  Log2Family(String id, String functionFamily, List<FreeParameter> parameters) {
    if (parameters.size() > 5) {
      throw new IllegalStateException(id + ": at most 5 free parameters");
    }
    this.id = id;
    this.functionFamily = functionFamily;
    this.parameters = List.copyOf(parameters);
  }

  /** The command-line name, e.g. "aniso". */
  public String id() {
    return id;
  }

  public List<FreeParameter> parameters() {
    return parameters;
  }

  public int freeParameters() {
    return parameters.size();
  }

  /** The family by command-line name (case-insensitive). */
  public static Log2Family byId(String name) {
    for (Log2Family f : values()) {
      if (f.id.equalsIgnoreCase(name)) {
        return f;
      }
    }
    List<String> known = new ArrayList<>();
    for (Log2Family f : values()) {
      known.add(f.id);
    }
    throw new IllegalArgumentException("unknown LOG2 family '" + name + "'; known: " + known);
  }

  /** The one-line formula of the family's function (READING: the previous isotropic one). */
  public String formula() {
    return io.convopt.experiments.functions.Log2Families.formula(
        functionFamily == null ? "log2" : functionFamily);
  }

  /**
   * The family's first {@code count} candidates under {@code seed}; for {@link #READING} the whole
   * grid (count is ignored). The list is a pure function of (family, count, seed).
   */
  public List<Candidate> candidates(int count, long seed) {
    if (count < 1) {
      throw new IllegalArgumentException("candidate count must be >= 1, got " + count);
    }
    List<Candidate> out = new ArrayList<>();
    if (this == READING) {
      int total = 1;
      for (FreeParameter p : parameters) {
        total *= p.choices().size();
      }
      for (int i = 0; i < total; i++) {
        Map<String, Double> v = new LinkedHashMap<>();
        int rest = i;
        for (FreeParameter p : parameters) {
          v.put(p.name(), p.choices().get(rest % p.choices().size()));
          rest /= p.choices().size();
        }
        out.add(new Candidate(this, i, v));
      }
      return out;
    }
    for (int i = 0; i < count; i++) {
      out.add(candidate(i, seed));
    }
    return out;
  }

  /** Candidate {@code index} under {@code seed} (continuous families). */
  Candidate candidate(int index, long seed) {
    Map<String, Double> ref = reference();
    if (index == 0 && ref != null) {
      return new Candidate(this, 0, ref);
    }
    // Draws depend on the parameter ranges, not the family's name: families that differ only in
    // the reading (power / power-flip, iso / iso-flip) compare the same functions.
    StringBuilder ranges = new StringBuilder();
    for (FreeParameter p : parameters) {
      ranges.append(p.name()).append(p.range()).append(';');
    }
    SplittableRandom rng = new SplittableRandom(mix(seed, ranges.toString().hashCode(), index));
    Map<String, Double> v = new LinkedHashMap<>();
    for (FreeParameter p : parameters) {
      v.put(p.name(), p.sample(rng));
    }
    return new Candidate(this, index, v);
  }

  /**
   * The isotropic reconstruction shipped before the leave-one-out calibration (c = 0.7, sA = 0.003,
   * sB = 0.001, B = (−0.45, −0.45), from the earlier 180-point grid): the reference point of iso,
   * aniso and box, and the function of the reading family.
   */
  static final Map<String, Double> PREVIOUS_ISO = previousIso();

  private static Map<String, Double> previousIso() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("c", 0.7);
    m.put("sA", 0.003);
    m.put("sB", 0.001);
    m.put("bx", -0.45);
    m.put("by", -0.45);
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The reference point (candidate 0): the previous reconstruction where the family contains it.
   */
  private Map<String, Double> reference() {
    Map<String, Double> s = PREVIOUS_ISO;
    Map<String, Double> v = new LinkedHashMap<>();
    switch (this) {
      case ISO, ISO_FLIP -> {
        for (FreeParameter p : parameters) {
          v.put(p.name(), s.get(p.name()));
        }
      }
      case ANISO -> {
        v.put("c", s.get("c"));
        v.put("sB", s.get("sB"));
        v.put("rho", 1.0);
        v.put("theta", 0.0);
        v.put("b", s.get("bx"));
      }
      case BOX -> {
        v.put("c", s.get("c"));
        v.put("sB", s.get("sB"));
        v.put("b", s.get("bx"));
        v.put("lo", -1.0);
        v.put("hi", 1.0);
      }
      default -> {
        return null;
      }
    }
    return v;
  }

  /** The candidate's function, labelled with its family and index. */
  public TestFunction function(Candidate c, String calibration) {
    requireOwn(c);
    Map<String, Double> v = this == READING ? PREVIOUS_ISO : c.values();
    Map<String, Double> p = new LinkedHashMap<>();
    p.put("ax", A);
    p.put("ay", A);
    if (v.containsKey("bx")) {
      p.put("bx", v.get("bx"));
      p.put("by", v.get("by"));
    } else {
      p.put("bx", v.get("b"));
      p.put("by", v.get("b"));
    }
    if (this == ANISO || this == BOX) {
      p.put("sA", FIXED_SA);
    }
    for (Map.Entry<String, Double> e : v.entrySet()) {
      String k = e.getKey();
      if (!k.equals("b") && !k.equals("lo") && !k.equals("hi")) {
        p.put(k, e.getValue());
      }
    }
    Box box =
        this == BOX
            ? Box.of(
                new double[] {v.get("lo"), v.get("lo")}, new double[] {v.get("hi"), v.get("hi")})
            : Box.of(new double[] {-1, -1}, new double[] {1, 1});
    return PaperFunctions.log2(this == READING ? "log2" : functionFamily, p, box, calibration);
  }

  /** The candidate's algorithmic reading (the default one for the function families). */
  public PaperReading reading(Candidate c) {
    requireOwn(c);
    if (this == POWER_FLIP || this == ISO_FLIP) {
      return new PaperReading(
          ZigzagUnit.UNTIL_SIGN_FLIP,
          ZigzagAxisOrder.DESCENDING,
          null,
          PaperReading.DEFAULT.zigzag2Directions(),
          PaperReading.DEFAULT.table2Power());
    }
    if (this != READING) {
      return PaperReading.DEFAULT;
    }
    Map<String, Double> v = c.values();
    ZigzagUnit unit =
        switch (v.get("unit").intValue()) {
          case 0 -> ZigzagUnit.FULL_CYCLE;
          case 1 -> ZigzagUnit.SINGLE_MOVE;
          default -> ZigzagUnit.UNTIL_SIGN_FLIP;
        };
    ZigzagAxisOrder order =
        v.get("order") == 0 ? ZigzagAxisOrder.ASCENDING : ZigzagAxisOrder.DESCENDING;
    ZigzagShift shift = v.get("shift") == 0 ? null : ZigzagShift.LINE;
    return new PaperReading(unit, order, shift, v.get("M").intValue(), v.get("N2").intValue());
  }

  private void requireOwn(Candidate c) {
    if (c.family() != this) {
      throw new IllegalArgumentException("candidate " + c.id() + " is not of family " + id);
    }
  }

  /** A 64-bit mix of the seed, the family and the index (SplitMix64 finaliser). */
  static long mix(long seed, int family, int index) {
    long z = seed * 0x9E3779B97F4A7C15L + family * 0xBF58476D1CE4E5B9L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public String toString() {
    return id.toLowerCase(Locale.ROOT);
  }
}
