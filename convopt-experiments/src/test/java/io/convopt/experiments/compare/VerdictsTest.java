package io.convopt.experiments.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The verdicts at the solved tolerances against gaps and counts worked out by hand. */
class VerdictsTest {

  private static final List<String> METHODS = List.of("cg", "cr", "sgd", "adam");

  private static void add(List<Verdicts.Entry> out, String ds, long seed, double... f) {
    for (int i = 0; i < f.length; i++) {
      out.add(new Verdicts.Entry(ds, 1.0, seed, METHODS.get(i), f[i]));
    }
  }

  /**
   * iris seed 1: cg 1, cr 2, sgd 1.5, adam 1.05 → best 1 (cg), gaps 0, 1, 0.5, 0.05. iris seed 2:
   * cg 9.5, cr 10, sgd diverged, adam 12 → best 9.5 (cg), gaps 0, 0.5/9.5, ∞, 2.5/9.5. ecg seed 1:
   * cg 4, cr 3, sgd 3.003, adam 6.5 → best 3 (cr), gaps 1/3, 0, 0.001, 3.5/3. ecg seed 2: every run
   * failed → left out.
   */
  private static List<Verdicts.Problem> handCase() {
    List<Verdicts.Entry> e = new ArrayList<>();
    add(e, "iris", 1, 1.0, 2.0, 1.5, 1.05);
    add(e, "iris", 2, 9.5, 10.0, Double.POSITIVE_INFINITY, 12.0);
    add(e, "ecg", 1, 4.0, 3.0, 3.003, 6.5);
    add(e, "ecg", 2, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    return Verdicts.problems(e);
  }

  @Test
  void gapsAreRelativeToTheBestObjectiveOfAnyMethod() {
    List<Verdicts.Problem> ps = handCase();
    assertThat(ps).hasSize(3);
    assertThat(ps.get(0).bestMethod()).isEqualTo("cg");
    assertThat(ps.get(0).gap("cr")).isEqualTo(1.0);
    assertThat(ps.get(0).gap("adam")).isCloseTo(0.05, within(1e-15));
    assertThat(ps.get(1).gap("sgd")).isInfinite();
    assertThat(ps.get(1).gap("cr")).isCloseTo(0.5 / 9.5, within(1e-15));
    assertThat(ps.get(2).bestMethod()).isEqualTo("cr");
    assertThat(ps.get(2).gap("cg")).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(Verdicts.relativeGap(0.0, 0.0)).isZero();
    assertThat(Verdicts.relativeGap(1.0, 0.0)).isInfinite();
  }

  @Test
  void solvedCountsBestAndLowerThanAdamMatchTheHandCount() {
    List<Verdicts.Row> rows = Verdicts.table(handCase(), METHODS);
    int[][] solved = {{3, 3, 2, 2}, {3, 2, 2, 1}, {2, 2, 1, 1}, {2, 2, 1, 0}};
    int[] bestOn = {2, 1, 0, 0};
    int[] lower = {3, 2, 1, 0};
    for (int m = 0; m < 4; m++) {
      Verdicts.Row r = rows.get(m);
      assertThat(r.problems()).isEqualTo(3);
      for (int t = 0; t < 4; t++) {
        assertThat(r.solvedAt(t))
            .as(r.method() + " at " + Verdicts.TOLERANCES[t])
            .isEqualTo(solved[m][t]);
      }
      assertThat(r.bestOn()).isEqualTo(bestOn[m]);
      assertThat(r.lowerThanAdam()).isEqualTo(lower[m]);
    }
    assertThat(rows.get(1).medianGap()).isCloseTo(0.5 / 9.5, within(1e-15));
    Table t = Verdicts.verdictTable(handCase(), METHODS);
    assertThat(t.intColumn("solved_gap_0.01").asList()).containsExactly(2, 1, 1, 0);
    assertThat(t.stringColumn("claim_lower_than_adam").asList())
        .containsExactly("holds", "holds", "", "");
    assertThat(Verdicts.gapTable(handCase()).rowCount()).isEqualTo(12);
  }

  @Test
  void claimVerdictsCoverHoldsDoesNotHoldEqualAndMixed() {
    // cr 3,2,2,1 solved against adam 2,2,1,0: more at three tolerances, never fewer
    assertThat(Verdicts.claim(handCase(), "cr").verdict()).isEqualTo("holds");
    List<Verdicts.Entry> worse = new ArrayList<>();
    worse.add(new Verdicts.Entry("a", 1, 1, "cr", 2.0));
    worse.add(new Verdicts.Entry("a", 1, 1, "adam", 1.0));
    assertThat(Verdicts.claim(Verdicts.problems(worse), "cr").verdict()).isEqualTo("does not hold");
    List<Verdicts.Entry> tie = new ArrayList<>();
    tie.add(new Verdicts.Entry("a", 1, 1, "cr", 1.0));
    tie.add(new Verdicts.Entry("a", 1, 1, "adam", 1.0));
    Findings.Finding equal = Verdicts.claim(Verdicts.problems(tie), "cr");
    assertThat(equal.verdict()).isEqualTo("does not hold");
    assertThat(equal.evidence()).contains("same counts");
    // gaps cr 0, 0.6, 0 and adam 0.3, 0, 0.05: at 0.5 cr 2 < adam 3, at 0.01 cr 2 > adam 1
    List<Verdicts.Entry> mixed = new ArrayList<>();
    double[][] f = {{1.0, 1.3}, {1.6, 1.0}, {1.0, 1.05}};
    for (int s = 0; s < 3; s++) {
      mixed.add(new Verdicts.Entry("a", 1, s, "cr", f[s][0]));
      mixed.add(new Verdicts.Entry("a", 1, s, "adam", f[s][1]));
    }
    assertThat(Verdicts.claim(Verdicts.problems(mixed), "cr").verdict()).isEqualTo("mixed");
    assertThat(Verdicts.claim(Verdicts.problems(worse), "cg").verdict()).isEqualTo("not measured");
  }
}
