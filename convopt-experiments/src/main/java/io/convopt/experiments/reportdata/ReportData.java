package io.convopt.experiments.reportdata;

import io.convopt.experiments.functions.TestFunction;
import io.convopt.experiments.io.CsvRowWriter;
import io.convopt.experiments.io.Numbers;
import io.convopt.experiments.tables.RowOutcome;
import io.convopt.kernel.Box;
import io.convopt.solvers.api.TrajectoryPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the data behind the report's figures (the report module only draws): 1-D surrogate curves,
 * 2-D contour grids and iterate paths, in the folder layout the report reads.
 */
public final class ReportData {

  private ReportData() {}

  /**
   * {@code curves/<function>.csv}: f and F = g_δ * (f + C)^N for each N on a grid of the box
   * (midpoints of {@code cells} cells, so lattice poles are avoided), F by the midpoint rule with
   * the same cells and δ = 2·cell width; each F normalised to max 1 (its shape is what matters).
   */
  public static Path writeCurves(Path outDir, TestFunction f, List<Double> powers, int cells) {
    if (f.dimension() != 1) {
      throw new IllegalArgumentException(f.name() + " is not one-dimensional");
    }
    Box box = f.box();
    double h = box.width(0) / cells;
    double[] x = new double[cells];
    double[] fx = new double[cells];
    double fmin = Double.POSITIVE_INFINITY;
    double fmax = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < cells; i++) {
      x[i] = box.lower(0) + (i + 0.5) * h;
      fx[i] = f.objective().value(new double[] {x[i]});
      fmin = Math.min(fmin, fx[i]);
      fmax = Math.max(fmax, fx[i]);
    }
    double delta = 2 * h;
    Path file = outDir.resolve("curves").resolve(f.name().toLowerCase(Locale.ROOT) + ".csv");
    delete(file);
    try (CsvRowWriter w = CsvRowWriter.open(file, List.of("function", "power", "x", "f", "F"))) {
      for (double n : powers) {
        double[] wgt = new double[cells];
        for (int i = 0; i < cells; i++) {
          wgt[i] = Math.pow((fx[i] - fmin) / (fmax - fmin), n);
        }
        double[] big = new double[cells];
        double top = 0;
        for (int i = 0; i < cells; i++) {
          double s = 0;
          for (int j = 0; j < cells; j++) {
            double d = Math.abs(x[i] - x[j]);
            s += wgt[j] * (d >= delta ? d : d * d / (2 * delta) + delta / 2);
          }
          big[i] = s * h;
          top = Math.max(top, big[i]);
        }
        for (int i = 0; i < cells; i++) {
          w.append(List.of(f.name(), fmt(n), fmt(x[i]), fmt(fx[i]), fmt(big[i] / top)));
        }
      }
    }
    return file;
  }

  /** {@code contours/<function>.csv}: f on an n×n grid of the box (cell midpoints). */
  public static Path writeContour(Path outDir, TestFunction f, int n) {
    if (f.dimension() != 2) {
      throw new IllegalArgumentException(f.name() + " is not two-dimensional");
    }
    Box box = f.box();
    Path file = outDir.resolve("contours").resolve(f.name().toLowerCase(Locale.ROOT) + ".csv");
    delete(file);
    try (CsvRowWriter w = CsvRowWriter.open(file, List.of("function", "x", "y", "f"))) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double x = box.lower(0) + (i + 0.5) * box.width(0) / n;
          double y = box.lower(1) + (j + 0.5) * box.width(1) / n;
          w.append(
              List.of(f.name(), fmt(x), fmt(y), fmt(f.objective().value(new double[] {x, y}))));
        }
      }
    }
    return file;
  }

  /**
   * {@code paths/<table>.csv}: every iterate of every 2-D row (f evaluated here for display only,
   * not counted in any result), with its distance to the function's global maximum.
   */
  public static Path writePaths(Path outDir, String name, List<RowOutcome> rows) {
    Path file = outDir.resolve("paths").resolve(name + ".csv");
    delete(file);
    try (CsvRowWriter w =
        CsvRowWriter.open(
            file,
            List.of(
                "function",
                "algorithm",
                "run",
                "iteration",
                "evaluations",
                "x",
                "y",
                "f",
                "distance"))) {
      for (RowOutcome o : rows) {
        if (o.function().dimension() != 2) {
          continue;
        }
        double[] g = o.function().globalMax();
        String run =
            o.row().key()
                + " "
                + o.row().algorithm()
                + " from "
                + io.convopt.experiments.tables.PublishedRow.formatPoint(o.row().start());
        for (TrajectoryPoint t : o.ours().trajectory()) {
          double[] p = t.point();
          double d = Math.hypot(p[0] - g[0], p[1] - g[1]);
          w.append(
              List.of(
                  o.function().name(),
                  o.row().algorithm(),
                  run,
                  Long.toString(t.iteration()),
                  Long.toString(t.evaluations()),
                  fmt(p[0]),
                  fmt(p[1]),
                  fmt(o.function().objective().value(p)),
                  fmt(d)));
        }
      }
    }
    return file;
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String fmt(double v) {
    return Numbers.significant(v, 6);
  }
}
