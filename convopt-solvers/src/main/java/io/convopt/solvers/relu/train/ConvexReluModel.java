package io.convopt.solvers.relu.train;

import io.convopt.solvers.relu.Formulation;
import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.TwoLayerNetwork;
import io.convopt.solvers.relu.linalg.Checks;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A two-layer (gated) ReLU network trained by {@link ConvexReluTrainer}: the preprocessing of the
 * inputs (optional {@link Standardization}, then an optional bias column of ones appended last),
 * the recovered network (one neuron per non-zero block of the convex solution) and the {@link
 * FitSummary} with the objective and certificate. {@link #predict} applies the same preprocessing
 * to new rows. {@link #save}/{@link #load} use a versioned JSON format ({@link ModelJson}); doubles
 * are written exactly, so a loaded model predicts bit-identically.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConvexReluModel {
  private final Formulation formulation;
  private final Loss loss;
  private final double beta;
  private final int inputs;
  private final boolean bias;
  private final Standardization standardization; // null: none
  private final TwoLayerNetwork network;
  private final FitSummary summary;

  /**
   * A model from its parts (the trainer and {@link #load} call this); validates the shapes.
   *
   * @param formulation GATED (the network needs gates) or RELU (it must have none)
   * @param loss the loss it was trained with
   * @param beta the weight-decay parameter, finite and &gt;= 0
   * @param inputs number of input columns d of the raw data
   * @param bias whether a column of ones is appended after standardisation
   * @param standardization the input scaling over d columns, or null for none
   * @param network the network over {@code d + (bias ? 1 : 0)} features
   * @param summary how it was fitted
   */
  public ConvexReluModel(
      Formulation formulation,
      Loss loss,
      double beta,
      int inputs,
      boolean bias,
      Standardization standardization,
      TwoLayerNetwork network,
      FitSummary summary) {
    if (formulation != Formulation.GATED && formulation != Formulation.RELU) {
      throw new IllegalArgumentException("formulation: must be gated or relu, got " + formulation);
    }
    if (loss == null || network == null || summary == null) {
      throw new IllegalArgumentException("model: loss, network and summary are required");
    }
    if (!(beta >= 0) || !Double.isFinite(beta)) {
      throw new IllegalArgumentException("beta: must be finite and >= 0, got " + beta);
    }
    if (inputs < 1) {
      throw new IllegalArgumentException("inputs: must be >= 1, got " + inputs);
    }
    if (standardization != null && standardization.columns() != inputs) {
      throw new IllegalArgumentException(
          "standardization: has "
              + standardization.columns()
              + " columns but the model has "
              + inputs
              + " inputs");
    }
    if (network.isGated() != (formulation == Formulation.GATED)) {
      throw new IllegalArgumentException(
          "network: a "
              + formulation.id()
              + " model needs "
              + (formulation == Formulation.GATED ? "gates" : "no gates"));
    }
    int features = inputs + (bias ? 1 : 0);
    double[][] w1 = network.firstLayer();
    for (int j = 0; j < w1.length; j++) {
      if (w1[j].length != features) {
        throw new IllegalArgumentException(
            "network: neuron "
                + j
                + " has "
                + w1[j].length
                + " first-layer weights, expected "
                + features
                + " ("
                + inputs
                + " inputs"
                + (bias ? " + bias" : "")
                + ")");
      }
    }
    this.formulation = formulation;
    this.loss = loss;
    this.beta = beta;
    this.inputs = inputs;
    this.bias = bias;
    this.standardization = standardization;
    this.network = network;
    this.summary = summary;
  }

  /** Predictions f(x) for the rows of {@code x} (m x d raw inputs, finite). O(m d width). */
  public double[] predict(double[][] x) {
    int[] s = Checks.matrix("X", x);
    if (s[1] != inputs) {
      throw new IllegalArgumentException(
          "X: has " + s[1] + " columns but the model was trained on " + inputs);
    }
    double[][] z = standardization == null ? x : standardization.apply(x);
    if (network.width() == 0) {
      return new double[s[0]];
    }
    return network.predict(ConvexReluTrainer.features(z, bias));
  }

  /** Root mean squared error of the predictions on {@code x} against {@code y}. */
  public double rootMeanSquaredError(double[][] x, double[] y) {
    double[] f = predict(x);
    Checks.vector("y", y, f.length, "X has rows:");
    double s = 0;
    for (int k = 0; k < f.length; k++) {
      double r = f[k] - y[k];
      s += r * r;
    }
    return Math.sqrt(s / f.length);
  }

  /**
   * Fraction of rows whose label in {-1, +1} is the sign of the prediction (f &gt;= 0 counts as +1,
   * the project's rule for one output).
   */
  public double accuracy(double[][] x, double[] labels) {
    double[] f = predict(x);
    Checks.vector("labels", labels, f.length, "X has rows:");
    int correct = 0;
    for (int k = 0; k < f.length; k++) {
      if (labels[k] != 1.0 && labels[k] != -1.0) {
        throw new IllegalArgumentException(
            "labels: entry " + k + " is " + labels[k] + ", expected -1 or +1");
      }
      if ((f[k] >= 0 ? 1.0 : -1.0) == labels[k]) {
        correct++;
      }
    }
    return (double) correct / f.length;
  }

  public Formulation formulation() {
    return formulation;
  }

  public Loss loss() {
    return loss;
  }

  public double beta() {
    return beta;
  }

  /** Number of raw input columns d. */
  public int inputs() {
    return inputs;
  }

  /** Whether a bias column of ones is appended (last) after standardisation. */
  public boolean hasBias() {
    return bias;
  }

  /** The input standardisation, or null when the inputs are used as given. */
  public Standardization standardization() {
    return standardization;
  }

  /** The network over the preprocessed features. */
  public TwoLayerNetwork network() {
    return network;
  }

  /** Active neurons (non-zero blocks of the convex solution). */
  public int neurons() {
    return network.width();
  }

  public FitSummary summary() {
    return summary;
  }

  /** The convex objective at the solution (see {@link FitSummary}). */
  public double objective() {
    return summary.objective();
  }

  /** The certificate's relative duality gap. */
  public double certificate() {
    return summary.relativeGap();
  }

  /** The solver's short name. */
  public String solver() {
    return summary.solver();
  }

  public int iterations() {
    return summary.iterations();
  }

  public double seconds() {
    return summary.seconds();
  }

  /** The model as JSON (format {@link ModelJson#FORMAT}, version {@link ModelJson#VERSION}). */
  public String toJson() {
    return ModelJson.write(this);
  }

  /** Parses {@link #toJson} output, validating format, version and shapes. */
  public static ConvexReluModel fromJson(String json) {
    return ModelJson.read(json);
  }

  /** Writes {@link #toJson} to {@code file}. */
  public void save(Path file) throws IOException {
    java.nio.file.Files.writeString(file, toJson());
  }

  /**
   * Reads a model written by {@link #save}.
   *
   * @throws IllegalArgumentException naming the field when the file is not a valid model
   */
  public static ConvexReluModel load(Path file) throws IOException {
    return fromJson(java.nio.file.Files.readString(file));
  }

  @Override
  public String toString() {
    return "ConvexReluModel["
        + formulation.id()
        + ", "
        + loss.name().toLowerCase(java.util.Locale.ROOT)
        + ", beta="
        + beta
        + ", inputs="
        + inputs
        + ", neurons="
        + neurons()
        + ", objective="
        + objective()
        + ", certificate="
        + certificate()
        + "]";
  }
}
