package io.convopt.experiments.benchmark;

/**
 * Thrown by a {@link SolverFactory} that does not offer its solver for a test function (e.g. BOBYQA
 * in 1-D). The benchmark records the run as declined, with this message as the reason, instead of
 * failing; other callers see an {@link IllegalArgumentException} as before.
 */
public final class SolverDeclinedException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * @param reason why the solver is not offered, naming what would be allowed
   */
  public SolverDeclinedException(String reason) {
    super(reason);
  }
}
