package io.convopt.solvers.nonconvex;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Process-wide ND4J thread settings. ND4J defaults to one OpenMP/BLAS thread per core; on the
 * project's shared 2-core machines that made every GEMM of {@link ReluObjective} several times
 * slower than a single thread (the threads spin while other processes hold the cores), so the
 * experiment commands call {@link #limitThreads(int)} with 1 unless told otherwise.
 */
public final class Nd4jSettings {

  private Nd4jSettings() {}

  /**
   * Sets ND4J's OpenMP, master and BLAS thread counts to {@code threads} (≥ 1) for the whole JVM.
   */
  public static void limitThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    Nd4j.getEnvironment().setMaxThreads(threads);
    Nd4j.getEnvironment().setMaxMasterThreads(threads);
    Nd4j.factory().blas().setMaxThreads(threads);
  }

  /**
   * ND4J's BLAS thread count, the one that governs the GEMMs (the environment's OpenMP count reads
   * back its old value after {@link #limitThreads(int)}, so it is not reported).
   */
  public static int threads() {
    return Nd4j.factory().blas().getMaxThreads();
  }
}
