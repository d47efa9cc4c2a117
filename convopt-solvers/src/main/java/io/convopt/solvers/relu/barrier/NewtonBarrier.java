package io.convopt.solvers.relu.barrier;

/**
 * A log-barrier objective {@code f = tau * objective + barrier} at a current, strictly feasible
 * point, as the path-following method sees it: it computes its own Newton direction, bounds the
 * step along it, measures the change of f and moves. Implementations are mutable (they hold the
 * point) and change only through these methods.
 */
public interface NewtonBarrier {
  /**
   * Computes the Newton direction of f at the current point and keeps it for {@link #maxStep},
   * {@link #valueChange} and {@link #move}.
   *
   * @return the squared Newton decrement {@code -grad f . direction}
   * @throws ArithmeticException when the Newton matrix is not numerically positive definite
   */
  double newtonDirection();

  /** Largest step along the direction that keeps every barrier argument positive (or +inf). */
  double maxStep();

  /** {@code f(x + alpha dx) - f(x)}; +infinity (or NaN) outside the domain. */
  double valueChange(double alpha);

  /**
   * Takes the step {@code x += alpha dx}.
   *
   * @return whether the new point is strictly inside the domain
   */
  boolean move(double alpha);

  /** Barrier parameter nu: a centred point's gap is at most {@code nu / tau}. */
  double nu();

  /** Current weight tau of the objective against the barriers. */
  double tau();

  /** Sets tau (the first one, or a larger one along the path). */
  void setTau(double tau);
}
