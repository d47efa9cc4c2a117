package io.convopt.experiments.data;

/**
 * A univariate time series in sample order.
 *
 * @param name the manifest name
 * @param column the value column's header name (e.g. {@code mv})
 */
public record TimeSeries(String name, String column, double[] values) {

  public TimeSeries {
    values = values.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  public int length() {
    return values.length;
  }
}
