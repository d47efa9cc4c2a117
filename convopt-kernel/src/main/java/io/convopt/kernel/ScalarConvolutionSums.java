package io.convopt.kernel;

/**
 * Scalar reference implementation of the Riemann sums of {@link ConvolutionSums} (same contracts,
 * no argument checks: the façade checks). Written as plain loops over the branch form of the kernel
 * (eq. (2)/(3)), so it is an independent reference for {@link VectorConvolutionSums}. Summation is
 * left to right in index order. Each method is O(size) in 1-D and O(n·size) (Hessian O(n²·size)) in
 * n-D; no allocation except one length-n scratch array in n-D. Thread-safe (stateless).
 */
public final class ScalarConvolutionSums {

  private ScalarConvolutionSums() {}

  /** h Σ g<sub>δ</sub>(θ − x<sub>j</sub>) w<sub>j</sub>. */
  public static double value1D(
      ConvexKernel kernel, double theta, double[] x, double[] w, double h) {
    double s = 0;
    for (int j = 0; j < x.length; j++) {
      s += kernel.value(theta - x[j]) * w[j];
    }
    return h * s;
  }

  /** h Σ g<sub>δ</sub>'(θ − x<sub>j</sub>) w<sub>j</sub>. */
  public static double derivative1D(
      ConvexKernel kernel, double theta, double[] x, double[] w, double h) {
    double delta = kernel.delta();
    double s = 0;
    for (int j = 0; j < x.length; j++) {
      double r = theta - x[j];
      double g = r >= delta ? 1 : r <= -delta ? -1 : r / delta;
      s += g * w[j];
    }
    return h * s;
  }

  /**
   * h Σ g<sub>δ</sub>''(θ − x<sub>j</sub>) w<sub>j</sub> = (h/δ) Σ<sub>|θ−x<sub>j</sub>|≤δ</sub>
   * w<sub>j</sub>.
   */
  public static double secondDerivative1D(
      ConvexKernel kernel, double theta, double[] x, double[] w, double h) {
    double s = 0;
    for (int j = 0; j < x.length; j++) {
      s += kernel.secondDerivative(theta - x[j]) * w[j];
    }
    return h * s;
  }

  /** h Σ g<sub>δ</sub>(θ − x<sub>j</sub>) w<sub>j</sub>, n-D, points structure-of-arrays. */
  public static double value(
      ConvexKernel kernel, double[] theta, double[][] x, double[] w, double h) {
    int n = theta.length;
    double delta = kernel.delta();
    double s = 0;
    for (int j = 0; j < w.length; j++) {
      double r2 = 0;
      for (int i = 0; i < n; i++) {
        double r = theta[i] - x[i][j];
        r2 += r * r;
      }
      double rho = Math.sqrt(r2);
      double g = rho >= delta ? rho : r2 / (2 * delta) + delta / 2;
      s += g * w[j];
    }
    return h * s;
  }

  /** ∇F = h Σ ∇g<sub>δ</sub>(θ − x<sub>j</sub>) w<sub>j</sub> (eq. (20)) into out (length n). */
  public static double[] gradient(
      ConvexKernel kernel, double[] theta, double[][] x, double[] w, double h, double[] out) {
    int n = theta.length;
    double delta = kernel.delta();
    double[] r = new double[n];
    java.util.Arrays.fill(out, 0);
    for (int j = 0; j < w.length; j++) {
      double r2 = 0;
      for (int i = 0; i < n; i++) {
        r[i] = theta[i] - x[i][j];
        r2 += r[i] * r[i];
      }
      double rho = Math.sqrt(r2);
      double c = rho >= delta ? w[j] / rho : w[j] / delta;
      for (int i = 0; i < n; i++) {
        out[i] += c * r[i];
      }
    }
    for (int i = 0; i < n; i++) {
      out[i] *= h;
    }
    return out;
  }

  /**
   * Outer part of ∇F (eq. (20), first integral): h Σ<sub>‖θ−x<sub>j</sub>‖ ≥ δ</sub> (θ −
   * x<sub>j</sub>)/‖θ − x<sub>j</sub>‖ w<sub>j</sub> into out (length n); points inside the open
   * δ-ball contribute nothing.
   */
  public static double[] outerGradient(
      ConvexKernel kernel, double[] theta, double[][] x, double[] w, double h, double[] out) {
    int n = theta.length;
    double delta = kernel.delta();
    double[] r = new double[n];
    java.util.Arrays.fill(out, 0);
    for (int j = 0; j < w.length; j++) {
      double r2 = 0;
      for (int i = 0; i < n; i++) {
        r[i] = theta[i] - x[i][j];
        r2 += r[i] * r[i];
      }
      double rho = Math.sqrt(r2);
      if (rho >= delta) {
        double c = w[j] / rho;
        for (int i = 0; i < n; i++) {
          out[i] += c * r[i];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      out[i] *= h;
    }
    return out;
  }

  /**
   * ∇²F = h Σ ∇²g<sub>δ</sub>(θ − x<sub>j</sub>) w<sub>j</sub> (eq. (21)), row-major n×n into out.
   */
  public static double[] hessian(
      ConvexKernel kernel, double[] theta, double[][] x, double[] w, double h, double[] out) {
    int n = theta.length;
    double delta = kernel.delta();
    double[] r = new double[n];
    java.util.Arrays.fill(out, 0);
    for (int j = 0; j < w.length; j++) {
      double r2 = 0;
      for (int i = 0; i < n; i++) {
        r[i] = theta[i] - x[i][j];
        r2 += r[i] * r[i];
      }
      double rho = Math.sqrt(r2);
      if (rho <= delta) {
        double a = w[j] / delta;
        for (int p = 0; p < n; p++) {
          out[p * n + p] += a;
        }
      } else {
        double a = w[j] / rho;
        double b = a / r2;
        for (int p = 0; p < n; p++) {
          for (int q = 0; q < n; q++) {
            out[p * n + q] += (p == q ? a : 0) - b * r[p] * r[q];
          }
        }
      }
    }
    for (int i = 0; i < out.length; i++) {
      out[i] *= h;
    }
    return out;
  }
}
