package io.convopt.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code jdk.incubator.vector} implementation of the Riemann sums of {@link ConvolutionSums} (same
 * contracts, no argument checks: the façade checks).
 *
 * <p>Branch-free forms of the kernel are used: g<sub>δ</sub>'(r) = clamp(r/δ, −1, 1),
 * g<sub>δ</sub>(r) = ρ + max(δ − ρ, 0)²/(2δ) with ρ = ‖r‖, ∇g<sub>δ</sub>(r) = r/max(ρ, δ). Each
 * loop runs to {@code SPECIES.loopBound(n)} and finishes with one masked tail (masked-off lanes
 * load weight 0 and contribute exactly 0), as recommended for JDK 17. Partial sums are kept per
 * lane and reduced at the end, so the summation order differs from the scalar reference; see {@link
 * ConvolutionSums} for the resulting bound. Thread-safe (stateless).
 */
public final class VectorConvolutionSums {

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  private VectorConvolutionSums() {}

  /** The number of double lanes of the preferred species on this machine. */
  public static int lanes() {
    return LANES;
  }

  /** h Σ g<sub>δ</sub>(θ − x<sub>j</sub>) w<sub>j</sub>. */
  public static double value1D(
      ConvexKernel kernel, double theta, double[] x, double[] w, double h) {
    double delta = kernel.delta();
    DoubleVector th = DoubleVector.broadcast(SPECIES, theta);
    DoubleVector dv = DoubleVector.broadcast(SPECIES, delta);
    DoubleVector half = DoubleVector.broadcast(SPECIES, 0.5 / delta);
    DoubleVector acc = DoubleVector.zero(SPECIES);
    int n = x.length;
    int ub = SPECIES.loopBound(n);
    int j = 0;
    for (; j < ub; j += LANES) {
      DoubleVector a = th.sub(DoubleVector.fromArray(SPECIES, x, j)).abs();
      DoubleVector u = dv.sub(a).max(0.0);
      DoubleVector g = u.mul(half).fma(u, a);
      acc = g.fma(DoubleVector.fromArray(SPECIES, w, j), acc);
    }
    if (j < n) {
      VectorMask<Double> m = SPECIES.indexInRange(j, n);
      DoubleVector a = th.sub(DoubleVector.fromArray(SPECIES, x, j, m)).abs();
      DoubleVector u = dv.sub(a).max(0.0);
      DoubleVector g = u.mul(half).fma(u, a);
      acc = g.fma(DoubleVector.fromArray(SPECIES, w, j, m), acc);
    }
    return h * acc.reduceLanes(VectorOperators.ADD);
  }

  /** h Σ g<sub>δ</sub>'(θ − x<sub>j</sub>) w<sub>j</sub> (two accumulators to hide FMA latency). */
  public static double derivative1D(
      ConvexKernel kernel, double theta, double[] x, double[] w, double h) {
    DoubleVector th = DoubleVector.broadcast(SPECIES, theta);
    DoubleVector inv = DoubleVector.broadcast(SPECIES, 1 / kernel.delta());
    DoubleVector acc0 = DoubleVector.zero(SPECIES);
    DoubleVector acc1 = DoubleVector.zero(SPECIES);
    int n = x.length;
    int ub2 = n - n % (2 * LANES);
    int ub = SPECIES.loopBound(n);
    int j = 0;
    for (; j < ub2; j += 2 * LANES) {
      DoubleVector t0 = th.sub(DoubleVector.fromArray(SPECIES, x, j)).mul(inv).max(-1.0).min(1.0);
      DoubleVector t1 =
          th.sub(DoubleVector.fromArray(SPECIES, x, j + LANES)).mul(inv).max(-1.0).min(1.0);
      acc0 = t0.fma(DoubleVector.fromArray(SPECIES, w, j), acc0);
      acc1 = t1.fma(DoubleVector.fromArray(SPECIES, w, j + LANES), acc1);
    }
    for (; j < ub; j += LANES) {
      DoubleVector t = th.sub(DoubleVector.fromArray(SPECIES, x, j)).mul(inv).max(-1.0).min(1.0);
      acc0 = t.fma(DoubleVector.fromArray(SPECIES, w, j), acc0);
    }
    if (j < n) {
      VectorMask<Double> m = SPECIES.indexInRange(j, n);
      DoubleVector t = th.sub(DoubleVector.fromArray(SPECIES, x, j, m)).mul(inv).max(-1.0).min(1.0);
      acc1 = t.fma(DoubleVector.fromArray(SPECIES, w, j, m), acc1);
    }
    return h * acc0.add(acc1).reduceLanes(VectorOperators.ADD);
  }

