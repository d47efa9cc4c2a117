package io.convopt.experiments.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.experiments.tables.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Leave-one-out never fits on the held-out row, and its counts follow from the distances alone. */
class LeaveOneOutTest {

  private static final List<String> ROWS = List.of("r1", "r2", "r3", "r4");

  @Test
  void everyFoldHoldsOutItsRowAndTrainsOnAllOthers() {
    List<LeaveOneOut.Fold> folds = LeaveOneOut.folds(ROWS);
    assertThat(folds).hasSize(4);
    for (LeaveOneOut.Fold f : folds) {
      assertThat(f.training()).doesNotContain(f.heldOut()).hasSize(3);
      assertThat(f.training())
          .containsAll(ROWS.stream().filter(r -> !r.equals(f.heldOut())).toList());
    }
    assertThatThrownBy(() -> new LeaveOneOut.Fold("r1", List.of("r1", "r2")))
        .hasMessageContaining("trains on it");
  }

  @Test
  void theHeldOutRowCannotChangeTheSelection() {
    // Training columns favour candidate 0; the held-out column would favour candidate 1 by far.
    double[][] d = {{0, 0, 0, 1000}, {9, 9, 9, 0}};
    boolean[] use = {true, true, true, false};
    assertThat(LeaveOneOut.select(d, use)).isZero();
    // Whatever the held-out column holds, the selection is the same.
    for (double poison : new double[] {0, 1e9, Double.POSITIVE_INFINITY}) {
      double[][] e = {{0, 0, 0, poison}, {9, 9, 9, 1e9 - poison}};
      assertThat(LeaveOneOut.select(e, use)).isZero();
    }
  }

  @Test
  void countsOnASmallMatrixComputedByHand() {
    // Candidate A matches r1–r3 and misses r4 (50η); B matches r4 only (6η elsewhere).
    // Loss ρ(d) = d²/(d² + 4): A 0.2 + 0.06 + 0.5 + 1.0 = 1.76 < B 3 · 0.9 = 2.7; in-sample 3.
    // Folds: holding out r1, r2 or r3, A still wins on the rest and matches the held-out row (3);
    // holding out r4, A wins and misses r4. LOO = 3.
    Candidate a = new Candidate(Log2Family.ISO, 0, Map.of("c", 1.0));
    Candidate b = new Candidate(Log2Family.ISO, 1, Map.of("c", 2.0));
    Map<String, Double> dist = new HashMap<>();
    double[] da = {1, 0.5, 2, 50};
    double[] db = {6, 6, 6, 0};
    for (int j = 0; j < ROWS.size(); j++) {
      dist.put(a.id() + "/" + ROWS.get(j), da[j]);
      dist.put(b.id() + "/" + ROWS.get(j), db[j]);
    }
    LeaveOneOut.FamilyResult r = LeaveOneOut.analyse(Log2Family.ISO, List.of(a, b), ROWS, dist);
    assertThat(r.fitted()).isEqualTo(a);
    assertThat(r.inSampleMatches()).isEqualTo(3);
    assertThat(r.looMatches()).isEqualTo(3);
    assertThat(r.folds())
        .extracting(LeaveOneOut.Prediction::verdict)
        .containsExactly(Verdict.MATCH, Verdict.MATCH, Verdict.MATCH, Verdict.DIFFERS);
    // A family whose best fit overfits: one candidate per row, each perfect on its own row and far
    // elsewhere. In-sample the fit matches 1 row; held out, every row is predicted by another
    // candidate: LOO 0.
    List<Candidate> cs =
        List.of(
            a,
            b,
            new Candidate(Log2Family.ISO, 2, Map.of()),
            new Candidate(Log2Family.ISO, 3, Map.of()));
    Map<String, Double> solo = new HashMap<>();
    for (int c = 0; c < 4; c++) {
      for (int j = 0; j < 4; j++) {
        solo.put(cs.get(c).id() + "/" + ROWS.get(j), c == j ? 0.0 : 40.0);
      }
    }
    LeaveOneOut.FamilyResult o = LeaveOneOut.analyse(Log2Family.ISO, cs, ROWS, solo);
    assertThat(o.inSampleMatches()).isEqualTo(1);
    assertThat(o.looMatches()).isZero();
    // Missing cells are an error, not a silent zero.
    solo.remove(cs.get(3).id() + "/r4");
    assertThatThrownBy(() -> LeaveOneOut.analyse(Log2Family.ISO, cs, ROWS, solo))
        .hasMessageContaining("iso/c003/r4");
  }

  @Test
  void rankingPrefersLooThenFewerParameters() {
    Candidate c = new Candidate(Log2Family.BUMP, 0, Map.of());
    LeaveOneOut.FamilyResult bump =
        new LeaveOneOut.FamilyResult(Log2Family.BUMP, 1, c, 0, 9, 5, List.of());
    Candidate d = new Candidate(Log2Family.ANISO, 0, Map.of());
    LeaveOneOut.FamilyResult aniso =
        new LeaveOneOut.FamilyResult(Log2Family.ANISO, 1, d, 0, 12, 5, List.of());
    Candidate e = new Candidate(Log2Family.ISO, 0, Map.of());
    LeaveOneOut.FamilyResult iso =
        new LeaveOneOut.FamilyResult(Log2Family.ISO, 1, e, 0, 4, 6, List.of());
    // iso predicts best; bump (4 parameters) beats aniso (5) on the tie, despite aniso's 12.
    assertThat(LeaveOneOut.rank(List.of(aniso, bump, iso)))
        .extracting(LeaveOneOut.FamilyResult::family)
        .containsExactly(Log2Family.ISO, Log2Family.BUMP, Log2Family.ANISO);
  }
}
