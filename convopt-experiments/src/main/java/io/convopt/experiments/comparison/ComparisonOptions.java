package io.convopt.experiments.comparison;

import io.convopt.solvers.nonconvex.Nd4jSettings;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options both comparisons share (a picocli mixin): the datasets, the methods, the pattern
 * count P (SGD width 2P), the SGD/Adam epochs and the ND4J thread count. Absent values fall back to
 * the comparison's preset.
 */
public final class ComparisonOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--datasets",
      split = ",",
      paramLabel = "a,b",
      description = "Datasets of the catalog, overriding the preset.")
  List<String> datasets;

  @Option(
      names = "--methods",
      split = ",",
      paramLabel = "m1,m2",
      description = "Subset of the methods (default: all of the comparison's, listed above).")
  List<String> methods;

  @Option(
      names = "--patterns",
      paramLabel = "P",
      description =
          "Gates drawn for the convex programs; the SGD/Adam width is 2P (default:"
              + " the preset's).")
  Integer patterns;

  @Option(
      names = "--epochs",
      paramLabel = "E",
      description = "SGD/Adam epochs (default: the preset's).")
  Integer epochs;

  private int nd4jThreads = 1;

  /** Validated when parsed. */
  @Option(
      names = "--nd4j-threads",
      paramLabel = "T",
      defaultValue = "1",
      description =
          "ND4J OpenMP/BLAS threads (default: ${DEFAULT-VALUE}; one is fastest on"
              + " shared 2-core"
              + " machines).")
  void setNd4jThreads(int t) {
    if (t < 1) {
      throw new ParameterException(mixee.commandLine(), "--nd4j-threads must be >= 1, got " + t);
    }
    nd4jThreads = t;
  }

  /** The datasets, or the preset's. */
  public List<String> datasets(List<String> preset) {
    return datasets != null ? datasets : preset;
  }

  /** The method names given, or null for the preset's. */
  public List<String> methods() {
    return methods;
  }

  /** P, or the preset's. */
  public int patterns(int preset) {
    return patterns != null ? patterns : preset;
  }

  /** The epochs, or the preset's. */
  public int epochs(int preset) {
    return epochs != null ? epochs : preset;
  }

  /** Limits ND4J's threads as asked. */
  public void applyNd4jThreads() {
    Nd4jSettings.limitThreads(nd4jThreads);
  }
}