  /** (h/δ) Σ<sub>|θ−x<sub>j</sub>|≤δ</sub> w<sub>j</sub>. */
  public static double secondDerivative1D(
      ConvexKernel kernel, double theta, double[] x, double[] w, double h) {
    double delta = kernel.delta();
    DoubleVector th = DoubleVector.broadcast(SPECIES, theta);
    DoubleVector acc = DoubleVector.zero(SPECIES);
    int n = x.length;
    int ub = SPECIES.loopBound(n);
    int j = 0;
    for (; j < ub; j += LANES) {
      DoubleVector a = th.sub(DoubleVector.fromArray(SPECIES, x, j)).abs();
      acc = acc.add(DoubleVector.fromArray(SPECIES, w, j), a.compare(VectorOperators.LE, delta));
    }
    if (j < n) {
      VectorMask<Double> m = SPECIES.indexInRange(j, n);
      DoubleVector a = th.sub(DoubleVector.fromArray(SPECIES, x, j, m)).abs();
      acc = acc.add(DoubleVector.fromArray(SPECIES, w, j, m), a.compare(VectorOperators.LE, delta));
    }
    return h / delta * acc.reduceLanes(VectorOperators.ADD);
  }

  /**
   * Loads lanes j… of a; {@code m == null} means all lanes (main loop), otherwise the tail mask.
   */
  private static DoubleVector load(double[] a, int j, VectorMask<Double> m) {
    return m == null
        ? DoubleVector.fromArray(SPECIES, a, j)
        : DoubleVector.fromArray(SPECIES, a, j, m);
  }

  /** ‖θ − x<sub>j</sub>‖² for the lanes starting at j (masked-off lanes read coordinate 0). */
  private static DoubleVector squaredDistance(
      double[] theta, double[][] x, int j, VectorMask<Double> m) {
    DoubleVector r2 = DoubleVector.zero(SPECIES);
    for (int i = 0; i < theta.length; i++) {
      DoubleVector r = DoubleVector.broadcast(SPECIES, theta[i]).sub(load(x[i], j, m));
      r2 = r.fma(r, r2);
    }
    return r2;
  }

  /** h Σ g<sub>δ</sub>(θ − x<sub>j</sub>) w<sub>j</sub>, n-D. */
  public static double value(
      ConvexKernel kernel, double[] theta, double[][] x, double[] w, double h) {
    double delta = kernel.delta();
    DoubleVector dv = DoubleVector.broadcast(SPECIES, delta);
    DoubleVector half = DoubleVector.broadcast(SPECIES, 0.5 / delta);
    DoubleVector acc = DoubleVector.zero(SPECIES);
    int n = w.length;
    int ub = SPECIES.loopBound(n);
    int j = 0;
    for (; j < ub; j += LANES) {
      DoubleVector rho = squaredDistance(theta, x, j, null).sqrt();
      DoubleVector u = dv.sub(rho).max(0.0);
      acc = u.mul(half).fma(u, rho).fma(DoubleVector.fromArray(SPECIES, w, j), acc);
    }
    if (j < n) {
      VectorMask<Double> m = SPECIES.indexInRange(j, n);
      DoubleVector rho = squaredDistance(theta, x, j, m).sqrt();
      DoubleVector u = dv.sub(rho).max(0.0);
      acc = u.mul(half).fma(u, rho).fma(DoubleVector.fromArray(SPECIES, w, j, m), acc);
    }
    return h * acc.reduceLanes(VectorOperators.ADD);
  }

