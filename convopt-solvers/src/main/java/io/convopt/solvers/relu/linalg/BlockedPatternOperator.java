package io.convopt.solvers.relu.linalg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The linear maps of {@link PatternOperator} for large {@code n B}, as row-blocked GEMMs through
 * ND4J's BLAS with the pattern masking fused in (Vector API), so that the n x B product matrix is
 * never stored whole. Blocks and signs as in {@link PatternOperator} (GATED: B = P blocks of sign
 * +1; RELU: B = 2P, the W half with sign -1, block j using pattern j mod P); weights block
 * contiguous, {@code u[j*d + c]}.
 *
 * <ul>
 *   <li>{@link #predict}: {@code yhat_k = sum_j sign_j D[k,p(j)] (X u_j)_k}; per row block R one
 *       GEMM {@code C = X_R U^T} (rows x B) into a resident buffer, then masked row sums;
 *   <li>{@link #adjoint}: {@code grad_j = sign_j X^T D_p(j) a}; per row block the masked matrix
 *       {@code M_R[k,j] = sign_j D[k,p(j)] a_k} is written into the same buffer and {@code G +=
 *       M_R^T X_R} accumulates in a resident B x d array;
 *   <li>{@link #products} and {@link #adjointOf}: the unmasked full n x B maps, for solvers that
 *       keep n x B state (ADMM, AL, IPM): X stays resident, only the caller's arrays are copied.
 * </ul>
 *
 * <p>Memory: X (n d), U and G (B d each) and one block buffer (rows B) in the chosen precision,
 * off-heap; the pattern mask is the problem's n x P bytes. The block buffer's rows default to
 * {@link #DEFAULT_BLOCK_ELEMENTS}{@code / B} (at least {@link #MIN_BLOCK_ROWS}, at most n).
 * Threads: the GEMMs run on ND4J's BLAS threads (process-wide, see {@code Nd4jSettings}); the
 * masking runs on the calling thread in a fixed order, so results depend on the thread count only
 * through the GEMMs' rounding. FLOAT32 rounds X, U and the products to single precision; sums over
 * rows and blocks are accumulated per vector lane in single precision and reduced in double.
 *
 * <p>Not thread-safe (resident buffers); one instance per solve.
 */
public final class BlockedPatternOperator implements PatternMaps {
  /** Default block buffer size in elements (8 MB in FLOAT64): rows = this / B. */
  static final int DEFAULT_BLOCK_ELEMENTS = 1 << 20;

  /** Lower bound on the default rows per block (the adjoint GEMM's inner dimension). */
  static final int MIN_BLOCK_ROWS = 64;

  private static final VectorSpecies<Double> D_SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> F_SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final ByteOrder ORDER = ByteOrder.nativeOrder();

  final int n;
  final int d;
  final int patterns;
  final int blocks;
  final int blockRows;
  final boolean constrained;
  final Precision precision;
  private final boolean[] mask;
  private final INDArray xBlocksWhole;
  private final INDArray[] xBlocks;
  private final INDArray weights;
  private final INDArray gradient;
  private final INDArray work;
  private final INDArray workTail;
  private final ByteBuffer workBytes;

  /** Heap copy of one row block for {@link #rowBlocks}, made on first use. */
  private double[] passBlock;

  /** FLOAT32 staging of weights and gradients. */
  private final float[] staging;

  /**
   * The blocked operator of the same program as {@code op} (its X and mask; X is copied into ND4J,
   * the mask is shared).
   *
   * @param precision format of X, the weights and the products
   * @param blockRows rows per block, or 0 for the default
   */
  public static BlockedPatternOperator of(PatternOperator op, Precision precision, int blockRows) {
    return new BlockedPatternOperator(
        op.n, op.d, op.patterns, op.constrained, op.x, op.mask, precision, blockRows);
  }

  /**
   * The operator of n rows of dimension d (row-major {@code x}, copied into ND4J) and P patterns
   * ({@code mask[k*P + i]}, shared, not copied); {@code constrained} selects 2P blocks.
   */
  public BlockedPatternOperator(
      int n,
      int d,
      int patterns,
      boolean constrained,
      double[] xs,
      boolean[] mask,
      Precision precision,
      int blockRows) {
    if (precision == null) {
      throw new IllegalArgumentException("precision: missing (expected float64 or float32)");
    }
    if (blockRows < 0) {
      throw new IllegalArgumentException("blockRows: must be >= 0 (0 = default), got " + blockRows);
    }
    this.n = n;
    this.d = d;
    this.patterns = patterns;
    this.constrained = constrained;
    this.blocks = constrained ? 2 * patterns : patterns;
    this.precision = precision;
    this.mask = mask;
    int rows =
        blockRows > 0 ? blockRows : Math.max(MIN_BLOCK_ROWS, DEFAULT_BLOCK_ELEMENTS / blocks);
    this.blockRows = Math.min(rows, n);
    if ((long) this.blockRows * blocks * Double.BYTES > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "blockRows: "
              + this.blockRows
              + " rows of "
              + blocks
              + " blocks exceed the 2 GB block buffer; use fewer rows per block");
    }
    DataType type = precision == Precision.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT;
    this.xBlocksWhole =
        precision == Precision.FLOAT64
            ? Nd4j.create(xs, new long[] {n, d}, DataType.DOUBLE)
            : Nd4j.create(toFloat(xs), new long[] {n, d}, DataType.FLOAT);
    int count = (n + this.blockRows - 1) / this.blockRows;
    this.xBlocks = new INDArray[count];
    for (int b = 0; b < count; b++) {
      int r0 = b * this.blockRows;
      int r1 = Math.min(n, r0 + this.blockRows);
      xBlocks[b] = xBlocksWhole.get(NDArrayIndex.interval(r0, r1), NDArrayIndex.all());
    }
    this.weights = Nd4j.create(type, new long[] {blocks, d}, 'c');
    this.gradient = Nd4j.create(type, new long[] {blocks, d}, 'c');
    this.work = Nd4j.create(type, new long[] {this.blockRows, blocks}, 'c');
    int tail = n - (count - 1) * this.blockRows;
    this.workTail =
        tail == this.blockRows
            ? work
            : work.get(NDArrayIndex.interval(0, tail), NDArrayIndex.all());
    this.workBytes = work.data().asNio().order(ORDER);
    this.staging = precision == Precision.FLOAT32 ? new float[blocks * d] : null;
  }

  /** Number of samples n. */
  public int samples() {
    return n;
  }

  /** Number of weight blocks B (P gated, 2P constrained). */
  public int blocks() {
    return blocks;
  }

  /** Rows per block in use. */
  public int blockRows() {
    return blockRows;
  }

  private static float[] toFloat(double[] a) {
    float[] f = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      f[i] = (float) a[i];
    }
    return f;
  }

  private int blockCount() {
    return xBlocks.length;
  }

  private int blockStart(int b) {
    return b * blockRows;
  }

  private int blockLength(int b) {
    return Math.min(n, blockStart(b) + blockRows) - blockStart(b);
  }

  private INDArray workFor(int b) {
    return b == xBlocks.length - 1 ? workTail : work;
  }

  /** Copies block weights u (B x d) into the resident array. */
  private void loadWeights(double[] u) {
    if (u.length != blocks * d) {
      throw new IllegalArgumentException(
          "u: length " + u.length + " but B d = " + blocks * d + " expected");
    }
    if (precision == Precision.FLOAT64) {
      weights.data().asNioDouble().put(0, u);
    } else {
      for (int i = 0; i < u.length; i++) {
        staging[i] = (float) u[i];
      }
      weights.data().asNioFloat().put(0, staging);
    }
  }

  /** Copies the resident gradient out into grad (B x d). */
  private void storeGradient(double[] grad) {
    if (precision == Precision.FLOAT64) {
      gradient.data().asNioDouble().get(0, grad);
    } else {
      gradient.data().asNioFloat().get(0, staging);
      for (int i = 0; i < grad.length; i++) {
        grad[i] = staging[i];
      }
    }
  }

  /** C_R = X_R U^T into the work buffer. */
  private void blockProducts(int b) {
    Nd4j.gemm(xBlocks[b], weights, workFor(b), false, true, 1.0, 0.0);
  }

  /** G (+)= M_R^T X_R from the work buffer. */
  private void blockAdjoint(int b) {
    Nd4j.gemm(workFor(b), xBlocks[b], gradient, true, false, 1.0, b == 0 ? 0.0 : 1.0);
  }

  /** {@code yhat = sum_j sign_j D_p(j) X u_j} (u: B x d, yhat: n). */
  @Override
  public void predict(double[] u, double[] yhat) {
    loadWeights(u);
    for (int b = 0; b < blockCount(); b++) {
      blockProducts(b);
      if (precision == Precision.FLOAT64) {
        maskedRowSums64(blockStart(b), blockLength(b), yhat);
      } else {
        maskedRowSums32(blockStart(b), blockLength(b), yhat);
      }
    }
  }

  /** {@code grad_j = sign_j X^T D_p(j) a} (a: n, grad: B x d, overwritten). */
  @Override
  public void adjoint(double[] a, double[] grad) {
    checkLength("grad", grad, blocks * d);
    checkLength("a", a, n);
    for (int b = 0; b < blockCount(); b++) {
      if (precision == Precision.FLOAT64) {
        maskedBroadcast64(blockStart(b), blockLength(b), a);
      } else {
        maskedBroadcast32(blockStart(b), blockLength(b), a);
      }
      blockAdjoint(b);
    }
    storeGradient(grad);
  }

  /** The full unmasked products {@code XU[k,j] = x_k . u_j} (xu: n x B row-major). */
  public void products(double[] u, double[] xu) {
    checkLength("xu", xu, n * blocks);
    loadWeights(u);
    for (int b = 0; b < blockCount(); b++) {
      blockProducts(b);
      int len = blockLength(b) * blocks;
      int off = blockStart(b) * blocks;
      if (precision == Precision.FLOAT64) {
        work.data().asNioDouble().get(0, xu, off, len);
      } else {
        FloatBuffer fb = work.data().asNioFloat();
        for (int i = 0; i < len; i++) {
          xu[off + i] = fb.get(i);
        }
      }
    }
  }

  /** The full unmasked adjoint {@code grad_j = X^T M[:,j]} (m: n x B row-major, grad: B x d). */
  public void adjointOf(double[] m, double[] grad) {
    checkLength("m", m, n * blocks);
    checkLength("grad", grad, blocks * d);
    for (int b = 0; b < blockCount(); b++) {
      int len = blockLength(b) * blocks;
      int off = blockStart(b) * blocks;
      if (precision == Precision.FLOAT64) {
        work.data().asNioDouble().put(0, m, off, len);
      } else {
        FloatBuffer fb = work.data().asNioFloat();
        for (int i = 0; i < len; i++) {
          fb.put(i, (float) m[off + i]);
        }
      }
      blockAdjoint(b);
    }
    storeGradient(grad);
  }

  /**
   * The fused row-block pass of {@link PatternOperator#rowBlocks}: per row block the products
   * {@code X_R U^T} (when u is given) are copied out to the visitor, its M_R copied back and {@code
   * G += M_R^T X_R} accumulated (when grad is given). Memory: one rows x B heap array besides the
   * resident buffers.
   */
  public void rowBlocks(double[] u, PatternOperator.RowBlockVisitor visitor, double[] grad) {
    if (grad != null) {
      checkLength("grad", grad, blocks * d);
    }
    if (u != null) {
      loadWeights(u);
    }
    if (passBlock == null) {
      passBlock = new double[blockRows * blocks];
    }
    double[] blk = passBlock;
    for (int b = 0; b < blockCount(); b++) {
      int len = blockLength(b) * blocks;
      if (u != null) {
        blockProducts(b);
        if (precision == Precision.FLOAT64) {
          work.data().asNioDouble().get(0, blk, 0, len);
        } else {
          FloatBuffer fb = work.data().asNioFloat();
          for (int i = 0; i < len; i++) {
            blk[i] = fb.get(i);
          }
        }
      }
      visitor.visit(blockStart(b), blockLength(b), blk);
      if (grad != null) {
        if (precision == Precision.FLOAT64) {
          work.data().asNioDouble().put(0, blk, 0, len);
        } else {
          FloatBuffer fb = work.data().asNioFloat();
          for (int i = 0; i < len; i++) {
            fb.put(i, (float) blk[i]);
          }
        }
        blockAdjoint(b);
      }
    }
    if (grad != null) {
      storeGradient(grad);
    }
  }

  private static void checkLength(String name, double[] a, int expected) {
    if (a.length != expected) {
      throw new IllegalArgumentException(
          name + ": length " + a.length + " but " + expected + " expected");
    }
  }

  /** yhat[r0 + k] = masked signed sum of work row k, k < rows (FLOAT64). */
  private void maskedRowSums64(int r0, int rows, double[] yhat) {
    int lanes = D_SPECIES.length();
    int upper = patterns - patterns % lanes;
    long rowBytes = (long) blocks * Double.BYTES;
    long wOffset = (long) patterns * Double.BYTES;
    for (int k = 0; k < rows; k++) {
      int base = Math.toIntExact(k * rowBytes);
      int mo = (r0 + k) * patterns;
      DoubleVector acc = DoubleVector.zero(D_SPECIES);
      int i = 0;
      for (; i < upper; i += lanes) {
        VectorMask<Double> on = VectorMask.fromArray(D_SPECIES, mask, mo + i);
        int at = base + i * Double.BYTES;
        acc = acc.add(DoubleVector.fromByteBuffer(D_SPECIES, workBytes, at, ORDER), on);
        if (constrained) {
          acc =
              acc.sub(
                  DoubleVector.fromByteBuffer(D_SPECIES, workBytes, at + (int) wOffset, ORDER), on);
        }
      }
      double s = acc.reduceLanes(VectorOperators.ADD);
      for (; i < patterns; i++) {
        if (mask[mo + i]) {
          int at = base + i * Double.BYTES;
          s += workBytes.getDouble(at);
          if (constrained) {
            s -= workBytes.getDouble(at + (int) wOffset);
          }
        }
      }
      yhat[r0 + k] = s;
    }
  }

  /** FLOAT32 variant of {@link #maskedRowSums64}. */
  private void maskedRowSums32(int r0, int rows, double[] yhat) {
    int lanes = F_SPECIES.length();
    int upper = patterns - patterns % lanes;
    long rowBytes = (long) blocks * Float.BYTES;
    int wOffset = patterns * Float.BYTES;
    for (int k = 0; k < rows; k++) {
      int base = Math.toIntExact(k * rowBytes);
      int mo = (r0 + k) * patterns;
      FloatVector acc = FloatVector.zero(F_SPECIES);
      int i = 0;
      for (; i < upper; i += lanes) {
        VectorMask<Float> on = VectorMask.fromArray(F_SPECIES, mask, mo + i);
        int at = base + i * Float.BYTES;
        acc = acc.add(FloatVector.fromByteBuffer(F_SPECIES, workBytes, at, ORDER), on);
        if (constrained) {
          acc = acc.sub(FloatVector.fromByteBuffer(F_SPECIES, workBytes, at + wOffset, ORDER), on);
        }
      }
      double s = 0;
      for (int l = 0; l < lanes; l++) {
        s += acc.lane(l);
      }
      for (; i < patterns; i++) {
        if (mask[mo + i]) {
          int at = base + i * Float.BYTES;
          s += workBytes.getFloat(at);
          if (constrained) {
            s -= workBytes.getFloat(at + wOffset);
          }
        }
      }
      yhat[r0 + k] = s;
    }
  }

  /** Work row k = (sign_j D[r0+k, p(j)] a[r0+k])_j, k < rows (FLOAT64). */
  private void maskedBroadcast64(int r0, int rows, double[] a) {
    int lanes = D_SPECIES.length();
    int upper = patterns - patterns % lanes;
    long rowBytes = (long) blocks * Double.BYTES;
    int wOffset = patterns * Double.BYTES;
    DoubleVector zero = DoubleVector.zero(D_SPECIES);
    for (int k = 0; k < rows; k++) {
      int base = Math.toIntExact(k * rowBytes);
      int mo = (r0 + k) * patterns;
      double ak = a[r0 + k];
      DoubleVector plus = DoubleVector.broadcast(D_SPECIES, ak);
      DoubleVector minus = DoubleVector.broadcast(D_SPECIES, -ak);
      int i = 0;
      for (; i < upper; i += lanes) {
        VectorMask<Double> on = VectorMask.fromArray(D_SPECIES, mask, mo + i);
        int at = base + i * Double.BYTES;
        zero.blend(plus, on).intoByteBuffer(workBytes, at, ORDER);
        if (constrained) {
          zero.blend(minus, on).intoByteBuffer(workBytes, at + wOffset, ORDER);
        }
      }
      for (; i < patterns; i++) {
        boolean m = mask[mo + i];
        int at = base + i * Double.BYTES;
        workBytes.putDouble(at, m ? ak : 0.0);
        if (constrained) {
          workBytes.putDouble(at + wOffset, m ? -ak : 0.0);
        }
      }
    }
  }

  /** FLOAT32 variant of {@link #maskedBroadcast64}. */
  private void maskedBroadcast32(int r0, int rows, double[] a) {
    int lanes = F_SPECIES.length();
    int upper = patterns - patterns % lanes;
    long rowBytes = (long) blocks * Float.BYTES;
    int wOffset = patterns * Float.BYTES;
    FloatVector zero = FloatVector.zero(F_SPECIES);
    for (int k = 0; k < rows; k++) {
      int base = Math.toIntExact(k * rowBytes);
      int mo = (r0 + k) * patterns;
      float ak = (float) a[r0 + k];
      FloatVector plus = FloatVector.broadcast(F_SPECIES, ak);
      FloatVector minus = FloatVector.broadcast(F_SPECIES, -ak);
      int i = 0;
      for (; i < upper; i += lanes) {
        VectorMask<Float> on = VectorMask.fromArray(F_SPECIES, mask, mo + i);
        int at = base + i * Float.BYTES;
        zero.blend(plus, on).intoByteBuffer(workBytes, at, ORDER);
        if (constrained) {
          zero.blend(minus, on).intoByteBuffer(workBytes, at + wOffset, ORDER);
        }
      }
      for (; i < patterns; i++) {
        boolean m = mask[mo + i];
        int at = base + i * Float.BYTES;
        workBytes.putFloat(at, m ? ak : 0f);
        if (constrained) {
          workBytes.putFloat(at + wOffset, m ? -ak : 0f);
        }
      }
    }
  }
}
