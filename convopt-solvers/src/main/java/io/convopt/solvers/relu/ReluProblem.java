package io.convopt.solvers.relu;

import io.convopt.solvers.relu.linalg.Checks;
import io.convopt.solvers.relu.linalg.PatternOperator;
import io.convopt.solvers.relu.sampling.ActivationPatterns;

/**
 * An instance of a convex two-layer ReLU training program (the fixture format's "Objectives"): data
 * X (n x d, the caller appends a ones column for a bias), targets y, a set of activation patterns,
 * the weight-decay parameter beta >= 0, the loss and the formulation.
 *
 * <pre>
 * GATED: min_U   L(sum_i D_i X u_i, y) + beta sum_i ||u_i||
 * RELU : min_V,W L(sum_i D_i X (v_i - w_i), y) + beta sum_i (||v_i|| + ||w_i||)
 *        s.t. (2 D_i - I) X v_i >= 0, (2 D_i - I) X w_i >= 0
 * </pre>
 *
 * <p>The constructor validates everything (finite entries, rectangular matrices, matching sizes,
 * beta >= 0, at least one pattern, labels in {-1,+1} for hinge/logistic) and throws {@link
 * IllegalArgumentException} naming the field. Immutable (defensive copies), thread-safe.
 */
public final class ReluProblem {
  private final int n;
  private final int d;
  private final double[] x; // row-major n x d
  private final double[] y;
  private final ActivationPatterns patterns;
  private final double beta;
  private final Loss loss;
  private final Formulation formulation;

  /**
   * @param x n x d data
   * @param y n targets
   * @param patterns patterns computed on the same X
   * @param beta penalty weight, finite and >= 0
   * @param loss data term
   * @param formulation GATED or RELU (RELU_ROBUST is rejected: not supported yet)
   */
  public ReluProblem(
      double[][] x,
      double[] y,
      ActivationPatterns patterns,
      double beta,
      Loss loss,
      Formulation formulation) {
    int[] s = Checks.matrix("X", x);
    this.n = s[0];
    this.d = s[1];
    Checks.vector("y", y, n, "X has rows:");
    if (patterns == null) {
      throw new IllegalArgumentException("patterns: missing");
    }
    if (patterns.samples() != n) {
      throw new IllegalArgumentException(
          "patterns: computed for " + patterns.samples() + " samples but X has " + n + " rows");
    }
    if (patterns.count() == 0) {
      throw new IllegalArgumentException("patterns: zero patterns");
    }
    if (!(beta >= 0) || !Double.isFinite(beta)) {
      throw new IllegalArgumentException("beta: must be finite and >= 0, got " + beta);
    }
    if (loss == null) {
      throw new IllegalArgumentException("loss: missing");
    }
    if (formulation == null) {
      throw new IllegalArgumentException("formulation: missing");
    }
    if (formulation == Formulation.RELU_ROBUST) {
      throw new UnsupportedOperationException(
          "formulation relu_robust (convex adversarial training) is not supported yet");
    }
    if (loss.needsSignLabels()) {
      for (int k = 0; k < n; k++) {
        if (y[k] != 1.0 && y[k] != -1.0) {
          throw new IllegalArgumentException(
              "y: entry "
                  + k
                  + " is "
                  + y[k]
                  + " but the "
                  + loss.name().toLowerCase()
                  + " loss needs labels -1 or +1");
        }
      }
    }
    this.x = new double[n * d];
    for (int k = 0; k < n; k++) {
      System.arraycopy(x[k], 0, this.x, k * d, d);
    }
    this.y = y.clone();
    this.patterns = patterns;
    this.beta = beta;
    this.loss = loss;
    this.formulation = formulation;
  }

  /** Same data and patterns with another beta (for regularisation paths). */
  public ReluProblem withBeta(double newBeta) {
    return new ReluProblem(features(), y, patterns, newBeta, loss, formulation);
  }

  /** Same data and patterns with another formulation. */
  public ReluProblem withFormulation(Formulation f) {
    return new ReluProblem(features(), y, patterns, beta, loss, f);
  }

  /** Same data, patterns and settings with other targets (for one-vs-all). */
  public ReluProblem withTargets(double[] newY, Loss newLoss) {
    return new ReluProblem(features(), newY, patterns, beta, newLoss, formulation);
  }

  public int samples() {
    return n;
  }

  public int dimension() {
    return d;
  }

  public double beta() {
    return beta;
  }

  public Loss loss() {
    return loss;
  }

  public Formulation formulation() {
    return formulation;
  }

  public ActivationPatterns patterns() {
    return patterns;
  }

  /** Copy of X (n x d). */
  public double[][] features() {
    double[][] out = new double[n][d];
    for (int k = 0; k < n; k++) {
      System.arraycopy(x, k * d, out[k], 0, d);
    }
    return out;
  }

  /** Copy of y. */
  public double[] targets() {
    return y.clone();
  }

  /** The operator of this program (a new instance: it holds scratch space; not thread-safe). */
  public PatternOperator operator() {
    return new PatternOperator(
        n, d, patterns.count(), formulation == Formulation.RELU, x, patterns.maskView());
  }

  /** As {@link #operator()}, with the GEMM back end forced: ND4J when {@code useNd4j}. */
  public PatternOperator operator(boolean useNd4j) {
    return new PatternOperator(
        n, d, patterns.count(), formulation == Formulation.RELU, x, patterns.maskView(), useNd4j);
  }

  /** X row-major, shared (not a copy): callers must not write to it. */
  public double[] xView() {
    return x;
  }

  /** y, shared (not a copy): callers must not write to it. */
  public double[] yView() {
    return y;
  }

  /** {@code beta_max = max_i ||X^T D_i grad L(0)||}: for beta >= beta_max, zero is optimal (CG). */
  public double betaMax() {
    PatternOperator op = operator();
    double[] g = new double[n];
    double[] zero = new double[n];
    if (loss.isSmooth()) {
      loss.gradient(zero, y, g);
    } else {
      for (int k = 0; k < n; k++) {
        g[k] = -y[k]; // a subgradient of the hinge at 0 (margin 0 < 1)
      }
    }
    return op.maxBlockNorm(g, null);
  }

  @Override
  public String toString() {
    return "ReluProblem["
        + formulation.id()
        + ", "
        + loss.name().toLowerCase()
        + ", n="
        + n
        + ", d="
        + d
        + ", P="
        + patterns.count()
        + ", beta="
        + beta
        + "]";
  }
}
