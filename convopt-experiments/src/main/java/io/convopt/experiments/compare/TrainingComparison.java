package io.convopt.experiments.compare;

import io.convopt.experiments.comparison.DatasetComparison;
import io.convopt.experiments.data.BaselineGrid;
import io.convopt.experiments.data.DataCatalog;
import io.convopt.experiments.data.PreparedData;
import io.convopt.experiments.grid.CellRows;
import io.convopt.experiments.io.Numbers;
import io.convopt.experiments.io.RunOutputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * The convex-vs-non-convex training comparison ({@code compare-training}) as a comparison: cells
 * datasets × β × seeds × methods (× learning rates for SGD/Adam), run by {@link CompareGrid#run};
 * metrics and findings by {@link Summaries} and {@link Findings}.
 */
public final class TrainingComparison extends DatasetComparison<TrainingComparison.Cell> {

  /** One cell: a method on a dataset (catalog name {@code name}) at β, learning rate and seed. */
  public record Cell(
      String dataset, String name, Method method, double beta, double lr, long seed) {}

  private final CompareSpec spec;

  /** The comparison of {@code spec} on {@code catalog}'s datasets. */
  public TrainingComparison(DataCatalog catalog, CompareSpec spec) {
    super(
        "compare-training",
        catalog,
        spec.parameters(),
        "traces.csv",
        CompareGrid.TRACES_HEADER,
        CompareGrid.RUNS_HEADER);
    this.spec = spec;
  }

  @Override
  public List<Cell> cells() {
    return perDataset(
        spec.datasets(),
        (ds, name) -> {
          List<Cell> cells = new ArrayList<>();
          for (double beta : spec.betas()) {
            for (long seed : spec.seeds()) {
              for (Method m : spec.methods()) {
                for (double lr : m.isConvex() ? List.of(Double.NaN) : spec.learningRates()) {
                  cells.add(new Cell(ds, name, m, beta, lr, seed));
                }
              }
            }
          }
          return cells;
        });
  }

  @Override
  public String key(Cell c) {
    return CompareGrid.key(spec, c.name(), c.method(), c.beta(), c.lr(), c.seed());
  }

  @Override
  public CellRows run(Cell c) {
    PreparedData data =
        data(
            c.dataset(),
            ds ->
                BaselineGrid.prepare(
                    catalog(), ds, CompareGrid.baselineSpec(spec, ds, spec.betas().get(0))));
    CompareGrid.Row r =
        CompareGrid.run(spec, data, c.name(), c.method(), c.beta(), c.lr(), c.seed());
    return CellRows.of(CompareGrid.traceRows(r), CompareGrid.row(r, spec));
  }

  @Override
  public Summary summarise(Path dir, double seconds) {
    Summaries.Data data =
        Summaries.read(
            dir.resolve("runs.csv"), dir.resolve("traces.csv"), CompareGrid.keys(spec, catalog()));
    Table profile = Summaries.profile(data);
    Table metrics = Summaries.metrics(data);
    List<Verdicts.Problem> problems = Verdicts.problems(Verdicts.entries(data));
    List<String> methods = spec.methods().stream().map(Method::id).toList();
    List<Findings.Finding> findings = new ArrayList<>();
    for (String m : List.of("cr", "cg")) {
      if (methods.contains(m) && methods.contains(Verdicts.ADAM)) {
        findings.add(Verdicts.claim(problems, m));
      }
    }
    findings.addAll(Findings.evaluate(data, profile));
    RunOutputs.writeTable(profile, dir.resolve("profile.csv"));
    RunOutputs.writeTable(Summaries.sensitivity(data), dir.resolve("sensitivity.csv"));
    RunOutputs.writeTable(metrics, dir.resolve("metrics.csv"));
    RunOutputs.writeTable(Verdicts.verdictTable(problems, methods), dir.resolve("verdicts.csv"));
    RunOutputs.writeTable(Verdicts.gapTable(problems), dir.resolve("gaps.csv"));
    String verdicts = Verdicts.text(problems, methods);
    return new Summary(
        findings, summaryText(spec, data, metrics, verdicts, problems.size(), findings, seconds));
  }

  static String summaryText(
      CompareSpec spec,
      Summaries.Data data,
      Table metrics,
      String verdicts,
      int problems,
      List<Findings.Finding> findings,
      double seconds) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%nConvex vs non-convex training: %d problems (dataset x beta), %d seeds,"
                + " CG with P = %d gates, CR with P = %d patterns, SGD/Adam width %d,%n"
                + "grid time this invocation %.1f s%n",
            data.problems().size(),
            spec.seeds().size(),
            spec.patternDraws(),
            spec.crPatternDraws(),
            spec.width(),
            seconds));
    sb.append(
        String.format(
            Locale.ROOT,
            "Convex solvers: CG by R-FISTA; CR by %s; tolerance %.1g, at most %d solver"
                + " iterations.%nBudget per cell (convex solve or one SGD/Adam run): %s s x"
                + " clamp(training rows / %d, 1, %d) of wall time,%nsplit over the one-vs-all"
                + " programs.%n",
            spec.crSolver().describe(),
            spec.convexTolerance(),
            spec.convexMaxIterations(),
            Numbers.rounded(spec.cellSeconds(), 4),
            CompareSpec.BUDGET_ROWS,
            CompareSpec.MAX_BUDGET_FACTOR));
    sb.append("Cut from the field's protocol: ")
        .append(String.join("; ", spec.cuts()))
        .append(".\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "Problems solved at relative gap (f - f_best)/|f_best| <= 1, 0.5, 0.1, 0.01 over %d"
                + " problems%n(dataset, beta, seed; f = final training objective, SGD/Adam at"
                + " their best learning rate;%nf_best = the lowest f of any method, CG's gated"
                + " model included):%n",
            problems));
    sb.append(verdicts);
    List<String> failed = new ArrayList<>();
    for (Summaries.RunRec r : data.runs) {
      if (r.stopReason().startsWith("failed:")) {
        failed.add(
            r.method()
                + " on "
                + r.dataset()
                + (Double.isFinite(r.learningRate()) ? " lr " + r.learningRate() : "")
                + " ("
                + r.stopReason().substring("failed:".length())
                + ")");
      }
    }
    if (!failed.isEmpty()) {
      sb.append("Failed cells (no objective; they solve nothing): ")
          .append(String.join(", ", failed))
          .append(".\n");
    }
    sb.append(
        "Test metric per problem (mean over seeds; SGD/Adam at the learning rate with the"
            + " lowest\n"
            + "training objective per seed):\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "  %-22s %-6s %-5s %-14s %-10s %-12s %-9s%n",
            "dataset",
            "beta",
            "method",
            "metric",
            "mean",
            "train obj",
            "gap/best"));
    for (int r = 0; r < metrics.rowCount(); r++) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-22s %-6s %-5s %-14s %-10s %-12s %-9s%n",
              metrics.stringColumn("dataset").get(r),
              metrics.doubleColumn("beta").getDouble(r),
              metrics.stringColumn("method").get(r),
              metrics.stringColumn("metric").get(r),
              Numbers.rounded(metrics.doubleColumn("mean").getDouble(r), 4),
              Numbers.rounded(metrics.doubleColumn("train_objective_mean").getDouble(r), 5),
              Numbers.rounded(metrics.doubleColumn("relative_gap_to_best").getDouble(r), 3)));
    }
    sb.append(
        "What the measurements say (verdicts are counts over the problems run, nothing"
            + " more):\n");
    for (Findings.Finding f : findings) {
      sb.append("  [")
          .append(f.verdict().toUpperCase(Locale.ROOT))
          .append("] ")
          .append(f.claim())
          .append('\n');
      sb.append("      ").append(f.evidence()).append('\n');
    }
    sb.append(
        "Notes: CG trains a gated network (a relaxation of CR on the same patterns), so"
            + " its objective\n"
            + "is not that of a ReLU network; in the profiles, sensitivity and metrics it is"
            + " measured against\n"
            + "the best ReLU objective but does not define it (the verdict table's f_best includes"
            + " it).\nConvex wall times include pattern sampling and solver setup; SGD/Adam"
            + " times exclude\n"
            + "the per-epoch objective evaluation. Adversarial robustness (method cr-robust) is"
            + " measured by\n"
            + "compare-robust.\n");
    return sb.toString();
  }
}
