package io.convopt.experiments.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Disjoint train and test row indices covering 0..n−1, each sorted ascending.
 *
 * <p>{@link #random} and {@link #stratified} are seeded: {@code new SplittableRandom(seed)} drives
 * a Fisher–Yates shuffle (per class for the stratified split), so the same seed always gives the
 * same split. The test part has round(f·n) rows (per class for the stratified one: round(f·n_c),
 * but at least one training row per class when n_c ≥ 2). {@link #chronological} keeps time order.
 */
public record TrainTestSplit(int[] train, int[] test) {

  /** Fraction of rows held out by default (Mishkin et al.'s protocol). */
  public static final double DEFAULT_TEST_FRACTION = 0.2;

  /** Split seed of that protocol. */
  public static final long DEFAULT_SEED = 1995L;

  public TrainTestSplit {
    train = train.clone();
    test = test.clone();
  }

  @Override
  public int[] train() {
    return train.clone();
  }

  @Override
  public int[] test() {
    return test.clone();
  }

  /** A uniformly random split of n rows with round(f·n) test rows. */
  public static TrainTestSplit random(int n, double testFraction, long seed) {
    check(n, testFraction);
    int[] perm = identity(n);
    shuffle(perm, new SplittableRandom(seed));
    int nTest = (int) Math.round(testFraction * n);
    return sorted(Arrays.copyOfRange(perm, nTest, n), Arrays.copyOf(perm, nTest));
  }

  /** A split that keeps each class's proportion: round(f·n_c) test rows from each class. */
  public static TrainTestSplit stratified(int[] labels, double testFraction, long seed) {
    check(labels.length, testFraction);
    int k = 0;
    for (int l : labels) {
      if (l < 0) {
        throw new IllegalArgumentException("negative class label " + l);
      }
      k = Math.max(k, l + 1);
    }
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      byClass.get(labels[i]).add(i);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (List<Integer> members : byClass) {
      int[] idx = members.stream().mapToInt(Integer::intValue).toArray();
      shuffle(idx, rng);
      int nTest = (int) Math.round(testFraction * idx.length);
      if (idx.length >= 2) {
        nTest = Math.min(nTest, idx.length - 1);
      }
      for (int i = 0; i < idx.length; i++) {
        (i < nTest ? test : train).add(idx[i]);
      }
    }
    return sorted(
        train.stream().mapToInt(Integer::intValue).toArray(),
        test.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Time order: the first n − round(f·n) rows train, then {@code gap} rows are dropped, the rest
   * test. For windowed series the gap keeps test windows from overlapping training windows.
   */
  public static TrainTestSplit chronological(int n, double testFraction, int gap) {
    check(n, testFraction);
    if (gap < 0) {
      throw new IllegalArgumentException("gap must be >= 0, got " + gap);
    }
    int nTrain = n - (int) Math.round(testFraction * n);
    int testStart = Math.min(n, nTrain + gap);
    return new TrainTestSplit(identityRange(0, nTrain), identityRange(testStart, n));
  }

  private static void check(int n, double f) {
    if (n < 2) {
      throw new IllegalArgumentException("need at least 2 rows to split, got " + n);
    }
    if (!(f > 0 && f < 1)) {
      throw new IllegalArgumentException("test fraction must be in (0, 1), got " + f);
    }
  }

  private static TrainTestSplit sorted(int[] train, int[] test) {
    Arrays.sort(train);
    Arrays.sort(test);
    return new TrainTestSplit(train, test);
  }

  private static int[] identity(int n) {
    return identityRange(0, n);
  }

  private static int[] identityRange(int from, int to) {
    int[] a = new int[Math.max(0, to - from)];
    for (int i = 0; i < a.length; i++) {
      a[i] = from + i;
    }
    return a;
  }

  static void shuffle(int[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
