package io.convopt.solvers.api;

/** Observes every iteration and may stop the run (the best point so far is kept). */
@FunctionalInterface
public interface IterationListener {

  /** What the solver should do after the listener has seen an iteration. */
  enum Action {
    CONTINUE,
    STOP
  }

  Action onIteration(IterationState state);

  /** A listener that never stops a run. */
  static IterationListener none() {
    return s -> Action.CONTINUE;
  }
}
