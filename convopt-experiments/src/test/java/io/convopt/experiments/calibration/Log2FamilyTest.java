package io.convopt.experiments.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.convopt.experiments.functions.Log2Families;
import io.convopt.experiments.functions.PaperFunctions;
import io.convopt.experiments.functions.TestFunction;
import io.convopt.experiments.tables.PaperReading;
import io.convopt.solvers.api.Objective;
import io.convopt.solvers.conv.ZigzagAxisOrder;
import io.convopt.solvers.conv.ZigzagUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The LOG2 families evaluate their one-line formulas, and candidates are deterministic. */
class Log2FamilyTest {

  private static final double TOL = 1e-12;

  @Test
  void formulasAtClosedFormPoints() {
    // At A the first term is −½ ln sA (or s^(−α/2)); at B the second −(c/2) ln sB
    // (or c s^(−β/2)).
    Map<String, Double> iso =
        Map.of("ax", 0.5, "ay", 0.5, "bx", -0.4, "by", -0.5, "sA", 0.01, "sB", 0.002, "c", 0.8);
    double ab2 = 0.9 * 0.9 + 1.0;
    assertThat(Log2Families.objective("log2", iso).value(new double[] {0.5, 0.5}))
        .isCloseTo(-0.5 * Math.log(0.01) - 0.4 * Math.log(ab2 + 0.002), within(TOL));
    Map<String, Double> pow =
        Map.of(
            "ax", 0.5, "ay", 0.5, "bx", -0.4, "by", -0.5, "alpha", 0.6, "beta", 0.4, "c", 0.3, "s",
            0.01);
    assertThat(Log2Families.objective("log2-power", pow).value(new double[] {-0.4, -0.5}))
        .isCloseTo(Math.pow(ab2 + 0.01, -0.3) + 0.3 * Math.pow(0.01, -0.2), within(TOL));
    Map<String, Double> bump =
        Map.of("ax", 0.5, "ay", 0.5, "bx", -0.4, "by", -0.5, "sA", 0.01, "h", 1.5, "w", 0.1);
    assertThat(Log2Families.objective("log2-bump", bump).value(new double[] {-0.4, -0.5}))
        .isCloseTo(-0.5 * Math.log(ab2 + 0.01) + 1.5, within(TOL));
    // One w away from B along x the bump is h e^{−1/2}.
    assertThat(Log2Families.objective("log2-bump", bump).value(new double[] {-0.3, -0.5}))
        .isCloseTo(-0.5 * Math.log(0.8 * 0.8 + 1.0 + 0.01) + 1.5 * Math.exp(-0.5), within(TOL));
  }

  @Test
  void anisotropicPeakIsAnEllipseWithTheGivenAxes() {
    // θ = π/2, ρ = 2: u = (0, 1), so a step t along y has Q = t², along x Q = t²/4.
    Map<String, Double> p =
        new java.util.HashMap<>(
            Map.of(
                "ax",
                0.5,
                "ay",
                0.5,
                "bx",
                -0.4,
                "by",
                -0.4,
                "sA",
                0.003,
                "sB",
                0.001,
                "c",
                0.7,
                "rho",
                2.0,
                "theta",
                Math.PI / 2));
    Objective f = Log2Families.objective("log2-aniso", p);
    double t = 0.2;
    double a1 = sq(-0.4 - 0.5) + sq(-0.4 + t - 0.5);
    double a2 = sq(-0.4 + t - 0.5) + sq(-0.4 - 0.5);
    assertThat(f.value(new double[] {-0.4, -0.4 + t}))
        .isCloseTo(-0.5 * Math.log(a1 + 0.003) - 0.35 * Math.log(t * t + 0.001), within(TOL));
    assertThat(f.value(new double[] {-0.4 + t, -0.4}))
        .isCloseTo(-0.5 * Math.log(a2 + 0.003) - 0.35 * Math.log(t * t / 4 + 0.001), within(TOL));
    // ρ = 1 is the isotropic family, whatever θ.
    p.put("rho", 1.0);
    p.put("theta", 0.7);
    Objective iso = Log2Families.objective("log2", p);
    Objective round = Log2Families.objective("log2-aniso", p);
    for (double[] x : new double[][] {{0.1, -0.9}, {-0.41, -0.4}, {0.9, 0.3}}) {
      assertThat(round.value(x)).isCloseTo(iso.value(x), within(1e-12));
    }
  }

  @Test
  void badParametersAreNamed() {
    Map<String, Double> p =
        Map.of("ax", 0.5, "ay", 0.5, "bx", -0.4, "by", -0.4, "sA", 0.0, "sB", 0.001, "c", 0.7);
    assertThatThrownBy(() -> Log2Families.objective("log2", p))
        .hasMessageContaining("'sA' must be > 0");
    Map<String, Double> noH = new java.util.HashMap<>(p);
    noH.put("sA", 0.01);
    assertThatThrownBy(() -> Log2Families.objective("log2-bump", noH)).hasMessageContaining("'h'");
    assertThatThrownBy(() -> Log2Families.objective("log3", p))
        .hasMessageContaining("unknown LOG2 family");
    assertThatThrownBy(() -> Log2Family.byId("nope")).hasMessageContaining("known: [iso");
  }