  /**
   * ∇F (eq. (20)) into out (length n). Dispatches to a fused single pass for n = 2 and to a general
   * pass otherwise; each is its own small method so that the JIT compiles (and intrinsifies) it on
   * its own rather than inside one large method.
   */
  public static double[] gradient(
      ConvexKernel kernel, double[] theta, double[][] x, double[] w, double h, double[] out) {
    if (theta.length == 2) {
      return gradient2D(kernel, theta, x[0], x[1], w, h, out);
    }
    return gradientND(kernel, theta, x, w, h, out);
  }

  private static double[] gradientND(
      ConvexKernel kernel, double[] theta, double[][] x, double[] w, double h, double[] out) {
    int dim = theta.length;
    DoubleVector dv = DoubleVector.broadcast(SPECIES, kernel.delta());
    double[] acc = new double[dim * LANES];
    int n = w.length;
    int ub = SPECIES.loopBound(n);
    int j = 0;
    for (; j < ub; j += LANES) {
      gradientChunk(dv, theta, x, w, j, null, acc);
    }
    if (j < n) {
      gradientChunk(dv, theta, x, w, j, SPECIES.indexInRange(j, n), acc);
    }
    for (int i = 0; i < dim; i++) {
      out[i] = h * DoubleVector.fromArray(SPECIES, acc, i * LANES).reduceLanes(VectorOperators.ADD);
    }
    return out;
  }

  /** Adds one chunk of lanes to the per-axis lane accumulators acc[i·LANES …]. */
  private static void gradientChunk(
      DoubleVector dv,
      double[] theta,
      double[][] x,
      double[] w,
      int j,
      VectorMask<Double> m,
      double[] acc) {
    DoubleVector rho = squaredDistance(theta, x, j, m).sqrt();
    DoubleVector c = load(w, j, m).div(rho.max(dv));
    for (int i = 0; i < theta.length; i++) {
      DoubleVector r = DoubleVector.broadcast(SPECIES, theta[i]).sub(load(x[i], j, m));
      r.fma(c, DoubleVector.fromArray(SPECIES, acc, i * LANES)).intoArray(acc, i * LANES);
    }
  }

  private static double[] gradient2D(
      ConvexKernel kernel,
      double[] theta,
      double[] x0,
      double[] x1,
      double[] w,
      double h,
      double[] out) {
    DoubleVector th0 = DoubleVector.broadcast(SPECIES, theta[0]);
    DoubleVector th1 = DoubleVector.broadcast(SPECIES, theta[1]);
    DoubleVector dv = DoubleVector.broadcast(SPECIES, kernel.delta());
    DoubleVector acc0 = DoubleVector.zero(SPECIES);
    DoubleVector acc1 = DoubleVector.zero(SPECIES);
    int n = w.length;
    int ub = SPECIES.loopBound(n);
    int j = 0;
    for (; j < ub; j += LANES) {
      DoubleVector r0 = th0.sub(DoubleVector.fromArray(SPECIES, x0, j));
      DoubleVector r1 = th1.sub(DoubleVector.fromArray(SPECIES, x1, j));
      DoubleVector rho = r0.fma(r0, r1.mul(r1)).sqrt();
      DoubleVector c = DoubleVector.fromArray(SPECIES, w, j).div(rho.max(dv));
      acc0 = r0.fma(c, acc0);
      acc1 = r1.fma(c, acc1);
    }
    if (j < n) {
      VectorMask<Double> m = SPECIES.indexInRange(j, n);
      DoubleVector r0 = th0.sub(DoubleVector.fromArray(SPECIES, x0, j, m));
      DoubleVector r1 = th1.sub(DoubleVector.fromArray(SPECIES, x1, j, m));
      DoubleVector rho = r0.fma(r0, r1.mul(r1)).sqrt();
      DoubleVector c = DoubleVector.fromArray(SPECIES, w, j, m).div(rho.max(dv));
      acc0 = r0.fma(c, acc0);
      acc1 = r1.fma(c, acc1);
    }
    out[0] = h * acc0.reduceLanes(VectorOperators.ADD);
    out[1] = h * acc1.reduceLanes(VectorOperators.ADD);
    return out;
  }

