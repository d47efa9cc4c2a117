package io.convopt.experiments.functions;

import io.convopt.kernel.Box;
import io.convopt.solvers.api.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Standard box-constrained test functions with known global optima (the usual minimisation
 * benchmarks), turned into maximisation problems in <em>one</em> place: f = −g, where g is the
 * textbook function. The known optimum value is therefore −g*.
 *
 * <p>Centre bias: the surrogate's minimiser is a median of the lifted mass, so an optimum at the
 * centre of a symmetric box is found "for free". {@link #shifted} moves every optimum off-centre by
 * a fixed, documented vector; the centred versions are demos only.
 *
 * <p>Formulas and optima: Jamil &amp; Yang (2013), "A literature survey of benchmark functions for
 * global optimization problems"; Surjanovic &amp; Bingham, Virtual Library of Simulation
 * Experiments.
 */
public final class StandardFunctions {

  private StandardFunctions() {}

  /** Definition of one textbook (minimisation) function g. */
  public record Definition(
      String name,
      String formula,
      int fixedDimension, // 0 = any dimension
      double lower,
      double upper,
      IntFunction<double[][]> minimisers, // all global minimisers for a dimension
      double minimum,
      Objective g) {

    public boolean anyDimension() {
      return fixedDimension == 0;
    }
  }

  private static final Map<String, Definition> DEFINITIONS = new LinkedHashMap<>();

  static {
    add(
        "ACKLEY",
        "20 + e - 20 exp(-0.2 sqrt(mean x_i^2)) - exp(mean cos(2 pi x_i))",
        0,
        -32.768,
        32.768,
        d -> new double[][] {new double[d]},
        0.0,
        x -> {
          int d = x.length;
          double s2 = 0, sc = 0;
          for (double v : x) {
            s2 += v * v;
            sc += Math.cos(2 * Math.PI * v);
          }
          return 20 + Math.E - 20 * Math.exp(-0.2 * Math.sqrt(s2 / d)) - Math.exp(sc / d);
        });
    add(
        "RASTRIGIN",
        "10 d + sum (x_i^2 - 10 cos(2 pi x_i))",
        0,
        -5.12,
        5.12,
        d -> new double[][] {new double[d]},
        0.0,
        x -> {
          double s = 10.0 * x.length;
          for (double v : x) {
            s += v * v - 10 * Math.cos(2 * Math.PI * v);
          }
          return s;
        });
    add(
        "GRIEWANK",
        "1 + sum x_i^2 / 4000 - prod cos(x_i / sqrt(i))",
        0,
        -600,
        600,
        d -> new double[][] {new double[d]},
        0.0,
        x -> {
          double s = 0, p = 1;
          for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i] / 4000;
            p *= Math.cos(x[i] / Math.sqrt(i + 1.0));
          }
          return 1 + s - p;
        });
    add(
        "LEVY",
        "sin^2(pi w_1) + sum (w_i - 1)^2 (1 + 10 sin^2(pi w_i + 1)) + (w_d - 1)^2 (1 + sin^2(2 pi"
            + " w_d)), w_i = 1 + (x_i - 1)/4",
        0,
        -10,
        10,
        d -> new double[][] {filled(d, 1.0)},
        0.0,
        x -> {
          int d = x.length;
          double[] w = new double[d];
          for (int i = 0; i < d; i++) {
            w[i] = 1 + (x[i] - 1) / 4;
          }
          double s = sq(Math.sin(Math.PI * w[0]));
          for (int i = 0; i < d - 1; i++) {
            s += sq(w[i] - 1) * (1 + 10 * sq(Math.sin(Math.PI * w[i] + 1)));
          }
          return s + sq(w[d - 1] - 1) * (1 + sq(Math.sin(2 * Math.PI * w[d - 1])));
        });
    add(
        "SCHWEFEL",
        "418.9828872724338 d - sum x_i sin(sqrt|x_i|)",
        0,
        -500,
        500,
        d -> new double[][] {filled(d, 420.9687463599)},
        0.0,
        x -> {
          double s = 418.9828872724338 * x.length;
          for (double v : x) {
            s -= v * Math.sin(Math.sqrt(Math.abs(v)));
          }
          return s;
        });
    add(
        "STYBLINSKI_TANG",
        "sum (x_i^4 - 16 x_i^2 + 5 x_i) / 2",
        0,
        -5,
        5,
        d -> new double[][] {filled(d, -2.903534027771177)},
        Double.NaN,
        x -> {
          double s = 0;
          for (double v : x) {
            s += (v * v * v * v - 16 * v * v + 5 * v) / 2;
          }
          return s;
        });
    add(
        "MICHALEWICZ",
        "-sum sin(x_i) sin^20(i x_i^2 / pi), d = 2",
        2,
        0,
        Math.PI,
        d -> new double[][] {{2.202905503408, 1.570796326795}},
        -1.801303410098554,
        x -> {
          double s = 0;
          for (int i = 0; i < x.length; i++) {
            s -= Math.sin(x[i]) * Math.pow(Math.sin((i + 1) * x[i] * x[i] / Math.PI), 20);
          }
          return s;
        });
    add(
        "SIX_HUMP_CAMEL",
        "(4 - 2.1 x^2 + x^4/3) x^2 + x y + (-4 + 4 y^2) y^2 on [-3,3]x[-2,2] (box: [-3,3]^2 here)",
        2,
        -3,
        3,
        d ->
            new double[][] {{0.0898420131003, -0.712656403020}, {-0.0898420131003, 0.712656403020}},
        -1.031628453489877,
        x -> {
          double a = x[0], b = x[1];
          return (4 - 2.1 * a * a + a * a * a * a / 3) * a * a + a * b + (-4 + 4 * b * b) * b * b;
        });
    add(
        "BRANIN",
        "(y - 5.1 x^2/(4 pi^2) + 5 x/pi - 6)^2 + 10 (1 - 1/(8 pi)) cos x + 10 on [-5,10]x[0,15]"
            + " (box: [-5,15]^2 here)",
        2,
        -5,
        15,
        d -> new double[][] {{-Math.PI, 12.275}, {Math.PI, 2.275}, {9.42478, 2.475}},
        0.397887357729738,
        x -> {
          double a = x[0], b = x[1];
          double t = b - 5.1 * a * a / (4 * Math.PI * Math.PI) + 5 * a / Math.PI - 6;
          return t * t + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(a) + 10;
        });
    add(
        "GOLDSTEIN_PRICE",
        "[1 + (x+y+1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)] [30 + (2x-3y)^2 (18 - 32x + 12x^2 +"
            + " 48y - 36xy + 27y^2)]",
        2,
        -2,
        2,
        d -> new double[][] {{0.0, -1.0}},
        3.0,
        x -> {
          double a = x[0], b = x[1];
          double p = 1 + sq(a + b + 1) * (19 - 14 * a + 3 * a * a - 14 * b + 6 * a * b + 3 * b * b);
          double q =
              30
                  + sq(2 * a - 3 * b)
                      * (18 - 32 * a + 12 * a * a + 48 * b - 36 * a * b + 27 * b * b);
          return p * q;
        });
    add(
        "SHUBERT",
        "prod_{i=1,2} sum_{j=1..5} j cos((j+1) x_i + j)",
        2,
        -10,
        10,
        d -> new double[][] {{-7.0835, 4.8580}},
        -186.7309088310239,
        x -> {
          double p = 1;
          for (double v : x) {
            double s = 0;
            for (int j = 1; j <= 5; j++) {
              s += j * Math.cos((j + 1) * v + j);
            }
            p *= s;
          }
          return p;
        });
    add(
        "HARTMANN3",
        "-sum_i alpha_i exp(-sum_j A_ij (x_j - P_ij)^2)",
        3,
        0,
        1,
        d -> new double[][] {{0.114614, 0.555649, 0.852547}},
        -3.86278214782076,
        StandardFunctions::hartmann3);
  }

  private static final double[] H3_ALPHA = {1.0, 1.2, 3.0, 3.2};
  private static final double[][] H3_A = {{3, 10, 30}, {0.1, 10, 35}, {3, 10, 30}, {0.1, 10, 35}};
  private static final double[][] H3_P = {
    {0.3689, 0.1170, 0.2673},
    {0.4699, 0.4387, 0.7470},
    {0.1091, 0.8732, 0.5547},
    {0.0381, 0.5743, 0.8828}
  };

  private static double hartmann3(double[] x) {
    double s = 0;
    for (int i = 0; i < 4; i++) {
      double e = 0;
      for (int j = 0; j < 3; j++) {
        e += H3_A[i][j] * sq(x[j] - H3_P[i][j]);
      }
      s -= H3_ALPHA[i] * Math.exp(-e);
    }
    return s;
  }

  private static void add(
      String name,
      String formula,
      int dim,
      double lo,
      double hi,
      IntFunction<double[][]> minimisers,
      double minimum,
      Objective g) {
    DEFINITIONS.put(name, new Definition(name, formula, dim, lo, hi, minimisers, minimum, g));
  }

  /** Names of all functions, in a stable order. */
  public static List<String> names() {
    return List.copyOf(DEFINITIONS.keySet());
  }

  public static Definition definition(String name) {
    Definition d = DEFINITIONS.get(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    if (d == null) {
      throw new IllegalArgumentException("unknown function '" + name + "'; known: " + names());
    }
    return d;
  }

  /**
   * The centred textbook version in {@code dim} dimensions, as a maximisation problem (demo only).
   */
  public static TestFunction centred(String name, int dim) {
    return build(definition(name), dim, new double[dim], false);
  }

  /**
   * The benchmark version. A function whose optimum lies near the centre of its box (within a
   * quarter of the half-width in every coordinate: Ackley, Rastrigin, Griewank, Levy,
   * Goldstein–Price) is translated by {@link #shiftVector}{@code (dim)} times the half-width, so
   * its optimum is off-centre while the box stays the same. The others are already off-centre and
   * are left as they are (translating them would bring in parts of the plane where the textbook
   * optimum is no longer global, e.g. Schwefel beyond ±500).
   */
  public static TestFunction shifted(String name, int dim) {
    Definition d = definition(name);
    int n = d.anyDimension() ? dim : d.fixedDimension();
    double half = (d.upper() - d.lower()) / 2;
    double centre = (d.upper() + d.lower()) / 2;
    double[] first = d.minimisers().apply(n)[0];
    boolean nearCentre = true;
    for (double v : first) {
      nearCentre &= Math.abs(v - centre) <= 0.25 * half;
    }
    double[] shift = new double[n];
    if (nearCentre) {
      double[] s = shiftVector(n);
      for (int i = 0; i < n; i++) {
        shift[i] = s[i] * half;
      }
    }
    return build(d, n, shift, true);
  }

  /**
   * The fixed shift: coordinate i moves by (0.17, −0.23, 0.11, −0.29, 0.13, …)[i] of the half-width
   * — irrational-looking fractions so no optimum lands on a grid or lattice point by accident.
   */
  public static double[] shiftVector(int dim) {
    double[] base = {0.17, -0.23, 0.11, -0.29, 0.13, -0.19, 0.07, -0.27, 0.21, -0.09};
    double[] s = new double[dim];
    for (int i = 0; i < dim; i++) {
      s[i] = base[i % base.length];
    }
    return s;
  }

  private static TestFunction build(Definition d, int dim, double[] shift, boolean benchmark) {
    int n = d.anyDimension() ? dim : d.fixedDimension();
    if (n < 1) {
      throw new IllegalArgumentException(d.name() + ": dimension must be >= 1, got " + dim);
    }
    if (!d.anyDimension() && dim != d.fixedDimension()) {
      throw new IllegalArgumentException(
          d.name() + " is defined in dimension " + d.fixedDimension() + " only, got " + dim);
    }
    double[] lo = filled(n, d.lower());
    double[] hi = filled(n, d.upper());
    double[] sh = shift.clone();
    Objective g = d.g();
    Objective f =
        x -> {
          double[] y = new double[x.length];
          for (int i = 0; i < x.length; i++) {
            y[i] = x[i] - sh[i];
          }
          return -g.value(y);
        };
    double[][] mins = d.minimisers().apply(n);
    List<double[]> shifted = new ArrayList<>();
    for (double[] m : mins) {
      double[] p = m.clone();
      for (int i = 0; i < n; i++) {
        p[i] += sh[i];
      }
      shifted.add(p);
    }
    double[] best = shifted.get(0);
    List<double[]> others = shifted.subList(1, shifted.size());
    Map<String, Double> params = new LinkedHashMap<>();
    params.put("dimension", (double) n);
    for (int i = 0; i < n; i++) {
      params.put("shift" + i, sh[i]);
    }
    boolean moved = Arrays.stream(sh).anyMatch(v -> v != 0);
    String label =
        d.name()
            + (moved ? "_SHIFTED" : "")
            + (d.anyDimension() ? "_" + n + "D" : "")
            + (benchmark ? "" : "_CENTRED_DEMO");
    // The other global maximisers are listed as "local maxima": they have the same value.
    return new TestFunction(
        label,
        "maximise -g, g = " + d.formula(),
        f,
        Box.of(lo, hi),
        best,
        others,
        params,
        false,
        false,
        "textbook function"
            + (!benchmark
                ? " (centred: demo only)"
                : moved
                    ? ", shifted off-centre by shiftVector x half-width"
                    : " (optimum already off-centre)"));
  }

  /**
   * Known global maximum value −g* of the maximisation problem (recomputed where g* is irrational).
   */
  public static double maximumValue(String name, int dim) {
    Definition d = definition(name);
    int n = d.anyDimension() ? dim : d.fixedDimension();
    return -d.g().value(d.minimisers().apply(n)[0]);
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  private static double sq(double v) {
    return v * v;
  }
}
