package io.convopt.solvers.relu.solve;

/**
 * Observer of the ADMM iterations: called once per iteration with the residuals, it returns whether
 * to go on (the shape of an ODE event handler). Implementations must be cheap; they run on the
 * solver's thread.
 */
@FunctionalInterface
public interface AdmmListener {
  /** What the solver does next. */
  enum Action {
    CONTINUE,
    STOP
  }

  /**
   * Residuals after one iteration (Boyd et al. 2011, §3.3).
   *
   * @param iteration 1-based iteration number
   * @param primalResidual {@code ||(u - v, G u - s, F u - z)||} (z only when the loss is split)
   * @param dualResidual {@code rho ||(v - v_old) + G^T (s - s_old) + F^T (z - z_old)||} of the last
   *     iteration where it was computed (the first and every {@code checkEvery}-th: it needs a
   *     product of its own)
   * @param relativePrimal primal residual / max(||(u, Gu, Fu)||, ||(v, s, z)||)
   * @param relativeDual dual residual / max(||rho lambda||, ||F^T y||) (the group-norm multiplier,
   *     floored by the data gradient at zero), refreshed with the dual residual
   * @param penalty the penalty rho in force
   */
  record Progress(
      int iteration,
      double primalResidual,
      double dualResidual,
      double relativePrimal,
      double relativeDual,
      double penalty) {}

  /** Called after every iteration. */
  Action iteration(Progress progress);

  /** A listener that never stops the solver. */
  static AdmmListener none() {
    return p -> Action.CONTINUE;
  }
}
