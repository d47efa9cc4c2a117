package io.convopt.solvers.relu.robust;

import io.convopt.solvers.relu.Loss;
import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.sampling.ActivationPatterns;

/**
 * Convex adversarial training of a two-layer ReLU network for an l_inf ball of radius eps (the
 * fixture format "relu_robust"):
 *
 * <pre>
 * min_{V,W}  sum_k robustLoss_k + beta sum_i (||v_i||_2 + ||w_i||_2)
 * s.t.       (2 D_ki - 1) x_k . v_i >= eps ||v_i[J]||_1  and the same for w_i,   all k, i
 * yhat_k = sum_i D_ki x_k . (v_i - w_i),   z_k = sum_i D_ki (v_i - w_i)
 * hinge:   robustLoss_k = (1 - y_k yhat_k + eps ||z_k[J]||_1)_+
 * squared: robustLoss_k = (1/2) (|y_k - yhat_k| + eps ||z_k[J]||_1)^2
 * </pre>
 *
 * J is the set of perturbed columns (every column except the bias). The robust cone constraints
 * keep every active pattern constant on the whole ball, so the prediction is linear in the
 * perturbation and the inner maximisation of the loss has the closed form above ({@link
 * RobustLoss}). The squared loss carries the same 1/2 as the non-robust programs (at eps = 0 both
 * coincide). Immutable; every field is validated in the constructor ({@link
 * IllegalArgumentException} naming it).
 */
public final class RobustReluProblem {
  private final double[][] x;
  private final double[] y;
  private final ActivationPatterns patterns;
  private final double beta;
  private final double eps;
  private final boolean[] perturbed;
  private final Loss loss;

  /**
   * @param x n x d data
   * @param y n targets (labels -1/+1 for hinge)
   * @param patterns patterns on X
   * @param beta penalty weight, finite and >= 0
   * @param eps ball radius, finite and >= 0
   * @param perturbed length-d mask of perturbed columns (the bias column is false)
   * @param loss HINGE or SQUARED
   */
  public RobustReluProblem(
      double[][] x,
      double[] y,
      ActivationPatterns patterns,
      double beta,
      double eps,
      boolean[] perturbed,
      Loss loss) {
    if (x == null || x.length == 0 || x[0] == null || x[0].length == 0) {
      throw new IllegalArgumentException("X: empty matrix");
    }
    int n = x.length;
    int d = x[0].length;
    for (int k = 0; k < n; k++) {
      if (x[k] == null || x[k].length != d) {
        throw new IllegalArgumentException(
            "X: ragged matrix at row " + k + ", expected " + d + " entries");
      }
      for (int c = 0; c < d; c++) {
        if (!Double.isFinite(x[k][c])) {
          throw new IllegalArgumentException("X: entry (" + k + "," + c + ") is not finite");
        }
      }
    }
    if (y == null || y.length != n) {
      throw new IllegalArgumentException("y: expected " + n + " entries (rows of X)");
    }
    if (patterns == null || patterns.samples() != n) {
      throw new IllegalArgumentException(
          "patterns: missing or computed for another number of samples");
    }
    if (!(beta >= 0) || !Double.isFinite(beta)) {
      throw new IllegalArgumentException("beta: must be finite and >= 0, got " + beta);
    }
    if (!(eps >= 0) || !Double.isFinite(eps)) {
      throw new IllegalArgumentException("eps: must be finite and >= 0, got " + eps);
    }
    if (perturbed == null || perturbed.length != d) {
      throw new IllegalArgumentException("perturbed: expected a mask of " + d + " columns");
    }
    if (loss != Loss.HINGE && loss != Loss.SQUARED) {
      throw new IllegalArgumentException("loss: expected hinge or squared, got " + loss);
    }
    for (int k = 0; k < n; k++) {
      if (!Double.isFinite(y[k]) || loss == Loss.HINGE && y[k] != 1.0 && y[k] != -1.0) {
        throw new IllegalArgumentException(
            "y: entry "
                + k
                + " is "
                + y[k]
                + (loss == Loss.HINGE ? " (hinge needs -1 or +1)" : ""));
      }
    }
    this.x = new double[n][];
    for (int k = 0; k < n; k++) {
      this.x[k] = x[k].clone();
    }
    this.y = y.clone();
    this.patterns = patterns;
    this.beta = beta;
    this.eps = eps;
    this.perturbed = perturbed.clone();
    this.loss = loss;
  }

  /** Mask with every column perturbed except {@code biasColumn} (-1 for none). */
  public static boolean[] allBut(int d, int biasColumn) {
    if (biasColumn < -1 || biasColumn >= d) {
      throw new IllegalArgumentException(
          "biasColumn: must be -1 or in [0, " + (d - 1) + "], got " + biasColumn);
    }
    boolean[] m = new boolean[d];
    for (int c = 0; c < d; c++) {
      m[c] = c != biasColumn;
    }
    return m;
  }

  public int samples() {
    return x.length;
  }

  public int dimension() {
    return x[0].length;
  }

  public double beta() {
    return beta;
  }

  public double eps() {
    return eps;
  }

  public Loss loss() {
    return loss;
  }

  public ActivationPatterns patterns() {
    return patterns;
  }

  /** Copy of the perturbed-column mask. */
  public boolean[] perturbed() {
    return perturbed.clone();
  }

  /** Copy of X. */
  public double[][] features() {
    double[][] c = new double[x.length][];
    for (int k = 0; k < x.length; k++) {
      c[k] = x[k].clone();
    }
    return c;
  }

  /** Copy of y. */
  public double[] targets() {
    return y.clone();
  }

  double[][] xView() {
    return x;
  }

  /**
   * The shared data operator of the constrained program on these X and patterns (2P blocks, V
   * first): {@code x_k . u_j}, the predictions, the cone slacks and the adjoints. A new instance
   * (it holds scratch space; not thread-safe).
   */
  PatternOperator operator() {
    int n = x.length;
    int d = x[0].length;
    double[] flat = new double[n * d];
    for (int k = 0; k < n; k++) {
      System.arraycopy(x[k], 0, flat, k * d, d);
    }
    return new PatternOperator(n, d, patterns.count(), true, flat, patterns.maskView());
  }

  double[] yView() {
    return y;
  }

  boolean[] perturbedView() {
    return perturbed;
  }

  @Override
  public String toString() {
    return "RobustReluProblem["
        + loss.name().toLowerCase()
        + ", n="
        + x.length
        + ", d="
        + x[0].length
        + ", P="
        + patterns.count()
        + ", beta="
        + beta
        + ", eps="
        + eps
        + "]";
  }
}