  /**
   * Outer part of ∇F (eq. (20), first integral) into out (length n): as {@link #gradient} with the
   * coefficient w<sub>j</sub>/ρ<sub>j</sub> blended to 0 where ρ<sub>j</sub> &lt; δ. Fused single
   * pass for n = 2, general pass otherwise.
   */
  public static double[] outerGradient(
      ConvexKernel kernel, double[] theta, double[][] x, double[] w, double h, double[] out) {
    if (theta.length == 2) {
      return outerGradient2D(kernel, theta, x[0], x[1], w, h, out);
    }
    return outerGradientND(kernel, theta, x, w, h, out);
  }

  private static double[] outerGradientND(
      ConvexKernel kernel, double[] theta, double[][] x, double[] w, double h, double[] out) {
    int dim = theta.length;
    double delta = kernel.delta();
    double[] acc = new double[dim * LANES];
    int n = w.length;
    int ub = SPECIES.loopBound(n);
    int j = 0;
    for (; j < ub; j += LANES) {
      outerGradientChunk(delta, theta, x, w, j, null, acc);
    }
    if (j < n) {
      outerGradientChunk(delta, theta, x, w, j, SPECIES.indexInRange(j, n), acc);
    }
    for (int i = 0; i < dim; i++) {
      out[i] = h * DoubleVector.fromArray(SPECIES, acc, i * LANES).reduceLanes(VectorOperators.ADD);
    }
    return out;
  }

  private static void outerGradientChunk(
      double delta,
      double[] theta,
      double[][] x,
      double[] w,
      int j,
      VectorMask<Double> m,
      double[] acc) {
    DoubleVector rho = squaredDistance(theta, x, j, m).sqrt();
    // Inside the ball (and in masked-off lanes, where ρ may be anything but w is 0) c = 0.
    DoubleVector c = load(w, j, m).div(rho).blend(0.0, rho.compare(VectorOperators.LT, delta));
    for (int i = 0; i < theta.length; i++) {
      DoubleVector r = DoubleVector.broadcast(SPECIES, theta[i]).sub(load(x[i], j, m));
      r.fma(c, DoubleVector.fromArray(SPECIES, acc, i * LANES)).intoArray(acc, i * LANES);
    }
  }

  private static double[] outerGradient2D(
      ConvexKernel kernel,
      double[] theta,
      double[] x0,
      double[] x1,
      double[] w,
      double h,
      double[] out) {
    DoubleVector th0 = DoubleVector.broadcast(SPECIES, theta[0]);
    DoubleVector th1 = DoubleVector.broadcast(SPECIES, theta[1]);
    double delta = kernel.delta();
    DoubleVector acc0 = DoubleVector.zero(SPECIES);
    DoubleVector acc1 = DoubleVector.zero(SPECIES);
    int n = w.length;
    int ub = SPECIES.loopBound(n);
    int j = 0;
    for (; j < ub; j += LANES) {
      DoubleVector r0 = th0.sub(DoubleVector.fromArray(SPECIES, x0, j));
      DoubleVector r1 = th1.sub(DoubleVector.fromArray(SPECIES, x1, j));
      DoubleVector rho = r0.fma(r0, r1.mul(r1)).sqrt();
      DoubleVector c =
          DoubleVector.fromArray(SPECIES, w, j)
              .div(rho)
              .blend(0.0, rho.compare(VectorOperators.LT, delta));
      acc0 = r0.fma(c, acc0);
      acc1 = r1.fma(c, acc1);
    }
    if (j < n) {
      VectorMask<Double> m = SPECIES.indexInRange(j, n);
      DoubleVector r0 = th0.sub(DoubleVector.fromArray(SPECIES, x0, j, m));
      DoubleVector r1 = th1.sub(DoubleVector.fromArray(SPECIES, x1, j, m));
      DoubleVector rho = r0.fma(r0, r1.mul(r1)).sqrt();
      DoubleVector c =
          DoubleVector.fromArray(SPECIES, w, j, m)
              .div(rho)
              .blend(0.0, rho.compare(VectorOperators.LT, delta).or(m.not()));
      acc0 = r0.fma(c, acc0);
      acc1 = r1.fma(c, acc1);
    }
    out[0] = h * acc0.reduceLanes(VectorOperators.ADD);
    out[1] = h * acc1.reduceLanes(VectorOperators.ADD);
    return out;
  }

