package io.convopt.experiments.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StandardFunctionsTest {

  static java.util.List<String> names() {
    return StandardFunctions.names();
  }

  private static int dim(String name) {
    StandardFunctions.Definition d = StandardFunctions.definition(name);
    return d.anyDimension() ? 2 : d.fixedDimension();
  }

  @ParameterizedTest
  @MethodSource("names")
  void documentedMinimumIsAttainedAtEveryListedMinimiser(String name) {
    StandardFunctions.Definition d = StandardFunctions.definition(name);
    int n = dim(name);
    double gStar = -StandardFunctions.maximumValue(name, n);
    for (double[] m : d.minimisers().apply(n)) {
      // Published minimisers carry 4-12 digits; 1e-4 relative covers the shortest (Shubert,
      // Branin).
      assertThat(d.g().value(m)).isCloseTo(gStar, within(1e-4 * Math.max(1, Math.abs(gStar))));
    }
    if (!Double.isNaN(d.minimum())) {
      assertThat(gStar).isCloseTo(d.minimum(), within(1e-6 * Math.max(1, Math.abs(d.minimum()))));
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void noRandomSampleBeatsTheKnownMaximum(String name) {
    // Independent check of the optimum: 200k uniform samples never exceed the known maximum.
    TestFunction f = StandardFunctions.shifted(name, dim(name));
    double best = f.objective().value(f.globalMax());
    SplittableRandom rng = new SplittableRandom(7);
    double[] x = new double[f.dimension()];
    for (int k = 0; k < 200_000; k++) {
      for (int i = 0; i < x.length; i++) {
        x[i] = f.box().lower(i) + rng.nextDouble() * f.box().width(i);
      }
      assertThat(f.objective().value(x))
          .isLessThanOrEqualTo(best + 1e-6 * Math.max(1, Math.abs(best)));
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void shiftedOptimaAreOffCentreAndInsideTheBox(String name) {
    TestFunction f = StandardFunctions.shifted(name, dim(name));
    double[] x = f.globalMax();
    double offCentre = 0; // largest coordinate offset from the centre, in half-widths
    for (int i = 0; i < x.length; i++) {
      assertThat(x[i]).isStrictlyBetween(f.box().lower(i), f.box().upper(i));
      double half = f.box().width(i) / 2;
      offCentre = Math.max(offCentre, Math.abs(x[i] - (f.box().lower(i) + half)) / half);
    }
    assertThat(offCentre)
        .as("optimum offset from the box centre, in half-widths")
        .isGreaterThan(0.1);
    assertThat(f.objective().value(x))
        .isCloseTo(StandardFunctions.maximumValue(name, dim(name)), within(1e-9));
  }

  @Test
  void wrongDimensionAndUnknownNamesAreRejected() {
    assertThatThrownBy(() -> StandardFunctions.centred("BRANIN", 3))
        .hasMessageContaining("dimension 2");
    assertThatThrownBy(() -> StandardFunctions.definition("nope"))
        .hasMessageContaining("unknown function");
  }
}
