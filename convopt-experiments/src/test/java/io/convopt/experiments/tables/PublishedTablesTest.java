package io.convopt.experiments.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishedTablesTest {

  @Test
  void tablesHaveThePrintedShape() {
    List<PublishedRow> t1 = PublishedTables.table1();
    List<PublishedRow> t2 = PublishedTables.table2();
    assertThat(t1).hasSize(8);
    assertThat(t2).hasSize(15);
    // Every start lies in the boxes the reconstructions use, and steps/power are present where
    // printed.
    assertThat(t1).allSatisfy(r -> assertThat(r.power()).isPresent());
    assertThat(t2).allSatisfy(r -> assertThat(r.steps()).isPresent());
    assertThat(t1.stream().filter(r -> r.dimension() == 1).map(PublishedRow::algorithm))
        .containsOnly("alg1");
    assertThat(t1.stream().filter(r -> r.dimension() == 2).map(PublishedRow::algorithm))
        .containsOnly("alg2");
    PublishedRow last = t2.get(14);
    assertThat(last.start()).containsExactly(1.0, -1.0);
    assertThat(last.result()).containsExactly(0.52, 0.52);
    assertThat(last.key()).isEqualTo("t2r15");
  }

  @Test
  void malformedRowsNameTheLine() {
    String csv =
        "row,function,algorithm,eta,power,steps,start,result\n1,LOG1,alg1,zero,3,,1.5,0.51\n";
    assertThatThrownBy(
            () -> PublishedTables.parse(1, "t.csv", new BufferedReader(new StringReader(csv))))
        .hasMessageContaining("t.csv line 2");
    String wrongHeader = "function,eta\n";
    assertThatThrownBy(
            () ->
                PublishedTables.parse(
                    1, "t.csv", new BufferedReader(new StringReader(wrongHeader))))
        .hasMessageContaining("expected header");
  }

  @Test
  void pointsFormatLikeThePaper() {
    assertThat(PublishedRow.formatPoint(new double[] {0.51})).isEqualTo("0.51");
    assertThat(PublishedRow.formatPoint(new double[] {0.5, -0.4})).isEqualTo("(0.5, -0.4)");
  }
}
