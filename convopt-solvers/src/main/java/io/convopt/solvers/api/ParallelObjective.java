package io.convopt.solvers.api;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Evaluates batches of points on several cores: the convolution solvers hand a whole grid of
 * missing samples to {@link Objective#values} at once, so an expensive f is sampled in parallel
 * while single evaluations stay on the caller's thread.
 *
 * <p>The wrapped objective must be thread-safe (pure functions are). Results do not depend on the
 * number of threads: each point's value is written to its own slot. Batches smaller than {@link
 * #MIN_PARALLEL_BATCH} points run sequentially, where fork/join overhead would dominate.
 *
 * <p>Owns a {@link ForkJoinPool}; {@link #close()} shuts it down.
 */
public final class ParallelObjective implements Objective, AutoCloseable {

  /** Batches below this size are evaluated on the calling thread. */
  public static final int MIN_PARALLEL_BATCH = 64;

  private final Objective inner;
  private final ForkJoinPool pool;

  /**
   * @param inner a thread-safe objective
   * @param threads worker threads, ≥ 1
   */
  public ParallelObjective(Objective inner, int threads) {
    if (inner == null) {
      throw new IllegalArgumentException("objective must not be null");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.inner = inner;
    this.pool = new ForkJoinPool(threads);
  }

  /** One worker per available core. */
  public static ParallelObjective onAllCores(Objective inner) {
    return new ParallelObjective(inner, Runtime.getRuntime().availableProcessors());
  }

  @Override
  public double value(double[] x) {
    return inner.value(x);
  }

  @Override
  public void values(double[][] points, double[] out) {
    if (out.length < points.length) {
      throw new IllegalArgumentException(
          "out has length " + out.length + " but " + points.length + " points were given");
    }
    if (points.length < MIN_PARALLEL_BATCH || pool.getParallelism() == 1) {
      inner.values(points, out);
      return;
    }
    try {
      pool.submit(
              () ->
                  IntStream.range(0, points.length)
                      .parallel()
                      .forEach(k -> out[k] = inner.value(points[k])))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("parallel sampling interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    }
  }

  @Override
  public void close() {
    pool.shutdown();
  }
}