  @Test
  void candidatesMapOntoTheirFunctionsAndReadings() {
    // Candidate 0 of iso, aniso and box is the previous isotropic reconstruction (embedded), which
    // is also the reading family's function: same values everywhere.
    Map<String, Double> prev = new java.util.HashMap<>(Log2Family.PREVIOUS_ISO);
    prev.put("ax", 0.5);
    prev.put("ay", 0.5);
    Objective previous = Log2Families.objective("log2", prev);
    for (Log2Family fam :
        List.of(Log2Family.ISO, Log2Family.ANISO, Log2Family.BOX, Log2Family.READING)) {
      TestFunction f = fam.function(fam.candidates(1, 42).get(0), "test");
      for (double[] x : new double[][] {{0.5, 0.5}, {-0.45, -0.45}, {0.13, -0.77}}) {
        assertThat(f.objective().value(x))
            .as(fam + " at " + x[0])
            .isCloseTo(previous.value(x), within(1e-12));
      }
      assertThat(f.box().lower(0)).isEqualTo(-1.0);
      assertThat(f.provenanceLabel()).isEqualTo("reconstruction, calibrated (test)");
    }
    // The shipped LOG2 and its reading are the calibration's pick: power-flip candidate 47, seed
    // 42.
    TestFunction shipped = PaperFunctions.byName("LOG2");
    Candidate pick = Log2Family.POWER_FLIP.candidates(48, 42).get(47);
    TestFunction picked = Log2Family.POWER_FLIP.function(pick, "x");
    for (double[] x : new double[][] {{0.5, 0.5}, {-0.41, -0.41}, {0.13, -0.77}}) {
      assertThat(shipped.objective().value(x))
          .isCloseTo(picked.objective().value(x), within(1e-12));
    }
    assertThat(PaperReading.shipped()).isEqualTo(Log2Family.POWER_FLIP.reading(pick));
    Candidate power = Log2Family.POWER.candidates(2, 42).get(1);
    TestFunction pf = Log2Family.POWER.function(power, "x");
    double b = power.values().get("b");
    assertThat(pf.localMaxima().get(0)).containsExactly(b, b);
    assertThat(pf.parameters())
        .containsEntry("alpha", power.values().get("alpha"))
        .containsEntry("beta", power.values().get("beta"));
    Candidate box = Log2Family.BOX.candidates(2, 42).get(1);
    assertThat(Log2Family.BOX.function(box, "x").box().lower(0)).isEqualTo(box.values().get("lo"));
    assertThat(Log2Family.POWER.reading(power)).isEqualTo(PaperReading.DEFAULT);
    PaperReading flip =
        Log2Family.POWER_FLIP.reading(Log2Family.POWER_FLIP.candidates(1, 42).get(0));
    assertThat(flip.zigzag1Unit()).isEqualTo(ZigzagUnit.UNTIL_SIGN_FLIP);
    assertThat(flip.axisOrder()).isEqualTo(ZigzagAxisOrder.DESCENDING);
  }

  @Test
  void candidatesAreAPureFunctionOfTheSeedAndStayInRange() {
    for (Log2Family fam : Log2Family.values()) {
      assertThat(fam.freeParameters()).isLessThanOrEqualTo(5);
      List<Candidate> a = fam.candidates(12, 42);
      assertThat(fam.candidates(12, 42)).isEqualTo(a);
      // A longer list starts with the shorter one (resumed runs keep their keys).
      assertThat(fam.candidates(20, 42).subList(0, a.size())).isEqualTo(a);
      for (Candidate c : a) {
        for (FreeParameter p : fam.parameters()) {
          double v = c.values().get(p.name());
          if (p.discrete()) {
            assertThat(p.choices()).contains(v);
          } else if (c.index() > 0) {
            assertThat(v).isBetween(p.lo(), p.hi());
          }
        }
      }
      if (fam != Log2Family.READING) {
        assertThat(fam.candidates(12, 43).get(5)).isNotEqualTo(a.get(5));
      }
    }
    // The reading grid enumerates every combination once, the default reading among them.
    List<Candidate> grid = Log2Family.READING.candidates(1, 42);
    Set<PaperReading> readings = new HashSet<>();
    grid.forEach(c -> readings.add(Log2Family.READING.reading(c)));
    assertThat(grid).hasSize(72);
    assertThat(readings).hasSize(72).contains(PaperReading.DEFAULT);
  }

  private static double sq(double v) {
    return v * v;
  }
}
