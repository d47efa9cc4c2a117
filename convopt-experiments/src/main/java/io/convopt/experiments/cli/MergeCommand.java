package io.convopt.experiments.cli;

import io.convopt.experiments.grid.GridManifest;
import io.convopt.experiments.io.CsvRowWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code convopt merge}: joins the output folders of a sharded run into one folder with the files
 * an unsharded run writes. For every grid recorded in the shard folders ({@code .grid/}), it checks
 * that all shards ran the same grid (same command options, seeds and version; else exit 2), unions
 * the rows by cell key (each cell from the shard that finished it, in grid order), reports the
 * cells no shard finished, and then finishes the merged folder by running the same command with
 * {@code --finish-only}, which runs no cell and writes the summaries and provenance.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    header = "Merge the output folders of sharded grid runs.",
    description = {
      "Merges the output folders of sharded grid runs (--shard I/K or a Slurm array) into one"
          + " folder holding the same files an unsharded run writes, then writes its summaries.",
      "Refuses shards of different grids (options, versions or seeds) with exit code 2; lists"
          + " missing cells and exits 1."
    })
public final class MergeCommand implements Callable<Integer> {

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The merged output folder.")
  Path out;

  @Parameters(
      arity = "1..*",
      paramLabel = "SHARD_DIR",
      description = "The --out folders of the shards.")
  List<Path> shards;

  /** One shard's record of one grid. */
  private record Part(Path dir, GridManifest manifest) {}

  @Override
  public Integer call() {
    Path target = out.toAbsolutePath().normalize();
    Map<String, List<Part>> grids = new TreeMap<>();
    for (Path s : shards) {
      if (!Files.isDirectory(s)) {
        throw new IllegalArgumentException(s + " is not a folder");
      }
      if (s.toAbsolutePath().normalize().equals(target)) {
        throw new IllegalArgumentException(
            "--out " + out + " is also a shard folder; merge into a new folder");
      }
      List<GridManifest> ms = GridManifest.readAll(s);
      if (ms.isEmpty()) {
        throw new IllegalArgumentException(
            s
                + " holds no grid record ("
                + GridManifest.FOLDER
                + "/); was it"
                + " the --out folder of a grid command?");
      }
      for (GridManifest m : ms) {
        grids.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(new Part(s, m));
      }
    }
    Map<List<String>, GridManifest> finishers = new LinkedHashMap<>();
    int missingTotal = 0;
    for (Map.Entry<String, List<Part>> g : grids.entrySet()) {
      List<Part> parts = g.getValue();
      GridManifest first = parts.get(0).manifest();
      for (Part p : parts) {
        requireSame(
            g.getKey(),
            "command",
            parts.get(0).dir(),
            first.command(),
            p.dir(),
            p.manifest().command());
        requireSame(
            g.getKey(),
            "options",
            parts.get(0).dir(),
            String.join(" ", first.args()),
            p.dir(),
            String.join(" ", p.manifest().args()));
        requireSame(
            g.getKey(), "seeds", parts.get(0).dir(), first.seeds(), p.dir(), p.manifest().seeds());
        requireSame(
            g.getKey(),
            "convopt version",
            parts.get(0).dir(),
            first.version(),
            p.dir(),
            p.manifest().version());
        requireSame(
            g.getKey(),
            "grid (cell keys)",
            parts.get(0).dir(),
            first.fingerprint(),
            p.dir(),
            p.manifest().fingerprint());
      }
      if (!GridCommands.all().containsKey(first.command())) {
        throw new IllegalArgumentException(
            "grid "
                + g.getKey()
                + " was written by '"
                + first.command()
                + "', which merge cannot finish; shard one of "
                + GridCommands.all().keySet()
                + " instead");
      }
      Set<String> merged = mergeTables(first, parts, target);
      List<String> missing = new ArrayList<>();
      for (String k : first.keys()) {
        if (!merged.contains(k)) {
          missing.add(k);
        }
      }
      missingTotal += missing.size();
      Set<String> seen = new TreeSet<>();
      parts.forEach(p -> seen.add(p.manifest().shard()));
      System.err.printf(
          "merge: %s: %d of %d cells from %d folders (shards %s)%n",
          g.getKey(),
          first.keys().size() - missing.size(),
          first.keys().size(),
          parts.size(),
          String.join(", ", seen));
      if (!missing.isEmpty()) {
        System.err.printf(
            "merge: %s: %d cells missing (rerun their shard into a folder and" + " merge again):%n",
            g.getKey(), missing.size());
        missing.stream().limit(10).forEach(k -> System.err.println("  " + k));
        if (missing.size() > 10) {
          System.err.println("  ... and " + (missing.size() - 10) + " more");
        }
      }
      first.withShard("merged").write(target);
      List<String> call = new ArrayList<>(List.of(first.command()));
      call.addAll(first.args());
      finishers.putIfAbsent(call, first);
    }
    for (Map.Entry<List<String>, GridManifest> f : finishers.entrySet()) {
      int code = finish(f.getValue(), target);
      if (code != 0) {
        return code;
      }
    }
    System.err.println(
        "merge: merged folder "
            + target
            + (missingTotal == 0 ? " is complete" : " lacks " + missingTotal + " cells"));
    return missingTotal == 0 ? 0 : GridCommands.EXIT_FAILURE;
  }

