package io.convopt.experiments.grid;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The machine-readable record of a grid run that {@code convopt merge} reads: under the output
 * folder, {@code .grid/NAME.properties} (command, options, seeds, version, shard, tables,
 * fingerprint) and {@code .grid/NAME.keys} (every key of the whole grid, one per line, in grid
 * order). Neither ends in {@code .csv}, so the report does not show them; provenance.csv carries
 * the same facts for people.
 *
 * @param name grid name
 * @param command subcommand that ran it
 * @param args result-defining options (runtime options removed), joined by a space in the file
 * @param seeds the seeds, as the command states them
 * @param version convopt version
 * @param shard shard run
 * @param tables table paths relative to the output folder, ledger last
 * @param keyColumns the key column of each table
 * @param provenance provenance file relative to the output folder
 * @param fingerprint hash of name, keys, options and seeds: equal fingerprints, same grid
 * @param keys every key of the grid in order
 */
public record GridManifest(
    String name,
    String command,
    List<String> args,
    String seeds,
    String version,
    String shard,
    List<String> tables,
    List<String> keyColumns,
    String provenance,
    String fingerprint,
    List<String> keys) {

  /** Folder of the manifests, under the output folder. */
  public static final String FOLDER = ".grid";

  /** Copies the lists. */
  public GridManifest {
    args = List.copyOf(args);
    tables = List.copyOf(tables);
    keyColumns = List.copyOf(keyColumns);
    keys = List.copyOf(keys);
  }

  /** A copy that records another shard (merge writes "merged"). */
  public GridManifest withShard(String s) {
    return new GridManifest(
        name, command, args, seeds, version, s, tables, keyColumns, provenance, fingerprint, keys);
  }

  /** The fingerprint of a grid: FNV-1a over name, keys, options and seeds. */
  static String fingerprint(String name, List<String> keys, List<String> args, String seeds) {
    return StableHash.hex(
        name + "\n" + String.join("\n", keys) + "\n" + String.join("\u0001", args) + "\n" + seeds);
  }

  /** Writes both files under {@code out/.grid/}. */
  public void write(Path out) {
    Path dir = out.resolve(FOLDER);
    Properties p = new Properties();
    p.setProperty("name", name);
    p.setProperty("command", command);
    p.setProperty("args", String.join("\u0001", args));
    p.setProperty("seeds", seeds);
    p.setProperty("version", version);
    p.setProperty("shard", shard);
    p.setProperty("tables", String.join(";", tables));
    p.setProperty("key_columns", String.join(";", keyColumns));
    p.setProperty("provenance", provenance);
    p.setProperty("fingerprint", fingerprint);
    try {
      Files.createDirectories(dir);
      try (Writer w =
          Files.newBufferedWriter(dir.resolve(name + ".properties"), StandardCharsets.UTF_8)) {
        p.store(w, "grid run record for convopt merge");
      }
      Files.write(dir.resolve(name + ".keys"), keys, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the grid record under " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Every grid recorded under {@code out} (none if it has no {@code .grid} folder). */
  public static List<GridManifest> readAll(Path out) {
    Path dir = out.resolve(FOLDER);
    List<GridManifest> all = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return all;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String n = f.getFileName().toString();
        if (n.endsWith(".properties")) {
          all.add(read(dir, n.substring(0, n.length() - ".properties".length())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
    }
    return all;
  }

  private static GridManifest read(Path dir, String name) throws IOException {
    Properties p = new Properties();
    try (Reader r =
        Files.newBufferedReader(dir.resolve(name + ".properties"), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    List<String> keys = Files.readAllLines(dir.resolve(name + ".keys"), StandardCharsets.UTF_8);
    String args = p.getProperty("args", "");
    return new GridManifest(
        name,
        p.getProperty("command", ""),
        args.isEmpty() ? List.of() : Arrays.asList(args.split("\u0001")),
        p.getProperty("seeds", ""),
        p.getProperty("version", ""),
        p.getProperty("shard", ""),
        Arrays.asList(p.getProperty("tables", "").split(";")),
        Arrays.asList(p.getProperty("key_columns", "").split(";")),
        p.getProperty("provenance", ""),
        p.getProperty("fingerprint", ""),
        keys);
  }
}
