package io.convopt.experiments.tables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The paper's Tables 1 and 2, read from {@code data/paper/table{1,2}.csv} (packaged as class-path
 * resources under {@code data/paper/}), so the numbers live in one documented place.
 */
public final class PublishedTables {

  private static final String HEADER = "row,function,algorithm,eta,power,steps,start,result";

  private PublishedTables() {}

  /** Table 1: Algorithms 1 (1-D rows) and 2 (2-D rows). */
  public static List<PublishedRow> table1() {
    return read(1);
  }

  /** Table 2: zigzag1 and zigzag2 on LOG2. */
  public static List<PublishedRow> table2() {
    return read(2);
  }

  static List<PublishedRow> read(int table) {
    String resource = "/data/paper/table" + table + ".csv";
    try (InputStream in = PublishedTables.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + resource);
      }
      return parse(
          table, resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<PublishedRow> parse(int table, String source, BufferedReader reader)
      throws IOException {
    String header = reader.readLine();
    if (!HEADER.equals(header)) {
      throw new IllegalArgumentException(
          source + ": expected header '" + HEADER + "' but found '" + header + "'");
    }
    List<PublishedRow> rows = new ArrayList<>();
    String line;
    int lineNo = 1;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] c = line.split(",", -1);
      if (c.length != 8) {
        throw new IllegalArgumentException(
            source + " line " + lineNo + ": expected 8 fields, found " + c.length);
      }
      try {
        rows.add(
            new PublishedRow(
                table,
                Integer.parseInt(c[0]),
                c[1],
                c[2],
                Double.parseDouble(c[3]),
                optionalInt(c[4]),
                optionalInt(c[5]),
                point(c[6]),
                point(c[7])));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(source + " line " + lineNo + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(rows);
  }

  private static OptionalInt optionalInt(String s) {
    return s.isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(s.trim()));
  }

  private static double[] point(String s) {
    String[] parts = s.trim().split("\\s+");
    double[] p = new double[parts.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = Double.parseDouble(parts[i]);
    }
    return p;
  }
}
