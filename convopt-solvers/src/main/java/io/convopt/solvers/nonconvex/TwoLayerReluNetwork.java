package io.convopt.solvers.nonconvex;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The weights of f(x) = Σ_j w2_j · max(0, x·w1_j): a d × m first layer W1 whose column j is w1_j,
 * and m output weights w2. Immutable (arrays copied in and out).
 *
 * <p>Flat layout shared with {@link ReluObjective} and the optimisers: θ = (W1 in row-major order,
 * then w2), length d·m + m.
 */
public final class TwoLayerReluNetwork {

  private final int inputDim;
  private final int width;
  private final double[] theta;

  private TwoLayerReluNetwork(int inputDim, int width, double[] theta) {
    this.inputDim = inputDim;
    this.width = width;
    this.theta = theta;
  }

  /** A network from the flat parameter vector θ (copied). */
  public static TwoLayerReluNetwork fromFlat(int inputDim, int width, double[] theta) {
    if (inputDim <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "input dimension and width must be positive, got " + inputDim + ", " + width);
    }
    if (theta.length != parameterCount(inputDim, width)) {
      throw new IllegalArgumentException(
          "θ has length "
              + theta.length
              + ", expected d·m + m = "
              + parameterCount(inputDim, width));
    }
    return new TwoLayerReluNetwork(inputDim, width, theta.clone());
  }

  /** d·m + m. */
  public static int parameterCount(int inputDim, int width) {
    return Math.multiplyExact(inputDim, width) + width;
  }

  public int inputDim() {
    return inputDim;
  }

  public int width() {
    return width;
  }

  /** A copy of θ. */
  public double[] flat() {
    return theta.clone();
  }

  /** w1_j, the first-layer weights of hidden unit j. */
  public double[] firstLayer(int j) {
    double[] w = new double[inputDim];
    for (int i = 0; i < inputDim; i++) {
      w[i] = theta[i * width + j];
    }
    return w;
  }

  /** A copy of the output weights w2. */
  public double[] secondLayer() {
    return Arrays.copyOfRange(theta, inputDim * width, theta.length);
  }

  /** (β/2) Σ_j (‖w1_j‖² + w2_j²) = (β/2) ‖θ‖². */
  public double weightDecay(double beta) {
    double s = 0;
    for (double t : theta) {
      s += t * t;
    }
    return 0.5 * beta * s;
  }

  /** f(x_k) for every row of {@code x} (n × d, bias column included if the network has one). */
  public double[] predict(double[][] x) {
    if (x.length == 0) {
      return new double[0];
    }
    for (int k = 0; k < x.length; k++) {
      if (x[k].length != inputDim) {
        throw new IllegalArgumentException(
            "row " + k + " has " + x[k].length + " columns, the network takes " + inputDim);
      }
    }
    return predict(Nd4j.create(x));
  }

  /** f(x_k) for every row of an n × d double matrix. */
  public double[] predict(INDArray x) {
    INDArray z = x.mmul(firstLayerMatrix());
    INDArray a = Transforms.relu(z, false);
    return a.mmul(secondLayerColumn()).reshape(x.rows()).toDoubleVector();
  }

  INDArray firstLayerMatrix() {
    return Nd4j.create(Arrays.copyOf(theta, inputDim * width), new long[] {inputDim, width}, 'c');
  }

  INDArray secondLayerColumn() {
    return Nd4j.create(
        Arrays.copyOfRange(theta, inputDim * width, theta.length), new long[] {width, 1}, 'c');
  }

  @Override
  public String toString() {
    return "TwoLayerReluNetwork[d=" + inputDim + ", m=" + width + "]";
  }
}
