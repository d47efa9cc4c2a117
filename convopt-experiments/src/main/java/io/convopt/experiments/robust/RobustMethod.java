package io.convopt.experiments.robust;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training methods compared by {@code compare-robust}; every one trains the same kind of model,
 * a two-layer ReLU network {@code f(x) = sum_j w2_j (x . w1_j)_+} on the standardised features with
 * a bias column, hinge loss summed over samples and weight β on the summed scale.
 *
 * <ul>
 *   <li>{@link #CR}: standard convex training, the constrained ReLU program (CR) with the hinge
 *       loss, solved by the interior-point method on a Newton-step budget; the recovered network
 *       (one neuron pair per active pattern).
 *   <li>{@link #CR_ROBUST}: convex adversarial training (patterns constant on the ε-ball) at the
 *       training radius ε_train, solved by {@code RobustInteriorPointSolver} on the same sampled
 *       patterns; the recovered network. At ε_train = 0 it is the same program as CR.
 *   <li>{@link #SGD}: the network trained by plain mini-batch SGD on (NC).
 *   <li>{@link #SGD_PGD}: SGD with PGD adversarial training at ε_train ({@code
 *       PgdAdversarialTrainer}): same initialisation, batch order and step size as SGD for the same
 *       seed.
 * </ul>
 */
public enum RobustMethod {
  CR("cr", true, false),
  CR_ROBUST("cr-robust", true, true),
  SGD("sgd", false, false),
  SGD_PGD("sgd-pgd", false, true);

  private final String id;
  private final boolean convex;
  private final boolean adversarial;

  RobustMethod(String id, boolean convex, boolean adversarial) {
    this.id = id;
    this.convex = convex;
    this.adversarial = adversarial;
  }

  /** The CLI and CSV spelling. */
  public String id() {
    return id;
  }

  /** True for the convex programs (the seed selects the sampled patterns). */
  public boolean isConvex() {
    return convex;
  }

  /** True when the method trains against perturbations of radius ε_train. */
  public boolean isAdversarial() {
    return adversarial;
  }

  /**
   * Parses an id (case-insensitive); {@link IllegalArgumentException} naming the known ids
   * otherwise.
   */
  public static RobustMethod parse(String s) {
    String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    for (RobustMethod m : values()) {
      if (m.id.equals(t)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown method '" + s + "'; known: cr, cr-robust, sgd, sgd-pgd");
  }

  /** Parses a list of ids, dropping repeats. */
  public static List<RobustMethod> parseAll(List<String> ids) {
    List<RobustMethod> out = new ArrayList<>();
    for (String s : ids) {
      RobustMethod m = parse(s);
      if (!out.contains(m)) {
        out.add(m);
      }
    }
    return out;
  }
}
