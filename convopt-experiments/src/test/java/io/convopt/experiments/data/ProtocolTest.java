package io.convopt.experiments.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProtocolTest {

  static final DataCatalog CATALOG = DataCatalogTest.CATALOG;

  private static void assertPartition(TrainTestSplit s, int n) {
    int[] all =
        IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.test())).sorted().toArray();
    assertThat(all).containsExactly(IntStream.range(0, n).toArray());
  }

  @Test
  void randomSplitIsDeterministicDisjointAndComplete() {
    TrainTestSplit a = TrainTestSplit.random(209, 0.2, 7);
    TrainTestSplit b = TrainTestSplit.random(209, 0.2, 7);
    TrainTestSplit c = TrainTestSplit.random(209, 0.2, 8);
    assertThat(b.train()).containsExactly(a.train());
    assertThat(b.test()).containsExactly(a.test());
    assertThat(c.test()).isNotEqualTo(a.test());
    assertThat(a.test()).hasSize(42);
    assertPartition(a, 209);
  }

  @Test
  void stratifiedSplitKeepsClassProportions() {
    Dataset glass = CATALOG.load("glass");
    int[] labels = new int[glass.rows()];
    int[] counts = new int[glass.classCount()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = glass.label(i);
      counts[labels[i]]++;
    }
    TrainTestSplit s = TrainTestSplit.stratified(labels, 0.2, 1995);
    assertThat(TrainTestSplit.stratified(labels, 0.2, 1995).test()).containsExactly(s.test());
    assertPartition(s, labels.length);
    int[] testCounts = new int[counts.length];
    for (int i : s.test()) {
      testCounts[labels[i]]++;
    }
    for (int c = 0; c < counts.length; c++) {
      assertThat(testCounts[c])
          .as("class %d of %d", c, counts[c])
          .isEqualTo(Math.round(0.2 * counts[c]));
    }
  }

  @Test
  void standardisationUsesOnlyTrainingStatistics() {
    Dataset wine = CATALOG.load("wine");
    PreparedData p = Protocol.prepare(wine, 0.2, 1995);
    assertPartition(p.split(), wine.rows());
    double[][] raw = wine.features();
    int[] train = p.split().train();
    for (int j = 0; j < wine.columns(); j++) {
      double mu = 0;
      for (int i : train) {
        mu += raw[i][j];
      }
      mu /= train.length;
      assertThat(p.features().mean()[j]).isCloseTo(mu, within(1e-12 * (1 + Math.abs(mu))));
      assertThat(columnMean(p.xTrain(), j)).isCloseTo(0.0, within(1e-12));
      assertThat(columnSd(p.xTrain(), j)).isCloseTo(1.0, within(1e-12));
    }
    double maxTestMean = 0;
    for (int j = 0; j < wine.columns(); j++) {
      maxTestMean = Math.max(maxTestMean, Math.abs(columnMean(p.xTest(), j)));
    }
    assertThat(maxTestMean).as("test part is not re-centred on its own").isGreaterThan(1e-3);
    // the test rows are the raw test rows transformed with the training statistics
    int t0 = p.split().test()[0];
    for (int j = 0; j < wine.columns(); j++) {
      assertThat(p.xTest()[0][j])
          .isCloseTo(
              (raw[t0][j] - p.features().mean()[j]) / p.features().scale()[j], within(1e-12));
    }
  }

  @Test
  void regressionTargetsAreStandardisedOnTheTrainingPart() {
    PreparedData p = Protocol.prepare(CATALOG.load("diabetes"));
    assertThat(p.task()).isEqualTo(Task.REGRESSION);
    assertThat(mean(p.yTrain())).isCloseTo(0.0, within(1e-12));
    assertThat(Math.abs(mean(p.yTest()))).isGreaterThan(1e-6);
    assertThat(p.labelsTrain()).isEmpty();
    assertThat(p.signedProblems()).isZero();
  }

  @Test
  void binaryLabelsAreSignsAndMultiClassTargetsAreOneVsAll() {
    PreparedData bin = Protocol.prepare(CATALOG.load("sonar"));
    double[] y = bin.binaryTargets(true);
    for (int i = 0; i < y.length; i++) {
      assertThat(y[i]).isEqualTo(bin.labelsTrain()[i] == 1 ? 1.0 : -1.0);
    }
    assertThat(bin.signedProblems()).isEqualTo(1);
    PreparedData iris = Protocol.prepare(CATALOG.load("iris"));
    assertThat(iris.signedProblems()).isEqualTo(3);
    assertThatThrownBy(() -> iris.binaryTargets(true)).isInstanceOf(IllegalStateException.class);
    for (int k = 0; k < iris.labelsTest().length; k++) {
      int plus = 0;
      for (int c = 0; c < 3; c++) {
        double v = iris.oneVsAll(c, false)[k];
        assertThat(v).isIn(-1.0, 1.0);
        if (v > 0) {
          plus++;
          assertThat(iris.labelsTest()[k]).isEqualTo(c);
        }
      }
      assertThat(plus).isEqualTo(1);
    }
  }

  @Test
  void ecgWindowsLineUpWithTheSeries() {
    TimeSeries ecg = CATALOG.loadSeries("ecg");
    double[] s = ecg.values();
    int w = 32;
    int stride = 16;
    Dataset d = WindowedRegression.of(ecg, w, stride);
    assertThat(d.rows())
        .isEqualTo(WindowedRegression.windowCount(s.length, w, stride))
        .isEqualTo(6748);
    double[][] x = d.features();
    double[] y = d.targets();
    for (int k : new int[] {0, 1, 2, 1234, d.rows() - 1}) {
      int start = k * stride;
      for (int i = 0; i < w; i++) {
        assertThat(x[k][i]).isEqualTo(s[start + i]);
      }
      assertThat(y[k]).isEqualTo(s[start + w]);
    }
    assertThat((d.rows() - 1) * stride + w).isLessThan(s.length);
    assertThat(d.featureNames().get(w - 1)).isEqualTo("lag_1");

    PreparedData p = Protocol.prepareWindowed(ecg, w, stride, 0.2);
    int[] train = p.split().train();
    int[] test = p.split().test();
    int lastTrainTarget = train[train.length - 1] * stride + w;
    int firstTestSample = test[0] * stride;
    assertThat(firstTestSample).isGreaterThan(lastTrainTarget);
    assertThat(train[0]).isZero();
    assertThat(test[test.length - 1]).isEqualTo(d.rows() - 1);
    assertThat(mean(p.yTrain())).isCloseTo(0.0, within(1e-10));
    // a window of 1 with stride 1 is the lag-1 autoregression pair (s[t], s[t+1])
    Dataset lag1 = WindowedRegression.of(new TimeSeries("t", "v", new double[] {1, 2, 3, 4}), 1, 1);
    assertThat(lag1.targets()).containsExactly(2, 3, 4);
    assertThatThrownBy(() -> WindowedRegression.of(ecg, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  static double columnMean(double[][] x, int j) {
    double s = 0;
    for (double[] r : x) {
      s += r[j];
    }
    return s / x.length;
  }

  static double columnSd(double[][] x, int j) {
    double mu = columnMean(x, j);
    double s = 0;
    for (double[] r : x) {
      s += (r[j] - mu) * (r[j] - mu);
    }
    return Math.sqrt(s / x.length);
  }
}
