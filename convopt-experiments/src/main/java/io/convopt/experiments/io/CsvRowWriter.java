package io.convopt.experiments.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Appends CSV rows to a file as they complete, flushing each one, so an interrupted run loses
 * nothing; {@link #completedKeys} lets a rerun skip what is already there (resume).
 *
 * <p>RFC 4180: fields containing a comma, quote or line break are quoted, quotes doubled. If the
 * file exists its header must equal {@code header}, otherwise the run refuses to mix two schemas.
 */
public final class CsvRowWriter implements Closeable {

  private final Path file;
  private final List<String> header;
  private final BufferedWriter out;

  private CsvRowWriter(Path file, List<String> header, BufferedWriter out) {
    this.file = file;
    this.header = List.copyOf(header);
    this.out = out;
  }

  /** Opens {@code file} for appending, writing the header if the file is new or empty. */
  public static CsvRowWriter open(Path file, List<String> header) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        OutputDirectory.prepare(parent);
      }
      boolean fresh = !Files.exists(file) || Files.size(file) == 0;
      if (!fresh) {
        List<String> existing = readHeader(file);
        if (!existing.equals(header)) {
          throw new IllegalArgumentException(
              file
                  + " exists with header "
                  + existing
                  + " but this run writes "
                  + header
                  + "; move the old file away or choose another output folder");
        }
        repairTruncatedLastLine(file);
      }
      BufferedWriter w =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      CsvRowWriter writer = new CsvRowWriter(file, header, w);
      if (fresh) {
        writer.writeLine(header);
      }
      return writer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file + ": " + OutputDirectory.reason(e), e);
    }
  }

  /** Writes one row (same length as the header) and flushes it to disk. */
  public synchronized void append(List<String> row) {
    if (row.size() != header.size()) {
      throw new IllegalArgumentException(
          "row has "
              + row.size()
              + " fields but "
              + file
              + " has "
              + header.size()
              + " columns "
              + header);
    }
    try {
      writeLine(row);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write to " + file + ": " + OutputDirectory.reason(e), e);
    }
  }

  /**
   * Writes several rows with one flush, so a process killed while writing leaves all of them or a
   * truncated tail that {@link #open} repairs, never a subset that looks complete.
   */
  public synchronized void appendAll(List<List<String>> rows) {
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            "row has "
                + row.size()
                + " fields but "
                + file
                + " has "
                + header.size()
                + " columns "
                + header);
      }
      line(sb, row);
    }
    try {
      out.write(sb.toString());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + file + ": " + e.getMessage(), e);
    }
  }

  private static void line(StringBuilder sb, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(escape(fields.get(i)));
    }
    sb.append('\n');
  }

  private void writeLine(List<String> fields) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(escape(fields.get(i)));
    }
    sb.append('\n');
    out.write(sb.toString());
    out.flush();
  }

  /** RFC 4180 quoting. */
  public static String escape(String field) {
    String f = field == null ? "" : field;
    if (f.indexOf(',') >= 0
        || f.indexOf('"') >= 0
        || f.indexOf('\n') >= 0
        || f.indexOf('\r') >= 0) {
      return '"' + f.replace("\"", "\"\"") + '"';
    }
    return f;
  }

  /**
   * Replaces {@code file} by {@code header} and {@code rows}, atomically (written beside it, then
   * moved over it), creating the folder.
   */
  public static void rewrite(Path file, List<String> header, List<List<String>> rows) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.deleteIfExists(tmp);
      try (CsvRowWriter w = open(tmp, header)) {
        rows.forEach(w::append);
      }
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Values of {@code keyColumn} in the complete rows of {@code file} (empty if it does not exist).
   */
  public static Set<String> completedKeys(Path file, String keyColumn) {
    Set<String> keys = new LinkedHashSet<>();
    if (!Files.exists(file)) {
      return keys;
    }
    List<List<String>> rows = readAll(file);
    if (rows.isEmpty()) {
      return keys;
    }
    int k = rows.get(0).indexOf(keyColumn);
    if (k < 0) {
      throw new IllegalArgumentException(
          file + " has no column '" + keyColumn + "'; columns: " + rows.get(0));
    }
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.size() == rows.get(0).size()) {
        keys.add(row.get(k));
      }
    }
    return keys;
  }

  /** Parses a whole CSV file (header first). */
  public static List<List<String>> readAll(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** RFC 4180 parser; a row that ends inside quotes is an error naming the source. */
  static List<List<String>> parse(String text, String source) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || field.length() > 0) {
          row.add(field.toString());
          rows.add(row);
        }
        row = new ArrayList<>();
        field.setLength(0);
        any = false;
      } else {
        field.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(
          source + ": unterminated quoted field in row " + (rows.size() + 1));
    }
    if (any || field.length() > 0) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  private static List<String> readHeader(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      return line == null ? List.of() : parse(line, file.toString()).get(0);
    }
  }

  /** A run killed mid-write can leave a partial last line: drop it so the file stays valid CSV. */
  private static void repairTruncatedLastLine(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
      int cut = bytes.length - 1;
      while (cut >= 0 && bytes[cut] != '\n') {
        cut--;
      }
      byte[] kept = java.util.Arrays.copyOf(bytes, cut + 1);
      Files.write(file, kept);
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
