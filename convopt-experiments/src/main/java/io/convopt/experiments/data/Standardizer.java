package io.convopt.experiments.data;

/**
 * Column standardisation x ↦ (x − μ) / σ with μ and the population standard deviation σ fitted on
 * the training rows only. A constant training column (σ = 0) is only centred (σ taken as 1). The
 * fit is the solvers module's {@link io.convopt.solvers.relu.train.Standardization}; this record
 * keeps the experiments' one-column target scaling next to it.
 */
public record Standardizer(double[] mean, double[] scale) {

  public Standardizer {
    mean = mean.clone();
    scale = scale.clone();
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] scale() {
    return scale.clone();
  }

  /**
   * Fits μ and σ on {@code rows} (the training part), by the same rule as the trainer façade's
   * {@link io.convopt.solvers.relu.train.Standardization} (one implementation).
   */
  public static Standardizer fit(double[][] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("cannot standardise on zero rows");
    }
    io.convopt.solvers.relu.train.Standardization s =
        io.convopt.solvers.relu.train.Standardization.fit(rows);
    return new Standardizer(s.mean(), s.scale());
  }

  /** Fits on a single column (e.g. a regression target). */
  public static Standardizer fit(double[] column) {
    double[][] rows = new double[column.length][];
    for (int i = 0; i < column.length; i++) {
      rows[i] = new double[] {column[i]};
    }
    return fit(rows);
  }

  /** (x − μ) / σ row by row, as new arrays. */
  public double[][] apply(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != mean.length) {
        throw new IllegalArgumentException(
            "row " + i + " has " + rows[i].length + " columns, fitted on " + mean.length);
      }
      out[i] = new double[mean.length];
      for (int j = 0; j < mean.length; j++) {
        out[i][j] = (rows[i][j] - mean[j]) / scale[j];
      }
    }
    return out;
  }

  /** (v − μ₀) / σ₀ for a one-column standardiser. */
  public double[] apply(double[] column) {
    double[] out = new double[column.length];
    for (int i = 0; i < column.length; i++) {
      out[i] = (column[i] - mean[0]) / scale[0];
    }
    return out;
  }
}
