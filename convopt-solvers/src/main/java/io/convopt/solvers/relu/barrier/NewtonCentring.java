package io.convopt.solvers.relu.barrier;

import java.util.function.IntPredicate;

/**
 * Damped Newton centring of a {@link NewtonBarrier} for its current tau: Newton direction, {@link
 * BarrierLineSearch} step, move, until the squared Newton decrement is at most {@code 2 tol}.
 * Counts the Newton steps of the whole solve; one instance per solve (not thread-safe).
 *
 * <p>A centring ends {@link Outcome#STALLED} when the Newton matrix cannot be factored, the
 * decrement is not a finite non-negative number, or (with a decrement above 1) the line search
 * finds no decrease, the step falls below 1e-12 or {@value #MAX_CENTRING_STEPS} steps pass; with a
 * decrement at most 1 those last cases count as centred (no decrease is resolvable in floating
 * point any more).
 */
public final class NewtonCentring {
  /** How a centring ended. */
  public enum Outcome {
    CENTRED,
    STALLED,
    /** The step budget was exhausted before the point was centred. */
    OUT_OF_BUDGET
  }

  /** Newton steps per centring after which the centring is abandoned. */
  public static final int MAX_CENTRING_STEPS = 100;

  private final IntPredicate budgetExhausted;
  private int steps;

  /**
   * @param budgetExhausted told the number of Newton steps taken so far, whether to stop before the
   *     next one
   */
  public NewtonCentring(IntPredicate budgetExhausted) {
    this.budgetExhausted = budgetExhausted;
  }

  /** Newton steps taken so far (over all centrings). */
  public int steps() {
    return steps;
  }

  /** Centres {@code f} to a squared decrement of {@code 2 tol}. */
  public Outcome centre(NewtonBarrier f, double tol) {
    int inner = 0;
    while (true) {
      double lam2;
      try {
        lam2 = f.newtonDirection();
      } catch (ArithmeticException e) {
        return Outcome.STALLED;
      }
      if (!Double.isFinite(lam2) || lam2 < 0) {
        return Outcome.STALLED;
      }
      if (lam2 <= 2 * tol) {
        return Outcome.CENTRED;
      }
      if (budgetExhausted.test(steps)) {
        return Outcome.OUT_OF_BUDGET;
      }
      double alpha = BarrierLineSearch.step(f, lam2);
      if (alpha == 0) {
        // no decrease resolvable in floating point: nearly centred (small decrement) or stuck
        return lam2 > 1.0 ? Outcome.STALLED : Outcome.CENTRED;
      }
      steps++;
      if (!f.move(alpha)) {
        throw new IllegalStateException("interior-point step left the domain (bug)");
      }
      if (++inner > MAX_CENTRING_STEPS || alpha < 1e-12) {
        // no real progress (tiny steps): numerical limit reached
        return lam2 > 1.0 ? Outcome.STALLED : Outcome.CENTRED;
      }
    }
  }

  /**
   * The next tau of the path: {@code kappa tau}, but no further than where {@code nu / tau} is a
   * quarter of the target gap (and at least {@code 2 tau}).
   */
  public static double nextTau(double tau, double kappa, double nu, double targetGap) {
    return Math.min(tau * kappa, Math.max(tau * 2, nu / (0.25 * targetGap)));
  }

  /**
   * Whether {@code nu / tau} is below half the target gap: time for the final accurate centring
   * (the dual candidate, hence the certificate, is only as good as the centring).
   */
  public static boolean nearEnd(NewtonBarrier f, double targetGap) {
    return f.nu() / f.tau() <= 0.5 * targetGap;
  }
}
