package io.convopt.solvers.nonconvex;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The non-convex training objective (the two-layer ReLU network with weight decay, loss ½-scaled as
 * in the convex programs)
 *
 * <pre>
 *   F(θ) = Σ_k ℓ(f(x_k), y_k) + (β/2) ‖θ‖²,   f(x) = Σ_j w2_j (x·w1_j)_+,
 * </pre>
 *
 * with ℓ from {@link Loss}, and its (sub)gradient. The forward and backward passes are ND4J GEMMs
 * in double precision: Z = X_B W1 (b × m), A = Z_+, f = A w2, r = ℓ'(f, y), ∇w2 = Aᵀ r, ∇W1 = X_Bᵀ
 * ((r w2ᵀ) ⊙ 1[Z &gt; 0]). The ReLU derivative at 0 is taken as 0. Cost per evaluation O(b·d·m).
 *
 * <p>Size dispatch (EJML style): ND4J's fixed cost per op dwarfs small products, so batches with
 * b·d·m below {@link #ND4J_MIN_WORK} multiply-adds run the same formulas as plain Java loops; the
 * two paths are tested against each other. Measured on the project's 2-core machine under the
 * shared load (one gradient, d = 65, m = 64): with ND4J limited to one thread ({@link
 * Nd4jSettings#limitThreads}) ND4J took 5.2 ms vs 1.9 ms plain at b·d·m ≈ 1.1e6, 8.4 vs 7.3 ms at
 * 4.3e6 and 21 vs 27 ms at 1.7e7; with ND4J's default two threads it was 3–14× slower than the
 * loops at every size tried. Holds no mutable state; safe to share between threads.
 */
public final class ReluObjective {

  /** Batches with fewer than this many multiply-adds (b·d·m) skip ND4J. */
  public static final long ND4J_MIN_WORK = 1L << 22;

  /**
   * Rows per block of {@link #value}'s forward pass through ND4J, so its activations take
   * O(block·m) memory, not O(n·m) (at n = 10⁵ rows and m = 5 000 units that would be 4 GB).
   */
  static final int VALUE_BLOCK_ROWS = 8192;

  private final double[][] xRows;
  private final INDArray x;
  private final double[] y;
  private final long nd4jMinWork;
  private final int n;
  private final int d;
  private final int width;
  private final Loss loss;
  private final double beta;

  /**
   * @param problem the data
   * @param width number of hidden units m ≥ 1
   * @param loss the data term
   * @param beta weight decay β ≥ 0 (finite)
   */
  public ReluObjective(ReluTrainingProblem problem, int width, Loss loss, double beta) {
    this(problem, width, loss, beta, ND4J_MIN_WORK);
  }

  /** As above with an explicit dispatch threshold (0: always ND4J; Long.MAX_VALUE: never). */
  ReluObjective(ReluTrainingProblem problem, int width, Loss loss, double beta, long nd4jMinWork) {
    if (width <= 0) {
      throw new IllegalArgumentException("width must be positive, got " + width);
    }
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be finite and >= 0, got " + beta);
    }
    if (loss == null) {
      throw new IllegalArgumentException("loss must not be null");
    }
    this.xRows = problem.rawFeatures();
    this.x = Nd4j.create(xRows).castTo(DataType.DOUBLE);
    this.nd4jMinWork = nd4jMinWork;
    this.y = problem.rawTargets();
    this.n = problem.rows();
    this.d = problem.columns();
    this.width = width;
    this.loss = loss;
    this.beta = beta;
  }

  public int rows() {
    return n;
  }

  public int inputDim() {
    return d;
  }

  public int width() {
    return width;
  }

  public Loss loss() {
    return loss;
  }

  public double beta() {
    return beta;
  }

  /** d·m + m. */
  public int parameterCount() {
    return TwoLayerReluNetwork.parameterCount(d, width);
  }

  /** F(θ) over all n samples. */
  public double value(double[] theta) {
    checkLength(theta);
    double[] f = useNd4j(n) ? blockedForward(theta) : plainForward(theta, null);
    double s = 0;
    for (int k = 0; k < n; k++) {
      s += loss.value(f[k], y[k]);
    }
    double sq = 0;
    for (double t : theta) {
      sq += t * t;
    }
    return s + 0.5 * beta * sq;
  }

  /** The exact (sub)gradient ∇F(θ) over all samples. */
  public double[] gradient(double[] theta) {
    return gradient(theta, null);
  }

  /**
   * The mini-batch estimate (n/b) Σ_{k∈B} ∇ℓ_k(θ) + βθ of ∇F(θ), unbiased for a uniformly drawn
   * batch B; {@code rows == null} means all rows (the exact gradient).
   */
  public double[] gradient(double[] theta, int[] rows) {
    checkLength(theta);
    if (rows != null && rows.length == 0) {
      throw new IllegalArgumentException("empty mini-batch");
    }
    int b = rows == null ? n : rows.length;
    double[] raw = useNd4j(b) ? nd4jRawGradient(theta, rows) : plainRawGradient(theta, rows);
    double scale = (double) n / b;
    double[] grad = new double[theta.length];
    for (int i = 0; i < grad.length; i++) {
      grad[i] = scale * raw[i] + beta * theta[i];
    }
    return grad;
  }

  private boolean useNd4j(int b) {
    return (long) b * d * width >= nd4jMinWork;
  }

  /** Σ_{k∈rows} ∇ℓ_k(θ) by ND4J GEMMs. */
  private double[] nd4jRawGradient(double[] theta, int[] rows) {
    INDArray xb;
    double[] yb;
    if (rows == null) {
      xb = x;
      yb = y;
    } else {
      xb = x.getRows(rows);
      yb = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        yb[i] = y[rows[i]];
      }
    }
    int b = yb.length;
    Forward fw = forward(theta, xb);
    double[] r = new double[b];
    for (int k = 0; k < b; k++) {
      r[k] = loss.derivative(fw.f[k], yb[k]);
    }
    INDArray rc = Nd4j.create(r, new long[] {b, 1}, 'c');
    INDArray gw2 = fw.a.transpose().mmul(rc); // m × 1
    INDArray mask = fw.z.gt(0.0).castTo(DataType.DOUBLE);
    INDArray g = rc.mmul(fw.w2.transpose()).muli(mask); // b × m
    INDArray gW1 = xb.transpose().mmul(g); // d × m
    double[] w1Flat = gW1.dup('c').reshape(new long[] {(long) d * width}).toDoubleVector();
    double[] w2Flat = gw2.dup('c').reshape(width).toDoubleVector();
    double[] raw = new double[theta.length];
    System.arraycopy(w1Flat, 0, raw, 0, w1Flat.length);
    System.arraycopy(w2Flat, 0, raw, w1Flat.length, width);
    return raw;
  }

  /** Σ_{k∈rows} ∇ℓ_k(θ) by plain loops (same formulas, row by row). */
  private double[] plainRawGradient(double[] theta, int[] rows) {
    int dm = d * width;
    double[] raw = new double[theta.length];
    double[] z = new double[width];
    double[] c = new double[width];
    int b = rows == null ? n : rows.length;
    for (int t = 0; t < b; t++) {
      int k = rows == null ? t : rows[t];
      double f = hidden(theta, xRows[k], z);
      double r = loss.derivative(f, y[k]);
      for (int j = 0; j < width; j++) {
        if (z[j] > 0) {
          raw[dm + j] += r * z[j];
          c[j] = r * theta[dm + j];
        } else {
          c[j] = 0;
        }
      }
      double[] xk = xRows[k];
      for (int i = 0; i < d; i++) {
        double xi = xk[i];
        int off = i * width;
        for (int j = 0; j < width; j++) {
          raw[off + j] += xi * c[j];
        }
      }
    }
    return raw;
  }

  /** Fills z = W1ᵀ x_k and returns f(x_k). */
  private double hidden(double[] theta, double[] xk, double[] z) {
    java.util.Arrays.fill(z, 0.0);
    for (int i = 0; i < d; i++) {
      double xi = xk[i];
      int off = i * width;
      for (int j = 0; j < width; j++) {
        z[j] += xi * theta[off + j];
      }
    }
    int dm = d * width;
    double f = 0;
    for (int j = 0; j < width; j++) {
      if (z[j] > 0) {
        f += z[j] * theta[dm + j];
      }
    }
    return f;
  }

  private double[] plainForward(double[] theta, int[] rows) {
    int b = rows == null ? n : rows.length;
    double[] f = new double[b];
    double[] z = new double[width];
    for (int t = 0; t < b; t++) {
      f[t] = hidden(theta, xRows[rows == null ? t : rows[t]], z);
    }
    return f;
  }

  /** The outputs on all rows, {@link #VALUE_BLOCK_ROWS} rows at a time. */
  private double[] blockedForward(double[] theta) {
    if (n <= VALUE_BLOCK_ROWS) {
      return forward(theta, x).f;
    }
    double[] f = new double[n];
    for (int r0 = 0; r0 < n; r0 += VALUE_BLOCK_ROWS) {
      int r1 = Math.min(n, r0 + VALUE_BLOCK_ROWS);
      INDArray xb = x.get(NDArrayIndex.interval(r0, r1), NDArrayIndex.all());
      double[] fb = forward(theta, xb).f;
      System.arraycopy(fb, 0, f, r0, fb.length);
    }
    return f;
  }

  private record Forward(INDArray z, INDArray a, INDArray w2, double[] f) {}

  private Forward forward(double[] theta, INDArray xb) {
    TwoLayerReluNetwork net = TwoLayerReluNetwork.fromFlat(d, width, theta);
    INDArray w1 = net.firstLayerMatrix();
    INDArray w2 = net.secondLayerColumn();
    INDArray z = xb.mmul(w1);
    INDArray a = Transforms.relu(z, true);
    double[] f = a.mmul(w2).reshape(xb.rows()).toDoubleVector();
    return new Forward(z, a, w2, f);
  }

  private void checkLength(double[] theta) {
    if (theta.length != parameterCount()) {
      throw new IllegalArgumentException(
          "θ has length " + theta.length + ", expected " + parameterCount());
    }
  }
}
