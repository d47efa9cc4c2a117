package io.convopt.report.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convopt.report.ReportException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

  @TempDir Path tmp;

  private CsvTable read(String text) throws Exception {
    Path f = tmp.resolve("t.csv");
    Files.writeString(f, text);
    return CsvTable.read(f, "dir/t.csv");
  }

  @Test
  void keepsQuotedCellsAndTextAsWritten() throws Exception {
    CsvTable t = read("name,point,value\n\"a, \"\"quoted\"\"\",\"(0.50, 0.55)\",0.50\nb,1.5,NaN\n");
    assertThat(t.columns()).containsExactly("name", "point", "value");
    assertThat(t.rowCount()).isEqualTo(2);
    assertThat(t.text(0, "name")).isEqualTo("a, \"quoted\"");
    assertThat(t.text(0, "value")).isEqualTo("0.50");
    assertThat(t.point(0, "point")).containsExactly(0.50, 0.55);
    assertThat(t.point(1, "point")).containsExactly(1.5);
    assertThat(t.number(1, "value")).isNaN();
  }

  @Test
  void columnNamesAreCaseSensitive() throws Exception {
    // The curves contract has both "f" and "F".
    CsvTable t = read("x,f,F\n0,1,2\n");
    assertThat(t.number(0, "f")).isEqualTo(1.0);
    assertThat(t.number(0, "F")).isEqualTo(2.0);
  }

  @Test
  void headerOnlyFileHasNoRows() throws Exception {
    assertThat(read("a,b\n").rowCount()).isZero();
  }

  @Test
  void badCellsNameFileRowAndColumn() throws Exception {
    CsvTable t = read("x,y\n1,2\n3,\n4,\"(a, b)\"\n");
    assertThatThrownBy(() -> t.number(1, "y"))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("dir/t.csv, row 2, column 'y': expected a number but found an empty cell");
    assertThatThrownBy(() -> t.require("x", "z"))
        .hasMessageStartingWith("dir/t.csv, column 'z': required column is missing");
    assertThatThrownBy(() -> t.text(0, "nope")).isInstanceOf(CsvFormatException.class);
    assertThatThrownBy(() -> t.point(2, "y"))
        .hasMessage(
            "dir/t.csv, row 3, column 'y': expected a number or a point like (0.5, 0.5) but found"
                + " '(a, b)'");
  }

  @Test
  void raggedRowIsRejectedWithTheFileName() {
    assertThatThrownBy(() -> read("x,y\n1,2\n4,(a, b)\n"))
        .isInstanceOf(ReportException.class)
        .hasMessageStartingWith("dir/t.csv: not a valid CSV table");
  }

  @Test
  void emptyFileAndRepeatedHeaderAreRejected() throws Exception {
    assertThatThrownBy(() -> read(""))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("dir/t.csv: the file is empty");
    assertThatThrownBy(() -> read("a,a\n1,2\n")).hasMessageContaining("repeated ('a')");
  }

  @Test
  void verdictsParseCaseInsensitively() {
    assertThat(Verdict.parse(" Match ")).isEqualTo(Verdict.MATCH);
    assertThatThrownBy(() -> Verdict.parse("close")).isInstanceOf(IllegalArgumentException.class);
  }
}
