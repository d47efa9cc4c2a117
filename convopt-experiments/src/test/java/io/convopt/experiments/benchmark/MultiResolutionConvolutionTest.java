package io.convopt.experiments.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.experiments.functions.StandardFunctions;
import io.convopt.experiments.functions.TestFunction;
import io.convopt.solvers.api.Optimum;
import io.convopt.solvers.api.Problem;
import io.convopt.solvers.conv.ConvolutionSettings;
import io.convopt.solvers.conv.MultiResolutionConvolution;
import io.convopt.solvers.conv.SurrogateMedianSolver;
import org.junit.jupiter.api.Test;

class MultiResolutionConvolutionTest {

  private static double[] centre(TestFunction f) {
    double[] c = new double[f.dimension()];
    for (int i = 0; i < c.length; i++) {
      c[i] = (f.box().lower(i) + f.box().upper(i)) / 2;
    }
    return c;
  }

  @Test
  void sixHumpCamelSymmetricOptimaAreDetectedAndRecovered() {
    TestFunction f = StandardFunctions.shifted("SIX_HUMP_CAMEL", 2);
    double fStar = StandardFunctions.maximumValue("SIX_HUMP_CAMEL", 2);
    // The plain surrogate minimiser lands between the two optima (the known weakness) ...
    Optimum plain =
        new SurrogateMedianSolver(ConvolutionSettings.of(6.0 / 100, 40))
            .optimize(f.problem(), centre(f));
    assertThat(fStar - plain.value()).as("single surrogate solve").isGreaterThan(0.5);
    // ... the multi-resolution solver notices (f there far below the best sample) and zooms on the
    // best sample.
    Optimum o = new MultiResolutionConvolution(20_000).optimize(f.problem(), centre(f));
    assertThat(Integer.parseInt(o.settings().get("splits"))).isGreaterThanOrEqualTo(1);
    assertThat(fStar - o.value()).isLessThanOrEqualTo(1e-3);
    assertThat(o.evaluations()).isLessThanOrEqualTo(20_000 + 1);
  }

  @Test
  void budgetIsRespectedAndEveryCallCounted() {
    TestFunction f = StandardFunctions.shifted("RASTRIGIN", 2);
    long[] calls = {0};
    Problem counted =
        Problem.of(
            "counted",
            x -> {
              calls[0]++;
              return f.objective().value(x);
            },
            f.box());
    Optimum o = new MultiResolutionConvolution(5_000).optimize(counted, centre(f));
    // +1: the result's own f value, evaluated once more at the returned point.
    assertThat(o.evaluations()).isEqualTo(calls[0]).isLessThanOrEqualTo(5_001);
  }
}
