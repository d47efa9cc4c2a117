package io.convopt.solvers.relu;

/**
 * Multi-class classification by one-vs-all (as in scnn): for each class c an independent convex
 * program on the same X and patterns with targets +1 for class c and -1 otherwise; prediction is
 * the class whose recovered network scores highest. Immutable.
 */
public final class OneVsAllReluClassifier {
  private final TwoLayerNetwork[] networks;
  private final ReluSolution[] solutions;

  private OneVsAllReluClassifier(TwoLayerNetwork[] networks, ReluSolution[] solutions) {
    this.networks = networks;
    this.solutions = solutions;
  }

  /**
   * Trains one program per class.
   *
   * @param template data, patterns, beta, loss and formulation; its targets are ignored
   * @param labels class indices 0..classes-1, one per row
   * @param classes number of classes (>= 2)
   */
  public static OneVsAllReluClassifier train(
      ReluProblem template, int[] labels, int classes, ConvexReluSolver solver) {
    if (classes < 2) {
      throw new IllegalArgumentException("classes: need at least 2, got " + classes);
    }
    if (labels == null || labels.length != template.samples()) {
      throw new IllegalArgumentException(
          "labels: need one label per row of X (" + template.samples() + ")");
    }
    for (int k = 0; k < labels.length; k++) {
      if (labels[k] < 0 || labels[k] >= classes) {
        throw new IllegalArgumentException(
            "labels: entry " + k + " is " + labels[k] + ", expected 0.." + (classes - 1));
      }
    }
    TwoLayerNetwork[] nets = new TwoLayerNetwork[classes];
    ReluSolution[] sols = new ReluSolution[classes];
    for (int c = 0; c < classes; c++) {
      double[] y = new double[labels.length];
      for (int k = 0; k < y.length; k++) {
        y[k] = labels[k] == c ? 1 : -1;
      }
      ReluProblem p = template.withTargets(y, template.loss());
      sols[c] = solver.solve(p);
      nets[c] = TwoLayerNetwork.recover(p, sols[c]);
    }
    return new OneVsAllReluClassifier(nets, sols);
  }

  /** Number of classes. */
  public int classes() {
    return networks.length;
  }

  /** The convex solution of class c's program. */
  public ReluSolution solution(int c) {
    return solutions[c];
  }

  /** Scores (rows x classes). */
  public double[][] scores(double[][] x) {
    double[][] s = new double[x.length][networks.length];
    for (int c = 0; c < networks.length; c++) {
      double[] f = networks[c].predict(x);
      for (int k = 0; k < x.length; k++) {
        s[k][c] = f[k];
      }
    }
    return s;
  }

  /** Predicted class per row (ties to the lowest index). */
  public int[] predict(double[][] x) {
    double[][] s = scores(x);
    int[] out = new int[x.length];
    for (int k = 0; k < x.length; k++) {
      int best = 0;
      for (int c = 1; c < s[k].length; c++) {
        if (s[k][c] > s[k][best]) {
          best = c;
        }
      }
      out[k] = best;
    }
    return out;
  }
}
