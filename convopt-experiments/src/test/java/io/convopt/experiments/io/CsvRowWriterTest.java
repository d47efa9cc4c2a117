package io.convopt.experiments.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowWriterTest {

  @TempDir Path dir;

  @Test
  void rowsWrittenAndReadBackAreIdentical() {
    Path f = dir.resolve("t.csv");
    List<String> header = List.of("key", "point", "note");
    List<List<String>> rows =
        List.of(
            List.of("a", "(0.5, 0.5)", "plain"),
            List.of("b", "1.25", "has \"quotes\", and a comma"),
            List.of("c", "", "line\nbreak"));
    try (CsvRowWriter w = CsvRowWriter.open(f, header)) {
      rows.forEach(w::append);
    }
    List<List<String>> back = CsvRowWriter.readAll(f);
    assertThat(back.get(0)).isEqualTo(header);
    assertThat(back.subList(1, back.size())).isEqualTo(rows);
  }

  @Test
  void reopeningAppendsAndReportsCompletedKeys() {
    Path f = dir.resolve("t.csv");
    List<String> header = List.of("key", "v");
    try (CsvRowWriter w = CsvRowWriter.open(f, header)) {
      w.append(List.of("r1", "1"));
    }
    try (CsvRowWriter w = CsvRowWriter.open(f, header)) {
      w.append(List.of("r2", "2"));
    }
    assertThat(CsvRowWriter.completedKeys(f, "key")).containsExactly("r1", "r2");
    assertThat(CsvRowWriter.readAll(f)).hasSize(3);
  }

  @Test
  void aTruncatedLastLineFromAKilledRunIsDropped() throws Exception {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "key,v\nr1,1\nr2,", StandardCharsets.UTF_8);
    try (CsvRowWriter w = CsvRowWriter.open(f, List.of("key", "v"))) {
      w.append(List.of("r2", "2"));
    }
    assertThat(CsvRowWriter.readAll(f))
        .containsExactly(List.of("key", "v"), List.of("r1", "1"), List.of("r2", "2"));
  }

  @Test
  void aDifferentHeaderIsRefused() throws Exception {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "a,b\n1,2\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CsvRowWriter.open(f, List.of("a", "c")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header");
  }

  @Test
  void wrongFieldCountAndUnterminatedQuotesAreErrors() {
    Path f = dir.resolve("t.csv");
    try (CsvRowWriter w = CsvRowWriter.open(f, List.of("a", "b"))) {
      assertThatThrownBy(() -> w.append(List.of("only one"))).hasMessageContaining("2 columns");
    }
    assertThatThrownBy(() -> CsvRowWriter.parse("a,b\n\"open,1\n", "x.csv"))
        .hasMessageContaining("x.csv")
        .hasMessageContaining("unterminated");
  }
}
