package io.convopt.experiments.robust;

import io.convopt.experiments.compare.Findings;
import io.convopt.experiments.comparison.DatasetComparison;
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
 * The adversarial-robustness comparison ({@code compare-robust}) as a comparison: cells datasets ×
 * seeds × methods, each network trained by {@link RobustTraining} and attacked at every radius by
 * {@link RobustEvaluation} ({@link RobustGrid#run}); metrics and findings by {@link
 * RobustSummaries}.
 */
public final class RobustComparison extends DatasetComparison<RobustComparison.Cell> {

  /** One cell: a method on a dataset (catalog name {@code name}) with one seed. */
  public record Cell(String dataset, String name, RobustMethod method, long seed) {}

  private final RobustSpec spec;

  /** The comparison of {@code spec} on {@code catalog}'s datasets. */
  public RobustComparison(DataCatalog catalog, RobustSpec spec) {
    super(
        "compare-robust",
        catalog,
        spec.parameters(),
        "robustness.csv",
        RobustGrid.ROBUSTNESS_HEADER,
        RobustGrid.RUNS_HEADER);
    this.spec = spec;
  }

  @Override
  public List<Cell> cells() {
    return perDataset(
        spec.datasets(),
        (ds, name) -> {
          List<Cell> cells = new ArrayList<>();
          for (long seed : spec.seeds()) {
            for (RobustMethod m : spec.methods()) {
              cells.add(new Cell(ds, name, m, seed));
            }
          }
          return cells;
        });
  }

  @Override
  public String key(Cell c) {
    return RobustGrid.key(spec, c.name(), c.method(), c.seed());
  }

  @Override
  public CellRows run(Cell c) {
    PreparedData data = data(c.dataset(), ds -> RobustGrid.prepare(catalog(), ds, spec));
    RobustGrid.Row r = RobustGrid.run(spec, data, c.name(), c.method(), c.seed());
    return CellRows.of(RobustGrid.robustnessRows(r, spec), RobustGrid.runRow(r, spec));
  }

  @Override
  public Summary summarise(Path dir, double seconds) {
    RobustSummaries.Data data =
        RobustSummaries.read(
            dir.resolve("runs.csv"),
            dir.resolve("robustness.csv"),
            RobustGrid.keys(spec, catalog()));
    Table summary = RobustSummaries.summary(data);
    List<Findings.Finding> findings = RobustSummaries.findings(data, spec.epsTrain());
    RunOutputs.writeTable(summary, dir.resolve("robust-summary.csv"));
    return new Summary(findings, summaryText(spec, data, summary, findings, seconds));
  }

  static String summaryText(
      RobustSpec spec,
      RobustSummaries.Data data,
      Table summary,
      List<Findings.Finding> findings,
      double seconds) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%nAdversarial robustness: %d datasets, %d seeds, width %d (P = %d),"
                + " beta %s, eps_train %s,%ngrid time this invocation %.1f s%n",
            data.datasets().size(),
            spec.seeds().size(),
            spec.width(),
            spec.patternDraws(),
            spec.beta(),
            spec.epsTrain(),
            seconds));
    sb.append(
        "Robust test accuracy under l_inf PGD (mean over seeds; the strongest of the"
            + " seeded attacks\n"
            + "at radii <= eps):\n");
    sb.append(String.format(Locale.ROOT, "  %-20s %-9s", "dataset", "method"));
    List<Double> radii = data.radii();
    for (double e : radii) {
      sb.append(String.format(Locale.ROOT, " %-7s", "e=" + Numbers.rounded(e, 3)));
    }
    sb.append('\n');
    for (String ds : data.datasets()) {
      for (RobustMethod m : RobustMethod.values()) {
        if (Double.isNaN(data.meanClean(ds, m.id()))) {
          continue;
        }
        sb.append(String.format(Locale.ROOT, "  %-20s %-9s", ds, m.id()));
        for (double e : radii) {
          sb.append(
              String.format(
                  Locale.ROOT, " %-7s", Numbers.fixed(data.meanRobust(ds, m.id(), e), 3)));
        }
        sb.append('\n');
      }
    }
    sb.append(
        "What the measurements say (counts over the datasets and radii run, nothing" + " more):\n");
    for (Findings.Finding f : findings) {
      sb.append("  [")
          .append(f.verdict().toUpperCase(Locale.ROOT))
          .append("] ")
          .append(f.claim())
          .append('\n');
      sb.append("      ").append(f.evidence()).append('\n');
    }
    sb.append(
            "Notes: eps = 0 is the clean accuracy. PGD is a heuristic attack, so robust accuracies"
                + " are\n"
                + "upper bounds on the true (worst-case) accuracy; cr-robust's training guarantee"
                + " holds on the\n"
                + "training rows only. summary rows: ")
        .append(summary.rowCount())
        .append('\n');
    return sb.toString();
  }
}
