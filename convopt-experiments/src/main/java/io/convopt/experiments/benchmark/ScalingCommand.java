package io.convopt.experiments.benchmark;

import io.convopt.experiments.grid.GridOptions;
import io.convopt.experiments.grid.GridSettings;
import io.convopt.experiments.grid.PresetOption;
import io.convopt.experiments.grid.SeedOptions;
import io.convopt.experiments.io.CsvRowWriter;
import io.convopt.experiments.io.Numbers;
import io.convopt.experiments.io.TextTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convopt scaling}: the benchmark over dimensions × budgets (see {@link ScalingStudy}). */
@Command(
    name = "scaling",
    mixinStandardHelpOptions = true,
    header = "Run the benchmark over dimensions and evaluation budgets.",
    footer = {
      "",
      "--quick: Smoke preset into DIR/scaling-quick (d = 1..3, budgets 100 and 1000",
      "per dimension, 3 runs)."
    },
    description = {
      "Runs the benchmark over a grid of dimensions x evaluation budgets (RASTRIGIN, ACKLEY,"
          + " STYBLINSKI_TANG; d = 1..5; 100, 1000, 10000 evaluations per dimension; 5 runs) and"
          + " writes scaling/scaling.csv: where the convolution method wins and where it loses."
          + " Reruns resume."
    })
public final class ScalingCommand implements Callable<Integer> {

  @Mixin PresetOption preset;

  @Mixin GridOptions grid;

  @Mixin SeedOptions seeds;

  @Override
  public Integer call() {
    GridSettings settings = grid.settings(0);
    ScalingStudy base =
        preset.quick()
            ? ScalingStudy.quick(settings.threads())
            : ScalingStudy.standard(settings.threads());
    ScalingStudy study =
        new ScalingStudy(
            base.functions(),
            base.solvers(),
            base.dimensions(),
            base.budgetsPerDimension(),
            seeds.count(base.runs()),
            settings.threads());
    long first = seeds.first(0);
    if (first < 0 || first > Integer.MAX_VALUE - study.runs()) {
      throw new IllegalArgumentException("--seed (the first run index) must be >= 0, got " + first);
    }
    String folder = preset.quick() ? "scaling-quick" : "scaling";
    Path csv = study.run(settings, folder, (int) first, r -> {});
    List<List<String>> rows = CsvRowWriter.readAll(csv);
    List<String> header = new ArrayList<>(List.of("solver", "d"));
    for (long b : study.budgetsPerDimension()) {
      header.add("B=" + b);
    }
    List<List<String>> table = new ArrayList<>();
    for (String s : study.solvers()) {
      for (int d : study.dimensions()) {
        List<String> line = new ArrayList<>(List.of(s, Integer.toString(d)));
        for (long b : study.budgetsPerDimension()) {
          for (List<String> r : rows.subList(1, rows.size())) {
            if (r.get(0).equals(s)
                && r.get(1).equals(Integer.toString(d))
                && r.get(2).equals(Long.toString(b))) {
              line.add(Numbers.rounded(Double.parseDouble(r.get(6)), 2));
            }
          }
        }
        table.add(line);
      }
    }
    System.out.println("mean success rate over " + study.functions() + " (" + csv + "):");
    System.out.print(TextTable.render(header, table));
    return 0;
  }
}
