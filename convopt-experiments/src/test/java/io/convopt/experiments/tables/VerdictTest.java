package io.convopt.experiments.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VerdictTest {

  @Test
  void thresholdsAreTwoAndFiveEtas() {
    assertThat(Verdict.of(0)).isEqualTo(Verdict.MATCH);
    assertThat(Verdict.of(2.0)).isEqualTo(Verdict.MATCH);
    // 0.3 + 7 * 0.1 is not exactly 1.0 in binary: a lattice rounding must not flip the verdict.
    assertThat(Verdict.of(Math.abs((0.3 + 7 * 0.1) - 0.8) / 0.1)).isEqualTo(Verdict.MATCH);
    assertThat(Verdict.of(2.01)).isEqualTo(Verdict.NEAR);
    assertThat(Verdict.of(5.0)).isEqualTo(Verdict.NEAR);
    assertThat(Verdict.of(5.01)).isEqualTo(Verdict.DIFFERS);
    assertThatThrownBy(() -> Verdict.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
