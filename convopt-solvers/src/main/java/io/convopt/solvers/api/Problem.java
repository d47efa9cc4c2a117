package io.convopt.solvers.api;

import io.convopt.kernel.Box;
import java.util.Objects;
import java.util.Optional;

/**
 * A box-constrained maximisation problem: maximise {@code objective} over {@code box}.
 *
 * <p>The known optimum, when present, is for benchmarking only: no solver reads it (no oracle
 * knowledge), experiments use it to score results.
 */
public final class Problem {

  private final String name;
  private final Objective objective;
  private final Box box;
  private final KnownOptimum knownOptimum;

  private Problem(String name, Objective objective, Box box, KnownOptimum knownOptimum) {
    this.name = Objects.requireNonNull(name, "name");
    this.objective = Objects.requireNonNull(objective, "objective");
    this.box = Objects.requireNonNull(box, "box");
    if (knownOptimum != null && knownOptimum.point().length != box.dimension()) {
      throw new IllegalArgumentException(
          "known optimum has dimension "
              + knownOptimum.point().length
              + " but the box has dimension "
              + box.dimension());
    }
    this.knownOptimum = knownOptimum;
  }

  /** A problem without a known optimum. */
  public static Problem of(String name, Objective objective, Box box) {
    return new Problem(name, objective, box, null);
  }

  /** The same problem with a known global maximiser (for scoring only). */
  public Problem withKnownOptimum(double[] point, double value) {
    return new Problem(name, objective, box, new KnownOptimum(point, value));
  }

  public String name() {
    return name;
  }

  public Objective objective() {
    return objective;
  }

  public Box box() {
    return box;
  }

  public int dimension() {
    return box.dimension();
  }

  public Optional<KnownOptimum> knownOptimum() {
    return Optional.ofNullable(knownOptimum);
  }

  /**
   * Checks a start point: right dimension, finite, inside the box.
   *
   * @throws IllegalArgumentException naming the offending coordinate
   */
  public void requireStart(double[] start) {
    Objects.requireNonNull(start, "start");
    if (start.length != box.dimension()) {
      throw new IllegalArgumentException(
          "start has dimension "
              + start.length
              + " but problem '"
              + name
              + "' has dimension "
              + box.dimension());
    }
    for (int i = 0; i < start.length; i++) {
      if (!Double.isFinite(start[i])) {
        throw new IllegalArgumentException("start[" + i + "] = " + start[i] + " is not finite");
      }
      if (start[i] < box.lower(i) || start[i] > box.upper(i)) {
        throw new IllegalArgumentException(
            "start["
                + i
                + "] = "
                + start[i]
                + " lies outside the box ["
                + box.lower(i)
                + ", "
                + box.upper(i)
                + "] of problem '"
                + name
                + "'");
      }
    }
  }

  @Override
  public String toString() {
    return "Problem[" + name + ", box=" + box + "]";
  }

  /** A known global maximiser and its value. */
  public record KnownOptimum(double[] point, double value) {
    public KnownOptimum {
      point = point.clone();
    }

    @Override
    public double[] point() {
      return point.clone();
    }
  }
}
