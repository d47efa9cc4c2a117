package io.convopt.solvers.nonconvex;

/**
 * A first-order stochastic optimiser over a flat parameter vector (the Tribuo-style SPI: initialise
 * / step / finalise / reset / copy), so SGD and Adam are interchangeable in {@link
 * NonConvexTrainer}.
 *
 * <p>Life cycle: {@link #initialise} once per run (allocates state for that many parameters),
 * {@link #step} once per mini-batch, {@link #finalise} once at the end. {@link #reset} returns to
 * the freshly constructed state; {@link #copy} returns an independent optimiser with the same
 * hyper-parameters and fresh state, so a configured instance can act as a prototype. Instances are
 * mutable and not thread-safe; the trainer always works on its own copy.
 */
public interface Optimiser {

  /** Prepares state for a parameter vector of length {@code parameterCount}. */
  void initialise(int parameterCount);

  /**
   * Updates {@code params} in place from the (stochastic) gradient {@code gradient} of the
   * objective being minimised.
   */
  void step(double[] params, double[] gradient);

  /** Called once after the last step; may change {@code params} (e.g. iterate averaging). */
  default void finalise(double[] params) {}

  /** Forgets all state (step count, moments). */
  void reset();

  /** An independent optimiser with the same hyper-parameters and fresh state. */
  Optimiser copy();

  /** Short name for tables ("sgd", "adam"). */
  String name();

  /** The base learning rate η. */
  double learningRate();

  /** The hyper-parameters as text, for provenance. */
  String describe();
}
