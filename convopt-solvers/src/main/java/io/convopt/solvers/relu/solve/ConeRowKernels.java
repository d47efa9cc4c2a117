package io.convopt.solvers.relu.solve;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The per-row element work of ADMM's cone state (see {@code AdmmSolver}): one row of a row block
 * holds the B = 2P products {@code x_k . u_j} (V half, then W half), both halves masked by the same
 * P pattern bits of the row. Each kernel has a scalar reference ({@code *Scalar}) and a Vector API
 * implementation (the one ADMM uses, lanes of {@link DoubleVector#SPECIES_PREFERRED}, scalar
 * tails); a test runs both on ragged shapes. The vector sums are reduced per lane, so they differ
 * from the scalar ones by rounding only. Stateless.
 *
 * <p>Notation per element: {@code on} the pattern bit, {@code b} the product, {@code t = s + nu}
 * the complementary slack/multiplier pair ({@code s = t_+}, {@code nu = t_-}), {@code rs =
 * sqrt(sigma)} the constraint weight, {@code c = rs (2 on - 1) b} the scaled cone slack.
 */
final class ConeRowKernels {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

  private ConeRowKernels() {}

  /** {@code sum_i on_i (b_i - b_{P+i})}: the row's prediction (vector). */
  static double maskedRowSum(boolean[] mask, int mo, double[] blk, int ro, int pats) {
    int lanes = S.length();
    int upper = pats - pats % lanes;
    DoubleVector acc = DoubleVector.zero(S);
    int i = 0;
    for (; i < upper; i += lanes) {
      VectorMask<Double> on = VectorMask.fromArray(S, mask, mo + i);
      acc = acc.add(DoubleVector.fromArray(S, blk, ro + i), on);
      acc = acc.sub(DoubleVector.fromArray(S, blk, ro + pats + i), on);
    }
    double s = acc.reduceLanes(VectorOperators.ADD);
    for (; i < pats; i++) {
      if (mask[mo + i]) {
        s += blk[ro + i] - blk[ro + pats + i];
      }
    }
    return s;
  }

  /** Scalar reference of {@link #maskedRowSum}. */
  static double maskedRowSumScalar(boolean[] mask, int mo, double[] blk, int ro, int pats) {
    double s = 0;
    for (int i = 0; i < pats; i++) {
      if (mask[mo + i]) {
        s += blk[ro + i] - blk[ro + pats + i];
      }
    }
    return s;
  }

  /** {@code t = max(0, c)} (the start: slacks from the products, multipliers 0) (vector). */
  static void start(
      boolean[] mask, int mo, double[] blk, int ro, double[] t, int to, int pats, double rs) {
    int lanes = S.length();
    int upper = pats - pats % lanes;
    for (int half = 0; half < 2; half++) {
      int off = half * pats;
      int i = 0;
      for (; i < upper; i += lanes) {
        VectorMask<Double> on = VectorMask.fromArray(S, mask, mo + i);
        DoubleVector b = DoubleVector.fromArray(S, blk, ro + off + i);
        b.neg().blend(b, on).mul(rs).max(0.0).intoArray(t, to + off + i);
      }
      for (; i < pats; i++) {
        double b = blk[ro + off + i];
        t[to + off + i] = Math.max(0.0, rs * (mask[mo + i] ? b : -b));
      }
    }
  }

  /** Scalar reference of {@link #start}. */
  static void startScalar(
      boolean[] mask, int mo, double[] blk, int ro, double[] t, int to, int pats, double rs) {
    for (int j = 0; j < 2 * pats; j++) {
      int i = j < pats ? j : j - pats;
      double b = blk[ro + j];
      t[to + j] = Math.max(0.0, rs * (mask[mo + i] ? b : -b));
    }
  }

  /**
   * The u-step right-hand side's row {@code blk = on (sign_j q) + rs (2 on - 1) |t|} (sign +1 on
   * the V half, -1 on the W half) (vector).
   */
  static void rightHandSide(
      boolean[] mask,
      int mo,
      double[] t,
      int to,
      double[] blk,
      int ro,
      int pats,
      double rs,
      double q) {
    int lanes = S.length();
    int upper = pats - pats % lanes;
    for (int half = 0; half < 2; half++) {
      int off = half * pats;
      double sq = half == 0 ? q : -q;
      DoubleVector qv = DoubleVector.broadcast(S, sq);
      int i = 0;
      for (; i < upper; i += lanes) {
        VectorMask<Double> on = VectorMask.fromArray(S, mask, mo + i);
        DoubleVector tv = DoubleVector.fromArray(S, t, to + off + i).abs().mul(rs);
        tv.neg().blend(qv.add(tv), on).intoArray(blk, ro + off + i);
      }
      for (; i < pats; i++) {
        double tv = rs * Math.abs(t[to + off + i]);
        blk[ro + off + i] = mask[mo + i] ? sq + tv : -tv;
      }
    }
  }

  /** Scalar reference of {@link #rightHandSide}. */
  static void rightHandSideScalar(
      boolean[] mask,
      int mo,
      double[] t,
      int to,
      double[] blk,
      int ro,
      int pats,
      double rs,
      double q) {
    for (int j = 0; j < 2 * pats; j++) {
      boolean on = mask[mo + (j < pats ? j : j - pats)];
      double tv = rs * Math.abs(t[to + j]);
      blk[ro + j] = on ? (j < pats ? q : -q) + tv : -tv;
    }
  }

  /**
   * The relaxed cone update of one row: {@code t <- alpha c + (1 - alpha) s_old + nu_old}, then
   * {@code blk <- on (sign_j dz) + rs (2 on - 1)(s - s_old)} (the dual residual's matrix), and
   * {@code acc[0..2] += sum (c - s)^2, sum c^2, sum s^2} (vector).
   */
  static void update(
      boolean[] mask,
      int mo,
      double[] blk,
      int ro,
      double[] t,
      int to,
      int pats,
      double rs,
      double alpha,
      double dz,
      double[] acc) {
    int lanes = S.length();
    int upper = pats - pats % lanes;
    DoubleVector pri = DoubleVector.zero(S);
    DoubleVector sa = DoubleVector.zero(S);
    DoubleVector sb = DoubleVector.zero(S);
    double priS = 0;
    double saS = 0;
    double sbS = 0;
    double keep = 1 - alpha;
    for (int half = 0; half < 2; half++) {
      int off = half * pats;
      double sq = half == 0 ? dz : -dz;
      DoubleVector qv = DoubleVector.broadcast(S, sq);
      int i = 0;
      for (; i < upper; i += lanes) {
        VectorMask<Double> on = VectorMask.fromArray(S, mask, mo + i);
        DoubleVector b = DoubleVector.fromArray(S, blk, ro + off + i);
        DoubleVector c = b.neg().blend(b, on).mul(rs);
        DoubleVector old = DoubleVector.fromArray(S, t, to + off + i);
        DoubleVector sOld = old.max(0.0);
        DoubleVector tn = c.mul(alpha).add(sOld.mul(keep)).add(old.min(0.0));
        tn.intoArray(t, to + off + i);
        DoubleVector s = tn.max(0.0);
        DoubleVector r = c.sub(s);
        pri = r.fma(r, pri);
        sa = c.fma(c, sa);
        sb = s.fma(s, sb);
        DoubleVector ds = s.sub(sOld).mul(rs);
        ds.neg().blend(qv.add(ds), on).intoArray(blk, ro + off + i);
      }
      for (; i < pats; i++) {
        boolean on = mask[mo + i];
        int j = off + i;
        double b = blk[ro + j];
        double c = rs * (on ? b : -b);
        double old = t[to + j];
        double sOld = old > 0 ? old : 0.0;
        double tn = alpha * c + keep * sOld + (old < 0 ? old : 0.0);
        t[to + j] = tn;
        double s = tn > 0 ? tn : 0.0;
        double r = c - s;
        priS += r * r;
        saS += c * c;
        sbS += s * s;
        double ds = rs * (s - sOld);
        blk[ro + j] = on ? sq + ds : -ds;
      }
    }
    acc[0] += priS + pri.reduceLanes(VectorOperators.ADD);
    acc[1] += saS + sa.reduceLanes(VectorOperators.ADD);
    acc[2] += sbS + sb.reduceLanes(VectorOperators.ADD);
  }

  /** Scalar reference of {@link #update}. */
  static void updateScalar(
      boolean[] mask,
      int mo,
      double[] blk,
      int ro,
      double[] t,
      int to,
      int pats,
      double rs,
      double alpha,
      double dz,
      double[] acc) {
    for (int j = 0; j < 2 * pats; j++) {
      boolean on = mask[mo + (j < pats ? j : j - pats)];
      double c = rs * (on ? blk[ro + j] : -blk[ro + j]);
      double old = t[to + j];
      double sOld = old > 0 ? old : 0.0;
      double tn = alpha * c + (1 - alpha) * sOld + (old < 0 ? old : 0.0);
      t[to + j] = tn;
      double s = tn > 0 ? tn : 0.0;
      double r = c - s;
      acc[0] += r * r;
      acc[1] += c * c;
      acc[2] += s * s;
      double ds = rs * (s - sOld);
      blk[ro + j] = on ? (j < pats ? dz : -dz) + ds : -ds;
    }
  }
}
