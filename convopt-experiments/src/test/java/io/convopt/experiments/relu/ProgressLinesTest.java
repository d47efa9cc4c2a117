package io.convopt.experiments.relu;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.solvers.relu.ProgressListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The relu-train progress lines: silent at first, then rate-limited, fields from the report. */
class ProgressLinesTest {
  @Test
  void quietAtFirstThenAtMostOneLinePerInterval() {
    long[] now = {0};
    StringWriter text = new StringWriter();
    ProgressLines lines =
        new ProgressLines(new PrintWriter(text), "relu-train", 2, 5, () -> now[0]);
    double[] seconds = {0.5, 1.9, 2.0, 4.0, 7.1, 7.2, 13.0};
    for (int i = 0; i < seconds.length; i++) {
      now[0] = (long) (seconds[i] * 1e9);
      assertThat(
              lines.progress(
                  new ProgressListener.Progress("fista", 10L * (i + 1), 2.5 - i * 0.1, 0.01, 0)))
          .isEqualTo(ProgressListener.Action.CONTINUE);
    }
    // printed at 2.0 s, 7.1 s (5 s later) and 13.0 s
    assertThat(lines.printed()).isEqualTo(3);
    String[] out = text.toString().split("\n");
    assertThat(out).hasSize(3);
    assertThat(out[0])
        .isEqualTo(
            "relu-train: iteration 30, objective 2.30000000, certificate 1.000e-02,"
                + " elapsed 2.0 s (fista)");
    assertThat(out[1]).contains("iteration 50").contains("elapsed 7.1 s");
    assertThat(out[2]).contains("iteration 70").contains("elapsed 13.0 s");
  }
}
