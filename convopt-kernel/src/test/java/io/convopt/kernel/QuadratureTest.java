package io.convopt.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Checks the test-only reference quadrature on integrals known in closed form. */
class QuadratureTest {

  @Test
  void exactOnPolynomialsAndAccurateOnSmoothAndLogSingularIntegrands() {
    // G7-K15 integrates degree ≤ 22 exactly: only rounding remains (1e-15 on O(1) values).
    assertThat(Quadrature.integrate(x -> Math.pow(x, 20), 0, 1, 1e-14))
        .isCloseTo(1.0 / 21, within(1e-15));
    assertThat(Quadrature.integrate(Math::sin, 0, Math.PI, 1e-14)).isCloseTo(2.0, within(1e-14));
    // ∫_0^1 |x − 0.3| dx = (0.09 + 0.49)/2 with a kink handled by the breakpoint.
    assertThat(Quadrature.integrate(x -> Math.abs(x - 0.3), 0, 1, 1e-14, 0.3))
        .isCloseTo(0.29, within(1e-15));
    // ∫_0^1 ln²|x − 0.5| dx = 2·(0.5·(ln²0.5 − 2 ln 0.5 + 2)) = ln²2 + 2 ln 2 + 2.
    double l2 = Math.log(2);
    assertThat(
            Quadrature.integrateWithPole(
                x -> Math.pow(Math.log(Math.abs(x - 0.5)), 2), 0, 1, 0.5, 1e-13))
        .isCloseTo(l2 * l2 + 2 * l2 + 2, within(1e-12));
  }
}
