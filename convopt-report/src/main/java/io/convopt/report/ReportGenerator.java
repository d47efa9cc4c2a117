package io.convopt.report;

import io.convopt.experiments.io.OutputDirectory;
import io.convopt.report.data.BenchmarkResult;
import io.convopt.report.data.CsvTable;
import io.convopt.report.html.Html;
import io.convopt.report.html.Page;
import io.convopt.report.plot.Figure;
import io.convopt.report.section.BenchmarkSection;
import io.convopt.report.section.CalibrationSection;
import io.convopt.report.section.CompareSection;
import io.convopt.report.section.CurveSection;
import io.convopt.report.section.GlobalBenchmarkSection;
import io.convopt.report.section.Names;
import io.convopt.report.section.PaperTableSection;
import io.convopt.report.section.PathSection;
import io.convopt.report.section.PlainSection;
import io.convopt.report.section.RobustSection;
import io.convopt.report.section.ScalingSection;
import io.convopt.report.section.Section;
import io.convopt.report.section.Sources;
import io.convopt.report.section.SweepSection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the self-contained HTML report from the CSV tables (and JMH JSON files) that the
 * experiments write into a results folder.
 *
 * <p>Input layout (every part optional): {@code table1.csv}, {@code table2.csv}, {@code
 * provenance.csv}, {@code sweeps/*.csv}, {@code curves/*.csv}, {@code contours/*.csv}, {@code
 * paths/*.csv}, {@code bench/*.json}, {@code compare*}{@code /*.csv} (one convex-vs-non-convex
 * section per such folder, see {@link CompareSection}), {@code robust*}{@code /*.csv} (one
 * adversarial-robustness section per folder, see {@link RobustSection}), {@code calibration/}{@code
 * *.csv} (the calibration section, see {@link CalibrationSection}); any other CSV is shown under
 * "Other tables". The output folder gets {@code index.html} (inline CSS and SVG, one small inline
 * script, no network access), {@code figures/<name>.svg} and copies of the inputs under {@code
 * data/}.
 *
 * <p>Folders that hold an {@code index.html} (earlier reports) and the output folder itself are not
 * read as input. Output is deterministic: no timestamps, files visited in sorted order.
 */
public final class ReportGenerator {
  private ReportGenerator() {}

  static final String NOTE =
      "<div class=\"note\" role=\"note\"><strong>Reconstructed test functions.</strong> The paper's"
          + " definitions of LOG1, POLY1, LOG2 and the transform applied to the Rosenbrock function"
          + " were lost; ConvOpt uses documented reconstructions chosen to be consistent with the"
          + " published tables. Agreement with the paper is therefore qualitative, and rows say so"
          + " in their <code>reconstruction</code> and <code>calibrated</code> columns where"
          + " present.</div>\n";

  /**
   * Generates the report.
   *
   * @param in the results folder (must exist)
   * @param out the report folder (created if needed; must not be the input folder itself)
   * @return the index page, figure names, copied files and summary lines
   * @throws ReportException on missing input, malformed tables (the message names file, row and
   *     column) or I/O failures
   */
  public static ReportSummary generate(Path in, Path out) {
    Path input = in.toAbsolutePath().normalize();
    Path output = out.toAbsolutePath().normalize();
    if (!Files.isDirectory(input)) {
      throw new ReportException("input folder not found: " + in);
    }
    if (output.equals(input)) {
      throw new ReportException("the output folder must differ from the input folder: " + in);
    }
    List<String> files = scan(input, output);

    CsvTable table1 = null;
    CsvTable table2 = null;
    CsvTable provenance = null;
    CsvTable benchmarkSummary = null;
    CsvTable benchmarkProfile = null;
    CsvTable scaling = null;
    List<CsvTable> sweeps = new ArrayList<>();
    List<CsvTable> curves = new ArrayList<>();
    List<CsvTable> contours = new ArrayList<>();
    List<CsvTable> paths = new ArrayList<>();
    List<CsvTable> others = new ArrayList<>();
    Map<String, List<BenchmarkResult>> bench = new LinkedHashMap<>();
    Map<String, Map<String, CsvTable>> compare = new LinkedHashMap<>();
    Map<String, Map<String, CsvTable>> robust = new LinkedHashMap<>();
    Map<String, CsvTable> provenances = new LinkedHashMap<>();
    Map<String, CsvTable> calibration = new LinkedHashMap<>();
    for (String rel : files) {
      Path file = input.resolve(rel);
      if (rel.endsWith(".json")) {
        bench.put(rel, BenchmarkResult.read(file, rel));
        continue;
      }
      CsvTable t = CsvTable.read(file, rel);
      String folder = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
      if (rel.equals(folder.isEmpty() ? "provenance.csv" : folder + "/provenance.csv")) {
        provenances.put(folder, t);
      }
      switch (folder.isEmpty() ? rel : folder) {
        case "table1.csv" -> table1 = t;
        case "table2.csv" -> table2 = t;
        case "provenance.csv" -> provenance = t;
        case "scaling" -> {
          // The per-cell benchmark folders are the study's raw runs; the report shows the summary.
          if (rel.equals("scaling/scaling.csv")) {
            scaling = t;
          }
        }
        case "benchmark" -> {
          switch (rel) {
            case "benchmark/summary.csv" -> benchmarkSummary = t;
            case "benchmark/data_profile.csv" -> benchmarkProfile = t;
            case "benchmark/provenance.csv" -> {}
            default -> others.add(t);
          }
        }
        case "sweeps" -> sweeps.add(t);
        case "curves" -> curves.add(t);
        case "contours" -> contours.add(t);
        case "paths" -> paths.add(t);
        case "calibration" -> calibration.put(rel.substring("calibration/".length()), t);
        default -> {
          if (folder.startsWith("compare") && rel.indexOf('/') == rel.lastIndexOf('/')) {
            compare
                .computeIfAbsent(folder, k -> new LinkedHashMap<>())
                .put(rel.substring(folder.length() + 1), t);
          } else if (folder.startsWith("robust") && rel.indexOf('/') == rel.lastIndexOf('/')) {
            robust
                .computeIfAbsent(folder, k -> new LinkedHashMap<>())
                .put(rel.substring(folder.length() + 1), t);
          } else {
            others.add(t);
          }
        }
      }
    }

    Names names = new Names();
    Sources sources = new Sources(input.getFileName().toString(), provenances);
    List<Section> sections = new ArrayList<>();
    sections.add(
        sources.label(
            PaperTableSection.build(
                "table1",
                "Table 1",
                "Algorithm 1 (1-D rows) and Algorithm 2 (2-D rows): the paper's final point next to"
                    + " ours.",
                table1),
            ""));
    sections.add(
        sources.label(
            PaperTableSection.build(
                "table2",
                "Table 2",
                "zigzag1 (Algorithm 3) against zigzag2 (Algorithm 4) on LOG2.",
                table2),
            ""));
    sections.add(sources.label(CalibrationSection.build(calibration), "calibration"));
    sections.add(sources.label(CurveSection.build(curves, names), ""));
    for (Section s : PathSection.build(contours, paths, names)) {
      sections.add(sources.label(s, ""));
    }
    sections.add(sources.label(SweepSection.build(sweeps, names), ""));
    sections.add(
        sources.label(
            GlobalBenchmarkSection.build(benchmarkSummary, benchmarkProfile, names), "benchmark"));
    sections.add(sources.label(ScalingSection.build(scaling, names), "scaling"));
    sections.add(sources.label(BenchmarkSection.build(bench), "bench"));
    for (Map.Entry<String, Map<String, CsvTable>> c : compare.entrySet()) {
      sections.add(
          sources.label(CompareSection.build(c.getKey(), c.getValue(), names), c.getKey()));
    }
    for (Map.Entry<String, Map<String, CsvTable>> c : robust.entrySet()) {
      sections.add(sources.label(RobustSection.build(c.getKey(), c.getValue(), names), c.getKey()));
    }
    sections.add(PlainSection.others(others));
    sections.add(PlainSection.provenance(provenance, provenances));

    List<String> summaryLines = new ArrayList<>();
    List<Section> missing = new ArrayList<>();
    for (Section s : sections) {
      if (!s.summary().isEmpty()) {
        summaryLines.add(s.summary());
      }
      if (!s.present()) {
        missing.add(s);
      }
    }
    sections.removeAll(missing);
    if (summaryLines.isEmpty()) {
      summaryLines.add("The input folder holds no recognised results.");
    }
    StringBuilder summaryHtml =
        new StringBuilder(
            Html.p(files.size() + " input file(s) from " + input.getFileName() + "."));
    summaryHtml.append("<ul class=\"summary\">\n");
    for (String line : summaryLines) {
      summaryHtml.append("<li>").append(Html.esc(line)).append("</li>\n");
    }
    summaryHtml.append("</ul>\n").append(Sources.missing(missing));
    sections.add(0, new Section("summary", "Summary", summaryHtml.toString(), List.of(), ""));

    List<Figure> figures = new ArrayList<>();
    sections.forEach(s -> figures.addAll(s.figures()));
    String page =
        Page.render(
            "ConvOpt report",
            "Results folder: "
                + input.getFileName()
                + " \u00b7 "
                + figures.size()
                + " figures \u00b7 "
                + files.size()
                + " data files",
            NOTE,
            sections);

    List<String> figureNames = new ArrayList<>();
    try {
      OutputDirectory.prepare(output);
    } catch (OutputDirectory.Unusable e) {
      throw new ReportException(e.getMessage(), e);
    }
    try {
      Path figDir = output.resolve("figures");
      Files.createDirectories(figDir);
      // Remove figures of an earlier run so the folder matches the page; only our own *.svg files.
      try (DirectoryStream<Path> old = Files.newDirectoryStream(figDir, "*.svg")) {
        for (Path p : old) {
          Files.delete(p);
        }
      }
      for (Figure f : figures) {
        Files.writeString(figDir.resolve(f.name() + ".svg"), f.toSvg(), StandardCharsets.UTF_8);
        figureNames.add(f.name());
      }
      Path dataDir = output.resolve("data");
      for (String rel : files) {
        Path target = dataDir.resolve(rel);
        Files.createDirectories(target.getParent());
        Files.copy(input.resolve(rel), target, StandardCopyOption.REPLACE_EXISTING);
      }
      Path index = output.resolve("index.html");
      Files.writeString(index, page, StandardCharsets.UTF_8);
      return new ReportSummary(index, figureNames, files, summaryLines);
    } catch (IOException e) {
      throw new ReportException(
          "cannot write the report to " + out + ": " + OutputDirectory.reason(e), e);
    }
  }

  /**
   * The files a report of {@code in} would read (relative, '/'-separated, sorted); empty when the
   * folder holds no results, which {@code convopt report} treats as an error.
   */
  public static List<String> inputFiles(Path in) {
    Path input = in.toAbsolutePath().normalize();
    return scan(input, input.resolve("report"));
  }

  /** Relative paths ('/'-separated, sorted) of the input CSV files and bench/*.json files. */
  static List<String> scan(Path input, Path output) {
    List<String> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          input,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              boolean hidden = !dir.equals(input) && dir.getFileName().toString().startsWith(".");
              if (dir.equals(output)
                  || hidden
                  || (!dir.equals(input) && Files.exists(dir.resolve("index.html")))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String rel = input.relativize(file).toString().replace('\\', '/');
              String name = file.getFileName().toString();
              if (name.startsWith(".")) {
                return FileVisitResult.CONTINUE;
              }
              if (name.endsWith(".csv") || (rel.startsWith("bench/") && name.endsWith(".json"))) {
                files.add(rel);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new ReportException("cannot read the input folder " + input + ": " + e.getMessage(), e);
    }
    files.sort(null);
    return files;
  }
}
