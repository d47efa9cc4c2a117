package io.convopt.kernel;

/**
 * The few size constants of the kernel module, kept in one place (EJML style).
 *
 * <p>None of them changes a result beyond rounding: they only choose between equivalent code paths
 * or refuse inputs that cannot fit in memory.
 */
public final class KernelTunables {

  private KernelTunables() {}

  /**
   * Length at and above which {@link ConvolutionSums} uses the {@code jdk.incubator.vector} path.
   * Below four full 512-bit vectors (32 doubles) the main loop runs at most a few times and the
   * masked tail dominates, so the scalar loop is used. Both paths give the same sum up to the
   * rounding bounds stated in {@link ConvolutionSums}.
   */
  public static final int VECTOR_THRESHOLD = 32;

  /**
   * Largest number of points of any grid built by this package: 2<sup>27</sup> (about
   * 1.3·10<sup>8</sup>) points, i.e. 1 GiB per stored double coordinate array. Larger grids are
   * refused with an {@link IllegalArgumentException} naming the requested count and this limit.
   */
  public static final int MAX_GRID_POINTS = 1 << 27;
}
