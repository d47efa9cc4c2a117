package io.convopt.solvers.relu;

import io.convopt.solvers.relu.linalg.Checks;
import io.convopt.solvers.relu.linalg.PatternOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * A two-layer network {@code f(x) = sum_j act_j(x) (x . w1_j) w2_j}, either a ReLU network ({@code
 * act_j(x) = 1[x . w1_j >= 0]}, i.e. {@code (x . w1_j)_+}) or a gated ReLU network with fixed gates
 * ({@code act_j(x) = 1[x . g_j >= 0]}).
 *
 * <p>{@link #recover} maps a convex solution to the non-convex weights: every non-zero block u
 * gives a neuron {@code w1 = u / sqrt(||u||)}, {@code w2 = ±sqrt(||u||)} (sign + for U and V, - for
 * W; the gate of its pattern for GATED), so that {@code (beta/2)(||w1||^2 + w2^2) = beta ||u||}
 * and, for feasible RELU blocks, {@code (X w1)_+ = D X w1}: the network's objective (NC) equals the
 * convex objective. Immutable and thread-safe.
 */
public final class TwoLayerNetwork {
  private final double[][] w1; // m x d
  private final double[] w2;
  private final double[][] gates; // m x d or null (plain ReLU)

  /**
   * @param w1 first-layer weights, one row per neuron
   * @param w2 output weights
   * @param gates gate vectors, one row per neuron, or null for a ReLU network
   */
  public TwoLayerNetwork(double[][] w1, double[] w2, double[][] gates) {
    if (w1.length != w2.length) {
      throw new IllegalArgumentException(
          "w2: has " + w2.length + " entries but w1 has " + w1.length + " neurons");
    }
    if (w1.length > 0) {
      Checks.matrix("w1", w1);
    }
    Checks.vector("w2", w2, w1.length, "w1 has neurons:");
    if (gates != null) {
      if (gates.length != w1.length) {
        throw new IllegalArgumentException("gates: expected one gate per neuron");
      }
      if (gates.length > 0) {
        Checks.matrix("gates", gates);
      }
    }
    this.w1 = Checks.copy(w1);
    this.w2 = w2.clone();
    this.gates = gates == null ? null : Checks.copy(gates);
  }

  /**
   * Recovers the network from a convex solution of {@code problem}. GATED needs the gates of the
   * problem's patterns.
   */
  public static TwoLayerNetwork recover(ReluProblem problem, ReluSolution solution) {
    if (solution.formulation() != problem.formulation()
        || solution.dimension() != problem.dimension()
        || solution.patternCount() != problem.patterns().count()) {
      throw new IllegalArgumentException("solution: does not belong to this problem");
    }
    boolean gated = problem.formulation() == Formulation.GATED;
    if (gated && !problem.patterns().hasGates()) {
      throw new IllegalArgumentException(
          "patterns: a gated network needs its gate vectors to predict; the patterns have none");
    }
    int d = problem.dimension();
    int p = problem.patterns().count();
    double[] blocks = solution.blockView();
    List<double[]> a = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    List<double[]> g = new ArrayList<>();
    for (int j = 0; j < blocks.length / d; j++) {
      double nrm = PatternOperator.blockNorm(blocks, j, d);
      if (nrm == 0) {
        continue;
      }
      double sq = Math.sqrt(nrm);
      double[] w = new double[d];
      for (int c = 0; c < d; c++) {
        w[c] = blocks[j * d + c] / sq;
      }
      a.add(w);
      b.add(j < p ? sq : -sq);
      if (gated) {
        g.add(problem.patterns().gate(j));
      }
    }
    double[] w2 = new double[b.size()];
    for (int i = 0; i < w2.length; i++) {
      w2[i] = b.get(i);
    }
    return new TwoLayerNetwork(
        a.toArray(new double[0][]), w2, gated ? g.toArray(new double[0][]) : null);
  }

  /** Number of hidden neurons. */
  public int width() {
    return w2.length;
  }

  public boolean isGated() {
    return gates != null;
  }

  public double[][] firstLayer() {
    return Checks.copy(w1);
  }

  public double[] secondLayer() {
    return w2.clone();
  }

  /** Gate vectors, one row per neuron (a copy). */
  public double[][] gates() {
    if (gates == null) {
      throw new IllegalStateException("a ReLU network has no gates");
    }
    return Checks.copy(gates);
  }

  /** Predictions on the rows of x (n x d). */
  public double[] predict(double[][] x) {
    int[] s = Checks.matrix("X", x);
    if (w1.length > 0 && s[1] != w1[0].length) {
      throw new IllegalArgumentException(
          "X: has " + s[1] + " columns but the network expects " + w1[0].length);
    }
    double[] out = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      double f = 0;
      for (int j = 0; j < w2.length; j++) {
        double pre = dot(x[k], w1[j]);
        boolean on = gates == null ? pre >= 0 : dot(x[k], gates[j]) >= 0;
        if (on) {
          f += pre * w2[j];
        }
      }
      out[k] = f;
    }
    return out;
  }

  /** Weight decay {@code (beta/2) sum_j (||w1_j||^2 + w2_j^2)}. */
  public double weightDecay(double beta) {
    double s = 0;
    for (int j = 0; j < w2.length; j++) {
      s += dot(w1[j], w1[j]) + w2[j] * w2[j];
    }
    return 0.5 * beta * s;
  }

  /** Non-convex training objective (NC): {@code L(f(X), y) + weightDecay(beta)}. */
  public double objective(double[][] x, double[] y, double beta, Loss loss) {
    Checks.vector("y", y, x.length, "X has rows:");
    return loss.value(predict(x), y) + weightDecay(beta);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