  private static void requireSame(String grid, String what, Path a, String va, Path b, String vb) {
    if (!va.equals(vb)) {
      throw new IllegalArgumentException(
          "cannot merge grid "
              + grid
              + ": the shards differ in "
              + what
              + ": "
              + a
              + " has '"
              + va
              + "' but "
              + b
              + " has '"
              + vb
              + "'");
    }
  }

  /** Unions the grid's tables into {@code target}; returns the keys of the finished cells. */
  private static Set<String> mergeTables(GridManifest m, List<Part> parts, Path target) {
    List<String> paths = m.tables();
    String ledger = paths.get(paths.size() - 1);
    Map<String, Path> owner = new LinkedHashMap<>();
    Map<Path, List<List<String>>> ledgerRows = new HashMap<>();
    List<String> header = null;
    for (Part p : parts) {
      Path f = p.dir().resolve(ledger);
      if (!Files.exists(f)) {
        continue;
      }
      List<List<String>> rows = CsvRowWriter.readAll(f);
      header = checkHeader(header, rows, f);
      ledgerRows.put(p.dir(), rows);
    }
    if (header == null) {
      return Set.of();
    }
    int k = keyIndex(header, m, paths.size() - 1, ledger);
    for (Part p : parts) {
      List<List<String>> rows = ledgerRows.getOrDefault(p.dir(), List.of());
      for (List<String> r : rows.subList(Math.min(1, rows.size()), rows.size())) {
        if (r.size() == rows.get(0).size()) {
          owner.putIfAbsent(r.get(k), p.dir());
        }
      }
    }
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < m.keys().size(); i++) {
      order.put(m.keys().get(i), i);
    }
    for (int t = 0; t < paths.size(); t++) {
      String path = paths.get(t);
      int table = t;
      List<String> h = null;
      List<List<String>> all = new ArrayList<>();
      for (Part p : parts) {
        Path f = p.dir().resolve(path);
        if (!Files.exists(f)) {
          continue;
        }
        List<List<String>> rows = CsvRowWriter.readAll(f);
        h = checkHeader(h, rows, f);
        int kk = keyIndex(h, m, table, path);
        for (List<String> r : rows.subList(1, rows.size())) {
          if (r.size() == h.size() && p.dir().equals(owner.get(r.get(kk)))) {
            all.add(r);
          }
        }
      }
      if (h == null) {
        continue;
      }
      int kk = keyIndex(h, m, table, path);
      all.sort(java.util.Comparator.comparingInt(r -> order.getOrDefault(r.get(kk), -1)));
      CsvRowWriter.rewrite(target.resolve(path), h, all);
    }
    return new LinkedHashSet<>(owner.keySet());
  }

  private static List<String> checkHeader(List<String> known, List<List<String>> rows, Path f) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(f + " is empty (no header)");
    }
    if (known != null && !known.equals(rows.get(0))) {
      throw new IllegalArgumentException(
          "cannot merge "
              + f
              + ": its columns "
              + rows.get(0)
              + " differ from the other shards' "
              + known);
    }
    return rows.get(0);
  }

  /** Index of table {@code t}'s key column in its header. */
  private static int keyIndex(List<String> header, GridManifest m, int t, String path) {
    int k = header.indexOf(m.keyColumns().get(t));
    if (k < 0) {
      throw new IllegalArgumentException(
          path + " has no key column '" + m.keyColumns().get(t) + "': " + header);
    }
    return k;
  }

  /** Runs the grid's command on the merged folder without running cells. */
  private static int finish(GridManifest m, Path target) {
    Supplier<Object> command = GridCommands.all().get(m.command());
    List<String> args = new ArrayList<>(m.args());
    args.addAll(List.of("--out", target.toString(), "--shard", "1/1", "--finish-only"));
    System.err.println(
        "merge: finishing with: convopt " + m.command() + " " + String.join(" ", args));
    return GridCommands.configure(new CommandLine(command.get()))
        .execute(args.toArray(String[]::new));
  }
}
