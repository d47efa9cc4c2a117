package io.convopt.solvers.relu.robust;

import io.convopt.solvers.nonconvex.TwoLayerReluNetwork;
import io.convopt.solvers.relu.TwoLayerNetwork;

/**
 * A two-layer (gated) ReLU network seen as a function of one input, {@code f(x) = sum_j act_j(x) (x
 * . w1_j) w2_j} with {@code act_j(x) = 1[x . g_j >= 0]} (g_j = w1_j for a plain ReLU network), as
 * needed by attacks: value, input gradient and the activation pattern. Adapters: {@link
 * #of(TwoLayerNetwork)} (a convex-recovered ReLU network only: a gated one is rejected with {@link
 * IllegalArgumentException}, since TwoLayerNetwork does not expose its gates — pass the gates to
 * {@link #of(double[][], double[], double[][])} instead), {@link #of(TwoLayerReluNetwork)}
 * (non-convex SGD/Adam, always a plain ReLU network) and {@link #of(RobustSolution, double)} (a
 * plain ReLU network from the robust program's weights). Every adapter copies the weights.
 * Immutable, thread-safe.
 *
 * <p>Gradient: {@code sum_j act_j(x) w2_j w1_j}, the gradient of the linear piece containing x (at
 * a kink the one-sided piece with act_j = 1 on the boundary, matching {@code >= 0}).
 */
public final class TwoLayerReluFunction {
  private final double[][] w1;
  private final double[] w2;
  private final double[][] gates;

  private TwoLayerReluFunction(double[][] w1, double[] w2, double[][] gates) {
    this.w1 = w1;
    this.w2 = w2;
    this.gates = gates;
  }

  /**
   * Adapter for a convex-recovered ReLU network.
   *
   * @throws IllegalArgumentException if {@code net} is gated (its gates are not exposed)
   */
  public static TwoLayerReluFunction of(TwoLayerNetwork net) {
    return new TwoLayerReluFunction(
        net.firstLayer(), net.secondLayer(), net.isGated() ? gatesOf(net) : null);
  }

  /**
   * From weights: {@code w1} one row per neuron, {@code w2} output weights, {@code gates} one row
   * per neuron or null for a ReLU network (arrays are copied).
   */
  public static TwoLayerReluFunction of(double[][] w1, double[] w2, double[][] gates) {
    if (w1 == null
        || w2 == null
        || w1.length != w2.length
        || gates != null && gates.length != w1.length) {
      throw new IllegalArgumentException("w1, w2, gates: need one row/entry per neuron");
    }
    double[][] a = new double[w1.length][];
    double[][] g = gates == null ? null : new double[w1.length][];
    for (int j = 0; j < w1.length; j++) {
      a[j] = w1[j].clone();
      if (g != null) {
        g[j] = gates[j].clone();
      }
    }
    return new TwoLayerReluFunction(a, w2.clone(), g);
  }

  /** Adapter for a non-convex network. */
  public static TwoLayerReluFunction of(TwoLayerReluNetwork net) {
    double[][] w1 = new double[net.width()][];
    for (int j = 0; j < w1.length; j++) {
      w1[j] = net.firstLayer(j);
    }
    return new TwoLayerReluFunction(w1, net.secondLayer(), null);
  }

  /**
   * A ReLU network from the convex robust solution: one neuron per block with norm above {@code
   * relThreshold} times the largest block norm ({@code w1 = v / sqrt(||v||)}, {@code w2 =
   * ±sqrt(||v||)}).
   */
  public static TwoLayerReluFunction of(RobustSolution s, double relThreshold) {
    if (!(relThreshold >= 0 && relThreshold < 1)) {
      throw new IllegalArgumentException("relThreshold: must be in [0, 1), got " + relThreshold);
    }
    double[][][] blocks = {s.v(), s.w()};
    int d = blocks[0].length;
    int p = blocks[0][0].length;
    double max = 0;
    for (double[][] b : blocks) {
      for (int i = 0; i < p; i++) {
        max = Math.max(max, colNorm(b, i));
      }
    }
    java.util.List<double[]> w1 = new java.util.ArrayList<>();
    java.util.List<Double> w2 = new java.util.ArrayList<>();
    for (int sgn = 0; sgn < 2; sgn++) {
      for (int i = 0; i < p; i++) {
        double nb = colNorm(blocks[sgn], i);
        if (nb > relThreshold * max && nb > 0) {
          double sq = Math.sqrt(nb);
          double[] w = new double[d];
          for (int c = 0; c < d; c++) {
            w[c] = blocks[sgn][c][i] / sq;
          }
          w1.add(w);
          w2.add(sgn == 0 ? sq : -sq);
        }
      }
    }
    double[] out2 = new double[w2.size()];
    for (int j = 0; j < out2.length; j++) {
      out2[j] = w2.get(j);
    }
    return new TwoLayerReluFunction(w1.toArray(new double[0][]), out2, null);
  }

  private static double colNorm(double[][] b, int i) {
    double s = 0;
    for (double[] row : b) {
      s += row[i] * row[i];
    }
    return Math.sqrt(s);
  }

  private static double[][] gatesOf(TwoLayerNetwork net) {
    // TwoLayerNetwork exposes no gate accessor; gated networks are rejected (see class comment)
    throw new IllegalArgumentException(
        "net: gated networks are not supported by the attack (their gates are not exposed)");
  }

  /** Number of neurons. */
  public int width() {
    return w2.length;
  }

  /** Pre-activation {@code x . w1_j}. */
  public double preActivation(double[] x, int j) {
    return dot(x, w1[j]);
  }

  /** Whether neuron j is active at x. */
  public boolean active(double[] x, int j) {
    return dot(x, gates == null ? w1[j] : gates[j]) >= 0;
  }

  /** {@code f(x)}. */
  public double value(double[] x) {
    double f = 0;
    for (int j = 0; j < w2.length; j++) {
      if (active(x, j)) {
        f += dot(x, w1[j]) * w2[j];
      }
    }
    return f;
  }

  /** Gradient of f at x into {@code out}. */
  public void gradient(double[] x, double[] out) {
    java.util.Arrays.fill(out, 0);
    for (int j = 0; j < w2.length; j++) {
      if (active(x, j)) {
        for (int c = 0; c < out.length; c++) {
          out[c] += w2[j] * w1[j][c];
        }
      }
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
