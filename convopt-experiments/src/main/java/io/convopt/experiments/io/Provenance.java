package io.convopt.experiments.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a result came from: software version, git commit, JDK, machine, time. Every output folder
 * has one {@code provenance.csv} in one format: two columns {@code key,value}; the environment keys
 * first, then the entries of each grid run into the folder ({@link #update}).
 */
public final class Provenance {

  /** The project version (from the jar manifest; "0.1.0-dev" when run from classes). */
  public static String version() {
    String v = Provenance.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-dev" : v;
  }

  private Provenance() {}

  /** Version, commit, JDK, OS, cores and the current time, in a stable order. */
  public static Map<String, String> environment() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("convopt_version", version());
    m.put("git_commit", gitCommit());
    m.put(
        "jdk",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    m.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    m.put("max_heap_mb", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
    m.put("started_utc", Instant.now().toString());
    return m;
  }

  /**
   * HEAD of the working directory's git checkout, with "+dirty" for local changes, or "unknown".
   */
  public static String gitCommit() {
    String c = commit;
    if (c == null) {
      c = readGitCommit();
      commit = c;
    }
    return c;
  }

  /** Asked once per JVM: a run does not change its checkout. */
  private static volatile String commit;

  private static String readGitCommit() {
    String head = run("git", "rev-parse", "--short=12", "HEAD");
    if (head == null) {
      return "unknown";
    }
    String status = run("git", "status", "--porcelain", "--untracked-files=no");
    return status != null && !status.isBlank() ? head + "+dirty" : head;
  }

  /**
   * Rewrites {@code file} (key, value) with the current environment and {@code entries}, keeping
   * the keys of earlier runs that neither replaces (several grids may share one folder).
   */
  public static void update(Path file, Map<String, String> entries) {
    Map<String, String> all = new LinkedHashMap<>();
    if (Files.exists(file)) {
      List<List<String>> rows = CsvRowWriter.readAll(file);
      for (List<String> r : rows.subList(Math.min(1, rows.size()), rows.size())) {
        all.put(r.get(0), r.size() > 1 ? r.get(1) : "");
      }
    }
    all.putAll(environment());
    all.putAll(entries);
    List<List<String>> rows = new ArrayList<>();
    all.forEach((k, v) -> rows.add(List.of(k, v)));
    CsvRowWriter.rewrite(file, List.of("key", "value"), rows);
  }

  private static String run(String... cmd) {
    try {
      Process p =
          new ProcessBuilder(cmd)
              .directory(Path.of("").toAbsolutePath().toFile())
              .redirectErrorStream(false)
              .start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return null;
      }
      return out;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
