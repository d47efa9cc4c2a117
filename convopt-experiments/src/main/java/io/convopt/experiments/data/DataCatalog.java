package io.convopt.experiments.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shipped datasets of the project's top-level {@code data/} folder, by name, read from {@code
 * data/manifest.tsv} and the CSV files it lists (format: {@code data/README.md}).
 *
 * <p>Every load first checks the file's SHA-256 against {@code data/SHA256SUMS} and the manifest
 * ({@link DataIntegrityException} on a mismatch), then its schema: the header (feature columns plus
 * a last column {@code target}, or the declared value columns of a time series), the field count of
 * every row, finite numeric values, integer class indices in 0..K−1, and the declared row count
 * ({@link DatasetFormatException} naming file, line and column). Nothing is copied into a jar; the
 * folder is located at run time by {@link #locateDataDirectory()}.
 *
 * <p>Names: the manifest names ({@code iris, wine, breast_cancer_wdbc, digits_8x8, ionosphere,
 * sonar, spambase, glass, vehicle, diabetes, cpu_performance, ecg_mitdb208_excerpt}); {@code ecg}
 * is an alias of the ECG excerpt. Immutable after {@link #open}; loads are independent and
 * thread-safe.
 */
public final class DataCatalog {

  /** System property naming the data folder. */
  public static final String DATA_PROPERTY = "convopt.data";

  /** Environment variable naming the data folder. */
  public static final String DATA_ENV = "CONVOPT_DATA";

  static final List<String> MANIFEST_HEADER =
      List.of("name", "file", "task", "rows", "feature_columns", "class_names", "source", "sha256");
  private static final Map<String, String> ALIASES = Map.of("ecg", "ecg_mitdb208_excerpt");

  private final Path dataDir;
  private final Map<String, ManifestEntry> entries;
  private final Map<String, String> checksums;

  private DataCatalog(
      Path dataDir, Map<String, ManifestEntry> entries, Map<String, String> checksums) {
    this.dataDir = dataDir;
    this.entries = entries;
    this.checksums = checksums;
  }

  /** Opens the catalog of the folder found by {@link #locateDataDirectory()}. */
  public static DataCatalog open() {
    return open(locateDataDirectory());
  }

  /** Opens the catalog of {@code dataDir} (the folder holding manifest.tsv and SHA256SUMS). */
  public static DataCatalog open(Path dataDir) {
    Path manifest = dataDir.resolve("manifest.tsv");
    Path sums = dataDir.resolve("SHA256SUMS");
    if (!Files.isRegularFile(manifest)) {
      throw new IllegalArgumentException(
          dataDir + " has no manifest.tsv; is it the project's data/ folder?");
    }
    if (!Files.isRegularFile(sums)) {
      throw new IllegalArgumentException(dataDir + " has no SHA256SUMS");
    }
    Map<String, String> checksums = readChecksums(sums);
    verifyChecksum(manifest, "manifest.tsv", checksums);
    return new DataCatalog(dataDir.toAbsolutePath().normalize(), readManifest(manifest), checksums);
  }

  /**
   * The data folder: the system property {@value #DATA_PROPERTY}, else the environment variable
   * {@value #DATA_ENV} (either may name the data folder itself or a folder containing {@code
   * data/manifest.tsv}), else the first folder {@code data} holding {@code manifest.tsv} found
   * walking up from the working directory (tests run in a module folder, the CLI at the top).
   *
   * @throws IllegalStateException if none is found
   */
  public static Path locateDataDirectory() {
    String prop = System.getProperty(DATA_PROPERTY);
    if (prop != null && !prop.isBlank()) {
      return checkGiven(Path.of(prop), "system property " + DATA_PROPERTY);
    }
    String env = System.getenv(DATA_ENV);
    if (env != null && !env.isBlank()) {
      return checkGiven(Path.of(env), "environment variable " + DATA_ENV);
    }
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("data");
      if (Files.isRegularFile(candidate.resolve("manifest.tsv"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no data/manifest.tsv in "
            + start
            + " or any parent folder; set -D"
            + DATA_PROPERTY
            + "=<path to data> or "
            + DATA_ENV);
  }

  private static Path checkGiven(Path p, String what) {
    if (Files.isRegularFile(p.resolve("manifest.tsv"))) {
      return p;
    }
    if (Files.isRegularFile(p.resolve("data").resolve("manifest.tsv"))) {
      return p.resolve("data");
    }
    throw new IllegalStateException(
        what + " = " + p + ", but neither it nor its data/ folder has manifest.tsv");
  }

  public Path dataDirectory() {
    return dataDir;
  }

  /** Dataset names in manifest order. */
  public List<String> names() {
    return List.copyOf(entries.keySet());
  }

  /** The manifest row of {@code name} (or an alias). */
  public ManifestEntry entry(String name) {
    String key = ALIASES.getOrDefault(name, name);
    ManifestEntry e = entries.get(key);
    if (e == null) {
      throw new IllegalArgumentException(
          "unknown dataset '" + name + "'; known: " + names() + " (alias: ecg)");
    }
    return e;
  }

  /** Loads a classification or regression dataset, verified as described in the class comment. */
  public Dataset load(String name) {
    ManifestEntry e = entry(name);
    if (e.task() == Task.TIMESERIES) {
      throw new IllegalArgumentException(
          e.name() + " is a time series: use loadSeries, or WindowedRegression");
    }
    Parsed p = readVerified(e);
    int d = e.featureColumns();
    double[][] x = new double[p.values.length][];
    double[] y = new double[p.values.length];
    int k = e.classNames().size();
    for (int r = 0; r < p.values.length; r++) {
      x[r] = Arrays.copyOf(p.values[r], d);
      y[r] = p.values[r][d];
      if (e.task() == Task.CLASSIFICATION) {
        double t = y[r];
        if (t != Math.rint(t) || t < 0 || t >= k) {
          throw new DatasetFormatException(
              p.file,
              r + 2,
              d + 1,
              "target " + p.raw(r, d) + " is not a class index in 0.." + (k - 1));
        }
      }
    }
    return new Dataset(
        e.name(),
        e.task(),
        p.header.subList(0, d),
        x,
        y,
        e.task() == Task.CLASSIFICATION ? e.classNames() : List.of());
  }

  /** Loads a single-column time series (the ECG excerpt), verified as described above. */
  public TimeSeries loadSeries(String name) {
    ManifestEntry e = entry(name);
    if (e.task() != Task.TIMESERIES) {
      throw new IllegalArgumentException(e.name() + " is not a time series but " + e.task());
    }
    if (e.featureColumns() != 1) {
      throw new IllegalArgumentException(
          e.name() + " has " + e.featureColumns() + " columns; only univariate series");
    }
    Parsed p = readVerified(e);
    double[] v = new double[p.values.length];
    for (int r = 0; r < v.length; r++) {
      v[r] = p.values[r][0];
    }
    return new TimeSeries(e.name(), p.header.get(0), v);
  }

  private record Parsed(Path file, List<String> header, double[][] values, List<String[]> fields) {
    String raw(int row, int col) {
      return fields.get(row)[col];
    }
  }

  private Parsed readVerified(ManifestEntry e) {
    Path file = dataDir.resolve(e.file()).normalize();
    if (!file.startsWith(dataDir)) {
      throw new DatasetFormatException(
          dataDir.resolve("manifest.tsv"),
          0,
          0,
          "file '" + e.file() + "' of " + e.name() + " lies outside the data folder");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "dataset " + e.name() + ": file " + file + " does not exist");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot read " + file, ex);
    }
    String digest = sha256(bytes);
    String listed = checksums.get(normalise(e.file()));
    if (listed == null) {
      throw new DataIntegrityException(file + " is not listed in " + dataDir.resolve("SHA256SUMS"));
    }
    if (!listed.equals(digest)) {
      throw new DataIntegrityException(
          "SHA-256 mismatch for "
              + file
              + ": SHA256SUMS says "
              + listed
              + ", the file has "
              + digest
              + " (modified or corrupted; restore it from git)");
    }
    if (!e.sha256().equals(digest)) {
      throw new DataIntegrityException(
          "SHA-256 mismatch for "
              + file
              + ": manifest.tsv says "
              + e.sha256()
              + ", the file has "
              + digest);
    }
    return parseCsv(file, new String(bytes, StandardCharsets.UTF_8), e);
  }

  /** Parses and checks a CSV against its manifest row (package-private for tests). */
  static Parsed parseCsv(Path file, String text, ManifestEntry e) {
    String[] lines = text.split("\n", -1);
    int end = lines.length;
    if (end > 0 && lines[end - 1].isEmpty()) {
      end--; // the final newline
    }
    if (end == 0) {
      throw new DatasetFormatException(file, 1, 0, "empty file: no header");
    }
    int expectedCols = e.task() == Task.TIMESERIES ? e.featureColumns() : e.featureColumns() + 1;
    List<String> header = List.of(stripCr(lines[0]).split(",", -1));
    if (header.size() != expectedCols) {
      throw new DatasetFormatException(
          file,
          1,
          0,
          "header has "
              + header.size()
              + " columns, manifest declares "
              + expectedCols
              + (e.task() == Task.TIMESERIES
                  ? ""
                  : " (" + e.featureColumns() + " features + target)"));
    }
    for (int c = 0; c < header.size(); c++) {
      if (header.get(c).isBlank()) {
        throw new DatasetFormatException(file, 1, c + 1, "empty column name");
      }
    }
    if (e.task() != Task.TIMESERIES && !header.get(expectedCols - 1).equals("target")) {
      throw new DatasetFormatException(
          file,
          1,
          expectedCols,
          "last column is '" + header.get(expectedCols - 1) + "', expected 'target'");
    }
    int rows = end - 1;
    if (rows != e.rows()) {
      throw new DatasetFormatException(
          file, 0, 0, "has " + rows + " data rows, manifest declares " + e.rows());
    }
    double[][] values = new double[rows][expectedCols];
    List<String[]> fields = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      int lineNo = r + 2;
      String line = stripCr(lines[r + 1]);
      if (line.isEmpty()) {
        throw new DatasetFormatException(file, lineNo, 0, "empty line");
      }
      String[] f = line.split(",", -1);
      if (f.length != expectedCols) {
        throw new DatasetFormatException(
            file, lineNo, 0, "has " + f.length + " fields, expected " + expectedCols);
      }
      for (int c = 0; c < f.length; c++) {
        values[r][c] = CsvTable.parseNumber(file, lineNo, c + 1, header.get(c), f[c]);
      }
      fields.add(f);
    }
    return new Parsed(file, header, values, fields);
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  static Map<String, ManifestEntry> readManifest(Path manifest) {
    List<String> lines;
    try {
      lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot read " + manifest, ex);
    }
    if (lines.isEmpty() || !List.of(lines.get(0).split("\t", -1)).equals(MANIFEST_HEADER)) {
      throw new DatasetFormatException(
          manifest, 1, 0, "header must be " + String.join("<TAB>", MANIFEST_HEADER));
    }
    Map<String, ManifestEntry> out = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != MANIFEST_HEADER.size()) {
        throw new DatasetFormatException(
            manifest,
            i + 1,
            0,
            "has " + f.length + " tab-separated fields, expected " + MANIFEST_HEADER.size());
      }
      Task task;
      try {
        task = Task.parse(f[2]);
      } catch (IllegalArgumentException ex) {
        throw new DatasetFormatException(manifest, i + 1, 3, "unknown task '" + f[2] + "'");
      }
      int rows = parseCount(manifest, i + 1, 4, f[3]);
      int cols = parseCount(manifest, i + 1, 5, f[4]);
      List<String> classes = f[5].isEmpty() ? List.of() : List.of(f[5].split("\\|", -1));
      if (task == Task.CLASSIFICATION && classes.size() < 2) {
        throw new DatasetFormatException(
            manifest, i + 1, 6, "a classification dataset needs at least 2 class names");
      }
      out.put(
          f[0],
          new ManifestEntry(
              f[0], f[1], task, rows, cols, classes, f[6], f[7].toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  private static int parseCount(Path file, int line, int col, String s) {
    try {
      int v = Integer.parseInt(s.trim());
      if (v <= 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException ex) {
      throw new DatasetFormatException(file, line, col, "'" + s + "' is not a positive integer");
    }
  }

  static Map<String, String> readChecksums(Path sums) {
    Map<String, String> m = new LinkedHashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(sums, StandardCharsets.UTF_8);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot read " + sums, ex);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      int sp = line.indexOf(' ');
      if (sp != 64) {
        throw new DatasetFormatException(sums, i + 1, 0, "expected '<64 hex digits>  <path>'");
      }
      String path = line.substring(sp).trim();
      if (path.startsWith("*")) {
        path = path.substring(1);
      }
      m.put(normalise(path), line.substring(0, 64).toLowerCase(Locale.ROOT));
    }
    return m;
  }

  private static void verifyChecksum(Path file, String relative, Map<String, String> sums) {
    String listed = sums.get(relative);
    if (listed == null) {
      return; // SHA256SUMS need not list the manifest itself
    }
    String digest;
    try {
      digest = sha256(Files.readAllBytes(file));
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot read " + file, ex);
    }
    if (!listed.equals(digest)) {
      throw new DataIntegrityException(
          "SHA-256 mismatch for "
              + file
              + ": SHA256SUMS says "
              + listed
              + ", the file has "
              + digest);
    }
  }

  private static String normalise(String path) {
    return path.startsWith("./") ? path.substring(2) : path;
  }

  /** Lower-case hex SHA-256 of {@code bytes}. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("SHA-256 unavailable", ex);
    }
  }
}
