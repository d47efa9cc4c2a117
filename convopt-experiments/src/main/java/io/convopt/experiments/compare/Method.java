package io.convopt.experiments.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training methods compared by {@code compare-training}.
 *
 * <ul>
 *   <li>{@link #CG}: the gated ReLU program (CG: unconstrained group Lasso over fixed gates) solved
 *       by R-FISTA; its recovered model is a <em>gated</em> network with the sampled gates, so its
 *       objective is that of a different (relaxed) model, a lower bound of (CR) on the same
 *       patterns.
 *   <li>{@link #CR}: the constrained ReLU program (CR: group Lasso with the cone constraints that
 *       keep each pattern) solved by the interior-point method (default) or the augmented
 *       Lagrangian ({@link CrSolver}, option {@code --cr-solver}); the recovered network is an
 *       ordinary two-layer ReLU network whose non-convex objective (NC) equals the convex objective
 *       at a feasible solution.
 *   <li>{@link #SGD}, {@link #ADAM}: the same ReLU network trained on (NC) by mini-batch SGD with a
 *       fixed rate and by Adam.
 *   <li>{@link #CR_ROBUST}: convex adversarial training (Bai, Gautam and Sojoudi, arXiv
 *       2201.01965); its measure is robust accuracy, not training objective, so it runs in {@code
 *       compare-robust} ({@code io.convopt.experiments.robust}); recognised by this parser and
 *       rejected with a message pointing there.
 * </ul>
 */
public enum Method {
  CG("cg", true, "gated"),
  CR("cr", true, "relu"),
  SGD("sgd", false, "relu"),
  ADAM("adam", false, "relu"),
  CR_ROBUST("cr-robust", true, "relu");

  private final String id;
  private final boolean convex;
  private final String model;

  Method(String id, boolean convex, String model) {
    this.id = id;
    this.convex = convex;
    this.model = model;
  }

  /** The CLI and CSV spelling. */
  public String id() {
    return id;
  }

  /** True for the convex programs (no learning rate; seeds select the sampled patterns). */
  public boolean isConvex() {
    return convex;
  }

  /**
   * {@code relu} when the trained model is an ordinary ReLU network (same objective as SGD/Adam),
   * else {@code gated}.
   */
  public String model() {
    return model;
  }

  /** True when the method's objective is the non-convex ReLU training objective (NC). */
  public boolean trainsReluNetwork() {
    return "relu".equals(model);
  }

  /** The methods run by default. */
  public static List<Method> defaults() {
    return List.of(CG, CR, SGD, ADAM);
  }

  /**
   * Parses an id (case-insensitive); throws {@link IllegalArgumentException} naming the known ids.
   */
  public static Method parse(String s) {
    String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    for (Method m : values()) {
      if (m.id.equals(t)) {
        if (m == CR_ROBUST) {
          throw new IllegalArgumentException(
              "method cr-robust (convex adversarial training) is compared by 'convopt"
                  + " compare-robust' (robust accuracy under PGD), not by compare-training. Known"
                  + " methods here: cg, cr, sgd, adam");
        }
        return m;
      }
    }
    throw new IllegalArgumentException("unknown method '" + s + "'; known: cg, cr, sgd, adam");
  }

  /** Parses a list of ids. */
  public static List<Method> parseAll(List<String> ids) {
    List<Method> out = new ArrayList<>();
    for (String s : ids) {
      Method m = parse(s);
      if (!out.contains(m)) {
        out.add(m);
      }
    }
    return out;
  }
}
