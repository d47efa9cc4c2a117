package io.convopt.experiments.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCatalogTest {

  static final DataCatalog CATALOG = DataCatalog.open();

  @Test
  void locatesTheTopLevelDataFolderFromTheModuleDirectory() {
    Path dir = DataCatalog.locateDataDirectory();
    assertThat(dir.resolve("manifest.tsv")).isRegularFile();
    assertThat(dir.getFileName().toString()).isEqualTo("data");
  }

  @Test
  void systemPropertyOverridesTheSearch(@TempDir Path tmp) throws IOException {
    Files.writeString(
        tmp.resolve("manifest.tsv"), String.join("\t", DataCatalog.MANIFEST_HEADER) + "\n");
    String old = System.getProperty(DataCatalog.DATA_PROPERTY);
    try {
      System.setProperty(DataCatalog.DATA_PROPERTY, tmp.toString());
      assertThat(DataCatalog.locateDataDirectory()).isEqualTo(tmp);
      System.setProperty(DataCatalog.DATA_PROPERTY, tmp.resolve("nowhere").toString());
      assertThatThrownBy(DataCatalog::locateDataDirectory)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(DataCatalog.DATA_PROPERTY)
          .hasMessageContaining("nowhere");
    } finally {
      if (old == null) {
        System.clearProperty(DataCatalog.DATA_PROPERTY);
      } else {
        System.setProperty(DataCatalog.DATA_PROPERTY, old);
      }
    }
  }

  @Test
  void loadsEveryShippedDatasetWithItsDeclaredShape() {
    assertThat(CATALOG.names())
        .contains(
            "iris",
            "wine",
            "breast_cancer_wdbc",
            "digits_8x8",
            "ionosphere",
            "sonar",
            "spambase",
            "glass",
            "vehicle",
            "diabetes",
            "cpu_performance",
            "ecg_mitdb208_excerpt");
    for (String name : CATALOG.names()) {
      ManifestEntry e = CATALOG.entry(name);
      if (e.task() == Task.TIMESERIES) {
        assertThat(CATALOG.loadSeries(name).length()).isEqualTo(e.rows());
        continue;
      }
      Dataset d = CATALOG.load(name);
      assertThat(d.rows()).as(name).isEqualTo(e.rows());
      assertThat(d.columns()).as(name).isEqualTo(e.featureColumns());
      assertThat(d.features()[0]).hasSize(e.featureColumns());
      if (e.task() == Task.CLASSIFICATION) {
        boolean[] seen = new boolean[d.classCount()];
        for (int k = 0; k < d.rows(); k++) {
          seen[d.label(k)] = true;
        }
        assertThat(seen).as(name + ": every class occurs").doesNotContain(false);
      }
    }
    Dataset iris = CATALOG.load("iris");
    assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
    assertThat(iris.featureNames().get(0)).isEqualTo("sepal_length_cm");
    assertThat(iris.features()[0]).containsExactly(5.1, 3.5, 1.4, 0.2);
  }

  /** data/README.md: mean −0.16510875 mV and population s.d. 0.5992474 mV (scipy's docstring). */
  @Test
  void ecgExcerptMatchesItsDocumentedMoments() {
    TimeSeries ecg = CATALOG.loadSeries("ecg");
    assertThat(ecg.column()).isEqualTo("mv");
    double[] v = ecg.values();
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.length;
    double var = 0;
    for (double x : v) {
      var += (x - mean) * (x - mean);
    }
    assertThat(mean).isCloseTo(-0.16510875, within(1e-8));
    assertThat(Math.sqrt(var / v.length)).isCloseTo(0.5992474, within(1e-7));
  }

  @Test
  void unknownNamesAndWrongKindsAreRejected() {
    assertThatThrownBy(() -> CATALOG.load("mnist"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown dataset 'mnist'")
        .hasMessageContaining("iris");
    assertThatThrownBy(() -> CATALOG.load("ecg"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time series");
    assertThatThrownBy(() -> CATALOG.loadSeries("iris"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- temp copies ------------------------------------------------------------------------

  private static final String IRIS = "classification/iris.csv";

  /**
   * A data folder with only iris, whose CSV text is {@code csv}; checksums match it if {@code
   * fixSums}.
   */
  private static DataCatalog tempCatalog(Path tmp, String csv, boolean fixSums) throws IOException {
    Path real = CATALOG.dataDirectory();
    Files.createDirectories(tmp.resolve("classification"));
    Files.writeString(tmp.resolve(IRIS), csv, StandardCharsets.UTF_8);
    String sha =
        fixSums
            ? DataCatalog.sha256(csv.getBytes(StandardCharsets.UTF_8))
            : DataCatalog.sha256(Files.readAllBytes(real.resolve(IRIS)));
    List<String> manifest = Files.readAllLines(real.resolve("manifest.tsv"));
    StringBuilder m = new StringBuilder(manifest.get(0)).append('\n');
    for (String line : manifest) {
      if (line.startsWith("iris\t")) {
        m.append(line, 0, line.lastIndexOf('\t') + 1).append(sha).append('\n');
      }
    }
    Files.writeString(tmp.resolve("manifest.tsv"), m.toString());
    Files.writeString(tmp.resolve("SHA256SUMS"), sha + "  ./" + IRIS + "\n");
    return DataCatalog.open(tmp);
  }

  private static String realIris() throws IOException {
    return Files.readString(CATALOG.dataDirectory().resolve(IRIS));
  }

  @Test
  void unmodifiedTempCopyLoads(@TempDir Path tmp) throws IOException {
    assertThat(tempCatalog(tmp, realIris(), true).load("iris").rows()).isEqualTo(150);
  }

  @Test
  void checksumMismatchIsReported(@TempDir Path tmp) throws IOException {
    String tampered = realIris().replaceFirst("5\\.1,3\\.5", "5.2,3.5");
    DataCatalog c = tempCatalog(tmp, tampered, false);
    assertThatThrownBy(() -> c.load("iris"))
        .isInstanceOf(DataIntegrityException.class)
        .hasMessageContaining("SHA-256 mismatch")
        .hasMessageContaining("iris.csv")
        .hasMessageContaining("SHA256SUMS");
  }

  @Test
  void nonNumericValueNamesFileLineAndColumn(@TempDir Path tmp) throws IOException {
    List<String> lines = realIris().lines().toList();
    String bad = withLine(lines, 4, "4.6,abc,1.5,0.2,0");
    DataCatalog c = tempCatalog(tmp, bad, true);
    assertThatThrownBy(() -> c.load("iris"))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("iris.csv")
        .hasMessageContaining("line 5")
        .hasMessageContaining("column 2")
        .hasMessageContaining("'abc'")
        .hasMessageContaining("sepal_width_cm")
        .satisfies(
            ex -> {
              DatasetFormatException f = (DatasetFormatException) ex;
              assertThat(f.line()).isEqualTo(5);
              assertThat(f.column()).isEqualTo(2);
            });
  }

  @Test
  void otherMalformedRowsAreReported(@TempDir Path tmp) throws IOException {
    List<String> lines = realIris().lines().toList();
    assertFormatError(
        tmp.resolve("a"),
        withLine(lines, 10, "4.4,2.9,1.4,0.2"),
        "line 11",
        "has 4 fields, expected 5");
    assertFormatError(
        tmp.resolve("b"),
        withLine(lines, 10, "4.4,2.9,1.4,0.2,3"),
        "line 11",
        "not a class index in 0..2");
    assertFormatError(
        tmp.resolve("c"), withLine(lines, 10, "4.4,2.9,NaN,0.2,0"), "column 3", "not a number");
    assertFormatError(
        tmp.resolve("d"), withLine(lines, 10, "4.4,2.9,1.4,0.2,0.5"), "column 5", "class index");
    assertFormatError(tmp.resolve("e"), withLine(lines, 10, ""), "line 11", "empty line");
    assertFormatError(
        tmp.resolve("f"), withLine(lines, 0, "a,b,c,d,label"), "line 1", "expected 'target'");
    assertFormatError(
        tmp.resolve("g"),
        String.join("\n", lines.subList(0, 100)) + "\n",
        "has 99 data rows",
        "declares 150");
  }

  private static void assertFormatError(Path dir, String csv, String... fragments)
      throws IOException {
    Files.createDirectories(dir);
    DataCatalog c = tempCatalog(dir, csv, true);
    assertThatThrownBy(() -> c.load("iris"))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("iris.csv")
        .hasMessageContainingAll(fragments);
  }

  private static String withLine(List<String> lines, int index, String replacement) {
    String[] a = lines.toArray(new String[0]);
    a[index] = replacement;
    return String.join("\n", a) + "\n";
  }
}
