package io.convopt.experiments.calibration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One member of a candidate family: its index in the family's deterministic list and the values of
 * the family's free parameters (in the family's order).
 *
 * @param family the family
 * @param index position in the family's list (0 = the family's reference point where it has one)
 * @param values free parameter name → value
 */
public record Candidate(Log2Family family, int index, Map<String, Double> values) {

  public Candidate {
    if (index < 0) {
      throw new IllegalArgumentException("candidate index must be >= 0, got " + index);
    }
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Stable identifier inside a calibration: "aniso/c007". */
  public String id() {
    return family.id() + "/c" + String.format(Locale.ROOT, "%03d", index);
  }

  /** "c=0.7 sB=0.001 ..." in the family's parameter order (6 significant digits). */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    values.forEach(
        (k, v) -> sb.append(sb.length() > 0 ? " " : "").append(k).append('=').append(fmt(v)));
    return sb.toString();
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