  /**
   * ∇²F (eq. (21)) into out (row-major n×n): one pass per upper-triangle entry (p, q), each
   * accumulating Σ w<sub>j</sub>/max(ρ, δ) on the diagonal and Σ [ρ &gt; δ] w<sub>j</sub>
   * r<sub>p</sub> r<sub>q</sub>/ρ³. O(n³·size) work, meant for small n.
   */
  public static double[] hessian(
      ConvexKernel kernel, double[] theta, double[][] x, double[] w, double h, double[] out) {
    int dim = theta.length;
    double delta = kernel.delta();
    DoubleVector dv = DoubleVector.broadcast(SPECIES, delta);
    int n = w.length;
    int ub = SPECIES.loopBound(n);
    double diagonal = 0;
    for (int p = 0; p < dim; p++) {
      for (int q = p; q < dim; q++) {
        boolean first = p == 0 && q == 0;
        double[] acc = new double[2 * LANES];
        int j = 0;
        for (; j < ub; j += LANES) {
          hessianChunk(dv, delta, theta, x, w, p, q, j, null, acc);
        }
        if (j < n) {
          hessianChunk(dv, delta, theta, x, w, p, q, j, SPECIES.indexInRange(j, n), acc);
        }
        if (first) {
          diagonal = DoubleVector.fromArray(SPECIES, acc, 0).reduceLanes(VectorOperators.ADD);
        }
        double bpq = DoubleVector.fromArray(SPECIES, acc, LANES).reduceLanes(VectorOperators.ADD);
        out[p * dim + q] = h * ((p == q ? diagonal : 0) - bpq);
        out[q * dim + p] = out[p * dim + q];
      }
    }
    return out;
  }

  /** Lanes acc[0…) += w/max(ρ, δ), lanes acc[LANES…) += [ρ &gt; δ] w r_p r_q / ρ³ for one chunk. */
  private static void hessianChunk(
      DoubleVector dv,
      double delta,
      double[] theta,
      double[][] x,
      double[] w,
      int p,
      int q,
      int j,
      VectorMask<Double> m,
      double[] acc) {
    DoubleVector r2 = squaredDistance(theta, x, j, m);
    DoubleVector rho = r2.sqrt();
    DoubleVector a = load(w, j, m).div(rho.max(dv));
    a.add(DoubleVector.fromArray(SPECIES, acc, 0)).intoArray(acc, 0);
    DoubleVector b = a.div(r2).blend(0.0, rho.compare(VectorOperators.LE, delta));
    DoubleVector rp = DoubleVector.broadcast(SPECIES, theta[p]).sub(load(x[p], j, m));
    DoubleVector rq = DoubleVector.broadcast(SPECIES, theta[q]).sub(load(x[q], j, m));
    b.mul(rp).fma(rq, DoubleVector.fromArray(SPECIES, acc, LANES)).intoArray(acc, LANES);
  }
}
